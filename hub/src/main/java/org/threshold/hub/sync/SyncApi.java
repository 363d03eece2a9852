package org.threshold.hub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntFunction;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.EnrolledKiosk;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.KioskId;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.BatchBody;
import org.threshold.core.sync.SyncAck;
import org.threshold.hub.deployment.EnrolledKiosks;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.http.ApiException;
import org.threshold.hub.http.HubJson;
import org.threshold.hub.http.RequestBodies;
import org.threshold.hub.store.EventStore;
import org.threshold.hub.store.SqliteUpdateStore;

/**
 * {@code POST /api/sync/batches}: a kiosk ships {@code {"kioskId","events":["<base64 envelope>",...]}}
 * (optionally gzip), or the same as a {@link BatchBody} ({@value BatchBody#CONTENT_TYPE}, what kiosks send),
 * and gets back the hub's signed acknowledgement of the highest contiguous event it holds.
 * The events' own signatures are the authentication: only an enrolled, unrevoked kiosk's chain is accepted.
 * At most {@link IngestGate}'s worth of batches are taken on at once; the rest are told to come back (429).
 * {@link #ingest} is the same path for events that arrive on a USB bundle instead of the network.
 */
public final class SyncApi {
    public static final int MAX_EVENTS = 2_000;
    public static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final String MALFORMED = "MALFORMED_BATCH";
    private static final String BATCH_SHAPE = "{\"kioskId\":\"KIOSK-01\",\"events\":[\"<base64 envelope>\", ...]}";

    private final EnrolledKiosks kiosks;
    private final SqliteUpdateStore revocations;
    private final BatchIngest ingest;
    private final SigningKey hubIdentity;
    private final Clock clock;
    private final IngestGate gate;
    private final Runnable afterStore;

    /**
     * @param revocations the record of revoked kiosks, whose batches are refused
     * @param afterStore  run after a batch stored new events, e.g. to wake the projections
     */
    public SyncApi(EnrolledKiosks kiosks, EventStore events, SqliteUpdateStore revocations, HubKeys keys,
                   Clock clock, IngestGate gate, Runnable afterStore) {
        this.kiosks = kiosks;
        this.revocations = revocations;
        this.ingest = new BatchIngest(events, clock);
        this.hubIdentity = keys.identity();
        this.clock = clock;
        this.gate = gate;
        this.afterStore = afterStore;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/api/sync/batches", this::receiveBatch);
    }

    private void receiveBatch(Context ctx) {
        try (IngestGate.Permit permit = gate.enter()) {
            byte[] body = RequestBodies.read(ctx, MAX_BATCH_BYTES, new ApiException(413, "BATCH_TOO_LARGE",
                    "A batch may hold at most 16 MiB (after gzip is undone). Send fewer events per batch."),
                    MALFORMED);
            String contentType = String.valueOf(ctx.contentType());
            ObjectNode response;
            if (contentType.startsWith(BatchBody.CONTENT_TYPE)) {
                BatchBody batch = binary(body);
                response = ingest(batch.kioskId(), decodeEnvelopes(batch.envelopes(), i -> "Event " + i));
            } else {
                JsonNode json = HubJson.parse(body, BATCH_SHAPE);
                String kioskId = kioskId(json);
                response = ingest(kioskId, decode(encodedEvents(json)));
            }
            ctx.status(response.path("error").isObject() ? response.path("status").asInt() : 200);
            response.remove("status");
            ctx.json(response);
        }
    }

    /**
     * Verifies and stores one kiosk's events exactly as a batch over the network would be, and answers with the
     * body the API would send: {@code {"ack","stored","duplicates"}} plus {@code "error"} (and
     * {@code "status"}, the HTTP status it maps to) when the chain broke, and {@code "resendFrom"} after a gap.
     *
     * @throws ApiException 401 {@code UNKNOWN_KIOSK}, 403 {@code KIOSK_REVOKED}
     */
    public ObjectNode ingest(String kioskId, List<SignedEvent> events) {
        EnrolledKiosk kiosk = kiosks.find(kioskId).orElseThrow(() -> new ApiException(401, "UNKNOWN_KIOSK",
                "Kiosk " + kioskId + " is not enrolled with this hub. Enroll it with `provision kiosk add`, "
                        + "or check the kiosk id in the kiosk's kiosk.json."));
        if (revocations.revocation(kioskId).isPresent()) {
            throw new ApiException(403, "KIOSK_REVOKED", "Kiosk " + kioskId + " has been revoked by an "
                    + "administrator; the hub takes no more events from it and nothing was stored. If the kiosk "
                    + "is in safe hands, ask the administrator to enroll it again.");
        }
        IngestOutcome outcome = ingest.ingest(kioskId, kiosk.verifyingKey(), events);
        if (outcome.stored() > 0) {
            afterStore.run();
        }
        ObjectNode response = HubJson.MAPPER.createObjectNode();
        response.set("ack", ack(kioskId, outcome.head()));
        response.put("stored", outcome.stored());
        response.put("duplicates", outcome.duplicates());
        outcome.rejection().ifPresent(rejection -> {
            ObjectNode error = response.putObject("error");
            error.put("index", rejection.index());
            error.put("reason", rejection.reason().name());
            error.put("message", rejection.message());
            if (rejection.reason() == Rejection.Reason.SEQUENCE_GAP) {
                response.put("resendFrom", outcome.head().sequence() + 1);
            }
            response.put("status", rejection.reason().httpStatus());
        });
        return response;
    }

