package org.threshold.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.event.ChainVerifier.Reason;
import org.threshold.core.event.ChainVerifier.Result;

/** Whatever the chain's length and wherever it breaks, the hub accepts exactly the events before the break. */
class ChainVerifierProperties {

    private static final String KIOSK = "KIOSK-01";

    private final SigningKey kioskKey = EventFixtures.signingKey(1);
    private final SigningKey attackerKey = EventFixtures.signingKey(666);
    private final EventSealer kiosk = EventFixtures.sealer(KIOSK, kioskKey);

    /** A way to break a chain at one event, and the reason the verifier must give. */
    enum Break {
        /** The kiosk skipped a sequence number. */
        GAP(Reason.SEQUENCE_GAP),
        /** The event links to a hash that is not its predecessor's: altered or forked history. */
        ALTERED_PREVIOUS_HASH(Reason.CHAIN_BROKEN),
        /** An attacker re-signed the event, and the rest of the original chain follows it. */
        RESIGNED_BY_ATTACKER(Reason.BAD_SIGNATURE),
        /** From this event on, the chain is an impostor's, correctly linked but signed with another key. */
        IMPOSTOR_TAIL(Reason.BAD_SIGNATURE),
        /** From this event on, the events are another kiosk's. */
        OTHER_KIOSK_TAIL(Reason.WRONG_KIOSK);

        final Reason reason;

        Break(Reason reason) {
            this.reason = reason;
        }
    }

    record Case(int length, int breakAt, Break kind) {
    }

    @Provide
    Arbitrary<Case> breaks() {
        return Arbitraries.integers().between(1, 20).flatMap(length -> Arbitraries.integers().between(0, length - 1)
                .flatMap(at -> Arbitraries.of(Break.class).map(kind -> new Case(length, at, kind))));
    }

    @Property(tries = 40)
    void anUnbrokenChainIsAcceptedWhole(@ForAll @IntRange(min = 1, max = 20) int length,
                                        @ForAll @IntRange(min = 0, max = 20) int heldUpTo) {
        List<SignedEvent> chain = EventFixtures.chain(kiosk, ChainPosition.GENESIS, length);
        int held = Math.min(heldUpTo, length);
        ChainPosition from = held == 0 ? ChainPosition.GENESIS : ChainPosition.after(chain.get(held - 1));

        Result result = ChainVerifier.verify(KIOSK, kioskKey.verifyingKey(), from, chain.subList(held, length));

        assertThat(result.complete()).isTrue();
        assertThat(result.accepted()).isEqualTo(length - held);
    }

    @Property(tries = 150)
    void verificationStopsExactlyAtTheBreak(@ForAll("breaks") Case breakCase) {
        List<SignedEvent> events = brokenChain(breakCase);

        Result result = ChainVerifier.verify(KIOSK, kioskKey.verifyingKey(), ChainPosition.GENESIS, events);

        assertThat(result.accepted()).as("accepted").isEqualTo(breakCase.breakAt());
        assertThat(result.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.reason()).isEqualTo(breakCase.kind().reason);
            assertThat(failure.index()).isEqualTo(breakCase.breakAt());
        });
    }

    private List<SignedEvent> brokenChain(Case breakCase) {
        List<SignedEvent> events = new ArrayList<>(EventFixtures.chain(kiosk, ChainPosition.GENESIS, breakCase.breakAt()));
        ChainPosition position = events.isEmpty() ? ChainPosition.GENESIS : ChainPosition.after(events.get(events.size() - 1));
        int rest = breakCase.length() - breakCase.breakAt();
        switch (breakCase.kind()) {
            case GAP -> events.addAll(EventFixtures.chain(kiosk,
                    new ChainPosition(position.sequence() + 1, position.hash()), rest));
            case ALTERED_PREVIOUS_HASH -> {
                byte[] wrongHash = position.hash();
                wrongHash[0] ^= 1;
                events.addAll(EventFixtures.chain(kiosk, new ChainPosition(position.sequence(), wrongHash), rest));
            }
            case RESIGNED_BY_ATTACKER -> {
                List<SignedEvent> honest = EventFixtures.chain(kiosk, position, rest);
                events.add(EventFixtures.resignedBy(attackerKey, honest.get(0)));
                events.addAll(honest.subList(1, rest));
            }
            case IMPOSTOR_TAIL -> events.addAll(EventFixtures.chain(EventFixtures.sealer(KIOSK, attackerKey), position, rest));
            case OTHER_KIOSK_TAIL -> events.addAll(EventFixtures.chain(EventFixtures.sealer("KIOSK-02", kioskKey),
                    position, rest));
        }
        return events;
    }
}
