package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.BatchBody;
import org.threshold.core.sync.BatchRequestSignature;
import org.threshold.hub.app.sync.IngestGate;
import org.threshold.hub.web.http.ConnectionLimits;

/**
 * Issue 13, finding 1: slow uploads that anyone can open (a large Content-Length, {@code TSB1}, then a byte every
 * few seconds) no longer hold the ingest permits, so a real kiosk's batch is not held up; and the connector's
 * limits (connections per source, idle time, minimum data rate) free what they do hold.
 */
class SlowUploadTest {
    private static final Duration DRIP = Duration.ofSeconds(2);

    @TempDir
    Path dataDir;
    private HubFixture hub;
    private final List<SlowUpload> uploads = new ArrayList<>();

    @AfterEach
    void stop() {
        uploads.forEach(SlowUpload::close);
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void threeSlowUploadsDoNotDelayAKiosksBatch() throws Exception {
        assertSlowUploadsDoNotDelayABatch(3);
    }

    @Test
    void thirtySlowUploadsDoNotDelayAKiosksBatch() throws Exception {
        assertSlowUploadsDoNotDelayABatch(30);
    }

    private void assertSlowUploadsDoNotDelayABatch(int attackers) throws Exception {
        hub = HubFixture.start(dataDir);
        List<SignedEvent> events = hub.kiosk.registerMany(2);
        long baseline = timedSync(events.subList(0, 1));
        for (int i = 0; i < attackers; i++) {
            // Half carry no credentials at all; half claim the kiosk with a signature that cannot verify, so the
            // hub reads their bodies before it can tell.
            uploads.add(SlowUpload.open(hub.server().port(), i % 2 == 0 ? List.of() : claimingTheKiosk(i)));
        }
        uploads.forEach(SlowUpload::dripOnce);

        long underAttack = timedSync(events.subList(1, 2));

        assertThat(underAttack - baseline).as("delay in ms (baseline %d ms)", baseline).isLessThan(1_000);
        assertThat(hub.count("events")).isEqualTo(2);
    }

    private long timedSync(List<SignedEvent> batch) {
        long start = System.nanoTime();
        HubClient.Response answer = hub.client().sync("KIOSK-01", batch);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return millis;
    }

    @Test
    void aSourceHoldsAtMostItsShareOfConnections() throws Exception {
        hub = HubFixture.start(dataDir);
        hub.stopHub();
        hub.startHub(IngestGate.DEFAULT, new ConnectionLimits(3, Duration.ofSeconds(20), 1024));
        for (int i = 0; i < 3; i++) {
            uploads.add(SlowUpload.open(hub.server().port(), claimingTheKiosk(i)));
        }

        try (Socket fourth = new Socket("127.0.0.1", hub.server().port())) {
            fourth.setSoTimeout(5_000);
            fourth.getOutputStream().write("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readAll(fourth.getInputStream())).as("closed unanswered").isEmpty();
        } catch (IOException reset) {
            // Closed as it opened: a reset is as good as an end of stream.
        }
        uploads.remove(0).close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean served = false;
        while (!served && System.nanoTime() < deadline) {
            try {
                served = hub.client().get("/api/status").status() == 200;
            } catch (UncheckedIOException stillFull) {
                Thread.sleep(100); // until the hub has seen the closed connection
            }
        }
        assertThat(served).as("a closed connection frees its place").isTrue();
    }

    @Test
    void aSlowOrSilentUploadIsCutOff() throws Exception {
        hub = HubFixture.start(dataDir);
        hub.stopHub();
        hub.startHub(IngestGate.DEFAULT, new ConnectionLimits(64, Duration.ofSeconds(2), 1024));
        SlowUpload silent = SlowUpload.open(hub.server().port(), List.of());
        SlowUpload slow = SlowUpload.open(hub.server().port(), claimingTheKiosk(0));
        uploads.add(silent);
        uploads.add(slow);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!(silent.closedByHub() && slow.closedByHub()) && System.nanoTime() < deadline) {
            slow.dripOnce();
            Thread.sleep(DRIP.toMillis());
        }

        assertThat(silent.closedByHub()).as("idle connection closed").isTrue();
        assertThat(slow.closedByHub()).as("upload below the minimum rate cut off").isTrue();
    }

    /** Headers that pass the hub's first look (an enrolled kiosk, a fresh time) with a signature that fails. */
    private static List<String> claimingTheKiosk(int i) {
        return List.of(BatchRequestSignature.KIOSK_HEADER + ": KIOSK-01",
                BatchRequestSignature.TIME_HEADER + ": " + HubFixture.START,
                BatchRequestSignature.NONCE_HEADER + ": slow-upload-nonce-" + i,
                BatchRequestSignature.SIGNATURE_HEADER + ": AAAA");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /** A raw connection that announces a 100,000-byte batch, sends {@code TSB1}, then a byte when asked. */
    private static final class SlowUpload implements AutoCloseable {
        private final Socket socket;

        private SlowUpload(Socket socket) {
            this.socket = socket;
        }

        static SlowUpload open(int port, List<String> extraHeaders) {
            try {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(50);
                StringBuilder head = new StringBuilder("POST /api/sync/batches HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: " + BatchBody.CONTENT_TYPE + "\r\nContent-Length: 100000\r\n");
                extraHeaders.forEach(header -> head.append(header).append("\r\n"));
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.write("TSB1".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return new SlowUpload(socket);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void dripOnce() {
            try {
                socket.getOutputStream().write(0);
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                // The hub hung up: that is what the limits are for.
            }
        }

        /** Whether the hub answered and closed, or reset, the connection. */
        boolean closedByHub() {
            try {
                InputStream in = socket.getInputStream();
                while (true) {
                    if (in.read() < 0) {
                        return true;
                    }
                }
            } catch (SocketTimeoutException stillOpen) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a test connection.
            }
        }
    }
}
