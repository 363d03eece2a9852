package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.testing.TestClock;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.kiosk.KioskClient.Reply;
import org.threshold.provisioning.Provisioner;
import org.threshold.provisioning.Provisioner.OperatorGrant;

/**
 * Shredding, tamper and revocation against the real hub, with a kiosk enrolled by the real
 * provisioning code: each makes the local data unreadable on the kiosk, while the hub-sealed events
 * still sync and open at the hub.
 */
class AtRestWithHubTest {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "hub-admin-password";
    /** The administrator sees no household data: lookups are a protection officer's. */
    private static final String OFFICER = "protection";
    private static final String SUPERVISOR = "amal";
    private static final String SUPERVISOR_PASSPHRASE = "correct horse battery";
    private static final String RECEPTION = "bilal";
    private static final String RECEPTION_PASSPHRASE = "staple paper clip";

    @TempDir
    Path data;
    private final TestClock clock = new TestClock();
    private HubServer hub;
    private KioskApp kiosk;
    private KioskClient client;
    private Path kioskDir;

    @BeforeEach
    void enrollAndStart() throws Exception {
        Path hubDir = data.resolve("hub");
        kioskDir = data.resolve("kiosk");
        Provisioner provisioner = new Provisioner(new SecureRandom(), TestDeployment.TEST_COST);
        provisioner.initHub(hubDir);
        provisioner.enrollKiosk(hubDir, kioskDir, "KIOSK-07", "East gate", "http://127.0.0.1:9", List.of(
                new OperatorGrant(SUPERVISOR, OperatorRecord.Role.SUPERVISOR, SUPERVISOR_PASSPHRASE.toCharArray()),
                new OperatorGrant(RECEPTION, OperatorRecord.Role.RECEPTION, RECEPTION_PASSPHRASE.toCharArray())));
        hub = HubServer.start(HubSettings.of(hubDir).withClock(clock)
                .withBootstrapAdmin(ADMIN, ADMIN_PASSWORD.toCharArray()));
        hub.services().accounts().add(OFFICER, ADMIN_PASSWORD.toCharArray(), new Accounts.Grant(
                Role.PROTECTION_OFFICER, "Protection NGO", Set.of("gbv", "child-protection", "legal")));
        startKiosk();
    }

