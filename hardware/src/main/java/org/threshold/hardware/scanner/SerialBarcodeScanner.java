package org.threshold.hardware.scanner;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.threshold.hardware.DeviceInfo;
import org.threshold.hardware.serial.SerialConnection;
import org.threshold.hardware.serial.SerialSettings;

/**
 * A scanner on a serial line (USB CDC-ACM or an RS-232 adapter) that ends each code with CR, LF or both.
 * Unplugged, it tells the operator once and keeps trying to reopen the port every few seconds, so
 * plugging it back in is all anyone has to do. Thread-safe.
 */
public final class SerialBarcodeScanner implements BarcodeScanner {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REOPEN_EVERY = Duration.ofSeconds(2);

    private final SerialSettings settings;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread reader;

    public SerialBarcodeScanner(SerialSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public synchronized void listen(ScanListener listener) {
        if (reader != null) {
            throw new IllegalStateException("A scanner has one listener");
        }
        reader = new Thread(() -> run(listener), "serial-scanner");
        reader.setDaemon(true);
        reader.start();
    }

    private void run(ScanListener listener) {
        boolean reported = false;
        while (closed.getCount() > 0) {
            try (SerialConnection line = SerialConnection.open(settings)) {
                if (reported) {
                    listener.problem(Problem.RECONNECTED, "The scanner on " + settings.port() + " is back.");
                    reported = false;
                }
                read(line, listener);
            } catch (IOException e) {
                if (!reported && closed.getCount() > 0) {
                    listener.problem(Problem.NOT_CONNECTED, "The scanner on " + settings.port()
                            + " is not connected (" + e.getMessage()
                            + "). Plug it back in; the kiosk finds it again by itself. Meanwhile, type the code on the"
                            + " card.");
                    reported = true;
                }
            }
            awaitClose(REOPEN_EVERY);
        }
    }

    private void read(SerialConnection line, ScanListener listener) throws IOException {
        LineAssembler lines = new LineAssembler(listener::scanned);
        byte[] buffer = new byte[256];
        while (closed.getCount() > 0) {
            int count = line.read(buffer, POLL);
            lines.accept(buffer, count);
        }
    }

    private void awaitClose(Duration timeout) {
        try {
            closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.countDown();
        }
    }

    @Override
    public DeviceInfo describe() {
        return new DeviceInfo("scanner", "serial barcode scanner", false, settings.port() + " at "
                + settings.baud() + " baud");
    }

    @Override
    public void close() {
        closed.countDown();
        Thread running;
        synchronized (this) {
            running = reader;
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
