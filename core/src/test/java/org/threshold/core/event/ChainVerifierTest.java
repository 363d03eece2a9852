package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.ChainVerifier.Reason;
import org.threshold.core.event.ChainVerifier.Result;

/** How the hub decides how much of a kiosk's upload continues the chain it already holds. */
class ChainVerifierTest {

    private static final String KIOSK = "KIOSK-01";

    private final SigningKey kioskKey = EventFixtures.signingKey(1);
    private final VerifyingKey kioskPublic = kioskKey.verifyingKey();
    private final SigningKey attackerKey = EventFixtures.signingKey(666);
    private final EventSealer sealer = EventFixtures.sealer(KIOSK, kioskKey);
    private final List<SignedEvent> chain = EventFixtures.chain(sealer, ChainPosition.GENESIS, 6);

    @Test
    void acceptsAWholeChainFromGenesis() {
        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.GENESIS, chain);

        assertThat(result.complete()).isTrue();
        assertThat(result.accepted()).isEqualTo(6);
        assertThat(result.failure()).isEmpty();
    }

    @Test
    void acceptsAnEmptyUpload() {
        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.GENESIS, List.of());

        assertThat(result.complete()).isTrue();
        assertThat(result.accepted()).isZero();
    }

    @Test
    void acceptsTheRestOfAChainFromWhereTheHubStands() {
        ChainPosition held = ChainPosition.after(chain.get(3));

        Result result = ChainVerifier.verify(KIOSK, kioskPublic, held, chain.subList(4, 6));

        assertThat(result.complete()).isTrue();
        assertThat(result.accepted()).isEqualTo(2);
    }

    @Test
    void aResentPrefixIsAGapFromWhereTheHubStands() {
        // The hub already holds up to sequence 4; the kiosk resends from 1.
        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.after(chain.get(3)), chain);

        assertFailure(result, 0, Reason.SEQUENCE_GAP);
        assertThat(result.failure().orElseThrow().message()).contains("expected sequence 5 but got 1");
    }

    @Test
    void stopsAtAMissingEventWithASequenceGap() {
        List<SignedEvent> withGap = new ArrayList<>(chain);
        withGap.remove(3);

        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.GENESIS, withGap);

        assertFailure(result, 3, Reason.SEQUENCE_GAP);
        assertThat(result.failure().orElseThrow().message()).contains("resend from 4");
    }

    @Test
    void stopsAtAnEventOfAnotherKiosk() {
        List<SignedEvent> mixed = new ArrayList<>(chain.subList(0, 2));
        mixed.add(EventFixtures.next(EventFixtures.sealer("KIOSK-02", kioskKey), ChainPosition.after(chain.get(1))));

        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.GENESIS, mixed);

        assertFailure(result, 2, Reason.WRONG_KIOSK);
    }

    @Test
    void acceptsNothingFromAnotherKiosksChain() {
        Result result = ChainVerifier.verify("KIOSK-02", kioskPublic, ChainPosition.GENESIS, chain);

        assertFailure(result, 0, Reason.WRONG_KIOSK);
    }

    @Test
    void stopsAtAMiddleEventReSignedByAnAttacker() {
        // Re-signing changes the event's hash, so the next event no longer links to it either;
        // the verifier reports the first problem: the forged signature.
        List<SignedEvent> tampered = new ArrayList<>(chain);
        tampered.set(2, EventFixtures.resignedBy(attackerKey, chain.get(2)));

        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.GENESIS, tampered);

        assertFailure(result, 2, Reason.BAD_SIGNATURE);
    }

    @Test
    void stopsAtAMiddleEventWhosePreviousHashWasAltered() {
        List<SignedEvent> tampered = new ArrayList<>(chain);
        SignedEvent original = chain.get(3);
        byte[] otherHash = chain.get(1).hash();
        tampered.set(3, SignedEvent.of(EventFixtures.withPreviousHash(original.header(), otherHash),
                original.payload(), original.signature()));

        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.GENESIS, tampered);

        assertFailure(result, 3, Reason.CHAIN_BROKEN);
    }

    @Test
    void acceptsTheEventsBeforeAHeadSignedByAnotherKey() {
        List<SignedEvent> forgedTail = new ArrayList<>(chain.subList(0, 4));
        EventSealer impostor = EventFixtures.sealer(KIOSK, attackerKey);
        forgedTail.addAll(EventFixtures.chain(impostor, ChainPosition.after(chain.get(3)), 2));

        Result result = ChainVerifier.verify(KIOSK, kioskPublic, ChainPosition.GENESIS, forgedTail);

        assertFailure(result, 4, Reason.BAD_SIGNATURE);
    }

    @Test
    void acceptsNothingWhenTheHubHoldsTheWrongKioskKey() {
        Result result = ChainVerifier.verify(KIOSK, attackerKey.verifyingKey(), ChainPosition.GENESIS, chain);

        assertFailure(result, 0, Reason.BAD_SIGNATURE);
    }

    private static void assertFailure(Result result, int index, Reason reason) {
        assertThat(result.complete()).isFalse();
        assertThat(result.accepted()).as("accepted").isEqualTo(index);
        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo(reason);
            assertThat(failure.index()).as("failure index").isEqualTo(index);
        });
    }
}
