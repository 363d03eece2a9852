package org.threshold.hub.app.household;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.UnsealException;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.EventType;
import org.threshold.core.event.RedactedEvent;
import org.threshold.core.event.SignedEvent;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.deployment.HubKeys;

/**
 * Opens the payloads of one chunk of events for the projector. A referral the kiosk made with its registration is
 * sealed under the secret the registration's HPKE context exported ({@link SignedEvent#sealedUnder()}): opening a
 * registration keeps that secret here, so the registration and its referrals in the chunk cost one X-Wing
 * decapsulation; a referral whose registration was not opened first (it lies in an earlier chunk, or another opener
 * holds it) re-opens the registration's encapsulation, read from the store. An erased registration's envelope is cut to its header, so its referrals no longer open either.
 * Lives for one chunk: {@link #close()} zeroes every secret, so no key outlives it. Thread-safe: the openers share it.
 */
final class ChunkPayloads implements AutoCloseable {
    private final HubKeys keys;
    private final HubStore store;
    private final Map<UUID, Exported> secrets = new ConcurrentHashMap<>();

    ChunkPayloads(HubKeys keys, HubStore store) {
        this.keys = keys;
        this.store = store;
    }

    /** A payload opened, or why it was not (never personal data). */
    record Opened(byte[] plaintext, String failure) {
        static Opened failed(String reason) {
            return new Opened(null, reason);
        }
    }

    Opened open(SignedEvent event) {
        EventHeader header = event.header();
        Optional<UUID> registration = event.sealedUnder();
        if (registration.isPresent()) {
            return openUnder(event, registration.get());
        }
        Optional<SealingPrivateKey> key = keys.sealingKey(header.sealingKeyId());
        if (key.isEmpty()) {
            return Opened.failed(notHeld(header));
        }
        try {
            if (header.type() != EventType.HOUSEHOLD_REGISTERED) {
                return new Opened(event.openPayload(key.get()), null);
            }
            HubSealing.Opened opened = event.openExporting(key.get());
            keep(header.eventId(), new Exported(header.kioskId(), opened.exported()));
            return new Opened(opened.plaintext(), null);
        } catch (UnsealException e) {
            return Opened.failed("payload does not open with key " + header.sealingKeyId()
                    + ": altered, or sealed to another key");
        }
    }

    private Opened openUnder(SignedEvent event, UUID registrationId) {
        if (event.header().type() != EventType.REFERRAL_REQUESTED) {
            return Opened.failed("only a referral is sealed under its registration's key, not a "
                    + event.header().type().wireName());
        }
        Exported exported = secrets.get(registrationId);
        if (exported == null) {
            Secret reopened = exportedBy(event.header(), registrationId);
            if (reopened.failure() != null) {
                return Opened.failed(reopened.failure());
            }
            exported = keep(registrationId, new Exported(event.header().kioskId(), reopened.secret()));
        }
        if (!exported.kioskId().equals(event.header().kioskId())) {
            return Opened.failed(ofAnotherKiosk(registrationId));
        }
        try {
            return new Opened(event.openUnder(exported.secret()), null);
        } catch (UnsealException e) {
            return Opened.failed("payload does not open under registration " + registrationId
                    + "'s key: altered, or sealed under another registration");
        }
    }

    /** A registration's exported secret, and the kiosk whose referrals alone may be sealed under it. */
    private record Exported(String kioskId, byte[] secret) {
    }

    private record Secret(byte[] secret, String failure) {
    }

    /** Re-opens the registration's encapsulation for its exported secret (one decapsulation). */
    private Secret exportedBy(EventHeader referral, UUID registrationId) {
        // Every event of the chunk is stored before it is projected, so the store holds the registration either way.
        byte[] envelope = store.read(repositories -> repositories.events().envelopes(List.of(registrationId)))
                .get(registrationId);
        if (envelope == null) {
            return new Secret(null, "its registration " + registrationId + " is not stored");
        }
        if (RedactedEvent.isRedacted(envelope)) {
            return new Secret(null, "its registration " + registrationId
                    + " was erased: the key to its payload is gone with it");
        }
        SignedEvent registration;
        try {
            registration = SignedEvent.decode(envelope);
        } catch (MalformedEncodingException e) {
            return new Secret(null, "its registration " + registrationId + " no longer decodes");
        }
        EventHeader header = registration.header();
        if (header.type() != EventType.HOUSEHOLD_REGISTERED || !header.kioskId().equals(referral.kioskId())) {
            return new Secret(null, ofAnotherKiosk(registrationId));
        }
        Optional<SealingPrivateKey> key = keys.sealingKey(header.sealingKeyId());
        if (key.isEmpty()) {
            return new Secret(null, "its registration is " + notHeld(header));
        }
        try {
            return new Secret(registration.exportedSecret(key.get()), null);
        } catch (UnsealException e) {
            return new Secret(null, "its registration " + registrationId + " does not open with key "
                    + header.sealingKeyId());
        }
    }

    /** Keeps the first secret exported for a registration (two openers may race to it); returns the one kept. */
    private Exported keep(UUID registrationId, Exported exported) {
        Exported kept = secrets.putIfAbsent(registrationId, exported);
        if (kept == null) {
            return exported;
        }
        Arrays.fill(exported.secret(), (byte) 0);
        return kept;
    }

    private static String ofAnotherKiosk(UUID registrationId) {
        return "it names event " + registrationId + ", not a registration of its own kiosk";
    }

    private static String notHeld(EventHeader header) {
        return "sealed to key " + header.sealingKeyId() + ", which keys.json does not hold";
    }

    /** Zeroes the chunk's secrets: called once every payload of the chunk is opened. */
    @Override
    public void close() {
        secrets.values().forEach(exported -> Arrays.fill(exported.secret(), (byte) 0));
        secrets.clear();
    }
}
