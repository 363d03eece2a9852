package org.threshold.hub.web.http;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a request body, undoing {@code Content-Encoding: gzip}, and never holding more than a limit in memory:
 * the limit applies to the decompressed bytes, so a small gzip bomb is refused like a large body. Its refusals are in
 * the caller's language, as {@link ErrorResponses} renders them.
 */
public final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * @param tooLarge        what to answer when the body is over {@code maxBytes}
     * @param malformedReason the reason a 400 gives when the body is broken gzip or cut short
     * @throws ApiException {@code tooLarge}; 415 for an encoding other than gzip; 400 for a broken body
     */
    public static byte[] read(Context ctx, int maxBytes, ApiException tooLarge, String malformedReason) {
        return decode(ctx, readAsSent(ctx, maxBytes, tooLarge, malformedReason), maxBytes, tooLarge, malformedReason);
    }

    /**
     * The body exactly as sent, still compressed if it was, for checking a signature over it before anything
     * else is done with it; {@link #decode} it afterwards.
     *
     * @throws ApiException {@code tooLarge}; 415 for an encoding other than gzip; 400 for a body cut short
     */
    public static byte[] readAsSent(Context ctx, int maxBytes, ApiException tooLarge, String malformedReason) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge;
        }
        gzip(ctx);
        try (InputStream raw = ctx.bodyInputStream()) {
            return limited(raw, maxBytes, tooLarge);
        } catch (IOException e) {
            throw new ApiException(400, malformedReason, "hub.BODY_CUT_SHORT", Map.of());
        }
    }

    /** Undoes gzip if the request says it is gzip, with the same limit on the decompressed bytes. */
    public static byte[] decode(Context ctx, byte[] asSent, int maxBytes, ApiException tooLarge,
                                String malformedReason) {
        if (!gzip(ctx)) {
            return asSent;
        }
        try (InputStream body = new GZIPInputStream(new ByteArrayInputStream(asSent))) {
            return limited(body, maxBytes, tooLarge);
        } catch (IOException e) {
            throw new ApiException(400, malformedReason, "hub.BODY_NOT_GZIP", Map.of());
        }
    }

    private static byte[] limited(InputStream body, int maxBytes, ApiException tooLarge) throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw tooLarge;
        }
        return bytes;
    }

    private static boolean gzip(Context ctx) {
        String encoding = ctx.header("Content-Encoding");
        boolean gzip = "gzip".equalsIgnoreCase(encoding);
        if (encoding != null && !gzip && !"identity".equalsIgnoreCase(encoding)) {
            throw new ApiException(415, "UNSUPPORTED_ENCODING", Map.of());
        }
        return gzip;
    }
}
