package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.event.EventType;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.testing.ByteSearch;
import org.threshold.core.testing.DebianPackages;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.deployment.HubLayout;

/**
 * Personal data sealed at rest, and the DPO's data-subject requests, as a black box over HTTP on a real store: canary
 * names, phone, place and date of birth are looked for, byte for byte, in every file the hub writes (the SQLite file
 * with its WAL and shared memory, every file of the data folder; on PostgreSQL, a {@code pg_dump} as a backup takes
 * it) once after registration and again after erasure, when the household's wrapped key and the sealed payload of
 * the kiosk's event must be gone too. {@code OnPostgres} runs it all on PostgreSQL.
 */
class DataAtRestTest {
    static final String GIVEN = "Xandrielle";
    static final String FAMILY = "Quorvathine";
    static final String ARABIC_GIVEN = "زمردينة";
    static final String CYRILLIC_FAMILY = "Кворватіна";
    static final String PHONE = "+963 944 517 283";
    static final String PLACE = "Qarmoutville";
    static final LocalDate BORN = LocalDate.of(1987, 6, 5);
    private static final List<String> CANARIES = List.of(GIVEN, FAMILY, ARABIC_GIVEN, CYRILLIC_FAMILY, PHONE, PLACE,
            BORN.toString());

    @TempDir
    Path dataDir;
    @TempDir
    Path elsewhere;

    DatabaseSettings database() {
        return DatabaseSettings.SQLITE_IN_DATA_FOLDER;
    }

    private HubFixture hub;
    private HubClient client;
    private TestKiosk.Registration registration;
    private String dpo;

    @BeforeEach
    void registerACanaryHousehold() {
        hub = HubFixture.start(dataDir, database());
        client = hub.client();
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        registration = hub.kiosk.register(canaryHousehold());
        assertThat(client.sync("KIOSK-01", List.of(registration.event())).status()).isEqualTo(200);
        dpo = client.sessionToken("dpo");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void noFileTheHubWritesHoldsTheCanariesAndAfterErasureNotEvenTheKeyOrTheSealedPayload() throws Exception {
        // Projected, and shown whole to the DPO: the data is there, sealed.
        HubClient.Response export = dsr("/api/dsr/export?token=" + code());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains(GIVEN, ARABIC_GIVEN, PHONE, PLACE, BORN.toString());
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(HubLayout.DATA_KEY)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(filesHolding(CANARIES)).isEmpty();

        byte[] wrappedKey = (byte[]) hub.rows("SELECT wrapped_key FROM households").get(0).get(0);
        byte[] ciphertext = registration.event().payload().ciphertext();
        byte[] payloadSlice = Arrays.copyOfRange(ciphertext, 0, 48);
        assertThat(filesHolding(List.of(wrappedKey, payloadSlice)).size()).as("before erasure both are stored")
                .isPositive();

        HubClient.Response erased = client.post("/api/dsr/erase", ("{\"token\":\"" + code() + "\",\"reason\":"
                + "\"DSR-2026-014\"}").getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + dpo,
                "Content-Type", "application/json");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("householdId").asText()).isEqualTo(householdId());
        assertThat(erased.json().get("eventsRedacted").asInt()).isEqualTo(1);
        assertThat(filesHolding(CANARIES)).isEmpty();
        assertThat(filesHolding(List.of(wrappedKey, payloadSlice))).isEmpty();
        HubClient.Response lookup = client.lookUp(code(), client.sessionToken(HubFixture.OFFICER));
        assertThat(lookup.status()).isEqualTo(410);
        assertThat(lookup.reason()).isEqualTo("ERASED");
        assertThat(dsr("/api/dsr/export?token=" + code()).reason()).isEqualTo("ERASED");
        assertThat(dsr("/api/dsr/search?name=" + GIVEN).json().get("households")).isEmpty();
        // The kiosk's chain still holds the event, by its hash.
        assertThat(hub.rows("SELECT hash FROM events WHERE kiosk_id = 'KIOSK-01'")).hasSize(1);
        assertThat(hub.rows("SELECT action, outcome FROM access_log WHERE action LIKE 'dsr-%' ORDER BY id"))
                .containsExactly(List.of("dsr-export", "FOUND"), List.of("dsr-erase", "ERASED"),
                        List.of("dsr-export", "ERASED"), List.of("dsr-search", "NOT_FOUND"));
    }

