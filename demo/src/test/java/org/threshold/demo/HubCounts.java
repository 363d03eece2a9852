package org.threshold.demo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Counts read straight from the hub's SQLite file, to check nothing was lost or doubled. */
record HubCounts(int events, int distinctEvents, int households) {
    static HubCounts read(Path hubDir) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + hubDir.resolve("hub.db"));
             Statement statement = connection.createStatement();
             ResultSet events = statement.executeQuery(
                     "SELECT COUNT(*), COUNT(DISTINCT event_id), (SELECT COUNT(*) FROM households) FROM events")) {
            events.next();
            return new HubCounts(events.getInt(1), events.getInt(2), events.getInt(3));
        }
    }
}
