package org.threshold.kiosk.registration;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.kiosk.localdata.NameTerms;

/**
 * What the kiosk's blind index holds for a household: the terms of every name (for search by name) and one
 * duplicate key per member and spelling (same name skeleton and birth year: a likely second registration).
 * Only ever stored as keyed HMACs.
 */
final class HouseholdIndex {
    private HouseholdIndex() {
    }

    static Set<String> terms(Household household) {
        Set<String> terms = new LinkedHashSet<>();
        for (Member member : household.members()) {
            for (String name : Arrays.asList(member.givenName(), member.familyName(), member.givenNameLatin(),
                    member.familyNameLatin())) {
                if (name != null) {
                    terms.addAll(NameTerms.forIndex(name));
                }
            }
        }
        terms.addAll(duplicateKeys(household));
        return terms;
    }

    /** A key for each member's name as written and as transliterated, with the birth year (or arrival year minus age). */
    static Set<String> duplicateKeys(Household household) {
        Set<String> keys = new LinkedHashSet<>();
        for (Member member : household.members()) {
            int birthYear = member.birthDate() != null ? member.birthDate().getYear()
                    : household.arrivalDate().getYear() - member.ageEstimate();
            NameTerms.duplicateKey(join(member.givenName(), member.familyName()), birthYear).ifPresent(keys::add);
            if (member.givenNameLatin() != null || member.familyNameLatin() != null) {
                NameTerms.duplicateKey(join(member.givenNameLatin(), member.familyNameLatin()), birthYear)
                        .ifPresent(keys::add);
            }
        }
        return keys;
    }

    private static String join(String given, String family) {
        return (given == null ? "" : given) + " " + (family == null ? "" : family);
    }
}
