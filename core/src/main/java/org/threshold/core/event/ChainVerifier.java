package org.threshold.core.event;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.threshold.core.crypto.VerifyingKey;

/**
 * Checks that events continue a kiosk's hash chain and carry the kiosk's signature.
 *
 * <p>Every event is signed, but the hub verifies only the last signature of an unbroken run: each
 * event's hash covers its predecessor's hash, so one valid signature at the head vouches for every
 * event under it. That turns a batch of 500 Ed25519 verifications into one plus 500 SHA-256 hashes.
 * Only when the head's signature fails are the events checked one by one, to find where to stop.
 */
public final class ChainVerifier {
    private ChainVerifier() {
    }

    public enum Reason {
        WRONG_KIOSK, SEQUENCE_GAP, CHAIN_BROKEN, BAD_SIGNATURE
    }

    public record Failure(int index, Reason reason, String message) {
    }

    /** How many events, from the first, continue the chain; and why the next one does not, if any. */
    public record Result(int accepted, Optional<Failure> failure) {
        public boolean complete() {
            return failure.isEmpty();
        }
    }

    public static Result verify(String kioskId, VerifyingKey kioskKey, ChainPosition from, List<SignedEvent> events) {
        ChainPosition position = from;
        Failure linkFailure = null;
        int linked = 0;
        for (SignedEvent event : events) {
            EventHeader header = event.header();
            if (!header.kioskId().equals(kioskId)) {
                linkFailure = new Failure(linked, Reason.WRONG_KIOSK, "event " + header.eventId()
                        + " belongs to kiosk " + header.kioskId() + ", not " + kioskId);
                break;
            }
            if (header.sequence() != position.sequence() + 1) {
                linkFailure = new Failure(linked, Reason.SEQUENCE_GAP, "expected sequence " + (position.sequence() + 1)
                        + " but got " + header.sequence() + "; resend from " + (position.sequence() + 1));
                break;
            }
            if (!Arrays.equals(header.previousHash(), position.hash())) {
                linkFailure = new Failure(linked, Reason.CHAIN_BROKEN, "event at sequence " + header.sequence()
                        + " does not link to the hash of event " + position.sequence() + " (altered or forked history)");
                break;
            }
            position = ChainPosition.after(event);
            linked++;
        }
        if (linked > 0 && events.get(linked - 1).signatureValid(kioskKey)) {
            return new Result(linked, Optional.ofNullable(linkFailure));
        }
        for (int i = 0; i < linked; i++) {
            if (!events.get(i).signatureValid(kioskKey)) {
                return new Result(i, Optional.of(new Failure(i, Reason.BAD_SIGNATURE, "event at sequence "
                        + events.get(i).header().sequence() + " is not signed by kiosk " + kioskId + "'s key")));
            }
        }
        return new Result(linked, Optional.ofNullable(linkFailure));
    }
}
