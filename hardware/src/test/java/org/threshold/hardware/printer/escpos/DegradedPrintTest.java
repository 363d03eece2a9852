package org.threshold.hardware.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.core.qr.QrDecodeException;
import org.threshold.core.qr.QrCodes;

/**
 * Cards as a worn, badly lit card looks to a scanner: printed through the real byte path, then blurred,
 * speckled, faded, skewed or smudged, and decoded. Reports the decode rate per degradation at the card
 * level (Q) and at M for comparison, writes the table to {@code target/degraded-print-rates.txt}, and
 * asserts a floor at Q. Seeded, so a run is repeatable.
 */
class DegradedPrintTest {

    private static final int TRIALS = 30;
    private static final double FLOOR = 0.80;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Map<String, BiFunction<BufferedImage, SplittableRandom, BufferedImage>> degradations =
            new LinkedHashMap<>();

    DegradedPrintTest() {
        degradations.put("none", (image, random) -> image);
        degradations.put("blur (gaussian sigma 1.0-2.0 dots)", (image, random) ->
                blur(image, 1.0 + random.nextDouble()));
        // Specks are single dots, smaller than any lens resolves: the scanner sees them through its blur.
        degradations.put("speckle (5-15% of dots flipped, lens blur 1 dot)", (image, random) ->
                blur(speckle(image, 0.05 + 0.10 * random.nextDouble(), random), 1.0));
        degradations.put("faded (ink at 45-75% of paper white, noise)", (image, random) ->
                faded(image, 0.45 + 0.30 * random.nextDouble(), random));
        degradations.put("skew (2-5 degrees either way)", (image, random) ->
                skew(image, (2 + 3 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1)));
        degradations.put("smudge (ink blot over 10-20% of the code)", (image, random) ->
                smudge(image, 0.10 + 0.10 * random.nextDouble(), random));
    }

    @Test
    void cardsStillScanAfterWearAndBadLight() throws IOException {
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (Map.Entry<String, BiFunction<BufferedImage, SplittableRandom, BufferedImage>> degradation
                : degradations.entrySet()) {
            rates.put(degradation.getKey(), new double[] {
                decodeRate(ErrorCorrectionLevel.Q, degradation.getValue()),
                decodeRate(ErrorCorrectionLevel.M, degradation.getValue())});
        }

        String table = table(rates);
        System.out.println(table);
        Path report = Path.of("target", "degraded-print-rates.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        rates.forEach((name, rate) -> assertThat(rate[0]).as("decode rate at level Q with %s", name)
                .isGreaterThanOrEqualTo(FLOOR));
    }

