package org.threshold.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.deployment.DeploymentLayout;

class HubConfTest {
    private static final Path FILE = Path.of("/etc/threshold/hub.conf");

    @TempDir
    Path dir;

    private Path data;

    /** A data folder as threshold-provision init leaves it: owner-only, keys and TLS files in it. */
    @BeforeEach
    void deployment() throws IOException {
        data = Files.createDirectory(dir.resolve("hub"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        for (String file : List.of(DeploymentLayout.HUB_KEYS, HubConf.TLS_CERTIFICATE, HubConf.TLS_KEY)) {
            Files.writeString(data.resolve(file), "made by init");
        }
    }

    @Test
    void unsetSettingsTakeTheDefaultsAndSqliteAddsNoDatabaseOptions() throws Exception {
        HubConf conf = HubConf.parse(FILE, "# only the data folder\n\ndata = " + data + "\n");
        assertThat(conf).isEqualTo(new HubConf(data, "0.0.0.0", 8443, true, "sqlite", null));
        assertThat(conf.hubArguments()).containsExactly("--data", data.toString(), "--host", "0.0.0.0", "--port", "8443");
    }

    @Test
    void postgresqlMapsToTheHubsDbOptionsWithThePasswordFromAFile() throws Exception {
        Path password = Files.writeString(dir.resolve("hub-db-password"), "secret");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String url = "jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold";
        HubConf conf = HubConf.parse(FILE, "data = " + data + "\n  host = 10.0.0.5  \nport=9443\ndb = " + url
                + "\ndb.password-file = " + password + "\n");
        assertThat(conf.hubArguments()).containsExactly("--data", data.toString(), "--host", "10.0.0.5", "--port",
                "9443", "--db", url, "--db-password-file", password.toString());
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLine() {
        String text = "data = " + data + "\nprot = 8443\nhost = a b\nport = 70000\nport = 1\ntls\ntls = maybe\ndb =\n";
        assertThatThrownBy(() -> HubConf.parse(FILE, text)).isInstanceOfSatisfying(HubConf.Invalid.class, invalid ->
                assertThat(invalid.problems()).containsExactly(
                        "Line 2: unknown setting \"prot\"; the settings are data, host, port, tls, db, db.password-file.",
                        "Line 5: port is already set on line 4; keep one of them.",
                        "Line 6 is not \"name = value\": \"tls\".",
                        "Line 8: db has no value; give one or delete the line for the default (sqlite).",
                        "host must be an IP address or a host name (0.0.0.0 for every IPv4 interface), not \"a b\".",
                        "port must be a number from 1 to 65535 (0: any free port, for tests), not \"70000\".",
                        "tls must be on or off, not \"maybe\"."));
    }

    @Test
    void theDatabasePasswordNeverSitsInTheUrlOrInAFileOthersCanRead() throws Exception {
        assertThat(problems("db = jdbc:postgresql://db/threshold?user=t&Password=hunter2\n"))
                .singleElement().asString().startsWith("db must not hold the password");
        Path readable = Files.writeString(dir.resolve("readable"), "secret");
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(problems("db = jdbc:postgresql://db/threshold\ndb.password-file = " + readable + "\n"))
                .singleElement().asString().contains("may be read by others").contains("chmod 600");
        assertThat(problems("db = jdbc:postgresql://db/threshold\ndb.password-file = " + dir.resolve("none") + "\n"))
                .singleElement().asString().contains("is missing or not readable");
        assertThat(problems("db.password-file = " + readable + "\n")).containsExactly(
                "db.password-file is for PostgreSQL; with db = sqlite delete that line.");
        assertThat(problems("db = mysql://db\n")).singleElement().asString().startsWith("db must be sqlite or a PostgreSQL");
    }

    @Test
    void plainHttpOnlyOnLoopbackAndOnlyWhenTheHubWouldReallyServeIt() throws Exception {
        assertThat(problems("tls = off\nhost = 127.0.0.1\n")).singleElement().asString()
                .contains("the hub serves HTTPS whenever they are there: set tls = on");
        Files.delete(data.resolve(HubConf.TLS_CERTIFICATE));
        Files.delete(data.resolve(HubConf.TLS_KEY));
        assertThat(problems("tls = off\nhost = 0.0.0.0\n")).singleElement().asString()
                .startsWith("tls = off sends every record in the clear");
        assertThat(problems("tls = off\nhost = hub.example.org\n")).hasSize(1);
        assertThat(HubConf.parse(FILE, "data = " + data + "\ntls = off\nhost = 127.0.0.1\n").tls()).isFalse();
        assertThat(HubConf.parse(FILE, "data = " + data + "\ntls = off\nhost = ::1\n").tls()).isFalse();
        assertThat(problems("host = 127.0.0.1\n")).singleElement().asString()
                .contains("tls = on but").contains(HubConf.TLS_CERTIFICATE + " and " + HubConf.TLS_KEY);
    }

    @Test
    void theDataFolderMustExistBeOwnerOnlyAndHoldADeployment() throws Exception {
        assertThat(problems(dir.resolve("missing"), "")).singleElement().asString()
                .contains("does not exist").contains("install -d -m 0700 -o threshold-hub");
        assertThat(problems(Path.of("relative/hub"), "")).containsExactly(
                "data must be an absolute path, not \"relative/hub\".");
        Files.delete(data.resolve(DeploymentLayout.HUB_KEYS));
        assertThat(problems("")).singleElement().asString().startsWith("No deployment in " + data)
                .contains("threshold-provision init");
        Files.writeString(data.resolve(DeploymentLayout.HUB_KEYS), "made by init");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(problems("")).singleElement().asString().contains("chmod 700 " + data);
    }

    @Test
    void anUnreadableFileSaysHowToGetItBack() {
        assertThatThrownBy(() -> HubConf.read(dir.resolve("absent.conf"))).isInstanceOf(HubConf.Invalid.class)
                .hasMessageContaining("Reinstall threshold-hub");
    }

    private List<String> problems(String settings) {
        return problems(data, settings);
    }

    private static List<String> problems(Path dataFolder, String settings) {
        try {
            HubConf.parse(FILE, "data = " + dataFolder + "\n" + settings);
        } catch (HubConf.Invalid invalid) {
            return invalid.problems();
        }
        return List.of();
    }
}
