package org.threshold.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.DatabaseSettings;
import org.threshold.hub.HubServices;
import org.threshold.provisioning.ProvisionCommandTest.Run;

/** `provision accounts` on a real hub folder, through the hub's own services, as an administrator uses it. */
class AccountsCommandTest {
    @TempDir
    Path dir;

    private static Run run(String... args) {
        return ProvisionCommandTest.run(args);
    }

    @Test
    void addsListsChangesDisablesAndEndsSessionsOfAccounts() throws Exception {
        String hub = dir.resolve("hub").toString();
        assertThat(run("init", "--hub", hub, "--name", "Test", "--hub-url", "https://hub.example.org:8443").exit())
                .isZero();
        Path password = dir.resolve("password.txt");
        Files.writeString(password, "a long enough password\n");

        Run added = run("accounts", "add", "--hub", hub, "--username", "leila", "--role", "CASEWORKER",
                "--organisation", "Health NGO", "--service", "health", "--service", "mhpss",
                "--password-file", password.toString());
        Run twice = run("accounts", "add", "--hub", hub, "--username", "leila", "--role", "CASEWORKER",
                "--service", "health", "--password-file", password.toString());
        Run unknownService = run("accounts", "add", "--hub", hub, "--username", "omar", "--role", "CASEWORKER",
                "--service", "helth", "--password-file", password.toString());
        Run adminWithService = run("accounts", "add", "--hub", hub, "--username", "omar", "--role", "ADMIN",
                "--service", "health", "--password-file", password.toString());
        Run changed = run("accounts", "set-role", "--hub", hub, "--username", "leila", "--role", "PROTECTION_OFFICER",
                "--service", "gbv");
        String session;
        try (HubServices services = HubServices.open(Path.of(hub), DatabaseSettings.SQLITE_IN_DATA_FOLDER,
                Clock.systemUTC())) {
            session = services.accounts().login("leila", "a long enough password".toCharArray(), "10.0.0.1");
        }
        Run sessions = run("accounts", "sessions", "--hub", hub, "--username", "leila");
        Run disabled = run("accounts", "disable", "--hub", hub, "--username", "leila");
        Run listed = run("accounts", "list", "--hub", hub);
        Run enabled = run("accounts", "enable", "--hub", hub, "--username", "leila");
        Run reset = run("accounts", "reset-password", "--hub", hub, "--username", "leila", "--password-file",
                password.toString());
        Run revoked = run("accounts", "revoke-sessions", "--hub", hub, "--username", "leila");
        Run noSuch = run("accounts", "disable", "--hub", hub, "--username", "nobody");

        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("leila CASEWORKER (Health NGO) services health, mhpss added");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("already an account leila");
        assertThat(unknownService.err()).contains("no service \"helth\"");
        assertThat(adminWithService.err()).contains("give no services");
        assertThat(changed.out()).contains("leila PROTECTION_OFFICER services gbv");
        assertThat(session).isNotBlank();
        assertThat(sessions.out()).contains("1 live session(s)");
        assertThat(disabled.out()).contains("disabled; its sessions ended");
        assertThat(listed.out()).contains("leila PROTECTION_OFFICER services gbv DISABLED");
        assertThat(enabled.exit()).isZero();
        assertThat(reset.exit()).isZero();
        assertThat(revoked.out()).contains("0 session(s) of leila ended");
        assertThat(noSuch.exit()).isEqualTo(2);
        assertThat(noSuch.err()).contains("There is no account nobody");
    }
}
