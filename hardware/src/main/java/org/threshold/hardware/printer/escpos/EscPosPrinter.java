package org.threshold.hardware.printer.escpos;

import static org.threshold.hardware.printer.PrinterException.Fault.COVER_OPEN;
import static org.threshold.hardware.printer.PrinterException.Fault.DEVICE_ERROR;
import static org.threshold.hardware.printer.PrinterException.Fault.INTERRUPTED;
import static org.threshold.hardware.printer.PrinterException.Fault.OFFLINE;
import static org.threshold.hardware.printer.PrinterException.Fault.PAPER_OUT;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.threshold.hardware.DeviceInfo;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.PrinterException;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.hardware.printer.TokenPrinter;

/**
 * An ESC/POS thermal printer. For each card: ask the printer whether it can print (cover, paper), send
 * the card, then wait until the printer says the card is out. Nothing is ever resent by this class: a
 * card that may have come out in part is reported as {@link PrinterException.Fault#INTERRUPTED}, and
 * only the operator decides to reprint, so no card is printed twice by accident.
 *
 * <p>Without status queries (a printer that never answers, or a plain file) the card is sent blind and
 * counted printed once the bytes are written. Thread-safe: one card at a time.
 */
public final class EscPosPrinter implements TokenPrinter {

    private final PrinterPort port;
    private final CardFormat format;
    private final String model;
    private final StatusQueries status;

    /**
     * @param model  what the printer is, for the status page, e.g. "ESC/POS 58 mm on USB"
     * @param status whether and how long to wait for the printer's answers; {@link StatusQueries#NONE}
     *               for a printer that cannot answer
     */
    public EscPosPrinter(PrinterPort port, CardFormat format, String model, StatusQueries status) {
        this.port = Objects.requireNonNull(port, "port");
        this.format = Objects.requireNonNull(format, "format");
        this.model = Objects.requireNonNull(model, "model");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * @param answer   how long the printer has to answer a status query
     * @param cardOut  how long printing one card may take before the printer counts as stuck
     * @param enabled  false for printers that cannot answer
     */
    public record StatusQueries(boolean enabled, Duration answer, Duration cardOut) {
        public static final StatusQueries NONE = new StatusQueries(false, Duration.ZERO, Duration.ZERO);

        // A 58 mm card is about 110 mm of paper; cheap printers burn 50-90 mm a second.
        public static final StatusQueries DEFAULT = new StatusQueries(true, Duration.ofSeconds(2),
                Duration.ofSeconds(15));
    }

    @Override
    public synchronized PrintResult print(TokenCard card) {
        byte[] bytes = EscPosCard.encode(card, format);
        try (PrinterPort.Connection connection = connect()) {
            if (status.enabled()) {
                requireReady(connection);
            }
            send(connection, bytes);
            if (status.enabled()) {
                awaitCardOut(connection);
            }
            return PrintResult.onPaper();
        }
    }

    private PrinterPort.Connection connect() {
        try {
            return port.connect();
        } catch (IOException e) {
            throw new PrinterException(OFFLINE, "The printer at " + port.where() + " cannot be reached ("
                    + e.getMessage() + "). Check that it is switched on and its cable is plugged in, then reprint.", e);
        }
    }

    private void requireReady(PrinterPort.Connection connection) {
        PrinterStatus now = query(connection).orElseThrow(() -> new PrinterException(OFFLINE,
                "The printer at " + port.where() + " does not answer. Check that it is switched on and its cable"
                        + " is plugged in, then reprint. (If this printer model never answers status queries,"
                        + " set printer.status=false in the kiosk's hardware settings.)"));
        if (now.coverOpen()) {
            throw new PrinterException(COVER_OPEN, "The printer cover is open. Close it until it clicks, then reprint.");
        }
        if (now.paperOut()) {
            throw new PrinterException(PAPER_OUT, "The printer is out of paper. Load a new roll, then reprint.");
        }
        if (now.error()) {
            throw new PrinterException(DEVICE_ERROR, "The printer reports an error (a jammed cutter or an overheated"
                    + " head). Open and close the cover, or switch it off and on, then reprint.");
        }
    }

    private void send(PrinterPort.Connection connection, byte[] bytes) {
        try {
            connection.write(bytes);
        } catch (IOException e) {
            throw new PrinterException(INTERRUPTED, "The printer stopped taking the card (" + e.getMessage()
                    + "). Tear off and destroy any part of a card that came out, check the printer's power and"
                    + " cable, then reprint.", e);
        }
    }

    private void awaitCardOut(PrinterPort.Connection connection) {
        OptionalInt done;
        try {
            connection.write(PrinterStatus.QUERY_PAPER_WHEN_DONE);
            done = connection.read(status.cardOut());
        } catch (IOException e) {
            throw interrupted("the printer went away while printing", e);
        }
        if (done.isPresent() && !PrinterStatus.paperOutAfterJob(done.getAsInt())) {
            return;
        }
        // No answer (a printer out of paper stops and waits) or paper out: find out which, in real time.
        Optional<PrinterStatus> after = query(connection);
        if (after.map(PrinterStatus::paperOut).orElse(false)) {
            throw new PrinterException(INTERRUPTED, "Paper ran out while the card was printing. Load a new roll,"
                    + " tear off and destroy the partial card, then reprint.");
        }
        if (after.map(PrinterStatus::coverOpen).orElse(false)) {
            throw new PrinterException(INTERRUPTED, "The printer cover was opened while the card was printing."
                    + " Close it, tear off and destroy the partial card, then reprint.");
        }
        throw interrupted("the printer did not confirm the card within " + status.cardOut().toSeconds() + " s",
                null);
    }

    private static PrinterException interrupted(String what, Throwable cause) {
        return new PrinterException(INTERRUPTED, "The card may not have printed completely: " + what
                + ". Look at the printer: if a whole card came out, hand it over and do not reprint; otherwise"
                + " tear off and destroy any partial card, then reprint.", cause);
    }

    private Optional<PrinterStatus> query(PrinterPort.Connection connection) {
        try {
            OptionalInt offlineCause = ask(connection, PrinterStatus.QUERY_OFFLINE_CAUSE);
            OptionalInt paperSensor = ask(connection, PrinterStatus.QUERY_PAPER_SENSOR);
            if (offlineCause.isEmpty() || paperSensor.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(PrinterStatus.parse(offlineCause.getAsInt(), paperSensor.getAsInt())
                    .orElseThrow(() -> new PrinterException(DEVICE_ERROR, "The printer at " + port.where()
                            + " answers, but not in ESC/POS. Check the speed (printer.baud) matches the printer's"
                            + " self-test page, then reprint.")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private OptionalInt ask(PrinterPort.Connection connection, byte[] query) throws IOException {
        connection.write(query);
        return connection.read(status.answer());
    }

    @Override
    public DeviceInfo describe() {
        return new DeviceInfo("printer", model, false, port.where() + ", " + format.widthDots() + " dots, QR "
                + format.qrMode().name().toLowerCase(java.util.Locale.ROOT)
                + (status.enabled() ? "" : ", no status queries"));
    }
}
