package org.threshold.kiosk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.threshold.core.i18n.BundleCheck;
import org.threshold.core.i18n.Messages;
import org.threshold.hardware.printer.PrinterException;
import org.threshold.hardware.scanner.BarcodeScanner;

/** Every message bundle on the kiosk's class path (core's and any the kiosk adds) is complete in every language. */
class KioskBundlesTest {
    @Test
    void every_bundle_the_kiosk_serves_is_complete() {
        assertThat(BundleCheck.problems(BundleCheck.discover())).isEmpty();
    }

    /** The status bar words each device problem from its kind: a new kind without a message would fail there. */
    @Test
    void every_printer_fault_and_scanner_problem_has_a_message() {
        Messages errors = Messages.of(Messages.ERRORS, Messages.ENGLISH);
        assertThat(Arrays.stream(PrinterException.Fault.values()).map(fault -> "print.fault." + fault.name()))
                .allMatch(errors::has);
        assertThat(Arrays.stream(BarcodeScanner.Problem.values())
                .filter(problem -> problem != BarcodeScanner.Problem.RECONNECTED)
                .map(problem -> "device.scanner." + problem.name()))
                .allMatch(errors::has);
    }
}
