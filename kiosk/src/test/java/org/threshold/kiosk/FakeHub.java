package org.threshold.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.BatchBody;
import org.threshold.core.sync.SyncAck;

/**
 * A stand-in for the hub's sync endpoint, over real HTTP: it keeps the events it is sent and answers
 * with an acknowledgement of the highest contiguous sequence, or, on request, with a wrong one.
 */
public final class FakeHub implements AutoCloseable {
    public enum Answer {
        /** A correct acknowledgement, signed with the hub identity key. */
        ACK,
        /** Correct contents, signed by some other key. */
        SIGNED_BY_ANOTHER_KEY,
        /** Signed correctly, but for another kiosk. */
        FOR_ANOTHER_KIOSK,
        /** Signed correctly, but naming a hash the kiosk does not hold. */
        WRONG_HASH,
        /** Stores the first event of the batch only and answers 422 CHAIN_BROKEN with an ack up to it. */
        BREAK_AFTER_FIRST,
        /** HTTP 500 without storing anything. */
        SERVER_ERROR,
        /** HTTP 429 HUB_BUSY with {@code Retry-After: 30}, without storing anything. */
        BUSY
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SigningKey identity;
    private final String kioskId;
    private final Javalin server;
    private final Map<Long, SignedEvent> held = new ConcurrentHashMap<>();
    private final List<List<Long>> batches = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private volatile Answer answer = Answer.ACK;

    public FakeHub(SigningKey identity, String kioskId) {
        this.identity = identity;
        this.kioskId = kioskId;
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/api/sync/batches", this::receive);
            // As the hub's: up unless told to fail (its database gone).
            config.routes.get("/health", ctx -> ctx.status(answer == Answer.SERVER_ERROR ? 503 : 200)
                    .contentType("application/json").result(answer == Answer.SERVER_ERROR
                            ? "{\"status\":\"store-unavailable\"}" : "{\"status\":\"ok\"}"));
        }).start("127.0.0.1", 0);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void answer(Answer answer) {
        this.answer = answer;
    }

    /** The sequence numbers of each batch received, in the order they arrived. */
    public List<List<Long>> batches() {
        return List.copyOf(batches);
    }

    public List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    public Map<Long, SignedEvent> held() {
        return Map.copyOf(held);
    }

    private void receive(Context ctx) throws IOException, MalformedEncodingException {
        contentTypes.add(String.valueOf(ctx.contentType()));
        List<SignedEvent> events = new ArrayList<>();
        if (BatchBody.CONTENT_TYPE.equals(ctx.contentType())) {
            for (byte[] envelope : BatchBody.decode(ctx.bodyAsBytes()).envelopes()) {
                events.add(SignedEvent.decode(envelope));
            }
        } else {
            byte[] body = ctx.bodyAsBytes();
            if ("gzip".equals(ctx.header("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            for (JsonNode envelope : JSON.readTree(body).path("events")) {
                events.add(SignedEvent.decode(Base64.getDecoder().decode(envelope.asText())));
            }
        }
        batches.add(events.stream().map(event -> event.header().sequence()).toList());
        Answer current = answer;
        if (current == Answer.SERVER_ERROR) {
            ctx.status(500).result("{\"error\":{\"reason\":\"INTERNAL\",\"message\":\"hub fault\"}}");
            return;
        }
        if (current == Answer.BUSY) {
            ctx.status(429).header("Retry-After", "30")
                    .result("{\"error\":{\"reason\":\"HUB_BUSY\",\"message\":\"come back later\"}}");
            return;
        }
        List<SignedEvent> stored = current == Answer.BREAK_AFTER_FIRST ? events.subList(0, 1) : events;
        stored.forEach(event -> held.put(event.header().sequence(), event));
        ObjectNode reply = JSON.createObjectNode();
        reply.set("ack", JSON.valueToTree(ackJson(current)));
        reply.put("stored", stored.size());
        reply.put("duplicates", 0);
        if (current == Answer.BREAK_AFTER_FIRST) {
            ObjectNode error = reply.putObject("error");
            error.put("index", 1);
            error.put("reason", "CHAIN_BROKEN");
            error.put("message", "event does not link to its predecessor");
            ctx.status(422);
        }
        ctx.contentType("application/json").result(JSON.writeValueAsBytes(reply));
    }

    private Map<String, Object> ackJson(Answer current) {
        long sequence = 0;
        while (held.containsKey(sequence + 1)) {
            sequence++;
        }
        byte[] hash = sequence == 0 ? new byte[32] : held.get(sequence).hash();
        String ackKiosk = kioskId;
        SigningKey key = identity;
        switch (current) {
            case SIGNED_BY_ANOTHER_KEY -> key = SigningKey.generate(new SecureRandom());
            case FOR_ANOTHER_KIOSK -> ackKiosk = "KIOSK-99";
            case WRONG_HASH -> hash = Bytes.sha256("another history".getBytes(StandardCharsets.UTF_8));
            default -> { }
        }
        SyncAck ack = SyncAck.sign(ackKiosk, sequence, hash, Instant.now(), key);
        return Map.of("kioskId", ack.kioskId(), "sequence", ack.sequence(), "hashBase64", ack.hashBase64(),
                "hubTime", ack.hubTime().toString(), "signatureBase64", ack.signatureBase64());
    }

    @Override
    public void close() {
        server.stop();
    }
}
