package org.threshold.hardware.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.PrinterException;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.core.qr.QrCodes;
import org.threshold.hardware.serial.SerialSettings;
import org.threshold.hardware.serial.VirtualSerialPair;

/** The ESC/POS driver over a real tty pair ({@code socat}), against a printer that answers like one. */
class SerialPrinterTest {

    private static final String PAYLOAD = "TH1:7K3MQ9XD2HPTVB6R:KIOSK-01:20261124:"
            + "UJZDEGXDNCF32EPF3DHODZDOCIS2JHTLGMXGEDN73U55XTPLPFT7V4"
            + "SEH2KVJ72CEUVW75EFR6EDT4SYWB5WKH7DNSIPZZ7FK4ZRI3R";
    private static final TokenCard CARD = new TokenCard("7K3M-Q9XD-2HPT-VB6R-F", PAYLOAD, "Palanca",
            LocalDate.of(2026, 11, 24), "KIOSK-01");
    private static final int BAUD = 115_200;
    /**
     * Short enough for a test, long enough for a loaded machine: a card-out answer later than its deadline would
     * be read as the answer to the next status query and fail the print as "not ESC/POS".
     */
    static final EscPosPrinter.StatusQueries QUICK = new EscPosPrinter.StatusQueries(true,
            Duration.ofSeconds(1), Duration.ofSeconds(5));

    @TempDir
    Path folder;

    private VirtualSerialPair pair;
    private FakeEscPosPrinter device;
    private EscPosPrinter printer;
    private final byte[] expected = EscPosCard.encode(CARD, CardFormat.PAPER_58MM);

    @BeforeEach
    void plugIn() throws Exception {
        pair = VirtualSerialPair.start(folder);
        device = new FakeEscPosPrinter(new SerialSettings(pair.deviceEnd.toString(), BAUD), expected.length);
        printer = new EscPosPrinter(new SerialPrinterPort(new SerialSettings(pair.hostEnd.toString(), BAUD)),
                CardFormat.PAPER_58MM, "ESC/POS on serial", QUICK);
    }

    @AfterEach
    void unplug() throws Exception {
        device.close();
        pair.close();
    }

    @Test
    void theCardArrivesByteForByteAndScans() throws Exception {
        PrintResult result = printer.print(CARD);

        assertThat(result.cardImage()).isEmpty();
        byte[] received = device.cardReceived();
        assertThat(received).isEqualTo(expected);
        assertThat(QrCodes.decode(EscPosRasteriser.render(received, CardFormat.PAPER_58MM_DOTS))).isEqualTo(PAYLOAD);
    }

    @Test
    void aCoverLeftOpenStopsTheCardBeforeAnyByteIsSent() throws Exception {
        device.offlineCause = 0x12 | 0x04;

        assertThatThrownBy(() -> printer.print(CARD)).isInstanceOf(PrinterException.class)
                .hasMessageContaining("cover is open")
                .extracting(e -> ((PrinterException) e).fault()).isEqualTo(PrinterException.Fault.COVER_OPEN);
        assertThat(device.cardReceived()).isEmpty();
    }

    @Test
    void anEmptyRollStopsTheCardBeforeAnyByteIsSent() throws Exception {
        device.paperSensor = 0x12 | 0x60;

        assertThatThrownBy(() -> printer.print(CARD))
                .extracting(e -> ((PrinterException) e).fault()).isEqualTo(PrinterException.Fault.PAPER_OUT);
        assertThat(device.cardReceived()).isEmpty();
    }

    @Test
    void paperRunningOutMidCardAsksForATearOffAndAReprint() throws Exception {
        device.paperRunsOutDuringCard = true;

        assertThatThrownBy(() -> printer.print(CARD)).isInstanceOf(PrinterException.class)
                .hasMessageContaining("Paper ran out while the card was printing")
                .hasMessageContaining("tear off")
                .extracting(e -> ((PrinterException) e).fault()).isEqualTo(PrinterException.Fault.INTERRUPTED);
        assertThat(device.cardReceived()).isEqualTo(expected);
    }

    @Test
    void aSilentPrinterIsOffline() throws Exception {
        device.close();

        assertThatThrownBy(() -> printer.print(CARD)).isInstanceOf(PrinterException.class)
                .hasMessageContaining("does not answer")
                .extracting(e -> ((PrinterException) e).fault()).isEqualTo(PrinterException.Fault.OFFLINE);
    }

    @Test
    void aMissingPortIsOffline() {
        EscPosPrinter unplugged = new EscPosPrinter(new SerialPrinterPort(new SerialSettings(
                folder.resolve("no-such-tty").toString(), BAUD)), CardFormat.PAPER_58MM, "ESC/POS on serial", QUICK);

        assertThatThrownBy(() -> unplugged.print(CARD)).isInstanceOf(PrinterException.class)
                .hasMessageContaining("cannot be reached")
                .extracting(e -> ((PrinterException) e).fault()).isEqualTo(PrinterException.Fault.OFFLINE);
    }

    @Test
    void garbageInsteadOfAStatusPointsAtTheBaudRate() {
        device.offlineCause = 0xFF;

        assertThatThrownBy(() -> printer.print(CARD)).hasMessageContaining("printer.baud");
    }
}
