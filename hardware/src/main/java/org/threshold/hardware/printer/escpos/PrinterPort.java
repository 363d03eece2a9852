package org.threshold.hardware.printer.escpos;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * How bytes reach a printer: a serial line, or a device file such as {@code /dev/usb/lp0}. A connection
 * is opened per card, so a printer switched off and on again between cards just works.
 */
public interface PrinterPort {

    /** @throws IOException if the printer cannot be reached at all */
    Connection connect() throws IOException;

    /** Where the printer is, for the status page: a device path. */
    String where();

    /** One job's worth of talking to the printer. */
    interface Connection extends AutoCloseable {

        void write(byte[] bytes) throws IOException;

        /** The next byte the printer sent, or empty if none came within {@code timeout}. */
        OptionalInt read(Duration timeout) throws IOException;

        @Override
        void close();
    }
}
