package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.Argon2idCost;

/** Tests hash passwords cheaply (QuickArgon2); this one makes sure the field never does. */
class FieldPasswordCostTest {
    @TempDir
    Path dataDir;

    @Test
    void aHubOnItsDefaultSettingsHashesNewPasswordsAtTheFieldCost() throws Exception {
        assertThat(HubSettings.of(dataDir).passwordCost()).isEqualTo(Argon2idCost.DEFAULT);
        try (HubServices services = HubServices.open(dataDir, DatabaseSettings.SQLITE_IN_DATA_FOLDER,
                Clock.systemUTC())) {
            services.accounts().createFirstAdmin("amal", "correct horse battery staple".toCharArray());
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("hub.db"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT password_hash FROM users")) {
            assertThat(row.next()).isTrue();
            assertThat(Argon2idCost.parse(row.getString(1))).isEqualTo(Argon2idCost.DEFAULT);
        }
    }
}
