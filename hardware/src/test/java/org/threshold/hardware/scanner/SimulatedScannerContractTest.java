package org.threshold.hardware.scanner;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.io.TempDir;

class SimulatedScannerContractTest extends BarcodeScannerContract {

    @TempDir
    Path folder;

    @Override
    protected BarcodeScanner buildSubject() {
        return new SimulatedScanner(folder.resolve("scanner.fifo"));
    }

    @Override
    protected void scan(String payload) throws Exception {
        // Opened for reading too, so the write never waits for a reader, as `echo > fifo` would after close.
        try (FileChannel pipe = FileChannel.open(folder.resolve("scanner.fifo"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            pipe.write(ByteBuffer.wrap((payload + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
