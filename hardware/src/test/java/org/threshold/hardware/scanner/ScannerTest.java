package org.threshold.hardware.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hardware.printer.PrintResult;
import org.threshold.hardware.printer.SimulatedCardPrinter;
import org.threshold.hardware.printer.TokenCard;
import org.threshold.hardware.serial.SerialConnection;
import org.threshold.hardware.serial.SerialSettings;
import org.threshold.hardware.serial.VirtualSerialPair;

@Timeout(60)
class ScannerTest {

    private static final String PAYLOAD = "TH1:7K3MQ9XD2HPTVB6R:KIOSK-01:20261124:ABCDEF";

    @TempDir
    Path folder;

    private final BlockingQueue<String> scans = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> problems = new LinkedBlockingQueue<>();
    private final BarcodeScanner.ScanListener listener = new BarcodeScanner.ScanListener() {
        @Override
        public void scanned(String payload) {
            scans.add(payload);
        }

        @Override
        public void problem(BarcodeScanner.Problem problem, String message) {
            problems.add(message);
        }
    };

    @Test
    void theSimulatorReadsPayloadsAndPicturesFromANamedPipe() throws Exception {
        Path cards = Files.createDirectory(folder.resolve("cards"));
        PrintResult card = new SimulatedCardPrinter(cards).print(new TokenCard("7K3M-Q9XD-2HPT-VB6R-F", PAYLOAD,
                "Palanca", LocalDate.of(2026, 11, 24), "KIOSK-01"));
        Path fifo = folder.resolve("scanner.fifo");

        try (SimulatedScanner scanner = new SimulatedScanner(fifo)) {
            scanner.listen(listener);
            try (OutputStream pipe = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
                pipe.write((PAYLOAD + "\r\n").getBytes(StandardCharsets.US_ASCII));
                pipe.write(("image:" + card.cardImage().orElseThrow() + "\n").getBytes(StandardCharsets.US_ASCII));
                pipe.write(("image:" + folder.resolve("missing.png") + "\n").getBytes(StandardCharsets.US_ASCII));
            }

            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(PAYLOAD);
            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(PAYLOAD);
            assertThat(problems.poll(10, TimeUnit.SECONDS)).contains("missing.png");
        }
    }

    @Test
    void aSerialScannerDeliversLinesAndSaysWhenItIsUnplugged() throws Exception {
        VirtualSerialPair pair = VirtualSerialPair.start(folder);
        try (SerialBarcodeScanner scanner = new SerialBarcodeScanner(new SerialSettings(pair.hostEnd.toString(),
                9600))) {
            scanner.listen(listener);
            try (SerialConnection device = SerialConnection.open(new SerialSettings(pair.deviceEnd.toString(), 9600))) {
                device.write((PAYLOAD + "\r\nSECOND\n").getBytes(StandardCharsets.US_ASCII));

                assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(PAYLOAD);
                assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo("SECOND");
            }
            pair.close();

            assertThat(problems.poll(10, TimeUnit.SECONDS)).contains("not connected").contains("Plug it back in");
        } finally {
            pair.close();
        }
    }
}
