package org.threshold.hardware.scanner;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.threshold.hardware.DeviceInfo;
import org.threshold.core.qr.QrCodes;
import org.threshold.core.qr.QrDecodeException;

/**
 * A scanner for machines without one: reads lines from a named pipe (made with {@code mkfifo} if
 * missing). A line is a payload, as a scanner would send it, or {@code image:PATH} to have the QR code in
 * that picture read with ZXing, e.g. a card the simulated printer wrote:
 * <pre>echo "image:$DATA/cards/card-7K3MQ9XD2HPTVB6RF.png" &gt; $DATA/scanner.fifo</pre>
 * Payloads are upper case, so the lower-case prefix never clashes with one. Thread-safe.
 */
public final class SimulatedScanner implements BarcodeScanner {

    static final String IMAGE_PREFIX = "image:";

    private final Path fifo;
    private final AtomicBoolean closed = new AtomicBoolean();
    private FileChannel channel;
    private Thread reader;

    public SimulatedScanner(Path fifo) {
        this.fifo = Objects.requireNonNull(fifo, "fifo").toAbsolutePath();
    }

    @Override
    public synchronized void listen(ScanListener listener) {
        if (reader != null) {
            throw new IllegalStateException("A scanner has one listener");
        }
        try {
            makeFifo();
            // Read and write: opening never waits for a writer, and writers coming and going never end the stream.
            channel = FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            listener.problem(Problem.SIMULATOR_FAILED, "The simulated scanner cannot use " + fifo + " ("
                    + e.getMessage() + "). Type the code on the card instead.");
            return;
        }
        reader = new Thread(() -> run(listener), "simulated-scanner");
        reader.setDaemon(true);
        reader.start();
    }

    private void makeFifo() throws IOException {
        if (Files.exists(fifo)) {
            return;
        }
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).redirectErrorStream(true).start();
        try {
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IOException("mkfifo failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the pipe", e);
        }
    }

    private void run(ScanListener listener) {
        LineAssembler lines = new LineAssembler(line -> deliver(line, listener));
        ByteBuffer buffer = ByteBuffer.allocate(512);
        try {
            while (!closed.get()) {
                int count = channel.read(buffer);
                if (count < 0) {
                    return;
                }
                lines.accept(buffer.array(), buffer.position());
                buffer.clear();
            }
        } catch (IOException e) {
            if (!closed.get()) {
                listener.problem(Problem.SIMULATOR_FAILED, "The simulated scanner stopped reading " + fifo
                        + ". Restart the kiosk to scan again.");
            }
        }
    }

    private void deliver(String line, ScanListener listener) {
        if (closed.get()) {
            return;
        }
        if (!line.startsWith(IMAGE_PREFIX)) {
            listener.scanned(line);
            return;
        }
        Path image = Path.of(line.substring(IMAGE_PREFIX.length()).strip());
        try {
            BufferedImage picture = ImageIO.read(image.toFile());
            if (picture == null) {
                listener.problem(Problem.UNREADABLE_PICTURE, "The simulated scanner cannot read " + image
                        + " as a picture.");
                return;
            }
            listener.scanned(QrCodes.decode(picture));
        } catch (IOException e) {
            listener.problem(Problem.UNREADABLE_PICTURE, "The simulated scanner cannot open " + image + ".");
        } catch (QrDecodeException e) {
            listener.problem(Problem.UNREADABLE_PICTURE, e.getMessage());
        }
    }

    @Override
    public DeviceInfo describe() {
        return new DeviceInfo("scanner", "named-pipe scanner simulator", true, fifo.toString());
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        FileChannel open;
        Thread running;
        synchronized (this) {
            open = channel;
            running = reader;
        }
        if (open == null) {
            return;
        }
        try {
            // The reader may be waiting for a line: give it one through a second handle (a channel reads and
            // writes under one lock), then it sees it was closed. Our own read end keeps this open from waiting.
            try (FileChannel wakeUp = FileChannel.open(fifo, StandardOpenOption.WRITE)) {
                wakeUp.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.US_ASCII)));
            }
            running.join(TimeUnit.SECONDS.toMillis(5));
            open.close();
        } catch (IOException e) {
            // closing anyway; the daemon reader dies with the channel
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
