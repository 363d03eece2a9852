package org.threshold.hub.web.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.threshold.hub.web.access.Access;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntFunction;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.KioskId;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.BatchBody;
import org.threshold.core.sync.SyncAck;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.kiosk.KioskDirectory;
import org.threshold.hub.app.sync.IngestGate;
import org.threshold.hub.app.sync.IngestOutcome;
import org.threshold.hub.app.sync.Rejection;
import org.threshold.hub.app.sync.SyncService;
import org.threshold.hub.deployment.HubKeys;
import org.threshold.hub.web.http.ApiException;
import org.threshold.hub.web.http.HubJson;
import org.threshold.hub.web.http.RequestBodies;

/**
 * {@code POST /api/sync/batches}: a kiosk ships {@code {"kioskId","events":["<base64 envelope>",...]}}
 * (optionally gzip), or the same as a {@link BatchBody} ({@value BatchBody#CONTENT_TYPE}, what kiosks send),
 * and gets back the hub's signed acknowledgement of the highest contiguous event it holds.
 * The request is signed by the kiosk ({@link BatchAuthentication}), and checked before the batch takes an ingest
 * permit, so unsigned or slow uploads never hold one; the events' own signatures then prove each event, and only an
 * enrolled, unrevoked kiosk's chain is accepted ({@link SyncService}). At most {@link IngestGate}'s worth of batches
 * are taken on at once; the rest are told to come back (429).
 */
public final class SyncApi {
    public static final int MAX_EVENTS = SyncService.MAX_EVENTS;
    public static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final String MALFORMED = "MALFORMED_BATCH";
    private static final String BATCH_SHAPE = "{\"kioskId\":\"KIOSK-01\",\"events\":[\"<base64 envelope>\", ...]}";

    private final SyncService sync;
    private final SigningKey hubIdentity;
    private final Clock clock;
    private final IngestGate gate;
    private final BatchAuthentication authentication;

    public SyncApi(SyncService sync, HubKeys keys, Clock clock, IngestGate gate, KioskDirectory kiosks) {
        this.sync = sync;
        this.hubIdentity = keys.identity();
        this.clock = clock;
        this.gate = gate;
        this.authentication = new BatchAuthentication(kiosks, clock);
    }

    /** Batches this instance refused as not provably from an enrolled kiosk; not the kiosks' incidents. */
    public long unauthenticatedRejects() {
        return authentication.rejected();
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/api/sync/batches", this::receiveBatch, Access.KIOSK);
    }

    /**
     * Headers, then the body (bounded in size here, in rate and time by the connector), then the signature, and
     * only then a permit: what waits for a permit is an enrolled kiosk's batch.
     */
    private void receiveBatch(Context ctx) {
        BatchAuthentication.Claim claim = authentication.claim(ctx);
        // In flight from here, so the projection holds back between one kiosk's batches, not only during each.
        try (IngestGate.Permit arrival = gate.arriving()) {
            ApiException tooLarge = new ApiException(413, "BATCH_TOO_LARGE",
                    "A batch may hold at most 16 MiB (after gzip is undone). Send fewer events per batch.");
            byte[] asSent = RequestBodies.readAsSent(ctx, MAX_BATCH_BYTES, tooLarge, MALFORMED);
            authentication.verify(ctx, claim, asSent);
            String kioskId = claim.kiosk().kioskId();
            SyncService.RequestNonce nonce = new SyncService.RequestNonce(claim.nonce(),
                    BatchAuthentication.forgetAfter(claim));
            try (IngestGate.Permit permit = gate.enter()) {
                byte[] body = RequestBodies.decode(ctx, asSent, MAX_BATCH_BYTES, tooLarge, MALFORMED);
                String contentType = String.valueOf(ctx.contentType());
                IngestOutcome outcome;
                if (contentType.startsWith(BatchBody.CONTENT_TYPE)) {
                    BatchBody batch = binary(body);
                    sameKiosk(kioskId, batch.kioskId());
                    outcome = ingest(kioskId, nonce, decodeEnvelopes(batch.envelopes(), i -> "Event " + i));
                } else {
                    JsonNode json = HubJson.parse(ctx, body, BATCH_SHAPE);
                    sameKiosk(kioskId, kioskId(json));
                    outcome = ingest(kioskId, nonce, decode(encodedEvents(json)));
                }
                ctx.status(outcome.rejection().map(rejection -> status(rejection.reason())).orElse(200));
                ctx.json(answer(kioskId, outcome));
            }
        }
    }

    private IngestOutcome ingest(String kioskId, SyncService.RequestNonce nonce, List<SignedEvent> events) {
        try {
            return sync.ingest(kioskId, nonce, events);
        } catch (Refusal e) {
            if (e.reason().equals("REPLAYED_REQUEST")) {
                authentication.replayed();
            }
            throw e;
        }
    }

    private static void sameKiosk(String signer, String named) {
        if (!signer.equals(named)) {
            throw malformed("The batch names kiosk " + named + " but is signed by kiosk " + signer + "; a kiosk sends "
                    + "only its own events. Nothing was stored.");
        }
    }

    /** A fork or an id clash contradicts what the hub holds (409); anything else in the chain is unusable (422). */
    private static int status(Rejection.Reason reason) {
        return switch (reason) {
            case FORK, CONFLICT -> 409;
            case SEQUENCE_GAP, CHAIN_BROKEN, BAD_SIGNATURE, WRONG_KIOSK -> 422;
        };
    }

    /**
     * {@code {"ack","stored","duplicates"}} plus {@code "error"} when the chain broke, and {@code "resendFrom"} after
     * a gap.
     */
    private ObjectNode answer(String kioskId, IngestOutcome outcome) {
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
