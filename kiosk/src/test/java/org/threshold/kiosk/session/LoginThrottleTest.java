package org.threshold.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:30:00Z");
    private final LoginThrottle throttle = new LoginThrottle();

    @Test
    void fourMistakesAreFreeAndTheFifthLocksForAMinute() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("amal", NOW);
            assertThat(throttle.lockedFor("amal", NOW)).isEmpty();
        }
        throttle.failed("amal", NOW);

        assertThat(throttle.lockedFor("amal", NOW)).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("amal", NOW.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(throttle.lockedFor("bilal", NOW)).isEmpty();
    }

    @Test
    void eachFurtherMistakeDoublesTheLockoutUpToFifteenMinutes() {
        Instant at = NOW;
        for (int i = 0; i < 5; i++) {
            throttle.failed("amal", at);
        }
        Duration[] expected = {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
            Duration.ofMinutes(15), Duration.ofMinutes(15)};
        for (Duration lockout : expected) {
            at = at.plus(Duration.ofHours(1));
            throttle.failed("amal", at);
            assertThat(throttle.lockedFor("amal", at)).contains(lockout);
        }
    }

    @Test
    void theRightPassphraseClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("amal", NOW);
        }
        throttle.succeeded("amal");
        throttle.failed("amal", NOW);

        assertThat(throttle.lockedFor("amal", NOW)).isEmpty();
    }
}
