package org.threshold.kiosk.enrollment;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedTrustManager;
import org.threshold.core.crypto.Bytes;

/**
 * HTTPS to the hub trusting exactly one certificate: the hub's, pinned by its SHA-256 (from the enrollment
 * ticket, then from {@code hub-tls-cert.pem}). No certificate authority, no host-name check: the kiosk talks
 * to its one hub, whose certificate it was told out of band. Everything else fails the handshake.
 */
public final class PinnedHubTls {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private PinnedHubTls() {
    }

    /** An HTTP/1.1 client that only completes a TLS handshake with the certificate whose SHA-256 is given. */
    public static HttpClient httpClient(String certificateSha256Hex) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new PinningTrustManager(certificateSha256Hex)}, null);
            SSLParameters parameters = new SSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            return HttpClient.newBuilder()
                    .sslContext(context)
                    .sslParameters(parameters)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no TLS", e);
        }
    }

    /** Thrown inside the handshake; its message reaches the administrator through {@link KioskEnrollment}. */
    static final class PinMismatchException extends CertificateException {
        PinMismatchException(String message) {
            super(message);
        }
    }

    private static final class PinningTrustManager extends X509ExtendedTrustManager {
        private final byte[] pin;

        PinningTrustManager(String sha256Hex) {
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
            throw new CertificateException("The kiosk accepts no TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("The kiosk accepts no TLS clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("The kiosk accepts no TLS clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
