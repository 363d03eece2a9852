package org.threshold.kiosk.enrollment;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.threshold.core.enrollment.EnrollmentCode;
import org.threshold.core.enrollment.EnrollmentTicket;

/**
 * {@code enroll [--data DIR] TICKET} or {@code enroll [--data DIR] --hub URL --pin SHA256 CODE}: the kiosk's
 * first start. Returns the process exit code: 0 enrolled, 1 refused or failed, 2 wrong usage.
 */
public final class EnrollCommand {
    public static final String DEFAULT_DATA = "/var/lib/threshold/kiosk";
    static final String USAGE = """
            usage: threshold-kiosk enroll [--data DIR] TICKET
                   threshold-kiosk enroll [--data DIR] --hub URL --pin SHA256 CODE

            Enrolls this kiosk with its hub, once: makes the kiosk's key pair here (the private key never leaves
            this machine), sends the public key with the one-time code to the hub over TLS pinned to the hub's
            certificate, checks the certificate and configuration the hub answers with, and writes them into the
            data folder (default %s). The code cannot be used twice.

            TICKET is the THENROLL1:... line (or QR image content) `provision kiosk add` printed; or give the
            code with the hub's address and certificate fingerprint, as the same command printed them.

            Example:
              threshold-kiosk enroll --data /var/lib/threshold/kiosk THENROLL1:7K3MQ9XD2HPTVB6R:3f9a...:https://hub.example.org:8443
            """.formatted(DEFAULT_DATA);

    private EnrollCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path data = Path.of(DEFAULT_DATA);
        String hub = null;
        String pin = null;
        String positional = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--data", "--hub", "--pin" -> {
                    if (value == null) {
                        err.println(args[i] + " needs a value.\n" + USAGE);
                        return 2;
                    }
                    switch (args[i]) {
                        case "--data" -> data = Path.of(value);
                        case "--hub" -> hub = value;
                        default -> pin = value;
                    }
                    i++;
                }
                default -> {
                    if (positional != null || args[i].startsWith("--")) {
                        err.println("Unexpected argument " + args[i] + ".\n" + USAGE);
                        return 2;
                    }
                    positional = args[i];
                }
            }
        }
        EnrollmentTicket ticket;
        try {
            if (positional == null) {
                throw new IllegalArgumentException("Give the ticket (THENROLL1:...) or the code");
            }
            ticket = positional.toUpperCase(java.util.Locale.ROOT).startsWith(EnrollmentTicket.PREFIX)
                    ? EnrollmentTicket.parse(positional)
                    : new EnrollmentTicket(EnrollmentCode.parse(positional), pin, hub);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + ".\n" + USAGE);
            return 2;
        }
        out.println("... making this kiosk's key pair and asking the hub at " + ticket.hubUrl() + " to enroll it");
        try {
            String version = EnrollCommand.class.getPackage().getImplementationVersion();
            KioskEnrollment.Enrolled enrolled = new KioskEnrollment(new SecureRandom()).enroll(ticket,
                    data.toAbsolutePath(), version == null ? "dev" : version);
            out.println("Enrolled as " + enrolled.kioskId() + " at \"" + enrolled.site() + "\" with " + enrolled.operators()
                    + " operator(s); hub " + enrolled.hubUrl() + " pinned. Kiosk key " + enrolled.kioskKeyFingerprint()
                    + ". Start the kiosk: systemctl start threshold-kiosk (or KioskMain --data " + data + ").");
            out.println("ENROLLED " + enrolled.kioskId());
            return 0;
        } catch (EnrollmentFailedException e) {
            err.println("Enrollment failed [" + e.reason() + "]: " + e.getMessage());
            return 1;
        }
    }
}
