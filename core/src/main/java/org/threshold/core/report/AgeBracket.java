package org.threshold.core.report;

import java.time.LocalDate;
import java.time.Period;
import org.threshold.core.registration.Member;

/** The age brackets of the reports' pyramid, as humanitarian reporting uses them; age is taken at arrival. */
public enum AgeBracket {
    AGE_0_4("0-4", 0, 4),
    AGE_5_11("5-11", 5, 11),
    AGE_12_17("12-17", 12, 17),
    AGE_18_59("18-59", 18, 59),
    AGE_60_PLUS("60+", 60, Integer.MAX_VALUE),
    UNKNOWN("unknown", -1, -1);

    private final String label;
    private final int from;
    private final int to;

    AgeBracket(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    /** {@code 0-4} ... {@code 60+}, {@code unknown}: the stored and published name. */
    public String label() {
        return label;
    }

    /** The bracket of {@code years}, UNKNOWN for null. */
    public static AgeBracket ofYears(Integer years) {
        if (years == null || years < 0) {
            return UNKNOWN;
        }
        for (AgeBracket bracket : values()) {
            if (years >= bracket.from && years <= bracket.to) {
                return bracket;
            }
        }
        return UNKNOWN;
    }

    /**
     * The member's bracket on {@code arrival}: from the date of birth (exact or estimated) if given, else the
     * estimated age, which the kiosk records as of arrival.
     */
    public static AgeBracket of(Member member, LocalDate arrival) {
        if (member.birthDate() != null) {
            return ofYears(Period.between(member.birthDate(), arrival).getYears());
        }
        return ofYears(member.ageEstimate());
    }

    public static AgeBracket ofLabel(String label) {
        for (AgeBracket bracket : values()) {
            if (bracket.label.equals(label)) {
                return bracket;
            }
        }
        throw new IllegalArgumentException("No age bracket " + label);
    }
}
