package org.threshold.core.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The hub's HPKE public key (X-Wing) that kiosks seal personal payloads to. Its id travels in every
 * event header so the hub knows which private key opens it after a rotation.
 */
public final class SealingPublicKey {
    private final byte[] encoded;
    private final String keyId;
    private final AsymmetricKeyParameter parsed;

    private SealingPublicKey(byte[] encoded) {
        this.encoded = encoded.clone();
        this.keyId = Bytes.fingerprint(encoded);
        this.parsed = HubSealing.parsePublic(this.encoded);
    }

    public static SealingPublicKey fromBytes(byte[] encoded) {
        if (encoded.length != HubSealing.PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException(
                    "An X-Wing public key is " + HubSealing.PUBLIC_KEY_SIZE + " bytes, not " + encoded.length);
        }
        return new SealingPublicKey(encoded);
    }

    public static SealingPublicKey fromBase64(String text) {
        return fromBytes(Bytes.base64(text));
    }

    public String keyId() {
        return keyId;
    }

    AsymmetricKeyParameter parsed() {
        return parsed;
    }

    public byte[] toBytes() {
        return encoded.clone();
    }

    public String toBase64() {
        return Bytes.base64(encoded);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealingPublicKey that && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "SealingPublicKey[" + keyId + "]";
    }
}
