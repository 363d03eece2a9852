package org.threshold.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hub.RetentionSettingsFile;
import org.threshold.provisioning.ProvisionCommandTest.Run;

/**
 * `provision retention` on a real hub folder, through the hub's own services: the dry run says what the job would do
 * and does nothing, the run runs it, both with the periods the hub wrote at its last start (the defaults before
 * one), and a period out of range there is refused with what to fix. (What the job erases and
 * anonymises, and with which records, is the hub's RetentionJobTest's.)
 */
class RetentionCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDryRunSaysWhatTheJobWouldDoAndTheRunRunsItWithTheHubsOwnPeriods() throws IOException {
        String hub = dir.resolve("hub").toString();
        assertThat(ProvisionCommandTest.run("init", "--hub", hub, "--name", "Test", "--hub-url",
                "https://hub.example.org:8443").exit()).isZero();

        Run dryRun = ProvisionCommandTest.run("retention", "--dry-run", "--hub", hub);
        // The periods a hub started with --retain-inactive-households-days 365 wrote into its data folder.
        Path periods = dir.resolve("hub").resolve(RetentionSettingsFile.FILE);
        Files.writeString(periods, "closed-referrals-days=730\ninactive-households-days=365\n");
        Run shorter = ProvisionCommandTest.run("retention", "--dry-run", "--hub", hub);
        Run ran = ProvisionCommandTest.run("retention", "--hub", hub);
        Files.writeString(periods, "closed-referrals-days=0\ninactive-households-days=365\n");
        Run wrong = ProvisionCommandTest.run("retention", "--hub", hub);
        Run noHub = ProvisionCommandTest.run("retention", "--hub", dir.resolve("nowhere").toString());

        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run (retention 730 days for closed referrals, 1826 days for inactive "
                + "households); nothing was done.", "Referrals to anonymise (closed before ", "Households to erase "
                + "(no activity since ", ": none");
        assertThat(shorter.out()).contains("365 days for inactive households");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("365 days for inactive households", "0 referral(s) anonymised, 0 household(s) "
                + "erased.");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("closed referrals is 1 to 36525 days, not 0");
        assertThat(noHub.exit()).isEqualTo(2);
        assertThat(noHub.err()).contains("No deployment in");
    }
}
