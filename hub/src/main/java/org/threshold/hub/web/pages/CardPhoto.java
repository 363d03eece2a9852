package org.threshold.hub.web.pages;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.threshold.core.qr.QrCodes;
import org.threshold.core.qr.QrDecodeException;
import org.threshold.hub.app.Refusal;

/**
 * A phone photo of a token card, uploaded to the scan page and read on the hub with core's {@link QrCodes}: at most
 * {@link #MAX_BYTES}, a JPEG or PNG by its first bytes (not by what the browser claims), at most
 * {@link #MAX_PIXELS} (checked from the header before decoding, so a small file cannot unpack into gigabytes). The
 * photo is held in memory only and forgotten after the request: it shows a card, so it is personal data.
 */
public final class CardPhoto {
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    /** Photos are read at most this wide or high: a card's code is still dozens of pixels a module there. */
    private static final int READ_SIDE = 2000;

    private CardPhoto() {
    }

    /** Multipart uploads stay in memory (never a temporary file) and stop at the photo's limit. */
    public static void configure(JavalinConfig config) {
        config.jetty.multipartConfig.maxFileSize(MAX_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(MAX_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(MAX_BYTES + 64 * 1024, SizeUnit.BYTES);
    }

    /**
     * The text of the QR code in the request's {@code photo} field.
     *
     * @throws Refusal as {@link #read(UploadedFile)}
     */
    static String read(Context ctx) {
        if (ctx.contentLength() > MAX_BYTES + 64 * 1024) {
            throw tooLarge();
        }
        UploadedFile photo;
        try {
            photo = ctx.uploadedFile("photo");
        } catch (RuntimeException malformed) {
            // Not multipart, cut short, or over the limits Jetty enforces while reading it.
            throw notAnImage();
        }
        return read(photo);
    }

    /**
     * The text of the QR code in {@code photo}.
     *
     * @throws Refusal INVALID {@code PHOTO_MISSING}, TOO_LARGE {@code PHOTO_TOO_LARGE}, INVALID
     *                  {@code PHOTO_NOT_AN_IMAGE}, UNACCEPTABLE {@code PHOTO_NO_CODE}
     */
    static String read(UploadedFile photo) {
        if (photo == null || photo.size() == 0) {
            throw refusal(Refusal.Kind.INVALID, "PHOTO_MISSING", "Choose a photo of the card first.");
        }
        if (photo.size() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = photo.content()) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw notAnImage();
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        BufferedImage image = decodeImage(bytes);
        try {
            return QrCodes.decode(image);
        } catch (QrDecodeException nothing) {
            throw refusal(Refusal.Kind.UNACCEPTABLE, "PHOTO_NO_CODE", "No token code could be read in this photo. "
                    + "Take it again with the whole card in the frame, flat, in good light and in focus, or type the "
                    + "code printed on the card.");
        }
    }

    private static BufferedImage decodeImage(byte[] bytes) {
        String format = jpegOrPng(bytes);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw notAnImage();
        }
        ImageReader reader = readers.next();
        // In memory: ImageIO's default stream would cache the photo in a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width * height > MAX_PIXELS) {
                throw tooLarge();
            }
            var param = reader.getDefaultReadParam();
            // Subsampling while reading: a 12-megapixel photo is read at about 2000 px without ever being whole.
            int step = (int) Math.max(1, Math.max(width, height) / READ_SIDE);
            param.setSourceSubsampling(step, step, 0, 0);
            return reader.read(0, param);
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof Refusal refusal) {
                throw refusal;
            }
            throw notAnImage();
        } finally {
            reader.dispose();
        }
    }

    /** The format by the file's magic bytes. */
    private static String jpegOrPng(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "png";
        }
        throw notAnImage();
    }

    private static Refusal tooLarge() {
        return refusal(Refusal.Kind.TOO_LARGE, "PHOTO_TOO_LARGE", "This photo is too large: at most 10 MB and 40 "
                + "megapixels. Take it again at a lower resolution.");
    }

    private static Refusal notAnImage() {
        return refusal(Refusal.Kind.INVALID, "PHOTO_NOT_AN_IMAGE", "This file is not a JPEG or PNG photo. Take a "
                + "photo of the card with the phone's camera.");
    }

    private static Refusal refusal(Refusal.Kind kind, String reason, String message) {
        return new Refusal(kind, reason, message, Map.of());
    }
}
