package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.deployment.HubLayout;

/**
 * A hub upgraded from a release that kept households in clear: migration V10 set them aside in
 * {@code households_unsealed}, and the hub seals and indexes them at its next start, before it serves, leaving no clear
 * row behind. The household stored in clear is made here as the old release left it, from a hub of this release, with
 * the test's own connection. {@code OnPostgres} runs it on PostgreSQL.
 */
class HouseholdSealingUpgradeTest {
    @TempDir
    Path dataDir;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    @Test
    void householdsStoredInClearAreSealedAndIndexedAtTheNextStart() throws Exception {
        try (HubFixture hub = HubFixture.start(dataDir, database())) {
            TestKiosk.Registration registration = hub.kiosk.register();
            assertThat(hub.client().sync("KIOSK-01", List.of(registration.event())).status()).isEqualTo(200);
            String code = registration.token().id().shortCode();
            assertThat(hub.client().lookUp(code, hub.client().sessionToken()).status()).isEqualTo(200);
            String json = hub.openedHouseholdJson();
            hub.stopHub();
            // As the release before sealing left it: the row in clear, no terms, and (on a hub that had none) no key.
            hub.execute("INSERT INTO households_unsealed (household_id, token_id, token_kiosk_id, token_issued_on, "
                    + "kiosk_id, site, registered_at, household_json, event_id) SELECT household_id, token_id, "
                    + "token_kiosk_id, token_issued_on, kiosk_id, site, registered_at, ?, event_id FROM households", json);
            hub.execute("DELETE FROM households");
            hub.execute("DELETE FROM household_terms");
            Files.delete(dataDir.resolve(HubLayout.DATA_KEY));

            hub.startHub();

            assertThat(hub.count("households_unsealed")).isZero();
            assertThat(hub.count("households")).isEqualTo(1);
            assertThat(hub.count("household_terms")).isPositive();
            assertThat(dataDir.resolve(HubLayout.DATA_KEY)).exists();
            assertThat(hub.openedHouseholdJson()).isEqualTo(json);
            HubClient.Response found = hub.client().lookUp(code, hub.client().sessionToken(HubFixture.OFFICER));
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body()).contains(TestKiosk.ARABIC_GIVEN_NAME);
            hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                    new Accounts.Grant(Role.DPO, "Hub", Set.of()));
            HubClient.Response search = hub.client().get("/api/dsr/search?name=Nourhan", "Authorization",
                    "Bearer " + hub.client().sessionToken("dpo"));
            assertThat(search.json().get("households")).hasSize(1);
            if (database().equals(DatabaseSettings.SQLITE_IN_DATA_FOLDER)) {
                // secure_delete and the emptied WAL: the clear row's bytes are not left in the files.
                for (String file : List.of("hub.db", "hub.db-wal")) {
                    Path path = dataDir.resolve(file);
                    byte[] bytes = Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
                    assertThat(new String(bytes, StandardCharsets.UTF_8)).as(file)
                            .doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
                }
            }
        }
    }
}
