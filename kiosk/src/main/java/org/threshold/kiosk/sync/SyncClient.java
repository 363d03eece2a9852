package org.threshold.kiosk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.sync.BatchBody;
import org.threshold.core.sync.BatchRequestSignature;
import org.threshold.core.sync.SyncAck;
import org.threshold.kiosk.store.EventLog;
import org.threshold.kiosk.store.EventLog.PendingEvent;

/**
 * Ships unsynced events to the hub in sequence order, in compact binary batches ({@link BatchBody}), and marks them as
 * synced only on the hub's signed word: an acknowledgement that is for this kiosk, verifies with the
 * hub identity key from enrollment, and names the hash this kiosk holds at that sequence. Anything
 * less (a proxy's "200 OK", an impostor, a forked history) marks nothing. Nothing is ever deleted here.
 *
 * <p>The hub's acknowledgement is the whole protocol: whatever was lost on the way (a request, an answer, a
 * connection), the next batch starts after the highest sequence the hub signed for. If the hub signs for less
 * than this kiosk had marked (it lost events, e.g. restored from a backup, and answers a gap), the events after
 * it are reopened and sent again. A 429 or 503 stops the sync and carries the hub's {@code Retry-After} to the
 * scheduler.
 *
 * <p>One sync runs at a time; a second caller waits for the first to finish. Thread-safe.
 */
public final class SyncClient {
    /**
     * How much one batch may carry; the hub accepts up to 2,000 events and 16 MiB. {@code maxBytes} bounds the
     * events' Base64 size, an upper bound on the binary body. A day's backlog goes in the largest batches the hub
     * takes, because each batch costs a round trip and a synchronous commit at each end.
     */
    public record Limits(int maxEvents, long maxBytes) {
        public static final Limits DEFAULT = new Limits(2_000, 12L * 1024 * 1024);
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private static final SecureRandom NONCES = new SecureRandom();

    private final KioskConfig config;
    private final SigningKey kioskKey;
    private final EventLog events;
    private final HttpClient http;
    private final Clock clock;
    private final Limits limits;
    private final URI batches;
    private final ConnectionState connection = new ConnectionState();
    private volatile boolean askForAckFirst;

    /** @param kioskKey this kiosk's key, which signs each batch request ({@link BatchRequestSignature}) */
    public SyncClient(KioskConfig config, SigningKey kioskKey, EventLog events, HttpClient http, Clock clock,
                      Limits limits) {
        this.config = config;
        this.kioskKey = kioskKey;
        this.events = events;
        this.http = http;
        this.clock = clock;
        this.limits = limits;
        this.batches = URI.create(config.hubAddress("/api/sync/batches"));
    }

    /** An HTTP client with the timeouts a field network needs: 5 s to connect. Plain HTTP only (demo, tests). */
    public static HttpClient httpClient() {
        return builder().build();
    }

    /** An HTTPS client that trusts exactly the hub certificate with this SHA-256 (hex) and nothing else. */
    public static HttpClient httpClient(String pinnedHubCertificateSha256) {
        SSLContext tls = PinnedCertificate.sslContext(pinnedHubCertificateSha256);
        return builder().sslContext(tls).build();
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /** Online or not, and the catch-up's progress, for the status page. */
    public ConnectionState.Snapshot connection() {
        return connection.snapshot();
    }

    ConnectionState connectionState() {
        return connection;
    }

    /**
     * Before sending anything at the next sync, ask the hub what it holds (an empty batch): after a USB
     * bundle export, the hub may hold events this kiosk still has pending, and need not get them twice.
     */
    public void askForAckFirst() {
        askForAckFirst = true;
    }

    /**
     * Asks the hub what it holds (an empty batch), which is also how the kiosk learns whether the hub is up: the
     * status shows online or offline from the hub's answer right after start, not only after the first batch.
     * Returns the error, or null when the hub answered.
     */
    public synchronized String probe() {
        Exchange probe = send(List.of());
        if (probe.error() != null) {
            events.recordSyncFailure(probe.error());
        } else {
            askForAckFirst = false;
            events.recordSyncSuccess(clock.instant());
        }
        return probe.error();
    }

    /** Sends every pending event, batch after batch, until all are acknowledged or something stops it. */
    public synchronized SyncReport syncNow() {
        int sent = 0;
        int acknowledged = 0;
        String error = null;
        Long retryAfter = null;
        connection.catchUpStarted(events.counts().pending());
        if (askForAckFirst) {
            Exchange probe = send(List.of());
            acknowledged += probe.marked();
            connection.caughtUp(probe.marked());
            error = probe.error();
            retryAfter = probe.retryAfterSeconds();
            askForAckFirst = error != null;
        }
        while (error == null) {
            List<PendingEvent> batch = events.unsynced(limits.maxEvents(), limits.maxBytes());
            if (batch.isEmpty()) {
                break;
            }
            Exchange exchange = send(batch);
            sent += batch.size();
            acknowledged += exchange.marked();
            connection.caughtUp(exchange.marked());
            error = exchange.error();
            retryAfter = exchange.retryAfterSeconds();
            if (error == null && exchange.marked() == 0 && !exchange.reopened()) {
                error = "The hub took the batch but acknowledged none of it; the events stay pending and are "
                        + "sent again at the next sync.";
            }
        }
        if (sent > 0 && error == null) {
            events.recordSyncSuccess(clock.instant());
        } else if (error != null) {
            events.recordSyncFailure(error);
        }
        return new SyncReport(sent, acknowledged, events.counts().pending(), error, retryAfter);
    }

    private record Exchange(int marked, String error, boolean reopened, Long retryAfterSeconds) {
        Exchange(int marked, String error) {
            this(marked, error, false, null);
        }

        static Exchange failed(String error) {
            return new Exchange(0, error);
        }
    }

    private Exchange send(List<PendingEvent> batch) {
        byte[] batchBody = batchBody(batch);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] nonceBytes = new byte[18];
        NONCES.nextBytes(nonceBytes);
        String nonce = Bytes.base64(nonceBytes);
        HttpRequest request = HttpRequest.newBuilder(batches)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", BatchBody.CONTENT_TYPE)
                .header(BatchRequestSignature.KIOSK_HEADER, config.kioskId())
                .header(BatchRequestSignature.TIME_HEADER, at.toString())
                .header(BatchRequestSignature.NONCE_HEADER, nonce)
                .header(BatchRequestSignature.SIGNATURE_HEADER, BatchRequestSignature.sign(kioskKey, "POST",
                        batches.getPath(), config.kioskId(), at, nonce, batchBody))
                .POST(HttpRequest.BodyPublishers.ofByteArray(batchBody))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            connection.unreachable();
            return Exchange.failed("Could not reach the hub at " + config.hubUrl() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). The events stay pending and are "
                    + "sent again at the next sync.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exchange.failed("The sync was interrupted; the events stay pending.");
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 200 || status == 409 || status == 422) {
            Exchange acked = applyAck(body.path("ack"));
            if (acked.error() != null || status == 200) {
                return acked;
            }
            if (acked.reopened()) {
                return acked;
            }
            return new Exchange(acked.marked(), refusal(status, body));
        }
        if (status == 429 || status == 503) {
            long wait = retryAfterSeconds(response.headers().firstValue("Retry-After").orElse(null));
            if (status == 429) {
                connection.contact(clock.instant());
            } else {
                connection.unreachable();
            }
            return new Exchange(0, "The hub is busy (HTTP " + status + "); the events stay pending and are sent "
                    + "again in " + wait + " s.", false, wait);
        }
        if (status >= 500) {
            connection.unreachable();
        } else {
            connection.contact(clock.instant());
        }
        return Exchange.failed(refusal(status, body));
    }

