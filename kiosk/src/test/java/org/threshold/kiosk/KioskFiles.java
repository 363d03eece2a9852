package org.threshold.kiosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.UnsealException;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.testing.ByteSearch;

/** Looks at what a kiosk left on disk, the way someone holding a seized kiosk would. */
public final class KioskFiles {
    private KioskFiles() {
    }

    /** Every file under {@code folder} whose raw bytes contain {@code text} in UTF-8. */
    public static List<Path> filesContaining(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (ByteSearch.indexOf(Files.readAllBytes(file), needle) >= 0) {
                    hits.add(file);
                }
            }
        }
        return hits;
    }

    /** The signed events in kiosk.db, in sequence order, read with a connection of the test's own. */
    public static List<SignedEvent> events(Path dataDir) throws SQLException, MalformedEncodingException {
        List<SignedEvent> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("kiosk.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT envelope FROM events ORDER BY sequence")) {
            while (rows.next()) {
                events.add(SignedEvent.decode(rows.getBytes(1)));
            }
        }
        return events;
    }

    /**
     * Opens an event of {@code events} as the hub does: one sealed with its registration under the secret the
     * registration's HPKE context exports, any other with the hub's key directly.
     */
    public static byte[] open(List<SignedEvent> events, SignedEvent event, SealingPrivateKey hubKey)
            throws UnsealException {
        Optional<UUID> registration = event.sealedUnder();
        if (registration.isEmpty()) {
            return event.openPayload(hubKey);
        }
        SignedEvent sealing = events.stream().filter(e -> e.header().eventId().equals(registration.get()))
                .findFirst().orElseThrow();
        return event.openUnder(sealing.exportedSecret(hubKey));
    }

    public static long count(Path dataDir, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("kiosk.db"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
