package org.threshold.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One benchmark client's HTTP/1.1 connection to a hub on loopback: a blocking socket kept alive between requests, each
 * answer read whole (by Content-Length or chunked) into a buffer reused from one request to the next, and searched as
 * bytes. The JDK's {@code HttpClient} cost about a sixth of a queue benchmark's CPU on two cores (its selector and
 * worker threads, futures, the body decoded into a String for a regex): CPU the hub under test then did not get. Not
 * thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] body = new byte[64 * 1024];
    private int length;

    KeepAliveClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * GETs {@code pathAndQuery} with one extra header and reads the answer whole.
     *
     * @throws IllegalStateException if the hub answers anything but 200
     */
    void get(String pathAndQuery, String header, String value) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + header + ": " + value
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String status = line();
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        for (String field = line(); !field.isEmpty(); field = line()) {
            int colon = field.indexOf(':');
            String name = field.substring(0, colon).trim();
            String fieldValue = field.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(fieldValue);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = fieldValue.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = fieldValue.equalsIgnoreCase("close");
            }
        }
        length = 0;
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                read(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailer fields, if any
            }
        } else if (contentLength >= 0) {
            read((int) contentLength);
        } else {
            throw new IllegalStateException("An answer without a length: " + status);
        }
        if (close) {
            close();
        }
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException(pathAndQuery + " answered " + status + ": "
                    + new String(body, 0, length, StandardCharsets.UTF_8));
        }
    }

    /**
     * The text that follows the last {@code marker} in the answer, up to the first byte {@code end} does not accept;
     * null if the marker is not there. Searched from the end: the next page's cursor closes the answer.
     */
    String after(String marker, ByteMatcher end) {
        byte[] wanted = marker.getBytes(StandardCharsets.US_ASCII);
        for (int at = length - wanted.length; at >= 0; at--) {
            if (body[at] == wanted[0] && Arrays.equals(body, at, at + wanted.length, wanted, 0, wanted.length)) {
                int from = at + wanted.length;
                int to = from;
                while (to < length && end.accepts(body[to])) {
                    to++;
                }
                return new String(body, from, to - from, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    /** Which bytes belong to a cursor. */
    @FunctionalInterface
    interface ByteMatcher {
        boolean accepts(byte b);
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port));
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt(extension >= 0 ? size.substring(0, extension) : size, 16);
    }

    private void read(int count) throws IOException {
        if (length + count > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, length + count));
        }
        int done = 0;
        while (done < count) {
            int read = in.read(body, length + done, count - done);
            if (read < 0) {
                throw new IOException("The hub closed the connection mid-answer");
            }
            done += read;
        }
        length += count;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int previous = -1;
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new IOException("The hub closed the connection");
            }
            if (previous == CRLF[0] && b == CRLF[1]) {
                line.setLength(line.length() - 1);
                return line.toString();
            }
            line.append((char) b);
            previous = b;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
