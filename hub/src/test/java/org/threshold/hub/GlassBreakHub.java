package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * What the glass-break tests over HTTP start from: a hub holding one household with a sensitive code, a protection
 * officer who serves only {@code legal} (so that code is withheld from them) and a DPO. A subclass overriding
 * {@link #database()} runs the same tests on another store.
 */
abstract class GlassBreakHub {
    static final String LEGAL = "legal-officer";
    static final String DPO = "dpo";
    static final String REASON = "Client disclosed violence at the desk; GBV team unreachable tonight.";

    @TempDir
    Path dataDir;
    HubFixture hub;
    HubClient client;
    /** The household's short code. */
    String code;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @BeforeEach
    void startHubWithAHousehold() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        Accounts accounts = hub.server().services().accounts();
        accounts.add(LEGAL, HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.PROTECTION_OFFICER, "Legal NGO", Set.of("legal")));
        accounts.add(DPO, HubFixture.PASSWORD.toCharArray(), new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        TestKiosk.Registration registration = hub.kiosk.register();
        assertThat(client.sync("KIOSK-01", List.of(registration.event())).status()).isEqualTo(200);
        code = registration.token().id().shortCode();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }
}