    private void startKiosk() throws Exception {
        kiosk = KioskApp.start(new KioskSettings(kioskDir, "127.0.0.1", 0, "http://127.0.0.1:" + hub.port(), true,
                clock, null));
        client = new KioskClient(kiosk.port());
        assertThat(client.unlock(RECEPTION, RECEPTION_PASSPHRASE).status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        hub.close();
    }

    @Test
    void everyProvisionedOperatorUnlocksTheOneLocalKeyAndSearchesByNameAcrossScripts() throws Exception {
        String amina = register("أمينة", "Amina");
        register("Щукарёв", null);

        KioskClient supervisor = new KioskClient(kiosk.port());
        supervisor.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE);
        for (String query : List.of("Amina", "Амина", "أمينة", "አሚና", "amina")) {
            Reply found = supervisor.get("/api/households?name=" + KioskClient.encode(query));
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.body().path("households")).as(query).hasSize(1);
            assertThat(found.body().at("/households/0/token/code").asText()).isEqualTo(amina);
            assertThat(found.body().at("/households/0/household/members/0/givenName").asText()).isEqualTo("أمينة");
        }
        assertThat(supervisor.get("/api/households?name=Nourhan").body().path("households")).isEmpty();
        assertThat(supervisor.get("/api/households?name=%20").reason()).isEqualTo("INVALID_REQUEST");
        assertThat(Files.exists(kioskDir.resolve("local-key.json"))).isFalse();
    }

    @Test
    void afterTheHubAcknowledgesAndTheRetentionWindowPassesTheLocalCopyIsShredded() throws Exception {
        String code = register("Nourhan", null);
        assertThat(sync().path("pendingEvents").asInt()).isZero();
        assertThat(kiosk.shredder().shredDue()).as("within the retention window").isZero();
        assertThat(lookup(code).path("localCopy").asText()).isEqualTo("OPENED");

        clock.advance(Duration.ofHours(72).plusMinutes(1));
        assertThat(kiosk.shredder().shredDue()).isEqualTo(1);

        client.unlock(RECEPTION, RECEPTION_PASSPHRASE);
        JsonNode shredded = lookup(code);
        assertThat(shredded.path("localCopy").asText()).isEqualTo("SHREDDED");
        assertThat(shredded.path("household").isNull()).isTrue();
        assertThat(shredded.path("notice").asText()).contains("synced to the hub");
        assertThat(client.get("/api/households?name=Nourhan").body().path("households")).isEmpty();
        assertThat(KioskFiles.count(kioskDir, "local_households")).isZero();
        assertThat(KioskFiles.count(kioskDir, "name_index")).isZero();
        assertThat(Files.size(kioskDir.resolve("kiosk.db-wal"))).as("WAL checkpointed and truncated").isZero();

        String later = register("Amina", null);
        assertThat(sync().path("pendingEvents").asInt()).as("later events still sync").isZero();
        assertThat(atHub(code)).isEqualTo("Nourhan");
        assertThat(atHub(later)).isEqualTo("Amina");
    }

    @Test
    void aTamperSignalDestroysTheKeysAtOnceWhileTheSealedEventsStillSync() throws Exception {
        String code = register("Nourhan", null);

        assertThat(client.post("/api/demo/tamper", Map.of()).status()).isEqualTo(204);

        assertDestroyed("TAMPER", code);
    }

    @Test
    void aRevocationFromTheHubDestroysTheKeysAtOnceWhileTheSealedEventsStillSync() throws Exception {
        String code = register("Nourhan", null);

        kiosk.keyDestruction().revokedByHub(clock.instant());

        assertDestroyed("REVOKED", code);
    }

    @Test
    void theReferralsSealedWithTheirRegistrationSyncAndReachTheirServiceAtTheHub() throws Exception {
        ObjectNode household = Households.nourhan();
        // A separated son: child protection, on his best interests.
        ((ObjectNode) household.withArray("members").get(1)).putArray("needs").add("SC-SC");
        Reply registered = client.post("/api/households", household);
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        String code = registered.body().at("/token/code").asText();
        List<SignedEvent> events = KioskFiles.events(kioskDir);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).sealedUnder()).contains(events.get(0).header().eventId());

        assertThat(sync().path("pendingEvents").asInt()).isZero();

        assertThat(atHub(code)).isEqualTo(Households.GIVEN_NAME);
        JsonNode queue = asOfficer().get("/api/referrals?service=child-protection").body().path("referrals");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).path("token").asText()).contains(code);
    }

    private void assertDestroyed(String why, String code) throws Exception {
        assertThat(lookup(code).isMissingNode()).as("the session was locked").isTrue();
        Reply refused = client.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reason()).isEqualTo("KEYS_DESTROYED_" + why);
        assertThat(refused.body().at("/error/message").asText()).contains("cannot be unlocked")
                .contains("still reach the hub");
        assertThat(client.get("/api/status").body().at("/localKeys/state").asText()).isEqualTo("DESTROYED");
        assertThat(KioskFiles.count(kioskDir, "operator_keys")).isZero();
        assertThat(KioskFiles.count(kioskDir, "local_households")).isZero();
        assertThat(KioskFiles.count(kioskDir, "name_index")).isZero();
        assertThat(KioskFiles.filesContaining(kioskDir, "Nourhan")).isEmpty();

        assertThat(sync().path("pendingEvents").asInt()).as("sync needs no unlocked shift").isZero();
        assertThat(atHub(code)).isEqualTo("Nourhan");

        kiosk.close();
        kiosk = null;
        kiosk = KioskApp.start(new KioskSettings(kioskDir, "127.0.0.1", 0, "http://127.0.0.1:" + hub.port(), true,
                clock, null));
        Reply afterRestart = new KioskClient(kiosk.port()).unlock(RECEPTION, RECEPTION_PASSPHRASE);
        assertThat(afterRestart.reason()).as("still refused after a restart").isEqualTo("KEYS_DESTROYED_" + why);
    }

    private String register(String givenName, String givenNameLatin) throws Exception {
        ObjectNode household = Households.nourhan();
        ObjectNode focal = (ObjectNode) household.path("members").path(0);
        focal.put("givenName", givenName);
        focal.remove("familyName");
        focal.remove("familyNameLatin");
        if (givenNameLatin == null) {
            focal.remove("givenNameLatin");
        } else {
            focal.put("givenNameLatin", givenNameLatin);
        }
        Reply registered = client.post("/api/households", household);
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        assertThat(registered.body().path("localCopy").asBoolean()).isTrue();
        return registered.body().at("/token/code").asText();
    }

    private JsonNode lookup(String code) throws Exception {
        Reply reply = client.get("/api/households/" + code);
        return reply.status() == 200 ? reply.body() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private JsonNode sync() throws Exception {
        KioskClient anonymous = new KioskClient(kiosk.port());
        Reply reply = anonymous.post("/api/sync", Map.of());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("error").isNull()).as(String.valueOf(reply.body())).isTrue();
        return reply.body();
    }

    private KioskClient asOfficer() throws Exception {
        KioskClient hubClient = new KioskClient(hub.port());
        Reply login = hubClient.post("/api/login", Map.of("username", OFFICER, "password", ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        hubClient.useSessionToken(login.body().path("sessionToken").asText());
        return hubClient;
    }

    private String atHub(String code) throws Exception {
        Reply found = asOfficer().get("/api/tokens/" + code);
        assertThat(found.status()).as(String.valueOf(found.body())).isEqualTo(200);
        return found.body().at("/household/members/0/givenName").asText();
    }
}
