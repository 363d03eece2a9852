package org.threshold.core.event;

import org.threshold.core.codec.CanonicalReader;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.crypto.Bytes;
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
 * header | encapsulation(u32 len) | ciphertext(u32 len) | signature(64)
 * </pre>
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

    /** Opens the personal payload; only the hub holds a key that can. */
    public byte[] openPayload(SealingPrivateKey hubKey) throws UnsealException {
        return HubSealing.open(hubKey, header.encode(), payload);
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
