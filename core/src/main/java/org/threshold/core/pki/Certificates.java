package org.threshold.core.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.threshold.core.crypto.Bytes;

/** Small facts about certificates that hub, kiosk and provisioning all need. */
public final class Certificates {
    // An Ed25519 SubjectPublicKeyInfo is this 12-byte prefix and the 32-byte key (RFC 8410).
    private static final byte[] ED25519_SPKI_PREFIX = Bytes.hex("302a300506032b6570032100");

    private Certificates() {
    }

    /** The raw 32-byte Ed25519 key a certificate certifies. */
    public static byte[] ed25519Key(X509Certificate certificate) {
        byte[] spki = certificate.getPublicKey().getEncoded();
        if (spki.length != 44 || !Arrays.equals(spki, 0, 12, ED25519_SPKI_PREFIX, 0, 12)) {
            throw new IllegalArgumentException("The certificate does not certify an Ed25519 key");
        }
        return Arrays.copyOfRange(spki, 12, 44);
    }

    /** SHA-256 over the DER certificate, in lower-case hex: what kiosks pin and administrators compare. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return Bytes.hex(Bytes.sha256(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether {@code issuer}'s key signed {@code certificate} */
    public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
