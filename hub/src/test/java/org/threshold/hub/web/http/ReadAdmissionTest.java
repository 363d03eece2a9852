package org.threshold.hub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadAdmissionTest {
    @Test
    void pageAndApiReadsTakeTheirTurn() {
        assertThat(ReadAdmission.waits("GET", "/queue")).isTrue();
        assertThat(ReadAdmission.waits("GET", "/queue/rows")).isTrue();
        assertThat(ReadAdmission.waits("GET", "/api/referrals")).isTrue();
        assertThat(ReadAdmission.waits("GET", "/api/tokens/ABCD-1234")).isTrue();
        assertThat(ReadAdmission.waits("GET", "/dpo/audit")).isTrue();
    }

    @Test
    void signInSyncEventStreamsAssetsAndHealthChecksNeverWait() {
        assertThat(ReadAdmission.waits("POST", "/api/login")).isFalse();
        assertThat(ReadAdmission.waits("POST", "/login")).isFalse();
        assertThat(ReadAdmission.waits("GET", "/")).isFalse();
        assertThat(ReadAdmission.waits("POST", "/api/sync/batches")).isFalse();
        assertThat(ReadAdmission.waits("GET", "/api/sync/updates")).isFalse();
        assertThat(ReadAdmission.waits("GET", "/queue/events")).isFalse();
        assertThat(ReadAdmission.waits("GET", "/assets/hub.css")).isFalse();
        assertThat(ReadAdmission.waits("GET", "/health")).isFalse();
        assertThat(ReadAdmission.waits("GET", "/api/status")).isFalse();
        // Writes never wait behind reads.
        assertThat(ReadAdmission.waits("POST", "/referrals/1/accept")).isFalse();
    }
}
