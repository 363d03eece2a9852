package org.threshold.hub;

import java.nio.file.Path;
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

    abstract Engine engine();

    @BeforeEach
    void openStore() {
        store = JdbiHubStore.open(engine() == Engine.SQLITE ? JdbiHubStore.sqliteUrl(dir) : TestPostgres.newDatabaseUrl(),
                null);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    <T> T inTransaction(Function<Repositories, T> work) {
        return store.inTransaction(work);
    }
}
