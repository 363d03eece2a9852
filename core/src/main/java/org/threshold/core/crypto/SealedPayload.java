package org.threshold.core.crypto;

/**
 * An HPKE ciphertext: the KEM encapsulation and the AEAD ciphertext. Arrays are shared, not copied,
 * because envelopes are built and parsed by the thousand; treat them as read-only.
 */
public record SealedPayload(byte[] encapsulation, byte[] ciphertext) {
    public SealedPayload {
        if (encapsulation.length == 0 || ciphertext.length == 0) {
            throw new IllegalArgumentException("A sealed payload needs an encapsulation and a ciphertext");
        }
    }
}
