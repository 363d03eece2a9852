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
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.EnrolledKiosk;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.KioskId;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.sync.SyncAck;
import org.threshold.hub.deployment.EnrolledKiosks;
import org.threshold.hub.enrollment.KioskRevocations;
import org.threshold.hub.http.ApiException;
import org.threshold.hub.http.HubJson;
import org.threshold.hub.http.RequestBodies;
import org.threshold.hub.store.EventStore;

/**
 * {@code POST /api/sync/batches}: a kiosk ships {@code {"kioskId","events":["<base64 envelope>",...]}}
 * (optionally gzip) and gets back the hub's signed acknowledgement of the highest contiguous event it holds.
 * The events' own signatures are the authentication: only an enrolled kiosk's chain is accepted.
 */
public final class SyncApi {
    public static final int MAX_EVENTS = 2_000;
    public static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final String MALFORMED = "MALFORMED_BATCH";
    private static final String BATCH_SHAPE = "{\"kioskId\":\"KIOSK-01\",\"events\":[\"<base64 envelope>\", ...]}";

    private final EnrolledKiosks kiosks;
    private final BatchIngest ingest;
    private final SigningKey hubIdentity;
    private final Clock clock;
    private final Runnable afterStore;

    /**
     * @param afterStore  run after a batch stored new events, e.g. to wake the projections
     * @param revocations a revoked kiosk's batches are refused
     */
    public SyncApi(EnrolledKiosks kiosks, EventStore events, SigningKey hubIdentity, Clock clock,
                   Runnable afterStore, KioskRevocations revocations) {
        this.kiosks = kiosks;
        this.ingest = new BatchIngest(events, clock, revocations);
        this.hubIdentity = hubIdentity;
        this.clock = clock;
        this.afterStore = afterStore;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post("/api/sync/batches", this::receiveBatch);
    }

    private void receiveBatch(Context ctx) {
        byte[] body = RequestBodies.read(ctx, MAX_BATCH_BYTES, new ApiException(413, "BATCH_TOO_LARGE",
                "A batch may hold at most 16 MiB of JSON (after gzip is undone). Send fewer events per batch."),
                MALFORMED);
        JsonNode json = HubJson.parse(body, BATCH_SHAPE);
        String kioskId = kioskId(json);
        List<String> encoded = encodedEvents(json);
        EnrolledKiosk kiosk = kiosks.find(kioskId).orElseThrow(() -> new ApiException(401, "UNKNOWN_KIOSK",
                "Kiosk " + kioskId + " is not enrolled with this hub. Enroll it with `provision kiosk add`, "
                        + "or check the kiosk id in the kiosk's kiosk.json."));
        IngestOutcome outcome = ingest.ingest(kioskId, kiosk.verifyingKey(), decode(encoded));
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
        });
        ctx.status(outcome.rejection().map(rejection -> rejection.reason().httpStatus()).orElse(200)).json(response);
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

    private static List<String> encodedEvents(JsonNode json) {
        JsonNode events = json.get("events");
        if (events == null || !events.isArray()) {
            throw malformed("The batch has no \"events\" list. Send " + BATCH_SHAPE + ".");
        }
        if (events.size() > MAX_EVENTS) {
            throw new ApiException(413, "BATCH_TOO_LARGE", "A batch holds at most " + MAX_EVENTS
                    + " events; this one has " + events.size() + ". Send fewer events per batch.");
        }
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
        List<SignedEvent> events = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            byte[] envelope;
            try {
                envelope = Base64.getDecoder().decode(encoded.get(i));
            } catch (IllegalArgumentException e) {
                throw malformed("events[" + i + "] is not Base64. Nothing in this batch was stored.");
            }
            try {
                events.add(SignedEvent.decode(envelope));
            } catch (MalformedEncodingException e) {
                throw malformed("events[" + i + "] is not an event envelope (" + e.getMessage() + "). Nothing in "
                        + "this batch was stored; resend it from the kiosk's log.");
            }
        }
        return events;
    }

    private static ApiException malformed(String message) {
        return new ApiException(400, MALFORMED, message);
    }
}
