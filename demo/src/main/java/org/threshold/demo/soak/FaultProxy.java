package org.threshold.demo.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving network between a kiosk and a hub, in-process and on loopback only. Each HTTP/1.1 request is
 * read whole, then, by a seeded random draw, one of: passed through; the connection dropped mid-request
 * (nothing reaches the hub); the request forwarded but the connection dropped before the answer (the hub
 * acted, the kiosk never hears); the answer truncated half-way; a fake 500 or 503 without forwarding; a delay
 * before forwarding; or the request forwarded twice (a replay: the hub sees it twice, the kiosk gets the second
 * answer). Each request opens its own connection to the hub and each client connection carries one exchange
 * ({@code Connection: close}), so a fault never leaks into the next request. Thread-safe; close to stop.
 */
public final class FaultProxy implements AutoCloseable {
    public enum Fault { PASS, DROP_REQUEST, DROP_RESPONSE, TRUNCATE_RESPONSE, ANSWER_500, ANSWER_503, DELAY, REPLAY }

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 32 * 1024 * 1024;
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private final ServerSocket server;
    private final int hubPort;
    private final double faultRate;
    private final Random random;
    private final long delayMillis;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong[] counts = new AtomicLong[Fault.values().length];
    private volatile boolean enabled = true;

    /**
     * @param faultRate   the share of requests that meet a fault (0 to 1), spread evenly over the kinds
     * @param delayMillis how long a {@link Fault#DELAY} holds a request
     */
    public FaultProxy(int hubPort, double faultRate, long seed, long delayMillis) throws IOException {
        this.hubPort = hubPort;
        this.faultRate = faultRate;
        this.random = new Random(seed);
        this.delayMillis = delayMillis;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicLong();
        }
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops injecting faults: every request passes from now on. */
    public void heal() {
        enabled = false;
    }

    public long count(Fault fault) {
        return counts[fault.ordinal()].get();
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        for (Fault fault : Fault.values()) {
            out.append(fault.name().toLowerCase(Locale.ROOT)).append('=').append(count(fault)).append(' ');
        }
        return out.toString().strip();
    }

    private synchronized Fault draw() {
        if (!enabled || random.nextDouble() >= faultRate) {
            return Fault.PASS;
        }
        return Fault.values()[1 + random.nextInt(Fault.values().length - 1)];
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                workers.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(SOCKET_TIMEOUT_MS);
            byte[] request = readMessage(client.getInputStream(), true);
            if (request == null) {
                return;
            }
            Fault fault = draw();
            counts[fault.ordinal()].incrementAndGet();
            OutputStream toClient = client.getOutputStream();
            switch (fault) {
                case DROP_REQUEST -> client.setSoLinger(true, 0);
                case ANSWER_500 -> toClient.write(fake(500, "Internal Server Error"));
                case ANSWER_503 -> toClient.write(fake(503, "Service Unavailable"));
                case DROP_RESPONSE -> {
                    forward(request);
                    client.setSoLinger(true, 0);
                }
                case TRUNCATE_RESPONSE -> {
                    byte[] response = forward(request);
                    toClient.write(response, 0, response.length / 2);
                    toClient.flush();
                    client.setSoLinger(true, 0);
                }
                case DELAY -> {
                    waitDelay();
                    toClient.write(forward(request));
                }
                case REPLAY -> {
                    forward(request);
                    toClient.write(forward(request));
                }
                case PASS -> toClient.write(forward(request));
            }
            toClient.flush();
        } catch (IOException e) {
            // The client or the hub went away; the kiosk sees a failed request and tries again.
        }
    }

    private void waitDelay() {
        // A delay on a loopback link stands for a slow satellite hop; the lock-free wait keeps the thread honest.
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        Object lock = new Object();
        synchronized (lock) {
            long left;
            while ((left = until - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private byte[] forward(byte[] request) throws IOException {
        try (Socket hub = new Socket(InetAddress.getLoopbackAddress(), hubPort)) {
            hub.setSoTimeout(SOCKET_TIMEOUT_MS);
            hub.getOutputStream().write(request);
            hub.getOutputStream().flush();
            byte[] response = readMessage(hub.getInputStream(), false);
            if (response == null) {
                throw new SocketException("the hub closed the connection without answering");
            }
            return response;
        }
    }

    private static byte[] fake(int status, String text) {
        String body = "{\"error\":{\"reason\":\"PROXY_" + status + "\",\"message\":\"injected by the fault proxy\"}}";
        return ("HTTP/1.1 " + status + " " + text + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * One HTTP/1.1 message with a Content-Length body (what java.net.http and Jetty send for these exchanges),
     * with {@code Connection: close} forced on it so each connection carries exactly one exchange.
     */
    private static byte[] readMessage(InputStream in, boolean isRequest) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("header too large");
            }
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        long length = 0;
        boolean chunked = false;
        StringBuilder rewritten = new StringBuilder();
        String[] lines = headText.split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") || lower.startsWith("keep-alive:")) {
                continue;
            }
            rewritten.append(line).append("\r\n");
            if (i == 0) {
                rewritten.append("Connection: close\r\n");
            }
        }
        rewritten.append("\r\n");
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunked) {
            copyChunked(in, message);
        } else if (length > 0) {
            if (length > MAX_BODY) {
                throw new IOException("body too large");
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new SocketException("message cut short");
            }
            message.write(body);
        } else if (!isRequest && !headText.contains("Content-Length") && !headText.startsWith("HTTP/1.1 204")) {
            message.write(in.readAllBytes());
        }
        return message.toByteArray();
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                String trailer;
                while (!(trailer = readLine(in)).isEmpty()) {
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            byte[] chunk = in.readNBytes(size + 2);
            if (chunk.length < size + 2) {
                throw new SocketException("chunk cut short");
            }
            out.write(chunk);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (b < 0) {
            throw new SocketException("stream ended inside a chunked body");
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
