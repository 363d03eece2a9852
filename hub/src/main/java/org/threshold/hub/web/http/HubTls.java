package org.threshold.hub.web.http;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.threshold.core.pki.Pem;
import org.threshold.hub.deployment.HubLayout;

/**
 * HTTPS for the hub with the certificate {@code provision init} made: when {@link HubLayout#TLS_CERTIFICATE}
 * and {@link HubLayout#TLS_KEY} are in the data folder, the hub serves TLS only (1.3 and 1.2) on its port;
 * without them, plain HTTP (the demo, tests on loopback). Kiosks pin that certificate, so it need not come
 * from a public authority.
 */
public final class HubTls {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private final SSLContext context;

    private HubTls(SSLContext context) {
        this.context = context;
    }

    /** @throws IllegalStateException saying which file is wrong if only one is there or either is unreadable */
    public static Optional<HubTls> load(Path dataDir) {
        Path certFile = dataDir.resolve(HubLayout.TLS_CERTIFICATE);
        Path keyFile = dataDir.resolve(HubLayout.TLS_KEY);
        if (!Files.exists(certFile) && !Files.exists(keyFile)) {
            return Optional.empty();
        }
        try {
            X509Certificate certificate = Pem.readCertificate(Files.readString(certFile));
            PrivateKey key = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode("PRIVATE KEY", Files.readString(keyFile))));
            Path rootFile = dataDir.resolve(HubLayout.ROOT_CERTIFICATE);
            Certificate[] chain = Files.exists(rootFile)
                    ? new Certificate[] {certificate, Pem.readCertificate(Files.readString(rootFile))}
                    : new Certificate[] {certificate};
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("hub", key, IN_MEMORY, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return Optional.of(new HubTls(context));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The hub's TLS files " + certFile + " and " + keyFile + " are not usable ("
                    + e.getClass().getSimpleName() + "). Restore them from the backup made after `provision init`.", e);
        }
    }

    /** Replaces Javalin's plain connector with a TLS one on {@code host:port}. */
    public void install(JavalinConfig config, String host, int port) {
        config.jetty.addConnector((server, httpConfig) -> {
            HttpConfiguration https = new HttpConfiguration(httpConfig);
            // Kiosks may reach the hub by IP address, without SNI; the pinned certificate is what they check.
            https.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(context);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }
}
