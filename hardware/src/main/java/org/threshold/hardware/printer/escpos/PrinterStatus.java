package org.threshold.hardware.printer.escpos;

import java.util.Optional;

/**
 * What a printer said about itself through {@code DLE EOT 2} (offline cause) and {@code DLE EOT 4}
 * (paper roll sensor). Every ESC/POS status byte has bit 1 and bit 4 set and bits 0 and 7 clear; a byte
 * that does not is line noise or a wrong baud rate, not a status.
 */
public record PrinterStatus(boolean coverOpen, boolean paperOut, boolean paperNearEnd, boolean error) {

    static final byte[] QUERY_OFFLINE_CAUSE = {EscPosCard.DLE, EscPosCard.EOT, 2};
    static final byte[] QUERY_PAPER_SENSOR = {EscPosCard.DLE, EscPosCard.EOT, 4};
    /**
     * {@code GS r 1}, unlike DLE EOT, waits its turn in the print buffer: its answer comes only once
     * everything sent before it has been printed, which makes it the "card is out" signal.
     */
    static final byte[] QUERY_PAPER_WHEN_DONE = {EscPosCard.GS, 'r', 1};

    private static final int FIXED_MASK = 0b1001_0011;
    private static final int FIXED_BITS = 0b0001_0010;

    /**
     * @param offlineCause the answer to DLE EOT 2
     * @param paperSensor  the answer to DLE EOT 4
     * @return empty if either byte is not a status byte
     */
    static Optional<PrinterStatus> parse(int offlineCause, int paperSensor) {
        if (!isStatusByte(offlineCause) || !isStatusByte(paperSensor)) {
            return Optional.empty();
        }
        boolean coverOpen = (offlineCause & 0x04) != 0;
        // Bit 5 of the offline cause: printing stopped because the paper ran out.
        boolean paperOut = (offlineCause & 0x20) != 0 || (paperSensor & 0x60) != 0;
        boolean nearEnd = (paperSensor & 0x0C) != 0;
        boolean error = (offlineCause & 0x40) != 0;
        return Optional.of(new PrinterStatus(coverOpen, paperOut, nearEnd, error));
    }

    /** The answer to GS r 1: bits 2 and 3 say the paper ran out. */
    static boolean paperOutAfterJob(int answer) {
        return (answer & 0x0C) != 0;
    }

    static boolean isStatusByte(int value) {
        return (value & FIXED_MASK) == FIXED_BITS;
    }

    boolean ready() {
        return !coverOpen && !paperOut && !error;
    }
}