    private ObjectNode ack(String kioskId, ChainPosition head) {
        SyncAck ack = SyncAck.sign(kioskId, head.sequence(), head.hash(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                hubIdentity);
        ObjectNode json = HubJson.MAPPER.createObjectNode();
        json.put("kioskId", ack.kioskId());
        json.put("sequence", ack.sequence());
        json.put("hashBase64", ack.hashBase64());
        json.put("hubTime", ack.hubTime().toString());
        json.put("signatureBase64", ack.signatureBase64());
        return json;
    }

    private static String kioskId(JsonNode json) {
        JsonNode kioskId = json.get("kioskId");
        if (kioskId == null || !kioskId.isTextual()) {
            throw malformed("The batch has no \"kioskId\". Send " + BATCH_SHAPE + ".");
        }
        if (!KioskId.isValid(kioskId.textValue())) {
            throw malformed("\"kioskId\" is not a kiosk id (1 to 32 characters of A-Z, 0-9 and '-', e.g. KIOSK-01).");
        }
        return kioskId.textValue();
    }

    private static BatchBody binary(byte[] body) {
        BatchBody batch;
        try {
            batch = BatchBody.decode(body);
        } catch (MalformedEncodingException e) {
            throw malformed("The " + BatchBody.CONTENT_TYPE + " body is malformed (" + e.getMessage() + "). Nothing "
                    + "in this batch was stored.");
        }
        if (!KioskId.isValid(batch.kioskId())) {
            throw malformed("The batch's kiosk id is not a kiosk id (1 to 32 characters of A-Z, 0-9 and '-', e.g. "
                    + "KIOSK-01).");
        }
        tooMany(batch.envelopes().size());
        return batch;
    }

    private static void tooMany(int events) {
        if (events > MAX_EVENTS) {
            throw new ApiException(413, "BATCH_TOO_LARGE", "A batch holds at most " + MAX_EVENTS
                    + " events; this one has " + events + ". Send fewer events per batch.");
        }
    }

    /** @param name how the answer names the event at an index, as the body's format does */
    private static List<SignedEvent> decodeEnvelopes(List<byte[]> envelopes, IntFunction<String> name) {
        List<SignedEvent> events = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            try {
                events.add(SignedEvent.decode(envelopes.get(i)));
            } catch (MalformedEncodingException e) {
                throw malformed(name.apply(i) + " is not an event envelope (" + e.getMessage() + "). Nothing in "
                        + "this batch was stored; resend it from the kiosk's log.");
            }
        }
        return events;
    }

    private static List<String> encodedEvents(JsonNode json) {
        JsonNode events = json.get("events");
        if (events == null || !events.isArray()) {
            throw malformed("The batch has no \"events\" list. Send " + BATCH_SHAPE + ".");
        }
        tooMany(events.size());
        List<String> encoded = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            if (!events.get(i).isTextual()) {
                throw malformed("events[" + i + "] is not a string; each event is its envelope in Base64. "
                        + "Nothing in this batch was stored.");
            }
            encoded.add(events.get(i).textValue());
        }
        return encoded;
    }

    private static List<SignedEvent> decode(List<String> encoded) {
        List<byte[]> envelopes = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            try {
                envelopes.add(Base64.getDecoder().decode(encoded.get(i)));
            } catch (IllegalArgumentException e) {
                throw malformed("events[" + i + "] is not Base64. Nothing in this batch was stored.");
            }
        }
        return decodeEnvelopes(envelopes, i -> "events[" + i + "]");
    }

    private static ApiException malformed(String message) {
        return new ApiException(400, MALFORMED, message);
    }
}
