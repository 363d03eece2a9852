package org.threshold.hub.web.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What one client may hold of the hub's connections, whoever it is: at most {@code perSource} open connections
 * from one IP address (more are closed as they open), none idle longer than {@code idleTimeout}, and a request
 * body that arrives slower than {@code minBytesPerSecond} (after its first second) is cut off. Together they keep
 * slow or abandoned uploads, which need no credentials to open, from tying up threads and memory. The defaults
 * leave room for every kiosk of a site behind one NAT address and for a slow field link (a 2G link carries
 * about 5 KiB/s).
 */
public record ConnectionLimits(int perSource, Duration idleTimeout, long minBytesPerSecond) {
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(64, Duration.ofSeconds(20), 1024);

    public ConnectionLimits {
        if (perSource < 1 || idleTimeout.isNegative() || idleTimeout.isZero() || minBytesPerSecond < 0) {
            throw new IllegalArgumentException("Connection limits need at least one connection per source, a "
                    + "positive idle timeout and no negative rate");
        }
    }

    /** Applies the limits to every connector, TLS or plain, when the server starts. */
    public void install(JavalinConfig config) {
        PerSourceConnections perSourceLimit = new PerSourceConnections(perSource);
        config.jetty.modifyServer(server -> server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector connector : server.getConnectors()) {
                    if (connector instanceof AbstractConnector network) {
                        network.setIdleTimeout(idleTimeout.toMillis());
                        network.addEventListener(perSourceLimit);
                    }
                }
                if (minBytesPerSecond > 0) {
                    server.setHandler(new MinimumDataRateHandler(server.getHandler(), minBytesPerSecond, 0));
                }
            }
        }));
    }
}
