package org.threshold.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;

/** A kiosk forgets synced events only on the hub's signed word: anything else must not verify. */
class SyncAckTest {

    private static final Instant HUB_TIME = Instant.parse("2026-11-24T10:15:30.123Z");

    private final SigningKey hubKey = signingKey(7);
    private final VerifyingKey hub = hubKey.verifyingKey();
    private final byte[] hash = Bytes.sha256(new byte[] {1, 2, 3});
    private final SyncAck ack = SyncAck.sign("KIOSK-01", 42, hash, HUB_TIME, hubKey);

    @Test
    void aSignedAckVerifiesWithTheHubKey() {
        assertThat(ack.signedBy(hub)).isTrue();
        assertThat(ack.hash()).isEqualTo(hash);
        assertThat(ack.sequence()).isEqualTo(42);
    }

    @Test
    void anAlteredSequenceDoesNotVerify() {
        assertThat(withSequence(43).signedBy(hub)).isFalse();
    }

    @Test
    void anAlteredHashDoesNotVerify() {
        byte[] other = hash.clone();
        other[31] ^= 1;
        SyncAck altered = new SyncAck(ack.kioskId(), ack.sequence(), Bytes.base64(other), ack.hubTime(),
                ack.signatureBase64());

        assertThat(altered.signedBy(hub)).isFalse();
    }

    @Test
    void anAckForAnotherKioskDoesNotVerify() {
        SyncAck altered = new SyncAck("KIOSK-02", ack.sequence(), ack.hashBase64(), ack.hubTime(),
                ack.signatureBase64());

        assertThat(altered.signedBy(hub)).isFalse();
    }

    @Test
    void anAlteredHubTimeDoesNotVerify() {
        SyncAck altered = new SyncAck(ack.kioskId(), ack.sequence(), ack.hashBase64(), HUB_TIME.plusMillis(1),
                ack.signatureBase64());

        assertThat(altered.signedBy(hub)).isFalse();
    }

    @Test
    void anAckSignedByAnotherKeyDoesNotVerify() {
        SyncAck impostor = SyncAck.sign("KIOSK-01", 42, hash, HUB_TIME, signingKey(8));

        assertThat(impostor.signedBy(hub)).isFalse();
    }

    @Test
    void garbageBase64IsNotValidRatherThanAnError() {
        assertThat(new SyncAck("KIOSK-01", 42, ack.hashBase64(), HUB_TIME, "not base64!").signedBy(hub)).isFalse();
        assertThat(new SyncAck("KIOSK-01", 42, "%%%", HUB_TIME, ack.signatureBase64()).signedBy(hub)).isFalse();
        assertThat(new SyncAck("KIOSK-01", 42, ack.hashBase64(), HUB_TIME, "").signedBy(hub)).isFalse();
        assertThat(new SyncAck("KIOSK-01", 42, ack.hashBase64(), HUB_TIME, Bytes.base64(new byte[64])).signedBy(hub))
                .isFalse();
    }

    private SyncAck withSequence(long sequence) {
        return new SyncAck(ack.kioskId(), sequence, ack.hashBase64(), ack.hubTime(), ack.signatureBase64());
    }

    private static SigningKey signingKey(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        return SigningKey.fromBytes(bytes);
    }
}
