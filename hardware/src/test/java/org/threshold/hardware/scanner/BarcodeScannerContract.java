package org.threshold.hardware.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link BarcodeScanner} promises, run against the simulator and each real driver: codes
 * arrive whole, in the order scanned, without their line endings, and nothing arrives after close.
 */
@Timeout(60)
public abstract class BarcodeScannerContract {

    protected final BlockingQueue<String> scans = new LinkedBlockingQueue<>();
    private BarcodeScanner scanner;

    protected abstract BarcodeScanner buildSubject() throws Exception;

    /** Presents a code to the scanner as a person would; the scanner adds its own line ending. */
    protected abstract void scan(String payload) throws Exception;

    private BarcodeScanner listening() throws Exception {
        scanner = buildSubject();
        scanner.listen(new BarcodeScanner.ScanListener() {
            @Override
            public void scanned(String payload) {
                scans.add(payload);
            }

            @Override
            public void problem(BarcodeScanner.Problem problem, String message) {
                // the contract is about payloads; problems have their own tests
            }
        });
        return scanner;
    }

    @AfterEach
    void closeScanner() {
        if (scanner != null) {
            scanner.close();
        }
    }

    @Test
    void codesArriveWholeAndInOrder() throws Exception {
        listening();

        scan("TH1:7K3MQ9XD2HPTVB6R:KIOSK-01:20261124:ABC");
        scan("TH1:0000000000000000:KIOSK-02:20261125:XYZ");

        assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo("TH1:7K3MQ9XD2HPTVB6R:KIOSK-01:20261124:ABC");
        assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo("TH1:0000000000000000:KIOSK-02:20261125:XYZ");
    }

    @Test
    void itSaysWhatItIs() throws Exception {
        assertThat(buildSubject().describe().kind()).isEqualTo("scanner");
    }

    @Test
    void nothingArrivesAfterClose() throws Exception {
        listening().close();

        scan("TH1:LATE");

        assertThat(scans.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
}