    @Test
    void aGlassBreakReasonIsSealedAtRestAndShownOnlyToTheDpoAndItsOfficer() {
        String reason = "Her sister Vexmorande says she is in danger tonight";
        hub.server().services().accounts().add("colleague", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.PROTECTION_OFFICER, "Protection NGO", Set.of("legal")));
        String officer = client.sessionToken(HubFixture.OFFICER);

        HubClient.Response granted = client.post("/api/glass-breaks", ("{\"token\":\"" + code() + "\",\"reason\":\""
                + reason + "\"}").getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + officer,
                "Content-Type", "application/json");

        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(filesHolding(List.of("Vexmorande"))).isEmpty();
        assertThat(hub.rows("SELECT reason FROM glass_breaks").get(0).get(0).toString()).startsWith("sealed-v1.");
        assertThat(dsr("/api/glass-breaks").body()).contains(reason);
        assertThat(client.lookUp(code(), officer).body()).contains(reason);
        assertThat(client.lookUp(code(), client.sessionToken("colleague")).body()).doesNotContain("Vexmorande");
    }

    @Test
    void anErasureForgetsTheGlassBreakReasonsOnTheHouseholdButKeepsWhoAndWhen() {
        HubClient.Response granted = client.post("/api/glass-breaks", ("{\"token\":\"" + code() + "\",\"reason\":"
                + "\"Her sister Vexmorande says she is in danger tonight\"}").getBytes(StandardCharsets.UTF_8),
                "Authorization", "Bearer " + client.sessionToken(HubFixture.OFFICER), "Content-Type", "application/json");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);

        assertThat(erase("DSR-2026-015").status()).isEqualTo(200);

        JsonNode grant = dsr("/api/glass-breaks").json().at("/glassBreaks/0");
        assertThat(grant.get("reason").isNull()).isTrue();
        assertThat(grant.get("account").asText()).isEqualTo(HubFixture.OFFICER);
        assertThat(grant.get("householdId").asText()).isEqualTo(householdId());
        assertThat(client.get("/dpo/glass-breaks", "Cookie", "threshold_session=" + dpo).body())
                .contains("erased with the household").doesNotContain("Vexmorande");
    }

    @Test
    void aGlassBreakReasonAnEarlierReleaseStoredInClearIsSealedAtTheNextStart() {
        hub.stopHub();
        hub.execute("INSERT INTO glass_breaks (username, household_id, reason, granted_at, expires_at) "
                + "VALUES ('nadia', '" + java.util.UUID.randomUUID() + "', 'Before sealing: Vexmorande at risk', 0, 1)");
        assertThat(filesHolding(List.of("Vexmorande"))).isNotEmpty();

        hub.startHub();
        client = hub.client();

        assertThat(filesHolding(List.of("Vexmorande"))).isEmpty();
        assertThat(dsr("/api/glass-breaks").body()).contains("Before sealing: Vexmorande at risk");
    }

    @Test
    void erasureTakesTheNotesAndReasonsOutOfItsReferralsWritesATombstoneAndNoBackupTakenAfterHoldsAnything()
            throws Exception {
        String note = "Brumbleworth said the family sleeps behind the mill";
        String reason = "Thistlemoor clinic already treats them";
        hub.server().services().accounts().add("cw-health", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.CASEWORKER, "Health NGO", Set.of("health")));
        TestKiosk.Referral referral = hub.kiosk.refer(registration, "health", Urgency.URGENT, LegalBasis.CONSENT,
                TestKiosk.OPEN_NEED);
        assertThat(client.sync("KIOSK-01", List.of(referral.event())).status()).isEqualTo(200);
        client.lookUp(code(), client.sessionToken(HubFixture.OFFICER));
        String caseworker = client.sessionToken("cw-health");
        String referralPath = "/api/referrals/" + referral.id();
        assertThat(asCaseworker(caseworker, referralPath + "/notes", "{\"text\":\"" + note + "\"}").status())
                .isEqualTo(200);
        assertThat(asCaseworker(caseworker, referralPath + "/transitions", "{\"status\":\"DECLINED\","
                + "\"reason\":\"" + reason + "\"}").status()).isEqualTo(200);
        List<String> typed = List.of(note.substring(0, 12), reason.substring(0, 11));
        assertThat(filesHolding(typed)).as("the referral's history holds what staff typed").isNotEmpty();

        assertThat(erase("DSR-2026-016").status()).isEqualTo(200);
        Path backup = backupTakenNow();

        List<String> everything = new ArrayList<>(CANARIES);
        everything.addAll(typed);
        assertThat(filesHolding(everything)).isEmpty();
        assertThat(holding(backup, everything)).isEmpty();
        HubClient.Response read = client.get(referralPath, "Authorization", "Bearer " + caseworker);
        HubClient.Response noted = asCaseworker(caseworker, referralPath + "/notes", "{\"text\":\"Again.\"}");
        assertThat(List.of(read.status(), noted.status())).containsExactly(410, 410);
        assertThat(List.of(read.reason(), noted.reason())).containsOnly("ERASED");
        assertThat(hub.rows("SELECT cause FROM referral_redactions")).containsExactly(List.of("ERASED"));

        List<Object> tombstone = hub.rows("SELECT envelope FROM events WHERE kiosk_id = 'HUB' ORDER BY sequence DESC")
                .get(0);
        SignedEvent erased = SignedEvent.decode((byte[]) tombstone.get(0));
        assertThat(erased.header().type()).isEqualTo(EventType.HOUSEHOLD_ERASED);
        JsonNode said = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                erased.openPayload(hub.hubSealing));
        assertThat(said.get("householdId").asText()).isEqualTo(householdId());
        assertThat(said.get("actor").asText()).isEqualTo("dpo");
        assertThat(said.get("reason").asText()).isEqualTo("DSR-2026-016");
    }

    private HubClient.Response asCaseworker(String session, String path, String json) {
        return client.post(path, json.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + session,
                "Content-Type", "application/json");
    }

    /**
     * A backup as the hub takes it, in a form the canaries can be looked for in: SQLite's copy is a database file;
     * PostgreSQL's is pg_dump's compressed archive, which pg_restore writes out as plain SQL.
     */
    private Path backupTakenNow() throws Exception {
        Path backup = elsewhere.resolve("backup-" + System.nanoTime());
        hub.server().services().dumpStoreTo(backup);
        if (database().equals(DatabaseSettings.SQLITE_IN_DATA_FOLDER)) {
            return backup;
        }
        Path plain = elsewhere.resolve("backup-plain-" + System.nanoTime() + ".sql");
        Process process = new ProcessBuilder("pg_restore", "--file=" + plain, backup.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return plain;
    }

    @Test
    void theDpoFindsThePersonByNameInAnyScriptByDateOfBirthByAgeOrByToken() {
        for (String query : List.of("name=" + GIVEN, "name=" + encode("زُمُردينة"), "name=Zumurdina",
                "name=" + encode(CYRILLIC_FAMILY), "name=" + encode(GIVEN + " " + FAMILY),
                "birthDate=" + BORN, "age=" + (hub.clock.instant().atOffset(java.time.ZoneOffset.UTC).getYear()
                        - BORN.getYear()), "token=" + code(), "name=" + GIVEN + "&token=" + code())) {
            HubClient.Response found = dsr("/api/dsr/search?" + query);
            assertThat(found.status()).as(query).isEqualTo(200);
            assertThat(found.json().get("households")).as(query).hasSize(1);
            assertThat(found.json().at("/households/0/householdId").asText()).as(query).isEqualTo(householdId());
        }
        for (String query : List.of("name=Nobodyatall", "birthDate=1988-06-05", "name=" + GIVEN + "&age=3")) {
            assertThat(dsr("/api/dsr/search?" + query).json().get("households")).as(query).isEmpty();
        }
        for (String query : List.of("", "birthDate=5%2F6%2F1987", "age=old", "name=%2B%2B")) {
            HubClient.Response refused = dsr("/api/dsr/search?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.reason()).as(query).isEqualTo("INVALID_QUERY");
        }
        assertThat(hub.rows("SELECT household_id FROM access_log WHERE action = 'dsr-search' AND outcome = 'FOUND'"))
                .hasSize(9).allMatch(row -> row.get(0).equals(householdId()));
    }

    @Test
    void theExportIsAPrintablePageInThePersonsLanguage() {
        HubClient.Response page = dsr("/api/dsr/export?token=" + code() + "&format=html");
        HubClient.Response english = dsr("/api/dsr/export?token=" + code() + "&format=html&lang=en");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("lang=\"ar\"", "dir=\"rtl\"", "تاريخ الميلاد", ARABIC_GIVEN, PLACE);
        assertThat(english.body()).contains("lang=\"en\"", "Date of birth", ARABIC_GIVEN);
    }

    @Test
    void anErasureNeedsAReasonAndAnErasedHouseholdCannotBeErasedAgain() {
        HubClient.Response noReason = erase("");
        HubClient.Response first = erase("DSR-2026-015");
        HubClient.Response again = erase("DSR-2026-015");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.reason()).isEqualTo("INVALID_REASON");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.reason()).isEqualTo("ERASED");
    }

    private HubClient.Response erase(String reason) {
        return client.post("/api/dsr/erase", ("{\"token\":\"" + code() + "\",\"reason\":\"" + reason + "\"}")
                .getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + dpo, "Content-Type",
                "application/json");
    }

    private HubClient.Response dsr(String path) {
        return client.get(path, "Authorization", "Bearer " + dpo);
    }

    private String code() {
        return registration.token().id().shortCode();
    }

    private String householdId() {
        return registration.payload().householdId().toString();
    }

    /**
     * The files the hub wrote that hold any of {@code needles} (text as UTF-8): every file of the data folder, and on
     * PostgreSQL a dump of the database taken as a backup takes it.
     */
    private List<String> filesHolding(List<?> needles) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!database().equals(DatabaseSettings.SQLITE_IN_DATA_FOLDER)) {
            files.add(plainDump());
        }
        List<String> holding = new ArrayList<>();
        files.forEach(file -> holding.addAll(holding(file, needles)));
        return holding;
    }

    private static List<String> holding(Path file, List<?> needles) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> holding = new ArrayList<>();
        for (Object needle : needles) {
            // Bytes as stored, or as pg_dump writes a bytea: hex.
            List<byte[]> forms = needle instanceof byte[] raw
                    ? List.of(raw, Bytes.hex(raw).getBytes(StandardCharsets.US_ASCII))
                    : List.of(needle.toString().getBytes(StandardCharsets.UTF_8));
            if (forms.stream().anyMatch(form -> ByteSearch.indexOf(content, form) >= 0)) {
                holding.add(file.getFileName() + " holds " + (needle instanceof byte[] ? "bytes" : needle));
            }
        }
        return holding;
    }

    /** The whole database as {@code pg_dump} writes it in plain SQL (the hub's backups compress theirs). */
    private Path plainDump() {
        DebianPackages.require("pg_dump", "postgresql-client");
        Path dump = elsewhere.resolve("dump-" + System.nanoTime() + ".sql");
        try {
            Process process = new ProcessBuilder("pg_dump", "--format=plain", "--no-password", "--file=" + dump,
                    hub.database.urlFor(dataDir).substring("jdbc:".length())).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return dump;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static Household canaryHousehold() {
        Member focalPoint = new Member(GIVEN, FAMILY, null, null, Sex.F, BORN, false, null, "SYR",
                Relationship.FOCAL_POINT, List.of(TestKiosk.OPEN_NEED));
        Member sister = new Member(ARABIC_GIVEN, CYRILLIC_FAMILY, null, null, Sex.F, null, false, 30, "SYR",
                Relationship.SIBLING, List.of());
        return new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", PLACE), List.of("ar"), PHONE,
                new Consent(true, true), List.of(focalPoint, sister));
    }
}
