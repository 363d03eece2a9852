package org.threshold.provisioning;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.threshold.hub.RetentionSettingsFile;
import org.threshold.hub.app.dsr.RetentionJob;
import org.threshold.hub.app.dsr.RetentionPeriods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code provision retention [--dry-run]}: the hub's retention job run now from the hub host, through the hub's own
 * services (the same job and dry run as the DPO's {@code /api/dsr/retention}), whether or not the hub runs, with the
 * periods the hub runs with ({@link RetentionSettingsFile}). The access log records it as user {@value #ACTOR}.
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Run the hub's retention job now: anonymise the referrals closed longer than their period and "
                + "erase the households without activity longer than theirs, each action in the access log. With "
                + "--dry-run, only say what it would do (ids, no personal data). Safe while the hub runs: one run at "
                + "a time acts, whichever instance or command it is."},
        footer = {"", "The periods are the hub's own (its --retain-closed-referrals-days and "
                + "--retain-inactive-households-days), as it wrote them into its data folder at its last start "
                + "(" + RetentionSettingsFile.FILE + "); the defaults, 730 and 1826 days, if it has not started since.",
            "", "Example:", "  provision retention --dry-run", "  provision retention"})
final class RetentionCommand implements Callable<Integer> {
    /** Who the access log says ran it. */
    static final String ACTOR = "provision";

    @Spec
    CommandSpec spec;
    @Mixin
    HubOption hub;

    @Option(names = "--dry-run", description = "Say what the job would do now; do nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (HubData data = HubData.open(hub)) {
            RetentionPeriods periods = periods(data.hubDir());
            if (dryRun) {
                RetentionJob.Plan plan = data.services().retentionPlan(periods, ACTOR);
                out.println("Dry run (" + periods + "); nothing was done.");
                print(out, "Referrals to anonymise (closed before " + plan.closedBefore() + ")", plan.referrals(),
                        plan.moreReferrals());
                print(out, "Households to erase (no activity since " + plan.inactiveSince() + ")", plan.households(),
                        plan.moreHouseholds());
            } else {
                RetentionJob.Outcome outcome = data.services().runRetention(periods, ACTOR);
                out.println("Retention (" + periods + "): " + outcome.referralsAnonymised() + " referral(s) "
                        + "anonymised, " + outcome.householdsErased() + " household(s) erased.");
            }
            return 0;
        }
    }

    /** The hub's periods, as it last started with them: what its daily job uses. */
    private static RetentionPeriods periods(Path hubDir) {
        try {
            return RetentionSettingsFile.read(hubDir).orElse(RetentionPeriods.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(e.getMessage() + ".");
        }
    }

    private static void print(PrintWriter out, String heading, List<UUID> ids, boolean more) {
        out.println(heading + ": " + (ids.isEmpty() ? "none" : ids.size() + (more ? "+" : "")));
        ids.forEach(id -> out.println("  " + id));
        if (more) {
            out.println("  ... and more (the first " + RetentionJob.PREVIEW + " shown)");
        }
    }
}
