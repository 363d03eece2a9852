package org.threshold.core.registration;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-3 codes as the JDK knows them, plus the answers "stateless" and "unknown". */
public final class Countries {
    public static final String STATELESS = "STATELESS";
    public static final String UNKNOWN = "UNKNOWN";
    private static final Set<String> ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    private Countries() {
    }

    public static boolean isCountry(String code) {
        return ALPHA3.contains(code);
    }

    public static boolean isNationality(String code) {
        return isCountry(code) || STATELESS.equals(code) || UNKNOWN.equals(code);
    }
}
