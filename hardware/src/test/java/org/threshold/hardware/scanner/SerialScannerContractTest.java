package org.threshold.hardware.scanner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.hardware.serial.SerialConnection;
import org.threshold.hardware.serial.SerialSettings;
import org.threshold.hardware.serial.VirtualSerialPair;

/** The serial scanner driver on a real tty ({@code socat}); the other end plays a scanner sending CR LF. */
class SerialScannerContractTest extends BarcodeScannerContract {

    @TempDir
    Path folder;

    private VirtualSerialPair pair;
    private SerialConnection device;

    @Override
    protected BarcodeScanner buildSubject() throws Exception {
        if (pair == null) {
            pair = VirtualSerialPair.start(folder);
            device = SerialConnection.open(new SerialSettings(pair.deviceEnd.toString(), 9600));
        }
        return new SerialBarcodeScanner(new SerialSettings(pair.hostEnd.toString(), 9600));
    }

    @Override
    protected void scan(String payload) throws Exception {
        device.write((payload + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void unplug() throws Exception {
        if (device != null) {
            device.close();
        }
        if (pair != null) {
            pair.close();
        }
    }
}
