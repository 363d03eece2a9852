package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.threshold.core.event.EventFixtures.HUB;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.UnsealException;

/** A kiosk seals an event to the hub and signs it; only the hub opens it, and any change is noticed. */
class EventSealingTest {

    private static final byte[] PLAINTEXT = "{\"household\":\"personal data\"}".getBytes(StandardCharsets.UTF_8);
    private static final UUID EVENT_ID = UUID.fromString("0190f3a8-7c1e-7abc-8def-0123456789ab");

    private final SigningKey kioskKey = EventFixtures.signingKey(1);
    private final EventSealer sealer = EventFixtures.sealer("KIOSK-01", kioskKey);
    private final SignedEvent event = sealer.seal(ChainPosition.GENESIS, EVENT_ID, EventFixtures.START,
            EventType.HOUSEHOLD_REGISTERED, PLAINTEXT);

    @Test
    void theHubOpensThePayload() throws UnsealException {
        assertThat(event.openPayload(HUB)).isEqualTo(PLAINTEXT);
    }

    @Test
    void thePayloadIsNotReadableInTheEnvelope() {
        String envelope = new String(event.encode(), StandardCharsets.ISO_8859_1);

        assertThat(envelope).doesNotContain("personal data");
    }

    @Test
    void theHeaderContinuesTheChainAndNamesTheHubKey() {
        ChainPosition previous = new ChainPosition(41, new byte[32]);
        SignedEvent next = sealer.seal(previous, EVENT_ID, EventFixtures.START, EventType.HOUSEHOLD_REGISTERED,
                PLAINTEXT);

        assertThat(next.header().sequence()).isEqualTo(42);
        assertThat(next.header().previousHash()).isEqualTo(previous.hash());
        assertThat(next.header().kioskId()).isEqualTo("KIOSK-01");
        assertThat(next.header().eventId()).isEqualTo(EVENT_ID);
        assertThat(next.header().sealingKeyId()).isEqualTo(HUB.publicKey().keyId());
    }

    @Test
    void theRecordedTimeIsCutToWholeMilliseconds() {
        SignedEvent sealed = sealer.seal(ChainPosition.GENESIS, EVENT_ID, Instant.parse("2026-11-24T10:15:30.123456789Z"),
                EventType.HOUSEHOLD_REGISTERED, PLAINTEXT);

        assertThat(sealed.header().recordedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
    }

    @Test
    void theSignatureVerifiesWithTheKioskKeyOnly() {
        assertThat(event.signatureValid(kioskKey.verifyingKey())).isTrue();
        assertThat(event.signatureValid(EventFixtures.signingKey(2).verifyingKey())).isFalse();
    }

    @Test
    void aDecodedEventStillVerifiesAndOpens() throws MalformedEncodingException, UnsealException {
        SignedEvent decoded = SignedEvent.decode(event.encode());

        assertThat(decoded.signatureValid(kioskKey.verifyingKey())).isTrue();
        assertThat(decoded.openPayload(HUB)).isEqualTo(PLAINTEXT);
        assertThat(decoded.hash()).isEqualTo(event.hash());
    }

    @Test
    void anotherHubKeyCannotOpenThePayload() {
        SealingPrivateKey otherHub = HubSealing.generate(new SecureRandom());

        assertThatThrownBy(() -> event.openPayload(otherHub))
                .isInstanceOf(UnsealException.class)
                .hasMessageContaining(otherHub.publicKey().keyId());
    }

    @Test
    void aPayloadMovedUnderAnotherHeaderDoesNotOpen() {
        // Same kiosk, next sequence: a replayed payload presented as a new registration.
        EventHeader otherHeader = EventFixtures.withSequence(event.header(), 2);
        SignedEvent moved = EventFixtures.resigned(otherHeader, event.payload(), kioskKey);

        assertThatThrownBy(() -> moved.openPayload(HUB)).isInstanceOf(UnsealException.class);
    }

    @Test
    void flippingAnyByteIsNoticed() throws MalformedEncodingException {
        // Every byte: header, both length prefixes, encapsulation, ciphertext and signature. A change must
        // make the event unreadable, or break its signature; and if it is not in the signature itself,
        // the payload must not open either, since the header is bound to it as associated data.
        byte[] encoded = event.encode();
        int signatureStart = encoded.length - 64;
        List<Integer> unnoticed = new ArrayList<>();
        for (int position = 0; position < encoded.length; position++) {
            byte[] tampered = encoded.clone();
            tampered[position] ^= (byte) (1 << (position % 8));
            if (!isRejected(tampered, position < signatureStart)) {
                unnoticed.add(position);
            }
        }

        assertThat(unnoticed).as("positions whose change went unnoticed, of %d", encoded.length).isEmpty();
        assertThat(SignedEvent.decode(encoded).signatureValid(kioskKey.verifyingKey())).isTrue();
    }

    private boolean isRejected(byte[] tampered, boolean mustNotOpen) {
        SignedEvent decoded;
        try {
            decoded = SignedEvent.decode(tampered);
        } catch (MalformedEncodingException unreadable) {
            return true;
        }
        if (decoded.signatureValid(kioskKey.verifyingKey())) {
            return false;
        }
        if (!mustNotOpen) {
            return true;
        }
        try {
            decoded.openPayload(HUB);
            return false;
        } catch (UnsealException unopenable) {
            return true;
        }
    }
}
