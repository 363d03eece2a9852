package org.threshold.hardware.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.time.Duration;

/**
 * One open serial port, the only class that touches jSerialComm. Reads wait at most the given time, so
 * no caller can hang on a silent device. One reader and one writer at a time.
 */
public final class SerialConnection implements AutoCloseable {

    private static final int WRITE_TIMEOUT_MS = 10_000;

    private final SerialPort port;
    private final String where;

    private SerialConnection(SerialPort port, String where) {
        this.port = port;
        this.where = where;
    }

    /** @throws IOException if the port does not exist, is busy, or may not be opened by this user */
    public static SerialConnection open(SerialSettings settings) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.port());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + settings.port(), e);
        }
        port.setComPortParameters(settings.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open " + settings.port() + " (error " + port.getLastErrorCode()
                    + "): missing, unplugged, in use, or not permitted for this user");
        }
        return new SerialConnection(port, settings.port());
    }

    public void write(byte[] bytes) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, WRITE_TIMEOUT_MS);
        int written = 0;
        while (written < bytes.length) {
            int count = port.writeBytes(bytes, bytes.length - written, written);
            if (count <= 0) {
                throw new IOException("writing to " + where + " failed after " + written + " of " + bytes.length
                        + " bytes");
            }
            written += count;
        }
    }

    /**
     * Waits up to {@code timeout} for at least one byte.
     *
     * @return how many bytes were read into {@code buffer}; 0 if the time ran out
     * @throws IOException if the device went away (unplugged)
     */
    public int read(byte[] buffer, Duration timeout) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.max(1, timeout.toMillis()), 0);
        int count = port.readBytes(buffer, buffer.length);
        if (count < 0) {
            throw new IOException(where + " stopped answering (error " + port.getLastErrorCode() + ")");
        }
        return count;
    }

    /** Drops whatever the device sent that nobody asked for, so the next answer is the right one. */
    public void discardInput() {
        port.flushIOBuffers();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
