package org.threshold.hub;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.store.JdbiHubStore;
import org.threshold.hub.testing.TestPostgres;

/**
 * What every repository contract test stands on: a fresh, migrated store on the engine its subclass names. Each
 * contract is an abstract class of tests; its test class runs it once per engine, as two nested classes.
 */
abstract class StoreContract {
    enum Engine { SQLITE, POSTGRESQL }

    @TempDir
    Path dir;
    HubStore store;
    String url;

    abstract Engine engine();

    @BeforeEach
    void openStore() {
        url = engine() == Engine.SQLITE ? JdbiHubStore.sqliteUrl(dir) : TestPostgres.newMigratedDatabaseUrl();
        store = JdbiHubStore.open(url, null);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Changes the store behind the repositories' back, on a connection of the test's own: tampering. */
    int execute(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T inTransaction(Function<Repositories, T> work) {
        return store.inTransaction(work);
    }
}
