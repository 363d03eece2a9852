package org.threshold.hardware.scanner;

class KeyboardWedgeScannerContractTest extends BarcodeScannerContract {

    private final KeyboardWedgeScanner scanner = new KeyboardWedgeScanner();

    @Override
    protected BarcodeScanner buildSubject() {
        return scanner;
    }

    @Override
    protected void scan(String payload) {
        // What the page posts once the scanner "pressed" Enter.
        scanner.typed(payload + "\r");
    }
}
