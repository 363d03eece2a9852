package org.threshold.hub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer for tests, on loopback: each new TCP connection goes to the next backend in turn, skipping one
 * that refuses (a killed instance), as nginx or HAProxy would. Bytes are piped both ways untouched.
 */
public final class RoundRobinProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Integer> backends = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pipes = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "round-robin-proxy");
        thread.setDaemon(true);
        return thread;
    });

    public RoundRobinProxy(List<Integer> backendPorts) throws IOException {
        backends.addAll(backendPorts);
        listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        pipes.execute(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Replaces a backend (a restarted instance listens on a new port). */
    public void replace(int oldPort, int newPort) {
        backends.set(backends.indexOf(oldPort), newPort);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pipes.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket backend = null;
        for (int tries = 0; tries < backends.size() && backend == null; tries++) {
            int port = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            try {
                backend = new Socket();
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            } catch (IOException refused) {
                closeQuietly(backend);
                backend = null;
            }
        }
        if (backend == null) {
            closeQuietly(client);
            return;
        }
        Socket connected = backend;
        pipes.execute(() -> pipe(client, connected));
        pipe(connected, client);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException broken) {
            // One side went away (a killed instance): close both, the client retries.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // Nothing left to do.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing.
        }
        pipes.shutdownNow();
    }
}
