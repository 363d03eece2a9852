package org.threshold.hardware.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.threshold.hardware.serial.SerialConnection;
import org.threshold.hardware.serial.SerialSettings;

/**
 * The printer's end of a virtual serial line: answers status queries the way the settings say and keeps
 * every card byte it receives. It knows the driver's order (queries, card, GS r 1, queries) and the
 * card's length, because card bytes may contain anything, including what looks like a query.
 */
final class FakeEscPosPrinter implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final SerialConnection line;
    private final int cardLength;
    private final ByteArrayOutputStream card = new ByteArrayOutputStream();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    volatile int offlineCause = 0x12;
    volatile int paperSensor = 0x12;
    /** The answer to GS r 1; negative for none, as a printer that stopped for lack of paper. */
    volatile int whenDone = 0x00;
    /** Runs out of paper as the card is printed: the roll sensor says so from then on. */
    volatile boolean paperRunsOutDuringCard;
    private IOException failure;

    FakeEscPosPrinter(SerialSettings settings, int cardLength) throws IOException {
        this.line = SerialConnection.open(settings);
        this.cardLength = cardLength;
        this.thread = new Thread(this::serve, "fake-printer");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try {
            while (running.get()) {
                int first = next();
                if (first < 0) {
                    continue;
                }
                if (first == EscPosCard.DLE) {
                    next();
                    int which = next();
                    line.write(new byte[] {(byte) (which == 2 ? offlineCause : paperSensor)});
                } else if (first == EscPosCard.GS && card.size() >= cardLength) {
                    next();
                    next();
                    if (whenDone >= 0) {
                        line.write(new byte[] {(byte) whenDone});
                    }
                } else {
                    receiveCard(first);
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    private void receiveCard(int first) throws IOException {
        card.write(first);
        while (running.get() && card.size() < cardLength) {
            int next = next();
            if (next >= 0) {
                card.write(next);
            }
        }
        if (paperRunsOutDuringCard) {
            paperSensor = 0x12 | 0x60;
            whenDone = -1;
        }
    }

    private final byte[] one = new byte[1];

    private int next() throws IOException {
        while (running.get()) {
            if (line.read(one, POLL) == 1) {
                return one[0] & 0xFF;
            }
        }
        return -1;
    }

    byte[] cardReceived() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return card.toByteArray();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }
}
