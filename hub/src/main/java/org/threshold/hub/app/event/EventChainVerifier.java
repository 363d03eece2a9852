package org.threshold.hub.app.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.VerifyingKey;
import org.threshold.core.event.ChainPosition;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.RedactedEvent;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.sync.HeldEvent;

/**
 * Walks every hash chain the event store holds, each kiosk's and the hub's, as it stands now, erasures included:
 * a whole event must hash to its stored hash and carry its chain's signature (the kiosk's key, or the hub's for
 * {@link HubEvents#CHAIN}); an event cut to its header at an erasure must carry the hub's seal over its header and
 * stored hash ({@link RedactedEvent}), or, cut by a release before cuts were sealed, be an event the hub's records show
 * an erasure or the retention job cut; and every event must follow the one before it (sequence, link to its hash) up
 * to the head the store records. So an erasure leaves the chains verifiable, and a header altered after it, an event
 * deleted or reordered, still shows. One chain is read at a time, its envelopes a page at a time. Thread-safe.
 */
public final class EventChainVerifier {
    private static final int PAGE = 500;

    private final HubStore store;
    private final VerifyingKey hub;
    private final Function<String, VerifyingKey> kioskKeys;

    /** @param kioskKeys a kiosk's enrolled key, or null if it is not enrolled */
    public EventChainVerifier(HubStore store, VerifyingKey hub, Function<String, VerifyingKey> kioskKeys) {
        this.store = store;
        this.hub = hub;
        this.kioskKeys = kioskKeys;
    }

    /** Why a chain does not verify. */
    public enum Problem {
        /** The stored bytes read neither as an event nor as a cut one. */
        UNREADABLE,
        /** A whole event's bytes do not hash to the hash stored for it. */
        HASH_MISMATCH,
        /** A whole event not signed by its chain's key (or its kiosk is not enrolled). */
        BAD_SIGNATURE,
        /** A cut event whose header or hash is not what the hub sealed. */
        BAD_SEAL,
        /**
         * A bare header with no seal where the hub's records show no erasure or retention cut: nothing vouches that
         * the hub cut it, so it may be an event stripped and altered in the database.
         */
        UNRECORDED_CUT,
        /** An event of another chain, or out of its place: a sequence missing or repeated. */
        OUT_OF_PLACE,
        /** An event that does not link to the hash of the one before it. */
        LINK_BROKEN,
        /** The last event is not the head the store records: events missing at the end. */
        HEAD_MISMATCH
    }

    /** Where a chain first fails: the stored event's sequence, and why. */
    public record Break(long sequence, Problem problem) {
    }

    /**
     * One chain's state: how many events were checked, how many of them were cut to their header (at an erasure, or by
     * the retention job), how many of those a release before sealed cuts left with no seal (only their place is
     * checked), and the first break, if any.
     */
    public record ChainState(String chain, long checked, long redacted, long unsealed, Optional<Break> firstBreak) {
        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /** Every chain the store holds, by name. */
    public List<ChainState> verifyAll() {
        Map<String, ChainPosition> heads = store.read(repositories -> repositories.events().heads());
        List<ChainState> states = new ArrayList<>();
        for (String chain : new TreeSet<>(heads.keySet())) {
            states.add(verify(chain, heads.get(chain)));
        }
        return states;
    }

    private ChainState verify(String chain, ChainPosition head) {
        VerifyingKey key = HubEvents.CHAIN.equals(chain) ? hub : kioskKeys.apply(chain);
        List<HeldEvent> held = store.read(repositories -> repositories.events().chain(chain));
        Walk walk = new Walk(chain, key);
        for (int from = 0; from < held.size() && walk.failure == null; from += PAGE) {
            List<HeldEvent> page = held.subList(from, Math.min(from + PAGE, held.size()));
            Map<java.util.UUID, byte[]> envelopes = store.read(repositories -> repositories.events()
                    .envelopes(page.stream().map(HeldEvent::eventId).toList()));
            for (HeldEvent event : page) {
                if (!walk.step(event, envelopes.get(event.eventId()))) {
                    break;
                }
            }
        }
        if (walk.failure == null && (walk.position.sequence() != head.sequence()
                || !Arrays.equals(walk.position.hash(), head.hash()))) {
            walk.failure = new Break(walk.position.sequence(), Problem.HEAD_MISMATCH);
        }
        return new ChainState(chain, walk.checked, walk.redacted, walk.unsealed, Optional.ofNullable(walk.failure));
    }

    /** One chain's walk, event after event. */
    private final class Walk {
        private final String chain;
        private final VerifyingKey key;
        private ChainPosition position = ChainPosition.GENESIS;
        private long checked;
        private long redacted;
        private long unsealed;
        private Break failure;

        Walk(String chain, VerifyingKey key) {
            this.chain = chain;
            this.key = key;
        }

        /** Checks the next event; false (with the failure) if the chain breaks there. */
        boolean step(HeldEvent held, byte[] stored) {
            Optional<EventHeader> header = header(held, stored);
            if (header.isEmpty()) {
                return false;
            }
            EventHeader read = header.get();
            if (!read.kioskId().equals(chain) || read.sequence() != held.sequence()
                    || read.sequence() != position.sequence() + 1) {
                return fail(held, Problem.OUT_OF_PLACE);
            }
            if (!Arrays.equals(read.previousHash(), position.hash())) {
                return fail(held, Problem.LINK_BROKEN);
            }
            position = new ChainPosition(read.sequence(), held.hash());
            checked++;
            return true;
        }

        /** The event's header once what vouches for it checks out; empty (with the failure) if it does not. */
        private Optional<EventHeader> header(HeldEvent held, byte[] stored) {
            try {
                if (RedactedEvent.isRedacted(stored)) {
                    RedactedEvent cut = RedactedEvent.decode(stored);
                    if (!Arrays.equals(cut.hash(), held.hash()) || !cut.sealValid(hub)) {
                        fail(held, Problem.BAD_SEAL);
                        return Optional.empty();
                    }
                    redacted++;
                    return Optional.of(cut.header());
                }
                return whole(held, stored);
            } catch (MalformedEncodingException unreadable) {
                fail(held, Problem.UNREADABLE);
                return Optional.empty();
            }
        }

        private Optional<EventHeader> whole(HeldEvent held, byte[] stored) throws MalformedEncodingException {
            SignedEvent event;
            try {
                event = SignedEvent.decode(stored);
            } catch (MalformedEncodingException notWhole) {
                // Cut to its bare header by a release before cuts were sealed: nothing vouches for its header, so only
                // its place in the chain can be checked, and only if the hub's records say it cut that event (else
                // anyone who can write to the database could strip an event to its header and alter it).
                EventHeader bare = RedactedEvent.bareHeader(stored);
                if (!store.read(repositories -> repositories.events().cutByRecord(held.eventId()))) {
                    fail(held, Problem.UNRECORDED_CUT);
                    return Optional.empty();
                }
                redacted++;
                unsealed++;
                return Optional.of(bare);
            }
            if (!Arrays.equals(event.hash(), held.hash())) {
                fail(held, Problem.HASH_MISMATCH);
                return Optional.empty();
            }
            if (key == null || !event.signatureValid(key)) {
                fail(held, Problem.BAD_SIGNATURE);
                return Optional.empty();
            }
            return Optional.of(event.header());
        }

        private boolean fail(HeldEvent held, Problem problem) {
            failure = new Break(held.sequence(), problem);
            return false;
        }
    }
}
