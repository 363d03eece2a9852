package org.threshold.hardware.printer.escpos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A printer behind a device file: {@code /dev/usb/lp0} from the kernel's usblp driver, or any file
 * (the bytes then accumulate there, which is how the tests and a dry run use it).
 *
 * <p>usblp answers status queries through read(), which blocks until the printer speaks; reads happen
 * on a daemon thread that closing the connection ends, so a silent printer costs a timeout, never a hang.
 */
public final class DeviceFilePrinterPort implements PrinterPort {

    private final Path device;

    public DeviceFilePrinterPort(Path device) {
        this.device = device.toAbsolutePath();
    }

    @Override
    public Connection connect() throws IOException {
        FileChannel out = FileChannel.open(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new FileConnection(device, out);
    }

    @Override
    public String where() {
        return device.toString();
    }

    private static final class FileConnection implements Connection {
        private final Path device;
        private final FileChannel out;
        private final BlockingQueue<Integer> received = new LinkedBlockingQueue<>();
        private FileChannel in;

        FileConnection(Path device, FileChannel out) {
            this.device = device;
            this.out = out;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }

        @Override
        public OptionalInt read(Duration timeout) throws IOException {
            if (in == null) {
                in = FileChannel.open(device, StandardOpenOption.READ);
                Thread reader = new Thread(this::receive, "printer-status-reader");
                reader.setDaemon(true);
                reader.start();
            }
            try {
                Integer next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return next == null ? OptionalInt.empty() : OptionalInt.of(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalInt.empty();
            }
        }

        private void receive() {
            ByteBuffer buffer = ByteBuffer.allocate(64);
            try {
                // End of file means nothing more will come (a plain file); closing the channel ends a wait.
                while (in.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        received.add(buffer.get() & 0xFF);
                    }
                    buffer.clear();
                }
            } catch (ClosedChannelException closed) {
                // the job is over
            } catch (IOException e) {
                // The printer went away; the job's next read times out and says so.
            }
        }

        @Override
        public void close() {
            closeQuietly(out);
            if (in != null) {
                closeQuietly(in);
            }
        }

        private static void closeQuietly(FileChannel channel) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do with this channel
            }
        }
    }
}
