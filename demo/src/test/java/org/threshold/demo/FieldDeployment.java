package org.threshold.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;
import org.threshold.hub.HubServer;
import org.threshold.hub.HubSettings;
import org.threshold.hub.deployment.HubLayout;
import org.threshold.kiosk.sync.SyncClient;
import org.threshold.provisioning.ProvisionCommand;

/**
 * A deployment as an administrator makes it: {@code provision init} and a first operator through the real
 * command line, then a real hub over TLS on loopback. Close it to stop the hub.
 */
final class FieldDeployment implements AutoCloseable {
    static final String SITE = "North gate";
    static final String OPERATOR = "amal";
    static final String PASSPHRASE = "four words of hers";
    /** A protection officer at the hub, added with `provision accounts add`: reads any household. */
    static final String OFFICER = "officer";
    static final String OFFICER_PASSWORD = "five words of his own";

    final Path dir;
    final Path hubDir;
    private HubServer hub;

    private FieldDeployment(Path dir) {
        this.dir = dir;
        this.hubDir = dir.resolve("hub");
    }

    /** A fresh deployment with one operator at {@link #SITE}; no hub running yet. */
    static FieldDeployment init(Path dir) throws Exception {
        FieldDeployment deployment = new FieldDeployment(dir);
        deployment.cli("init", "--hub", deployment.hubDir.toString(), "--name", "Test deployment",
                "--hub-url", "https://127.0.0.1:8443");
        Path passphrase = dir.resolve("passphrase.txt");
        Files.writeString(passphrase, PASSPHRASE + "\n");
        deployment.cli("operators", "add", "--hub", deployment.hubDir.toString(), "--site", SITE, "--name", OPERATOR,
                "--supervisor", "--passphrase-file", passphrase.toString());
        Path password = dir.resolve("officer-password.txt");
        Files.writeString(password, OFFICER_PASSWORD + "\n");
        deployment.cli("accounts", "add", "--hub", deployment.hubDir.toString(), "--username", OFFICER, "--role",
                "PROTECTION_OFFICER", "--organisation", "Protection NGO", "--service", "gbv", "--service", "legal",
                "--password-file", password.toString());
        return deployment;
    }

    FieldDeployment startHub(Clock clock) {
        hub = HubServer.start(HubSettings.of(hubDir).withClock(clock)
                .withBootstrapAdmin("admin", "hub-admin-password".toCharArray()));
        return this;
    }

    /** The running hub's administrative services: its kiosk directory, its update feed. */
    org.threshold.hub.HubServices services() {
        return hub.services();
    }

    String hubUrl() {
        return hub.scheme() + "://127.0.0.1:" + hub.port();
    }

    void stopHub() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    /** A new enrollment ticket for {@link #SITE}, pointing at the hub running in this process. */
    String addKiosk(String... extra) throws Exception {
        return addKioskAt(hubUrl(), extra);
    }

    /** A new enrollment ticket for {@link #SITE}, pointing at {@code url}. */
    String addKioskAt(String url, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("kiosk", "add", "--hub", hubDir.toString(), "--site", SITE,
                "--hub-url", url, "--qr", dir.resolve("qr-" + System.nanoTime() + ".png").toString()));
        args.addAll(List.of(extra));
        String out = cli(args.toArray(String[]::new));
        return out.lines().filter(line -> line.strip().startsWith("ticket: ")).findFirst().orElseThrow()
                .strip().substring("ticket: ".length());
    }

    String hubCertificateSha256() throws Exception {
        return Certificates.fingerprint(Pem.readCertificate(Files.readString(hubDir.resolve(HubLayout.TLS_CERTIFICATE))));
    }

    HttpClient pinnedClient() throws Exception {
        return SyncClient.httpClient(hubCertificateSha256());
    }

    /** Runs {@code provision ...}, expects success, returns what it printed. */
    String cli(String... args) {
        Result result = tryCli(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out();
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result tryCli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = ProvisionCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Override
    public void close() {
        stopHub();
    }
}
