package org.threshold.hardware.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.threshold.core.qr.QrCodes;

/**
 * What every {@link TokenPrinter} promises, run against the simulator and each real driver: the card
 * that comes out scans as its token, and a printer that cannot print says so, with what to do.
 */
public abstract class TokenPrinterContract {

    protected static final String PAYLOAD = "TH1:7K3MQ9XD2HPTVB6R:KIOSK-01:20261124:"
            + "UJZDEGXDNCF32EPF3DHODZDOCIS2JHTLGMXGEDN73U55XTPLPFT7V4"
            + "SEH2KVJ72CEUVW75EFR6EDT4SYWB5WKH7DNSIPZZ7FK4ZRI3R";
    protected static final TokenCard CARD = new TokenCard("7K3M-Q9XD-2HPT-VB6R-F", PAYLOAD, "Palanca",
            LocalDate.of(2026, 11, 24), "KIOSK-01");

    /** A printer ready to print. */
    protected abstract TokenPrinter buildSubject() throws Exception;

    /** A printer that cannot print: unplugged, or nowhere to write. */
    protected abstract TokenPrinter buildUnreachableSubject() throws Exception;

    /** What came out of the subject, as paper. */
    protected abstract BufferedImage paperOut(PrintResult result) throws Exception;

    @Test
    void theCardThatComesOutScansAsItsToken() throws Exception {
        TokenPrinter printer = buildSubject();

        PrintResult result = printer.print(CARD);

        assertThat(QrCodes.decode(paperOut(result))).isEqualTo(PAYLOAD);
    }

    @Test
    void itSaysWhatItIs() throws Exception {
        assertThat(buildSubject().describe().kind()).isEqualTo("printer");
    }

    @Test
    void aPrinterThatCannotPrintSaysWhatToDo() throws Exception {
        TokenPrinter printer = buildUnreachableSubject();

        assertThatThrownBy(() -> printer.print(CARD)).isInstanceOf(PrinterException.class)
                .hasMessageContaining("reprint")
                .satisfies(e -> assertThat(((PrinterException) e).fault().mayHaveLeftAPartialCard()).isFalse());
    }
}
