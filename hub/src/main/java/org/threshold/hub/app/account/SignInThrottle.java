package org.threshold.hub.app.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;

/**
 * Slows password guessing without ever locking anyone out. Failures count per source address and per account, in the
 * database (every hub instance counts the same ones), and are forgotten an hour after the last.
 * <ul>
 *   <li>Per source: after {@value #FREE_SOURCE_FAILURES} failures, that source must wait 1 s, then 2 s, 4 s... (at
 *   most 15 minutes) after its last failure before its next attempt is even checked. Whoever hammers waits; nobody
 *   else does.</li>
 *   <li>Per account: after {@value #FREE_ACCOUNT_FAILURES} failures from anywhere, every attempt on the account is
 *   answered later (0.25 s, 0.5 s... at most {@link #MAX_ACCOUNT_DELAY}), never refused: the colleague whose account
 *   is being hammered still signs in with the right password from their own machine.</li>
 * </ul>
 * An attempt counts as a failure from its admission until its password proves right, so attempts checked in parallel
 * see each other.
 */
final class SignInThrottle {
    static final int FREE_SOURCE_FAILURES = 5;
    static final int FREE_ACCOUNT_FAILURES = 5;
    static final Duration MAX_SOURCE_WAIT = Duration.ofMinutes(15);
    static final Duration MAX_ACCOUNT_DELAY = Duration.ofSeconds(2);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private SignInThrottle() {
    }

    /**
     * Admits an attempt (counting it as a failure on both keys) and returns how long to hold its answer back.
     *
     * @throws Refusal TRY_LATER {@code TOO_MANY_ATTEMPTS} while the source must wait
     */
    static Duration admit(Repositories repositories, String source, String username, Instant now) {
        SignInThrottleRepository throttles = repositories.signInThrottles();
        String sourceKey = sourceKey(source);
        throttles.failures(sourceKey).filter(failures -> !forgotten(failures, now)).ifPresent(failures -> {
            Instant allowedFrom = failures.lastFailure().plus(sourceWait(failures.count()));
            if (now.isBefore(allowedFrom)) {
                Duration wait = Duration.between(now, allowedFrom);
                long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                throw Refusal.tryLater("TOO_MANY_ATTEMPTS", "Too many failed sign-ins from this device. Wait "
                        + seconds + " second(s) and try again.", wait, Map.of("seconds", seconds));
            }
        });
        String accountKey = accountKey(username);
        long accountFailures = throttles.failures(accountKey).filter(failures -> !forgotten(failures, now))
                .map(SignInThrottleRepository.Failures::count).orElse(0L);
        throttles.countFailure(sourceKey, now, now.minus(FORGET_AFTER));
        throttles.countFailure(accountKey, now, now.minus(FORGET_AFTER));
        return accountDelay(accountFailures);
    }

    /** The password was right: the account's count starts again and the source's admitted attempt is taken back. */
    static void succeeded(Repositories repositories, String source, String username) {
        repositories.signInThrottles().forgive(sourceKey(source));
        repositories.signInThrottles().clear(accountKey(username));
    }

    static Duration sourceWait(long failures) {
        return doubling(failures - FREE_SOURCE_FAILURES, Duration.ofSeconds(1), MAX_SOURCE_WAIT);
    }

    static Duration accountDelay(long failures) {
        return doubling(failures - FREE_ACCOUNT_FAILURES, Duration.ofMillis(250), MAX_ACCOUNT_DELAY);
    }

    /** Nothing before the first step; {@code first} at step 0, doubling with each step, never above {@code max}. */
    private static Duration doubling(long step, Duration first, Duration max) {
        if (step < 0) {
            return Duration.ZERO;
        }
        Duration delay = first.multipliedBy(1L << Math.min(step, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static boolean forgotten(SignInThrottleRepository.Failures failures, Instant now) {
        return !failures.lastFailure().isAfter(now.minus(FORGET_AFTER));
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }

    private static String accountKey(String username) {
        return "account:" + username;
    }
}
