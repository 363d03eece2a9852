package org.threshold.kiosk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kiosks run as child JVMs ({@link KioskMain}), for tests that kill them or change what the process inherits. */
final class KioskProcesses {
    private static final Pattern SERVING = Pattern.compile("KIOSK http://127\\.0\\.0\\.1:(\\d+)");

    private KioskProcesses() {
    }

    /** The port from the line {@link KioskMain} prints once it serves; reads the kiosk's output up to there. */
    static int servingPort(Process kiosk) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher serving = SERVING.matcher(line);
            if (serving.find()) {
                return Integer.parseInt(serving.group(1));
            }
        }
        throw new AssertionError("The kiosk process ended without serving");
    }
}
