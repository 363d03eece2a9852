package org.threshold.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.enrollment.EnrollmentTicket;
import org.threshold.core.event.KioskId;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;
import org.threshold.hub.app.enrollment.Enrollment;
import org.threshold.hub.app.kiosk.Kiosk;
import org.threshold.hub.app.sync.SyncStatus;
import org.threshold.hub.deployment.HubLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kiosk", mixinStandardHelpOptions = true,
        description = "Enroll, list and revoke kiosks.",
        footer = {"", "Example:", "  provision kiosk add --site \"North gate\"", "  provision kiosk list",
            "  provision kiosk revoke KIOSK-03 --reason \"stolen at North gate\""},
        subcommands = {KioskCommand.Add.class, KioskCommand.ListKiosks.class, KioskCommand.Revoke.class})
final class KioskCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Make a one-time enrollment code for a new kiosk at a site, as text and as a QR image. "
                    + "On the kiosk, `enroll` with the ticket makes the kiosk's key on the kiosk itself and fetches "
                    + "its certificate and configuration from the hub. The code works once and expires; the hub "
                    + "keeps only its hash.",
                "The site needs at least one operator first (provision operators add)."},
            footer = {"", "Example:", "  provision kiosk add --site \"North gate\" --valid-for 2h --qr north-gate.png",
                "Then on the kiosk:", "  threshold-kiosk enroll --data /var/lib/threshold/kiosk THENROLL1:..."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HubOption hub;

        @Option(names = "--site", required = true, description = "The reception point, printed on token cards.")
        String site;

        @Option(names = "--id", description = "The kiosk's id (A-Z, 0-9, '-'); default: the next free KIOSK-NN.")
        String kioskId;

        @Option(names = "--valid-for", defaultValue = "24h", paramLabel = "DURATION",
                description = "How long the code works, e.g. 30m, 12h, 7d (default: ${DEFAULT-VALUE}).")
        String validFor;

        @Option(names = "--hub-url", paramLabel = "URL",
                description = "The address this kiosk reaches the hub at; default: the one given to init.")
        String hubUrl;

        @Option(names = "--qr", paramLabel = "FILE",
                description = "Where to write the QR image (owner-only PNG); default: ./<kiosk id>-enrollment.png.")
        Path qrFile;

        @Override
        public Integer call() {
            Duration validity = Durations.parse(validFor, "--valid-for");
            if (site.isBlank() || site.length() > 80) {
                throw new ProvisioningException("--site is the reception point's name, 1 to 80 characters.");
            }
            try (HubData data = HubData.open(hub)) {
                DeploymentSettings settings = data.settings();
                String url = hubUrl == null ? settings.hubUrl() : new DeploymentSettings(settings.name(), hubUrl).hubUrl();
                Enrollment store = data.services().enrollment();
                if (store.operators(site).isEmpty()) {
                    throw new ProvisioningException("Site \"" + site + "\" has no operators yet, so nobody could unlock "
                            + "the kiosk. Add one first: provision operators add --site \"" + site + "\" --name NAME");
                }
                String id = kioskId == null ? store.nextFreeKioskId() : kioskId;
                if (!KioskId.isValid(id)) {
                    throw new ProvisioningException("\"" + id + "\" is not a kiosk id: use 1 to 32 characters of A-Z, "
                            + "0-9 and '-', e.g. KIOSK-07.");
                }
                String pin = Certificates.fingerprint(Pem.readCertificate(read(hub.hubDir.resolve(HubLayout.TLS_CERTIFICATE))));
                EnrollmentCode code = EnrollmentCode.generate(new SecureRandom());
                Instant now = Instant.now();
                store.addCode(code, id, site, validity);
                EnrollmentTicket ticket = new EnrollmentTicket(code, pin, url);
                Path qr = qrFile == null ? Path.of(id + "-enrollment.png") : qrFile;
                DeploymentFiles.writeBytes(qr, EnrollmentQr.png(ticket.reveal()), "rw-------");
                spec.commandLine().getOut().println("Enrollment code for " + id + " at \"" + site + "\", valid once until "
                        + now.plus(validity).truncatedTo(ChronoUnit.SECONDS) + ":");
                spec.commandLine().getOut().println("  code:   " + code.reveal());
                spec.commandLine().getOut().println("  ticket: " + ticket.reveal());
                spec.commandLine().getOut().println("  QR:     " + qr.toAbsolutePath() + " (delete it once the kiosk is enrolled)");
                spec.commandLine().getOut().println("On the kiosk, as the kiosk's user:");
                spec.commandLine().getOut().println("  threshold-kiosk enroll --data /var/lib/threshold/kiosk " + ticket.reveal());
                spec.commandLine().getOut().println("or, typing the code: threshold-kiosk enroll --data DIR --hub " + url + " --pin "
                        + pin + " " + code.reveal());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every kiosk with its site, last contact, events held at the hub, software version and "
                    + "whether it is revoked. Pending events on the kiosk itself are known only "
                    + "once the kiosk reports them through sync.",
            footer = {"", "Example:", "  provision kiosk list --hub /var/lib/threshold/hub"})
    static final class ListKiosks implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HubOption hub;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(hub)) {
                List<Kiosk> kiosks = data.services().kiosks().all();
                Map<String, SyncStatus.KioskReport> contacts = data.services().syncStatus().kiosks().stream()
                        .collect(Collectors.toMap(SyncStatus.KioskReport::kioskId, report -> report));
                String format = "%-12s %-24s %-18s %10s %-12s %-10s %s%n";
                spec.commandLine().getOut().printf(format, "KIOSK", "SITE", "LAST BATCH", "AT HUB", "PENDING ON KIOSK",
                        "VERSION", "STATE");
                for (Kiosk kiosk : kiosks) {
                    SyncStatus.KioskReport contact = contacts.get(kiosk.kioskId());
                    Instant last = contact == null ? null : contact.lastContact();
                    spec.commandLine().getOut().printf(format, kiosk.kioskId(), kiosk.site(),
                            last == null ? "never" : last.truncatedTo(ChronoUnit.MINUTES).toString(),
                            contact == null ? 0 : contact.events(), "unknown", kiosk.softwareVersion(),
                            (kiosk.revoked() ? "REVOKED " + kiosk.revokedAt().truncatedTo(ChronoUnit.MINUTES)
                                    : "active") + (kiosk.certificatePem().isEmpty() ? " (enrolled offline)" : ""));
                }
                if (kiosks.isEmpty()) {
                    spec.commandLine().getOut().println("(no kiosks enrolled yet: provision kiosk add --site SITE)");
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Cut a kiosk off: from now on the hub refuses its batches, and a wipe order (destroy its "
                    + "local keys) waits for its next pull of the update feed. Use it the moment a kiosk is lost or "
                    + "stolen; it cannot be undone (enroll a new kiosk instead)."},
            footer = {"", "Example:", "  provision kiosk revoke KIOSK-03 --reason \"stolen at North gate\""})
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HubOption hub;

        @Parameters(paramLabel = "ID", description = "The kiosk's id, as `provision kiosk list` shows it.")
        String kioskId;

        @Option(names = "--reason", defaultValue = "revoked by the administrator",
                description = "Why; kept at the hub and sent with the wipe order (no personal data).")
        String reason;

        @Override
        public Integer call() {
            try (HubData data = HubData.open(hub)) {
                if (!data.services().enrollment().revoke(kioskId, reason)) {
                    spec.commandLine().getOut().println("Kiosk " + kioskId + " was already revoked; its first wipe "
                            + "order stands.");
                    return 0;
                }
                spec.commandLine().getOut().println("Kiosk " + kioskId + " is revoked: the hub refuses its batches from now on "
                        + "(no restart needed).");
                spec.commandLine().getOut().println("A wipe order waits for its next contact. Events it synced before stay at the hub.");
                return 0;
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new ProvisioningException("Could not read " + file + " (" + e.getMessage() + "). It is made by "
                    + "`provision init`; restore it from the hub's backup.");
        }
    }
}
