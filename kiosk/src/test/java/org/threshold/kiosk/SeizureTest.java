package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.search.NameTerms;
import org.threshold.core.testing.ByteSearch;
import org.threshold.kiosk.KioskClient.Reply;

/**
 * Someone seizes a kiosk after a shift: it was locked and switched off. Nothing on its disk (the data
 * folder and the temporary folders) holds a registered name in any encoding, case or transliteration,
 * and the database opened without a passphrase yields no personal data.
 */
class SeizureTest {
    /** Canary names: unlikely anywhere else, one per script the kiosk sees. */
    private static final List<String[]> CANARIES = List.of(
            new String[] {"Quillbrexton", "Vardemooreq"},   // Latin
            new String[] {"خزعبلاتيش", "قشطبوني"},           // Arabic
            new String[] {"Щыржабуков", "Хрумпельзина"},     // Cyrillic
            new String[] {"ጰጸፀጨረቨ", "ፐፑፒፓፔ"});             // Ge'ez (Tigrinya, Amharic)
    private static final long LARGEST_FILE = 64L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void aLockedAndStoppedKioskRevealsNoName() throws Exception {
        Instant started = Instant.now().minusSeconds(2);
        TestDeployment.enroll(dataDir, "http://127.0.0.1:9");
        try (KioskApp kiosk = KioskApp.start(
                new KioskSettings(dataDir, "127.0.0.1", 0, null, false, Clock.systemDefaultZone(), null))) {
            KioskClient client = new KioskClient(kiosk.port());
            assertThat(client.unlock(TestDeployment.OPERATOR, TestDeployment.PASSPHRASE).status()).isEqualTo(200);
            for (String[] names : CANARIES) {
                Reply registered = client.post("/api/households", household(names));
                assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
                String code = registered.body().at("/token/code").asText();
                // A shift's ordinary use: find it again by token and by name, reprint its card.
                assertThat(client.get("/api/households/" + code).body().at("/household/members/0/givenName").asText())
                        .isEqualTo(names[0]);
                assertThat(client.get("/api/households?name=" + KioskClient.encode(names[0])).body()
                        .path("households")).hasSize(1);
                assertThat(client.post("/api/households/" + code + "/reprint", Map.of()).status()).isEqualTo(200);
            }
            assertThat(client.delete("/api/session").status()).isEqualTo(204);
        }

        Set<String> forms = canaryForms();
        assertThat(forms).contains("Quillbrexton", "quillbrexton", "QUILLBREXTON", "خزعبلاتيش", "Щыржабуков",
                "щыржабуков", "ጰጸፀጨረቨ");
        List<Path> searched = filesToSearch(started);
        assertThat(searched).as("the database and its files are searched").anyMatch(p -> p.endsWith("kiosk.db"));
        List<String> hits = new ArrayList<>();
        for (Path file : searched) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException gone) {
                continue; // another process's temporary file, deleted since the walk (tests run side by side)
            }
            for (String form : forms) {
                for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE)) {
                    if (ByteSearch.indexOf(content, form.getBytes(charset)) >= 0) {
                        hits.add(file + " holds \"" + form + "\" in " + charset);
                    }
                }
            }
        }
        assertThat(hits).isEmpty();
        // The search itself finds a canary where there is one, in any of the encodings.
        Path control = Files.createTempFile(dataDir.getParent(), "control", ".bin");
        Files.write(control, "xxЩыржабуковxx".getBytes(StandardCharsets.UTF_16BE));
        assertThat(ByteSearch.indexOf(Files.readAllBytes(control), "Щыржабуков".getBytes(StandardCharsets.UTF_16BE)))
                .isPositive();
        Files.delete(control);

        assertThat(everyValueInTheDatabase()).as("the database read without a passphrase")
                .noneMatch(value -> forms.stream().anyMatch(value::contains));
    }

    private static ObjectNode household(String[] names) {
        ObjectNode household = Households.nourhan();
        household.put("arrivalDate", LocalDate.now().minusDays(1).toString());
        ObjectNode focal = (ObjectNode) household.path("members").path(0);
        focal.put("givenName", names[0]);
        focal.put("familyName", names[1]);
        focal.put("givenNameLatin", String.join(" ", NameTerms.latinWords(names[0])));
        focal.put("familyNameLatin", String.join(" ", NameTerms.latinWords(names[1])));
        ObjectNode son = (ObjectNode) household.path("members").path(1);
        son.put("givenName", names[1]);
        return household;
    }

    /** Each canary as written, upper, lower and case-folded, and transliterated to Latin; six characters or more. */
    private static Set<String> canaryForms() {
        Set<String> forms = new LinkedHashSet<>();
        for (String[] names : CANARIES) {
            for (String name : names) {
                forms.add(name);
                forms.add(name.toLowerCase(Locale.ROOT));
                forms.add(name.toUpperCase(Locale.ROOT));
                forms.add(com.ibm.icu.lang.UCharacter.foldCase(name, true));
                for (String word : NameTerms.latinWords(name)) {
                    forms.add(word);
                    forms.add(word.toUpperCase(Locale.ROOT));
                    forms.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
                }
                forms.add(com.ibm.icu.text.Transliterator.getInstance("Any-Latin").transliterate(name));
            }
        }
        forms.removeIf(form -> form.length() < 6);
        return forms;
    }

    /** Everything under the data folder, and whatever this test run left in the system's temporary folder. */
    private List<Path> filesToSearch(Instant started) throws IOException {
        List<Path> files = new ArrayList<>(regularFiles(dataDir, null));
        Path systemTemp = Path.of(System.getProperty("java.io.tmpdir"));
        files.addAll(regularFiles(systemTemp, FileTime.from(started)).stream()
                .filter(file -> !file.startsWith(dataDir)).toList());
        return files;
    }

    private static List<Path> regularFiles(Path folder, FileTime modifiedSince) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, 6)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(Files::isReadable).toList()) {
                try {
                    if (Files.size(file) <= LARGEST_FILE && (modifiedSince == null
                            || Files.getLastModifiedTime(file).compareTo(modifiedSince) >= 0)) {
                        files.add(file);
                    }
                } catch (IOException e) {
                    // Gone meanwhile (another process's temporary file): nothing of ours.
                }
            }
        } catch (java.io.UncheckedIOException e) {
            // A folder of another process vanished while walking; what was listed is searched.
        }
        return files;
    }

    private List<String> everyValueInTheDatabase() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("kiosk.db"));
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("events", "local_households", "name_index", "operator_keys");
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            Object value = rows.getObject(column);
                            if (value instanceof byte[] bytes) {
                                values.add(new String(bytes, StandardCharsets.UTF_8));
                                values.add(new String(bytes, StandardCharsets.UTF_16LE));
                            } else if (value != null) {
                                values.add(value.toString());
                            }
                        }
                    }
                }
            }
        }
        return values;
    }
}
