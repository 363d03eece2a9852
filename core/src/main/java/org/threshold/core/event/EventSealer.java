package org.threshold.core.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealedPayload;
import org.threshold.core.crypto.SealingPublicKey;
import org.threshold.core.crypto.SigningKey;

/**
 * Turns a plaintext payload into the next event of a kiosk's chain: sealed to the hub, linked to the
 * previous event's hash and signed by the kiosk. Thread-safe; the caller serialises chain order.
 */
public final class EventSealer {
    private final String kioskId;
    private final SigningKey kioskKey;
    private final SealingPublicKey hubKey;

    public EventSealer(String kioskId, SigningKey kioskKey, SealingPublicKey hubKey) {
        this.kioskId = KioskId.requireValid(kioskId);
        this.kioskKey = kioskKey;
        this.hubKey = hubKey;
    }

    public SignedEvent seal(ChainPosition previous, UUID eventId, Instant recordedAt, EventType type, byte[] plaintext) {
        EventHeader header = new EventHeader(eventId, kioskId, previous.sequence() + 1, previous.hash(),
                recordedAt.truncatedTo(ChronoUnit.MILLIS), type, hubKey.keyId());
        SealedPayload payload = HubSealing.seal(hubKey, header.encode(), plaintext);
        byte[] signature = kioskKey.sign(SignedEvent.unsignedBytes(header, payload));
        return SignedEvent.of(header, payload, signature);
    }

    public String kioskId() {
        return kioskId;
    }
}
