package org.threshold.hub;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.threshold.core.token.IssuedToken;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.hardware.printer.escpos.CardFormat;
import org.threshold.hardware.printer.escpos.EscPosCard;
import org.threshold.hardware.printer.escpos.EscPosRasteriser;

/**
 * Photos of real token cards for the scan page's tests: the card printed through the kiosk's own ESC/POS bytes and
 * put on paper by the rasteriser, then photographed as a phone would on a table: enlarged, turned, out of focus,
 * with sensor noise, saved as a lossy JPEG.
 */
final class CardPhotos {
    private CardPhotos() {
    }

    /** The card as the kiosk's 58 mm printer prints it. */
    static BufferedImage printed(IssuedToken token) {
        TokenCard card = new TokenCard(token.id().shortCode(), token.qrPayload(), TestKiosk.SITE,
                token.issuedOn(), token.kioskId());
        return EscPosRasteriser.render(EscPosCard.encode(card, CardFormat.PAPER_58MM), CardFormat.PAPER_58MM_DOTS);
    }

    /**
     * {@code card} on a grey table, {@code scale} times larger, turned by {@code degrees}, blurred over about
     * {@code blurPixels}, with noise of ±{@code noise} grey levels, as a JPEG at {@code quality} (0-1).
     */
    static byte[] photo(BufferedImage card, double scale, double degrees, int blurPixels, int noise, float quality,
                        long seed) {
        int width = (int) (card.getWidth() * scale * 1.4);
        int height = (int) (card.getHeight() * scale * 1.2);
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(120, 110, 100));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform place = new AffineTransform();
        place.translate(width / 2.0, height / 2.0);
        place.rotate(Math.toRadians(degrees));
        place.scale(scale, scale);
        place.translate(-card.getWidth() / 2.0, -card.getHeight() / 2.0);
        g.drawImage(card, place, null);
        g.dispose();
        BufferedImage blurred = blurPixels <= 1 ? photo : box(photo, blurPixels);
        addNoise(blurred, noise, new Random(seed));
        return jpeg(blurred, quality);
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage box(BufferedImage image, int size) {
        float[] weights = new float[size * size];
        java.util.Arrays.fill(weights, 1f / weights.length);
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
    }

    private static void addNoise(BufferedImage image, int noise, Random random) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int shift = noise == 0 ? 0 : random.nextInt(2 * noise + 1) - noise;
                int r = clamp(((rgb >> 16) & 0xff) + shift);
                int gr = clamp(((rgb >> 8) & 0xff) + shift);
                int b = clamp((rgb & 0xff) + shift);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
