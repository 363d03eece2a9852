package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SealedPayload;
import org.threshold.core.crypto.SigningKey;

/**
 * Golden vectors pinning the event wire format byte for byte.
 *
 * <p>These bytes are what kiosks sign, hash into their chains and ship; hubs store and verify them
 * for years. If a test here fails, the encoding changed, and every event already signed in the field
 * would stop verifying. Do not update the literals to make the test pass: that is a wire-format break,
 * which needs a new format version ({@code EventHeader.VERSION}) while version 1 stays readable.
 *
 * <p>Ed25519 signatures are deterministic (RFC 8032), so the signature and the event hash are fixed
 * too. They were computed by this code once and checked independently with pyca/cryptography.
 */
class EventWireFormatTest {

    private static final String HEADER_HEX = ""
            + "54484556"                                                          // magic "THEV"
            + "01"                                                                // format version 1
            + "0190f3a87c1e7abc8def0123456789ab"                                  // event id
            + "08" + "4b494f534b2d3031"                                           // kiosk id "KIOSK-01"
            + "0000000000000001"                                                  // sequence 1
            + "0000000000000000000000000000000000000000000000000000000000000000"  // previous hash (genesis)
            + "000001a20d0dae4b"                                                  // recorded at, Unix millis
            + "13" + "486f757365686f6c6452656769737465726564"                     // type "HouseholdRegistered"
            + "10" + "30303131323233336161626263636464";                          // sealing key id

    private static final String SIGNATURE_HEX = ""
            + "efb3032c21472e3745d7dd9ca79f7ac2da66b75c8c0848d2a551bac937936509"
            + "1c47c8c7ee98904b1daf953e40355a0830e45191a7e1afdda044e2102b244507";

    private static final String EVENT_HEX = HEADER_HEX
            + "00000020" + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"  // encapsulation
            + "00000005" + "68656c6c6f"                                                         // ciphertext
            + SIGNATURE_HEX;

    private static final String EVENT_HASH_HEX = "a3c392add7ea6200ceabd3eda155f2180aa4234459eaab7b00699a2d69d3bf3e";

    private static final String PUBLIC_KEY_HEX = "79b5562e8fe654f94078b112e8a98ba7901f853ae695bed7e0e3910bad049664";

    static final SigningKey KEY = SigningKey.fromBytes(sequence(1, 32));

    static final EventHeader HEADER = new EventHeader(UUID.fromString("0190f3a8-7c1e-7abc-8def-0123456789ab"),
            "KIOSK-01", 1, new byte[32], Instant.parse("2026-11-24T10:15:30.123Z"), EventType.HOUSEHOLD_REGISTERED,
            "00112233aabbccdd");

    static final SealedPayload PAYLOAD = new SealedPayload(sequence(0, 32), "hello".getBytes(StandardCharsets.UTF_8));

    static final SignedEvent EVENT = EventFixtures.resigned(HEADER, PAYLOAD, KEY);

    /** The pinned event as bytes, for tests that start from the golden encoding. */
    static byte[] goldenEvent() {
        return Bytes.hex(EVENT_HEX);
    }

    @Test
    void theKeyIsTheOneTheVectorsWereMadeWith() {
        assertThat(Bytes.hex(KEY.verifyingKey().toBytes())).isEqualTo(PUBLIC_KEY_HEX);
    }

    @Test
    void headerEncodingIsPinned() {
        assertThat(Bytes.hex(HEADER.encode())).isEqualTo(HEADER_HEX);
    }

    @Test
    void signedEventEncodingIsPinned() {
        assertThat(Bytes.hex(EVENT.encode())).isEqualTo(EVENT_HEX);
        assertThat(Bytes.hex(EVENT.signature())).isEqualTo(SIGNATURE_HEX);
        assertThat(EVENT.encodedLength()).isEqualTo(EVENT_HEX.length() / 2);
    }

    @Test
    void eventHashIsPinned() {
        assertThat(Bytes.hex(EVENT.hash())).isEqualTo(EVENT_HASH_HEX);
    }

    @Test
    void thePinnedBytesDecodeToTheSameEventAndVerify() throws MalformedEncodingException {
        SignedEvent decoded = SignedEvent.decode(goldenEvent());

        assertThat(decoded).isEqualTo(EVENT);
        assertThat(decoded.header()).isEqualTo(HEADER);
        assertThat(decoded.header().recordedAt()).isEqualTo(Instant.parse("2026-11-24T10:15:30.123Z"));
        assertThat(decoded.payload().encapsulation()).isEqualTo(PAYLOAD.encapsulation());
        assertThat(decoded.payload().ciphertext()).isEqualTo(PAYLOAD.ciphertext());
        assertThat(decoded.signatureValid(KEY.verifyingKey())).isTrue();
        assertThat(Bytes.hex(decoded.hash())).isEqualTo(EVENT_HASH_HEX);
    }

    @Test
    void theNextEventLinksToThePinnedHash() {
        assertThat(Bytes.hex(ChainPosition.after(EVENT).hash())).isEqualTo(EVENT_HASH_HEX);
        assertThat(ChainPosition.after(EVENT).sequence()).isEqualTo(1);
    }

    private static byte[] sequence(int first, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