    private double decodeRate(ErrorCorrectionLevel level,
                              BiFunction<BufferedImage, SplittableRandom, BufferedImage> degradation) {
        // Same seed for both levels: they meet the same tokens and the same damage.
        SplittableRandom random = new SplittableRandom(20261124);
        int decoded = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            String payload = tokenPayload(random);
            TokenCard card = new TokenCard("7K3M-Q9XD-2HPT-VB6R-F", payload, "Palanca reception point",
                    LocalDate.of(2026, 11, 24), "KIOSK-01");
            BufferedImage paper = EscPosRasteriser.render(EscPosCard.encode(card, CardFormat.PAPER_58MM, level),
                    CardFormat.PAPER_58MM_DOTS);
            BufferedImage seen = degradation.apply(onTable(paper), random);
            try {
                if (QrCodes.decode(seen).equals(payload)) {
                    decoded++;
                }
            } catch (QrDecodeException missed) {
                // counted as a miss
            }
        }
        return (double) decoded / TRIALS;
    }

    /** A real token's shape: id, kiosk, date and a 103-character signature. */
    private static String tokenPayload(SplittableRandom random) {
        return "TH1:" + randomText(random, 16) + ":KIOSK-" + (10 + random.nextInt(90)) + ":20261124:"
                + randomText(random, 103);
    }

    private static String randomText(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static String table(Map<String, double[]> rates) {
        StringBuilder table = new StringBuilder(String.format("Decode rate over %d cards each (58 mm, 203 dpi)%n",
                TRIALS));
        table.append(String.format("%-46s %8s %8s%n", "degradation", "level Q", "level M"));
        rates.forEach((name, rate) -> table.append(String.format("%-46s %7.0f%% %7.0f%%%n", name, 100 * rate[0],
                100 * rate[1])));
        return table.toString();
    }

    /** The card in grey levels on a table, with some room around it as a camera sees it. */
    private static BufferedImage onTable(BufferedImage paper) {
        BufferedImage grey = new BufferedImage(paper.getWidth() + 40, paper.getHeight() + 40,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = grey.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, grey.getWidth(), grey.getHeight());
            graphics.drawImage(paper, 20, 20, null);
        } finally {
            graphics.dispose();
        }
        return grey;
    }

    private static BufferedImage blur(BufferedImage image, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        double[] pass = new double[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = 0;
                for (int k = -radius; k <= radius; k++) {
                    value += kernel[k + radius] * grey(image, clamp(x + k, width), y);
                }
                pass[y * width + x] = value;
            }
        }
        BufferedImage blurred = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = 0;
                for (int k = -radius; k <= radius; k++) {
                    value += kernel[k + radius] * pass[clamp(y + k, height) * width + x];
                }
                setGrey(blurred, x, y, value);
            }
        }
        return blurred;
    }

    private static BufferedImage speckle(BufferedImage image, double fraction, SplittableRandom random) {
        BufferedImage speckled = copy(image);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (random.nextDouble() < fraction) {
                    setGrey(speckled, x, y, 255 - grey(image, x, y));
                }
            }
        }
        return speckled;
    }

    /** Ink that burnt too lightly on old paper: black becomes grey, with sensor noise on top. */
    private static BufferedImage faded(BufferedImage image, double inkLevel, SplittableRandom random) {
        double paper = 235;
        double ink = paper * inkLevel;
        BufferedImage faded = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double base = grey(image, x, y) < 128 ? ink : paper;
                setGrey(faded, x, y, base + 10 * gaussian(random));
            }
        }
        return faded;
    }

    private static BufferedImage skew(BufferedImage image, double degrees) {
        BufferedImage skewed = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = skewed.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees),
                    image.getWidth() / 2.0, image.getHeight() / 2.0), null);
        } finally {
            graphics.dispose();
        }
        return skewed;
    }

    /** A dark, soft-edged blot somewhere on the QR code covering {@code fraction} of its area. */
    private static BufferedImage smudge(BufferedImage image, double fraction, SplittableRandom random) {
        int[] qr = qrBounds(image);
        int side = qr[2] - qr[0];
        double radius = Math.sqrt(fraction * side * side / Math.PI);
        double centreX = qr[0] + radius + random.nextDouble() * (side - 2 * radius);
        double centreY = qr[1] + radius + random.nextDouble() * (side - 2 * radius);
        BufferedImage smudged = copy(image);
        for (int y = qr[1]; y < qr[3]; y++) {
            for (int x = qr[0]; x < qr[2]; x++) {
                double distance = Math.hypot(x - centreX, y - centreY) / radius;
                if (distance < 1.2) {
                    // Ink smeared over the code: almost nothing of the modules under it shows through.
                    double darkness = distance < 0.8 ? 0.95 : 0.95 * (1.2 - distance) / 0.4;
                    setGrey(smudged, x, y, grey(image, x, y) * (1 - darkness) + 40 * darkness);
                }
            }
        }
        return smudged;
    }

    /** The square of black dots below the header: left, top, right, bottom of the QR symbol. */
    private static int[] qrBounds(BufferedImage image) {
        List<Integer> rows = new ArrayList<>();
        int left = image.getWidth();
        int right = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int runStart = -1;
            for (int x = 0; x < image.getWidth(); x++) {
                if (grey(image, x, y) < 128) {
                    if (runStart < 0) {
                        runStart = x;
                    }
                    // A QR row is the widest thing on the card and starts with a finder's 7 modules of black.
                    if (x - runStart >= 30) {
                        rows.add(y);
                        left = Math.min(left, runStart);
                        break;
                    }
                } else {
                    runStart = -1;
                }
            }
        }
        int top = rows.get(0);
        for (int x = image.getWidth() - 1; x >= 0; x--) {
            if (grey(image, x, top + 1) < 128) {
                right = x + 1;
                break;
            }
        }
        return new int[] {left, top, right, top + (right - left)};
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        copy.getRaster().setRect(image.getRaster());
        return copy;
    }

    private static int clamp(int value, int size) {
        return Math.max(0, Math.min(size - 1, value));
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    private static void setGrey(BufferedImage image, int x, int y, double value) {
        image.getRaster().setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(value))));
    }
}
