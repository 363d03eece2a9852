package org.threshold.provisioning;

import java.time.Duration;
import java.util.Locale;

/** Durations as administrators type them: {@code 30m}, {@code 12h}, {@code 7d}. */
final class Durations {
    private Durations() {
    }

    static Duration parse(String text, String option) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.matches("[0-9]{1,5}[mhd]")) {
            long amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
            Duration duration = switch (trimmed.charAt(trimmed.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (!duration.isZero()) {
                return duration;
            }
        }
        throw new ProvisioningException(option + " takes a duration such as 30m, 12h or 7d, not \"" + text + "\".");
    }
}
