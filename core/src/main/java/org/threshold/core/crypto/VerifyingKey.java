package org.threshold.core.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 public key: a kiosk's as the hub knows it, or the hub's as a kiosk knows it. */
public final class VerifyingKey {
    public static final int SIGNATURE_SIZE = Ed25519PublicKeyParameters.KEY_SIZE * 2;

    private final Ed25519PublicKeyParameters key;
    private final byte[] encoded;

    private VerifyingKey(byte[] encoded) {
        this.encoded = encoded.clone();
        this.key = new Ed25519PublicKeyParameters(this.encoded, 0);
    }

    public static VerifyingKey fromBytes(byte[] encoded) {
        if (encoded.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("An Ed25519 public key is 32 bytes, not " + encoded.length);
        }
        return new VerifyingKey(encoded);
    }

    public static VerifyingKey fromBase64(String text) {
        return fromBytes(Bytes.base64(text));
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    public String toBase64() {
        return Bytes.base64(encoded);
    }

    /** Short, stable name for logs and admin screens: the first 8 bytes of SHA-256, in hex. */
    public String fingerprint() {
        return Bytes.fingerprint(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifyingKey that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "VerifyingKey[" + fingerprint() + "]";
    }
}
