package org.threshold.hub;

import java.nio.file.Path;

/**
 * {@code HubMain --data DIR [--port N] [--host ADDR] [--demo]}: runs a hub until the process is stopped and
 * prints {@code HUB http://HOST:PORT} once it serves. With {@code --demo}, a fresh hub gets the demo
 * account {@value #DEMO_ADMIN} / {@value #DEMO_PASSWORD}; never use it for real records.
 */
public final class HubMain {
    static final String USAGE = "usage: HubMain --data DIR [--port N] [--host ADDR] [--demo]";
    static final String DEMO_ADMIN = "admin";
    static final String DEMO_PASSWORD = "demo-password";

    private HubMain() {
    }

    public static void main(String[] args) {
        HubSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        HubServer hub;
        try {
            hub = HubServer.start(settings);
        } catch (HubStartupException e) {
            System.err.println("The hub did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "hub-shutdown"));
        System.out.println("HUB " + hub.scheme() + "://" + settings.host() + ":" + hub.port());
    }

    static HubSettings parse(String[] args) {
        Path data = null;
        int port = 0;
        String host = HubSettings.DEFAULT_HOST;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(value(args, ++i, "--data"));
                case "--port" -> port = port(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                case "--demo" -> demo = true;
                default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("Say where the hub's data folder is with --data DIR.");
        }
        HubSettings settings = HubSettings.of(data.toAbsolutePath()).withHost(host).withPort(port).withDemoMode(demo);
        return demo ? settings.withBootstrapAdmin(DEMO_ADMIN, DEMO_PASSWORD.toCharArray()) : settings;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[index];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("--port needs a number from 0 (any free port) to 65535, not " + text);
    }
}
