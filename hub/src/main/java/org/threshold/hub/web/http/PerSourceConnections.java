package org.threshold.hub.web.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;

/**
 * Closes a network connection as it opens when its source address already holds {@code limit} open ones. Only
 * the connection on the socket is counted: under TLS, the HTTP connection inside it is the same client. The source
 * is remembered per connection, since a closed socket no longer tells its remote address. Thread-safe.
 */
final class PerSourceConnections implements Connection.Listener {
    private final int limit;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Connection, InetAddress> sources = new ConcurrentHashMap<>();

    PerSourceConnections(int limit) {
        this.limit = limit;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress source = source(connection);
        if (source == null) {
            return;
        }
        sources.put(connection, source);
        if (open.merge(source, 1, Integer::sum) > limit) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress source = sources.remove(connection);
        if (source != null) {
            open.computeIfPresent(source, (address, count) -> count <= 1 ? null : count - 1);
        }
    }

    private static InetAddress source(Connection connection) {
        if (!(connection.getEndPoint() instanceof SocketChannelEndPoint socket)) {
            return null;
        }
        SocketAddress remote = socket.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress address ? address.getAddress() : null;
    }
}
