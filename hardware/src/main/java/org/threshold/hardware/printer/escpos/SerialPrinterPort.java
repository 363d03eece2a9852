package org.threshold.hardware.printer.escpos;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import org.threshold.hardware.serial.SerialConnection;
import org.threshold.hardware.serial.SerialSettings;

/** A printer on a serial line: RS-232 through a USB adapter, or a USB printer that enumerates as ttyACM. */
public final class SerialPrinterPort implements PrinterPort {

    private final SerialSettings settings;

    public SerialPrinterPort(SerialSettings settings) {
        this.settings = settings;
    }

    @Override
    public Connection connect() throws IOException {
        SerialConnection serial = SerialConnection.open(settings);
        // Answers to a status query from a job that gave up waiting must not be read as this job's.
        serial.discardInput();
        return new Connection() {
            private final byte[] one = new byte[1];

            @Override
            public void write(byte[] bytes) throws IOException {
                serial.write(bytes);
            }

            @Override
            public OptionalInt read(Duration timeout) throws IOException {
                return serial.read(one, timeout) == 1 ? OptionalInt.of(one[0] & 0xFF) : OptionalInt.empty();
            }

            @Override
            public void close() {
                serial.close();
            }
        };
    }

    @Override
    public String where() {
        return settings.port() + " at " + settings.baud() + " baud";
    }
}
