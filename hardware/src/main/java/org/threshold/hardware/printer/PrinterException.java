package org.threshold.hardware.printer;

import java.util.Objects;

/**
 * A card was not printed, or not completely. The message is shown to reception staff, so it says what
 * went wrong and what to do next, and never holds personal data.
 */
public final class PrinterException extends RuntimeException {

    private final Fault fault;

    public PrinterException(Fault fault, String message) {
        super(message);
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public PrinterException(Fault fault, String message, Throwable cause) {
        super(message, cause);
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public Fault fault() {
        return fault;
    }

    /** What went wrong, for lights and status; the message says it to people. */
    public enum Fault {
        /** The printer cannot be reached or does not answer: power, cable, port. */
        OFFLINE,
        COVER_OPEN,
        PAPER_OUT,
        /** Part of a card may have come out: the operator tears it off before reprinting. */
        INTERRUPTED,
        /** Cutter jam, overheated head, or an answer that makes no sense. */
        DEVICE_ERROR,
        /** The simulator could not write its files. */
        OUTPUT_UNWRITABLE;

        /** True when part of a card may be in the tray, so a reprint must not look like a second card. */
        public boolean mayHaveLeftAPartialCard() {
            return this == INTERRUPTED;
        }
    }
}
