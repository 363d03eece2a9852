package org.threshold.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.provisioning.ProvisionCommandTest.Run;

/**
 * `provision retention` on a real hub folder, through the hub's own services: the dry run says what the job would do
 * and does nothing, the run runs it, a period out of range is refused with what to give. (What the job erases and
 * anonymises, and with which records, is the hub's RetentionJobTest's.)
 */
class RetentionCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDryRunSaysWhatTheJobWouldDoAndTheRunRunsIt() {
        String hub = dir.resolve("hub").toString();
        assertThat(ProvisionCommandTest.run("init", "--hub", hub, "--name", "Test", "--hub-url",
                "https://hub.example.org:8443").exit()).isZero();

        Run dryRun = ProvisionCommandTest.run("retention", "--dry-run", "--hub", hub);
        Run shorter = ProvisionCommandTest.run("retention", "--dry-run", "--hub", hub,
                "--retain-inactive-households-days", "365");
        Run ran = ProvisionCommandTest.run("retention", "--hub", hub);
        Run wrong = ProvisionCommandTest.run("retention", "--hub", hub, "--retain-closed-referrals-days", "0");
        Run noHub = ProvisionCommandTest.run("retention", "--hub", dir.resolve("nowhere").toString());

        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run (retention 730 days for closed referrals, 1826 days for inactive "
                + "households); nothing was done.", "Referrals to anonymise (closed before ", "Households to erase "
                + "(no activity since ", ": none");
        assertThat(shorter.out()).contains("365 days for inactive households");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("0 referral(s) anonymised, 0 household(s) erased.");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("closed referrals is 1 to 36525 days, not 0");
        assertThat(noHub.exit()).isEqualTo(2);
        assertThat(noHub.err()).contains("No deployment in");
    }
}
