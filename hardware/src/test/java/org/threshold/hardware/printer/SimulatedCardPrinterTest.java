package org.threshold.hardware.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hardware.DeviceInfo;
import org.threshold.hardware.printer.escpos.EscPosRasteriser;
import org.threshold.core.qr.QrCodes;

class SimulatedCardPrinterTest {

    // Token id, kiosk, day, then 103 characters of base32 signature: the size of a real token.
    private static final String PAYLOAD = "TH1:7K3MQ9XD2HPTVB6R:KIOSK-01:20261124:"
            + "UJZDEGXDNCF32EPF3DHODZDOCIS2JHTLGMXGEDN73U55XTPLPFT7V4"
            + "SEH2KVJ72CEUVW75EFR6EDT4SYWB5WKH7DNSIPZZ7FK4ZRI3R";

    private static final TokenCard CARD = new TokenCard(
            "7K3M-Q9XD-2HPT-VB6R-F", PAYLOAD, "Palanca reception point", LocalDate.of(2026, 11, 24), "KIOSK-01");

    @TempDir
    Path folder;

    @Test
    void printsACardWhoseQrCodeReadsBackAsThePayload() throws IOException {
        PrintResult result = new SimulatedCardPrinter(folder).print(CARD);

        BufferedImage image = ImageIO.read(result.cardImage().orElseThrow().toFile());
        assertThat(QrCodes.decode(image)).isEqualTo(PAYLOAD);
    }

    @Test
    void cardIsAsWideAsA58mmReceipt() throws IOException {
        PrintResult result = new SimulatedCardPrinter(folder).print(CARD);

        BufferedImage image = ImageIO.read(result.cardImage().orElseThrow().toFile());
        assertThat(image.getWidth()).isEqualTo(384);
        assertThat(image.getHeight()).isGreaterThan(image.getWidth());
    }

    @Test
    void namesTheCardAfterItsShortCodeAndLeavesNothingElse() throws IOException {
        PrintResult result = new SimulatedCardPrinter(folder).print(CARD);

        assertThat(result.cardImage().orElseThrow()).isAbsolute()
                .isEqualTo(folder.toAbsolutePath().resolve("card-7K3MQ9XD2HPTVB6RF.png"));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactlyInAnyOrder(result.cardImage().orElseThrow(),
                    folder.toAbsolutePath().resolve("card-7K3MQ9XD2HPTVB6RF.escpos"));
        }
    }

    @Test
    void reprintingReplacesTheEarlierCard() throws IOException {
        SimulatedCardPrinter printer = new SimulatedCardPrinter(folder);
        printer.print(CARD);
        PrintResult reprint = printer.print(CARD);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).hasSize(2);
        }
        assertThat(QrCodes.decode(ImageIO.read(reprint.cardImage().orElseThrow().toFile()))).isEqualTo(PAYLOAD);
    }

    @Test
    void thePictureIsTheEscPosFileOnPaper() throws IOException {
        PrintResult result = new SimulatedCardPrinter(folder).print(CARD);

        byte[] escPos = Files.readAllBytes(folder.resolve("card-7K3MQ9XD2HPTVB6RF.escpos"));
        BufferedImage fromBytes = EscPosRasteriser.render(escPos, 384);
        BufferedImage png = ImageIO.read(result.cardImage().orElseThrow().toFile());
        assertThat(png.getHeight()).isEqualTo(fromBytes.getHeight());
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                assertThat(png.getRGB(x, y)).as("dot %d,%d", x, y).isEqualTo(fromBytes.getRGB(x, y));
            }
        }
    }

    @Test
    void aMissingFolderIsNamedWithWhatToDo() {
        Path missing = folder.resolve("cards");

        assertThatThrownBy(() -> new SimulatedCardPrinter(missing).print(CARD))
                .isInstanceOf(PrinterException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("Create it");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedWithWhatToDo() throws IOException {
        Path file = Files.createFile(folder.resolve("cards"));

        assertThatThrownBy(() -> new SimulatedCardPrinter(file).print(CARD))
                .isInstanceOf(PrinterException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a folder");
    }

    @Test
    void aReadOnlyFolderIsNamedWithWhatToDo() throws IOException {
        Path readOnly = Files.createDirectory(folder.resolve("cards"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        assumeFalse(Files.isWritable(readOnly), "root may write anywhere, so the folder cannot be read-only");

        assertThatThrownBy(() -> new SimulatedCardPrinter(readOnly).print(CARD))
                .isInstanceOf(PrinterException.class)
                .hasMessageContaining(readOnly.toString())
                .hasMessageContaining("writable");
        try (Stream<Path> files = Files.list(readOnly)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFailedWriteLeavesNoPartialFileBehind() throws IOException {
        // A non-empty folder squatting on the card's name makes the final move fail, even for root.
        Path squatter = Files.createDirectory(folder.resolve("card-7K3MQ9XD2HPTVB6RF.png"));
        Files.createFile(squatter.resolve("keep"));

        assertThatThrownBy(() -> new SimulatedCardPrinter(folder).print(CARD))
                .isInstanceOf(PrinterException.class)
                .hasMessageContaining(folder.toAbsolutePath().toString())
                .hasMessageContaining("then reprint");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).noneMatch(file -> file.getFileName().toString().endsWith(".part"));
        }
    }

    @Test
    void describesItselfAsASimulatorWritingIntoItsFolder() {
        DeviceInfo info = new SimulatedCardPrinter(folder).describe();

        assertThat(info).isEqualTo(
                new DeviceInfo("printer", "ESC/POS simulator (384 dots, QR raster)", true,
                        folder.toAbsolutePath().toString()));
    }
}
