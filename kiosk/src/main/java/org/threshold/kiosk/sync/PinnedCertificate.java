package org.threshold.kiosk.sync;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.pki.Certificates;
import org.threshold.core.pki.Pem;

/**
 * The hub's TLS certificate, pinned by its SHA-256: the only server the kiosk's TLS connections accept, for
 * enrollment (the pin comes in the enrollment ticket), sync pushes and feed pulls (the pin is {@value #FILE},
 * which enrollment writes in the data folder). No certificate authority, however trusted by the operating
 * system, can vouch for another, and there is no host-name check: the kiosk talks to its one hub.
 */
public final class PinnedCertificate {
    /** The hub's certificate (PEM) in the kiosk's data folder. */
    public static final String FILE = "hub-tls-cert.pem";

    private PinnedCertificate() {
    }

    /** The SHA-256 (hex) of the certificate in {@code pem}. */
    public static String sha256(Path pem) {
        try {
            return Certificates.fingerprint(Pem.readCertificate(Files.readString(pem)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The pinned hub certificate " + pem + " is unreadable ("
                    + e.getClass().getSimpleName() + "); enroll the kiosk again with a new code from the administrator",
                    e);
        }
    }

    static SSLContext sslContext(String sha256Hex) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {new PinnedTrustManager(sha256Hex)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS 1.3 is part of every Java 17 runtime", e);
        }
    }

    /** Thrown inside the handshake; its message reaches the administrator through enrollment's or sync's error. */
    private static final class PinMismatchException extends CertificateException {
        PinMismatchException(String message) {
            super(message);
        }
    }

    private static final class PinnedTrustManager extends X509ExtendedTrustManager {
        private final byte[] pin;

        PinnedTrustManager(String sha256Hex) {
            this.pin = HexFormat.of().parseHex(sha256Hex.toLowerCase(Locale.ROOT));
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new PinMismatchException("The hub presented no certificate");
            }
            byte[] seen = Bytes.sha256(chain[0].getEncoded());
            if (!MessageDigest.isEqual(seen, pin)) {
                throw new PinMismatchException("The server's certificate (SHA-256 " + Bytes.hex(seen)
                        + ") is not the hub certificate this kiosk pins");
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("The kiosk accepts no clients over TLS");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("The kiosk accepts no clients over TLS");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("The kiosk accepts no clients over TLS");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
