package org.threshold.core.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;

/**
 * What a blind index holds for a household: the terms of every name (for search by name) and one duplicate key per
 * member and spelling (same name skeleton and birth year: a likely second registration); the hub adds each member's
 * birth terms (search by date of birth or age). Kiosk and hub use the same terms. Only ever stored as keyed HMACs.
 */
public final class HouseholdIndex {
    private HouseholdIndex() {
    }

    public static Set<String> terms(Household household) {
        return terms(household, new LatinNames());
    }

    /** A household's {@link #terms} and its {@link #duplicateKeys(Household, int)}, made together. */
    public record TermsAndKeys(Set<String> terms, Set<String> duplicateKeys) {
    }

    /**
     * {@link #terms} and {@link #duplicateKeys(Household, int)} with {@code slack} at once, each name transliterated
     * once for both (the hub indexes a household and looks for its duplicates as it projects it).
     */
    public static TermsAndKeys termsAndDuplicateKeys(Household household, int slack) {
        LatinNames latin = new LatinNames();
        return new TermsAndKeys(terms(household, latin), duplicateKeys(household, slack, latin));
    }

    private static Set<String> terms(Household household, LatinNames latin) {
        Set<String> terms = new LinkedHashSet<>();
        for (Member member : household.members()) {
            for (String name : Arrays.asList(member.givenName(), member.familyName(), member.givenNameLatin(),
                    member.familyNameLatin())) {
                if (name != null) {
                    terms.addAll(NameTerms.forIndex(latin.of(name)));
                }
            }
        }
        terms.addAll(duplicateKeys(household, 0, latin));
        return terms;
    }

    /** A key for each member's name as written and as transliterated, with the birth year (or arrival year minus age). */
    public static Set<String> duplicateKeys(Household household) {
        return duplicateKeys(household, 0);
    }

    /**
     * The {@link #duplicateKeys} with every birth year from {@code slack} years before to {@code slack} after: what a
     * household is looked for by, since an estimated age can be a year out.
     */
    public static Set<String> duplicateKeys(Household household, int slack) {
        return duplicateKeys(household, slack, new LatinNames());
    }

    private static Set<String> duplicateKeys(Household household, int slack, LatinNames latin) {
        Set<String> keys = new LinkedHashSet<>();
        for (Member member : household.members()) {
            List<String> written = latin.of(join(member.givenName(), member.familyName()));
            List<String> spelled = member.givenNameLatin() != null || member.familyNameLatin() != null
                    ? latin.of(join(member.givenNameLatin(), member.familyNameLatin())) : null;
            for (int year = birthYear(household, member) - slack; year <= birthYear(household, member) + slack; year++) {
                NameTerms.duplicateKey(written, year).ifPresent(keys::add);
                if (spelled != null) {
                    NameTerms.duplicateKey(spelled, year).ifPresent(keys::add);
                }
            }
        }
        return keys;
    }

    /**
     * Each distinct name transliterated once ({@link NameTerms#latinWords}, the costly step): a household repeats its
     * family name, and the duplicate keys repeat every name once per year of slack. Lives for one call only, so no
     * name outlives the household being indexed.
     */
    private static final class LatinNames {
        private final Map<String, List<String>> words = new HashMap<>();

        List<String> of(String name) {
            return words.computeIfAbsent(name, NameTerms::latinWords);
        }
    }

    /**
     * Each member's {@link #birthDate} term if the date is known, and {@link #birthYear} term (the year itself, or the
     * arrival year minus the estimated age), so a search by age finds the estimated ones too.
     */
    public static Set<String> birthTerms(Household household) {
        Set<String> terms = new LinkedHashSet<>();
        for (Member member : household.members()) {
            if (member.birthDate() != null) {
                terms.add(birthDate(member.birthDate()));
            }
            terms.add(birthYear(birthYear(household, member)));
        }
        return terms;
    }

    /** The term of a date of birth. */
    public static String birthDate(LocalDate date) {
        return "b:" + date;
    }

    /** The term of a year of birth. */
    public static String birthYear(int year) {
        return "y:" + year;
    }

    /** The member's year of birth: from the date of birth if known, else the arrival year minus the estimated age. */
    public static int birthYear(Household household, Member member) {
        return member.birthDate() != null ? member.birthDate().getYear()
                : household.arrivalDate().getYear() - member.ageEstimate();
    }

    private static String join(String given, String family) {
        return (given == null ? "" : given) + " " + (family == null ? "" : family);
    }
}
