package org.threshold.core.event;

import org.threshold.core.codec.CanonicalReader;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.codec.MalformedEncodingException;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.ExportedKeySealing;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.SealedPayload;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.UnsealException;
import org.threshold.core.crypto.VerifyingKey;

/**
 * An event envelope as it is stored and shipped: the header, the payload sealed to the hub, and the
 * kiosk's Ed25519 signature over both. Its SHA-256 is what the next event links to.
 *
 * <pre>
 * header | encapsulation or reference(u32 len) | ciphertext(u32 len) | signature(64)
 * </pre>
 * A payload is sealed to the hub with HPKE (its own encapsulation), or, for a referral made with its registration,
 * under the secret the registration's HPKE context exported (a reference to the registration's event instead,
 * {@link SealedPayload#underExportOf}).
 * The signature covers everything before it. Immutable; the byte arrays it returns are copies.
 */
public final class SignedEvent {
    private final EventHeader header;
    private final SealedPayload payload;
    private final byte[] signature;
    private final byte[] encoded;
    private final byte[] hash;

    private SignedEvent(EventHeader header, SealedPayload payload, byte[] signature, byte[] encoded) {
        this.header = header;
        this.payload = payload;
        this.signature = signature;
        this.encoded = encoded;
        this.hash = Bytes.sha256(encoded);
    }

    /** Builds an event from its parts; the signature must be over {@link #unsignedBytes(EventHeader, SealedPayload)}. */
    public static SignedEvent of(EventHeader header, SealedPayload payload, byte[] signature) {
        if (signature.length != VerifyingKey.SIGNATURE_SIZE) {
            throw new IllegalArgumentException("An Ed25519 signature is 64 bytes");
        }
        byte[] unsigned = unsignedBytes(header, payload);
        byte[] encoded = new CanonicalWriter(unsigned.length + signature.length).raw(unsigned).raw(signature).toByteArray();
        return new SignedEvent(header, payload, signature.clone(), encoded);
    }

    public static byte[] unsignedBytes(EventHeader header, SealedPayload payload) {
        byte[] headerBytes = header.encode();
        return new CanonicalWriter(headerBytes.length + payload.encapsulation().length + payload.ciphertext().length + 8)
                .raw(headerBytes)
                .bytes(payload.encapsulation())
                .bytes(payload.ciphertext())
                .toByteArray();
    }

    public static SignedEvent decode(byte[] encoded) throws MalformedEncodingException {
        CanonicalReader in = new CanonicalReader(encoded);
        EventHeader header = EventHeader.read(in);
        byte[] encapsulation = in.bytes();
        byte[] ciphertext = in.bytes();
        byte[] signature = in.raw(VerifyingKey.SIGNATURE_SIZE);
        in.expectEnd();
        if (encapsulation.length == 0 || ciphertext.length == 0) {
            throw new MalformedEncodingException("empty sealed payload");
        }
        return new SignedEvent(header, new SealedPayload(encapsulation, ciphertext), signature, encoded.clone());
    }

    public EventHeader header() {
        return header;
    }

    public SealedPayload payload() {
        return payload;
    }

    public byte[] signature() {
        return signature.clone();
    }

    public byte[] encode() {
        return encoded.clone();
    }

    public int encodedLength() {
        return encoded.length;
    }

    public byte[] hash() {
        return hash.clone();
    }

    public boolean signatureValid(VerifyingKey kioskKey) {
        return kioskKey.verify(java.util.Arrays.copyOf(encoded, encoded.length - signature.length), signature);
    }

    /** The registration event whose exported secret seals this payload; empty if it has its own encapsulation. */
    public Optional<UUID> sealedUnder() {
        return payload.exportedFrom();
    }

    /** Opens a payload with its own encapsulation; only the hub holds a key that can. */
    public byte[] openPayload(SealingPrivateKey hubKey) throws UnsealException {
        return openExporting(hubKey).plaintext();
    }

    /** Opens a payload with its own encapsulation, with the secret that keys the events sealed under it. */
    public HubSealing.Opened openExporting(SealingPrivateKey hubKey) throws UnsealException {
        requireOwnEncapsulation();
        return HubSealing.openExporting(hubKey, header.encode(), payload);
    }

    /** Only the secret that keys the events sealed under this one (one decapsulation, the payload left closed). */
    public byte[] exportedSecret(SealingPrivateKey hubKey) throws UnsealException {
        requireOwnEncapsulation();
        return HubSealing.exported(hubKey, payload);
    }

    /** Opens a payload sealed under {@code exported}, the secret of the event {@link #sealedUnder()} names. */
    public byte[] openUnder(byte[] exported) throws UnsealException {
        if (sealedUnder().isEmpty()) {
            throw new UnsealException("The payload has its own encapsulation: open it with the hub's key");
        }
        return ExportedKeySealing.open(exported, header.eventId(), header.encode(), payload.ciphertext());
    }

    private void requireOwnEncapsulation() throws UnsealException {
        if (sealedUnder().isPresent()) {
            throw new UnsealException("The payload is sealed under its registration's exported secret, not to a key");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedEvent that && java.util.Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "SignedEvent[" + header + "]";
    }
}
