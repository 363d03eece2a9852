package org.threshold.hub.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The hub's TLS identity: a key store (PKCS#12) holding its private key and certificate. Kiosks pin that
 * certificate, so it need not come from a public authority. The password is a copy; {@link #toString} hides it.
 */
public final class HubTls {
    private final KeyStore keyStore;
    private final char[] password;

    public HubTls(KeyStore keyStore, char[] password) {
        this.keyStore = keyStore;
        this.password = password.clone();
    }

    /** @throws IllegalArgumentException if the file is missing, not PKCS#12, or the password is wrong */
    public static HubTls fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return new HubTls(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Could not open the TLS key store " + file + " ("
                    + e.getClass().getSimpleName() + "): check the file and its password");
        }
    }

    /** An HTTPS-only connector for Javalin's {@code config.jetty.addConnector}, on {@code host:port}. */
    public Connector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(password));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        // Kiosks reach the hub by the name or address in its certificate; they check it against their pin.
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    @Override
    public String toString() {
        return "HubTls[REDACTED]";
    }
}
