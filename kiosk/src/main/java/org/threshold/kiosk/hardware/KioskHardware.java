package org.threshold.kiosk.hardware;

import org.threshold.kiosk.tamper.TamperResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.hardware.DeviceInfo;
import org.threshold.hardware.Hardware;
import org.threshold.hardware.gpio.Buttons;
import org.threshold.hardware.gpio.Buzzer;
import org.threshold.hardware.gpio.SimulatedPanel;
import org.threshold.hardware.printer.TokenPrinter;
import org.threshold.hardware.scanner.BarcodeScanner;
import org.threshold.hardware.scanner.KeyboardWedgeScanner;
import org.threshold.core.i18n.Messages;
import org.threshold.core.i18n.Phrase;
import org.threshold.kiosk.registration.CardPrinting;

/**
 * The kiosk's devices wired to what the kiosk does: lights follow its state, the tamper switch reaches
 * the {@link TamperResponse}, the reprint button reprints the last card as a supervisor's recorded reprint
 * ({@link ReprintButton}), and scans become the token the page opens next. Keeps the latest problem of each
 * device for the status page. Thread-safe.
 */
public final class KioskHardware implements CardPrinting.Observer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskHardware.class);

    private final Hardware hardware;
    private final KioskLights lights;
    private final Map<String, Phrase> problems = new ConcurrentHashMap<>();
    private final AtomicReference<String> lastScan = new AtomicReference<>();
    /** Shown on the GPIO device only while it has no graver problem (an open case). */
    private final AtomicReference<Phrase> buttonRefusal = new AtomicReference<>();

    /**
     * A device and how it is doing, for {@code GET /api/status}.
     *
     * @param problem what is wrong and what to do, in the reader's language; or null
     */
    public record DeviceStatus(String kind, String model, boolean simulated, String detail, String problem) {
    }

    public KioskHardware(Hardware hardware, TamperResponse tamperResponse) {
        this.hardware = hardware;
        this.lights = new KioskLights(hardware.gpio().lights(), hardware.gpio().buzzer());
        hardware.gpio().tamperSwitch().onTamper(() -> {
            // Keys first: the lights can wait a millisecond, an open case cannot.
            tamperResponse.tamperDetected("gpio");
            lights.caseOpened();
            problems.put("gpio", Phrase.of("device.gpio.caseOpened"));
        });
        if (hardware.gpio().tampered()) {
            // Opened while the kiosk was off: respond as if it happened now.
            tamperResponse.tamperDetected("gpio");
            lights.caseOpened();
            problems.put("gpio", Phrase.of("device.gpio.caseOpen"));
        }
        if (!hardware.gpio().available()) {
            // The detail (why, in English) stays in the device's detail and the log.
            problems.put("gpio", Phrase.of("device.gpio.unavailable"));
        }
    }

    @Override
    public void printing() {
        lights.printing();
    }

    @Override
    public void printed() {
        problems.remove("printer");
        lights.printed();
    }

    @Override
    public void printFailed(Phrase problem) {
        problems.put("printer", problem);
        lights.printFailed();
    }

    /** Starts the scanner and the buttons. */
    public void start(ReprintButton reprint) {
        hardware.gpio().buttons().onPress(Buttons.Button.REPRINT_LAST, () -> reprintPressed(reprint));
        hardware.gpio().buttons().onPress(Buttons.Button.CALL_SUPERVISOR, () -> {
            hardware.gpio().buzzer().beep(Buzzer.Beep.ATTENTION);
            LOG.info("Supervisor called from the desk button");
        });
        hardware.scanner().listen(new BarcodeScanner.ScanListener() {
            @Override
            public void scanned(String payload) {
                accept(payload);
            }

            @Override
            public void problem(BarcodeScanner.Problem problem, String detail) {
                LOG.info("Scanner: {}", detail);
                if (problem == BarcodeScanner.Problem.RECONNECTED) {
                    problems.remove("scanner");
                } else {
                    problems.put("scanner", Phrase.of("device.scanner." + problem.name()));
                }
            }
        });
    }

    /** A refused press beeps for attention and says why in the status bar until the next press goes through. */
    private void reprintPressed(ReprintButton reprint) {
        if (reprint.pressed() == ReprintButton.Result.REFUSED) {
            buttonRefusal.set(Phrase.of("device.reprintButton.refused"));
            hardware.gpio().buzzer().beep(Buzzer.Beep.ATTENTION);
        } else {
            buttonRefusal.set(null);
        }
    }

    private void accept(String payload) {
        try {
            lastScan.set(IssuedToken.parseQr(payload).id().shortCode());
            problems.remove("scanner");
        } catch (InvalidTokenException e) {
            problems.put("scanner", Phrase.of("device.scanner.notACard"));
        }
    }

    /** A line a keyboard-wedge scanner typed into the page; ignored for other scanners. */
    public void typed(String line) {
        if (hardware.scanner() instanceof KeyboardWedgeScanner wedge) {
            wedge.typed(line);
        }
    }

    /** The short code of the last card scanned, once: the page opens it and it is gone. */
    public Optional<String> takeLastScan() {
        return Optional.ofNullable(lastScan.getAndSet(null));
    }

    public KioskLights lights() {
        return lights;
    }

    public Optional<SimulatedPanel> simulatedPanel() {
        return hardware.gpio().panel();
    }

    /** Each device and its problem in the language of {@code messages} (the operator's). */
    public List<DeviceStatus> status(Messages messages) {
        return hardware.describe().stream().map(info -> status(info, messages)).toList();
    }

    private DeviceStatus status(DeviceInfo info, Messages messages) {
        Phrase problem = problems.get(info.kind());
        if (problem == null && "gpio".equals(info.kind())) {
            problem = buttonRefusal.get();
        }
        return new DeviceStatus(info.kind(), info.model(), info.simulated(), info.detail(),
                problem == null ? null : problem.in(messages));
    }

    public TokenPrinter printer() {
        return hardware.printer();
    }

    @Override
    public void close() {
        hardware.close();
    }
}