    /** Retry-After in seconds (RFC 9110 also allows a date; the hub sends seconds); 5 s if absent or unreadable. */
    private static long retryAfterSeconds(String header) {
        try {
            return header == null ? 5 : Math.max(1, Math.min(3_600, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    private byte[] batchBody(List<PendingEvent> batch) {
        return new BatchBody(config.kioskId(), batch.stream().map(PendingEvent::envelope).toList()).encode();
    }

    private Exchange applyAck(JsonNode json) {
        if (!json.isObject()) {
            return Exchange.failed("The hub's answer carried no acknowledgement; nothing was marked as synced.");
        }
        SyncAck ack;
        try {
            ack = JSON.treeToValue(json, SyncAck.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Exchange.failed("The hub's acknowledgement is unreadable; nothing was marked as synced.");
        }
        if (!config.kioskId().equals(ack.kioskId())) {
            return Exchange.failed("The hub acknowledged events of kiosk " + ack.kioskId() + ", not of this kiosk ("
                    + config.kioskId() + "); nothing was marked as synced. Check the hub URL.");
        }
        if (!ack.signedBy(config.hubIdentity())) {
            return Exchange.failed("The acknowledgement is not signed by the hub this kiosk was enrolled with (key "
                    + config.hubIdentity().fingerprint() + "); nothing was marked as synced. Check the hub URL.");
        }
        connection.contact(clock.instant());
        if (ack.sequence() < events.syncState().ackedSequence()) {
            return reopen(ack);
        }
        if (ack.sequence() == 0) {
            return new Exchange(0, null);
        }
        Optional<byte[]> local = events.hashAt(ack.sequence());
        if (local.isEmpty()) {
            return Exchange.failed("The hub acknowledges event #" + ack.sequence() + ", which this kiosk never wrote;"
                    + " nothing was marked as synced. Tell the hub administrator.");
        }
        if (!MessageDigest.isEqual(local.get(), ack.hash())) {
            return Exchange.failed("The hub holds a different event #" + ack.sequence() + " than this kiosk (the "
                    + "hashes differ); nothing was marked as synced. Tell the hub administrator.");
        }
        return new Exchange(events.acknowledge(ack.sequence()), null);
    }

    /** The hub signed for less than it had before: it lost events; send everything after its head again. */
    private Exchange reopen(SyncAck ack) {
        byte[] expected = ack.sequence() == 0 ? new byte[32] : events.hashAt(ack.sequence()).orElse(null);
        if (expected == null || !MessageDigest.isEqual(expected, ack.hash())) {
            return Exchange.failed("The hub holds a different event #" + ack.sequence() + " than this kiosk; nothing "
                    + "was changed. Tell the hub administrator.");
        }
        int reopened = events.reopenAfter(ack.sequence());
        org.slf4j.LoggerFactory.getLogger(SyncClient.class).warn("The hub now holds this kiosk's events only up to "
                + "#{}; {} events it had acknowledged are sent again", ack.sequence(), reopened);
        connection.catchUpStarted(events.counts().pending());
        return new Exchange(0, null, true, null);
    }

    private static String refusal(int status, JsonNode body) {
        JsonNode error = body.path("error");
        String detail = error.isObject()
                ? " " + error.path("reason").asText("") + ": " + error.path("message").asText("")
                : "";
        return "The hub answered HTTP " + status + detail + ". The events stay pending and are sent again at the "
                + "next sync.";
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json == null ? JSON.missingNode() : json;
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
