package org.threshold.core.event;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.threshold.core.crypto.ExportedKeySealing;
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
    private final SecureRandom random = new SecureRandom();

    public EventSealer(String kioskId, SigningKey kioskKey, SealingPublicKey hubKey) {
        this.kioskId = KioskId.requireValid(kioskId);
        this.kioskKey = kioskKey;
        this.hubKey = hubKey;
    }

    public SignedEvent seal(ChainPosition previous, UUID eventId, Instant recordedAt, EventType type, byte[] plaintext) {
        EventHeader header = header(previous, eventId, recordedAt, type);
        return signed(header, HubSealing.seal(hubKey, header.encode(), plaintext));
    }

    /** An event to seal with {@link #sealRegistration}: its id and plaintext payload. */
    public record Draft(UUID eventId, byte[] plaintext) {
    }

    /**
     * Seals a registration and the referrals made with it as consecutive events after {@code previous}: the
     * registration to the hub with HPKE, each referral under the secret the registration's HPKE context exported
     * ({@link ExportedKeySealing}), with a reference to the registration instead of an encapsulation of its own, so
     * the hub opens them all with one decapsulation. The exported secret is zeroed before this returns.
     */
    public List<SignedEvent> sealRegistration(ChainPosition previous, Instant recordedAt, Draft registration,
                                              List<Draft> referrals) {
        List<SignedEvent> sealed = new ArrayList<>(1 + referrals.size());
        EventHeader first = header(previous, registration.eventId(), recordedAt, EventType.HOUSEHOLD_REGISTERED);
        HubSealing.Sealed exporting = HubSealing.sealExporting(hubKey, first.encode(), registration.plaintext());
        try {
            SignedEvent event = signed(first, exporting.payload());
            sealed.add(event);
            for (Draft referral : referrals) {
                EventHeader header = header(ChainPosition.after(event), referral.eventId(), recordedAt,
                        EventType.REFERRAL_REQUESTED);
                event = signed(header, SealedPayload.underExportOf(registration.eventId(), ExportedKeySealing.seal(
                        exporting.exported(), referral.eventId(), header.encode(), referral.plaintext(), random)));
                sealed.add(event);
            }
        } finally {
            Arrays.fill(exporting.exported(), (byte) 0);
        }
        return sealed;
    }

    private EventHeader header(ChainPosition previous, UUID eventId, Instant recordedAt, EventType type) {
        return new EventHeader(eventId, kioskId, previous.sequence() + 1, previous.hash(),
                recordedAt.truncatedTo(ChronoUnit.MILLIS), type, hubKey.keyId());
    }

    private SignedEvent signed(EventHeader header, SealedPayload payload) {
        return SignedEvent.of(header, payload, kioskKey.sign(SignedEvent.unsignedBytes(header, payload)));
    }

    public String kioskId() {
        return kioskId;
    }
}
