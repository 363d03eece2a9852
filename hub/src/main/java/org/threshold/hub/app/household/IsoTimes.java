package org.threshold.hub.app.household;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads back the two time texts the hub writes, {@link Instant#toString} ({@code 2026-12-03T16:02:00.123Z}: a stored
 * household's {@code registered_at}, a consent's time) and {@link LocalDate#toString} ({@code 2026-12-03}: arrival
 * and birth dates), by hand: {@code Instant.parse} and {@code LocalDate.parse} go through a general formatter, a few
 * microseconds each, and a queue page reads hundreds of them. Anything else (a year past 9999, a leap second, an
 * impossible date) is left to the JDK's parser, so the answer, or the exception, is always the JDK's.
 */
public final class IsoTimes {
    private static final int DATE = 10;
    // yyyy-MM-ddTHH:mm:ssZ
    private static final int SECONDS = 20;

    private IsoTimes() {
    }

    /** As {@link Instant#parse}. */
    public static Instant instant(String text) {
        int length = text.length();
        if (length < SECONDS || text.charAt(length - 1) != 'Z' || text.charAt(DATE) != 'T') {
            return Instant.parse(text);
        }
        LocalDate day = exactDate(text);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int nanos = fraction(text, 19, length - 1);
        if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || nanos < 0 || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        // UTC days are 86,400 s in Instant's time scale.
        return Instant.ofEpochSecond(day.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** As {@link LocalDate#parse}. */
    public static LocalDate date(String text) {
        LocalDate day = text.length() == DATE ? exactDate(text) : null;
        return day != null ? day : LocalDate.parse(text);
    }

    /** {@code yyyy-MM-dd} at the start of {@code text}, if it is a real date in those digits; else null. */
    private static LocalDate exactDate(String text) {
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The ASCII digits from {@code from} to {@code to} as a number; -1 if any is not one. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Nanoseconds of {@code .f} (one to nine digits) from {@code from} to {@code to}, 0 if empty; -1 if malformed. */
    private static int fraction(String text, int from, int to) {
        if (from == to) {
            return 0;
        }
        int digits = to - from - 1;
        if (text.charAt(from) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int value = number(text, from + 1, to);
        for (int i = digits; i < 9 && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }
}
