package org.threshold.core.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class EnrollmentTicketTest {
    private static final String PIN = "a0".repeat(32);

    @Test
    void aCodeIsReadAsTypedAndNeverShownByToString() {
        EnrollmentCode code = EnrollmentCode.parse("7k3m-q9xd 2hpt-vb6r");
        assertThat(code.reveal()).isEqualTo("7K3M-Q9XD-2HPT-VB6R");
        assertThat(EnrollmentCode.parse("OIL0-0000-0000-0000").reveal()).isEqualTo("0110-0000-0000-0000");
        assertThat(code.hash()).isEqualTo(EnrollmentCode.parse("7K3MQ9XD2HPTVB6R").hash());
        assertThat(code.toString()).doesNotContain("7K3M");
        assertThatThrownBy(() -> EnrollmentCode.parse("7K3M-Q9XD")).hasMessageContaining("16 letters and digits");
        assertThatThrownBy(() -> EnrollmentCode.parse("7K3M-Q9XD-2HPT-VB6U")).hasMessageContaining("no 'U'");
    }

    @Test
    void aTicketSurvivesTheTripThroughTextAndHidesItsCode() {
        EnrollmentCode code = EnrollmentCode.generate(new SecureRandom());
        EnrollmentTicket ticket = new EnrollmentTicket(code, PIN.toUpperCase(), "https://hub.example.org:8443");
        EnrollmentTicket read = EnrollmentTicket.parse(ticket.reveal());
        assertThat(read.code().reveal()).isEqualTo(code.reveal());
        assertThat(read.hubCertificateSha256()).isEqualTo(PIN);
        assertThat(read.hubUrl()).isEqualTo("https://hub.example.org:8443");
        assertThat(ticket.toString()).doesNotContain(code.reveal()).doesNotContain(code.reveal().replace("-", ""));
    }

    @Test
    void aTicketNeedsAPinAndAnHttpsHub() {
        EnrollmentCode code = EnrollmentCode.generate(new SecureRandom());
        assertThatThrownBy(() -> new EnrollmentTicket(code, "abc", "https://hub")).hasMessageContaining("64 hexadecimal");
        assertThatThrownBy(() -> new EnrollmentTicket(code, PIN, "http://hub")).hasMessageContaining("https://");
        assertThatThrownBy(() -> EnrollmentTicket.parse("THENROLL1:only-two")).hasMessageContaining("CODE:FINGERPRINT:HUB-URL");
        assertThatThrownBy(() -> EnrollmentTicket.parse("hello")).hasMessageContaining("starts with THENROLL1:");
    }
}
