package org.threshold.core.search;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Sex;

/**
 * Whether two registrations are likely the same household: the best-matching pair of their members, scored 0 to 100
 * on the consonant skeletons of their names in any script ({@link NameTerms}), their dates or years of birth and their
 * sex. A pair scores nothing without a shared name; a known date, year or sex that differs counts against it. At
 * {@link #THRESHOLD} or more the pair goes to a supervisor, who decides: the rule only sorts what a person looks at.
 * The weights follow the usual probabilistic-linkage habit of giving a full name and a birth date most of the weight
 * (a name is not enough: many people share one; a date is not enough: many are born on 1 January). Pure and
 * thread-safe.
 */
public final class DuplicateRule {
    /** The score from which a pair is a potential duplicate. */
    public static final int THRESHOLD = 70;
    /** How many years an estimated birth year may be out and still meet: the slack of {@link #blockingKeys}. */
    public static final int YEAR_SLACK = 1;

    private static final int TWO_NAMES = 50;
    private static final int ONE_NAME = 25;
    private static final int SAME_DATE = 30;
    private static final int SAME_YEAR = 20;
    private static final int NEXT_YEAR = 10;
    private static final int OTHER_BIRTH = -20;
    private static final int SAME_SEX = 10;
    private static final int OTHER_SEX = -30;
    // A one-letter skeleton ("al" gives "l") matches far too many names to count.
    private static final int MIN_SKELETON = 2;

    private DuplicateRule() {
    }

    /** What made two members meet; codes, shown to the supervisor beside the score. */
    public enum Reason { NAME, BIRTH_DATE, BIRTH_YEAR, SEX }

    /** A score from 0 to 100 and what earned it. */
    public record Match(int score, Set<Reason> reasons) {
        public Match {
            reasons = Set.copyOf(reasons);
        }

        public boolean likely() {
            return score >= THRESHOLD;
        }
    }

    /** The best score of any member of {@code a} against any member of {@code b}. */
    public static Match score(Household a, Household b) {
        Match best = new Match(0, Set.of());
        for (Member left : a.members()) {
            for (Member right : b.members()) {
                Match match = score(a, left, b, right);
                if (match.score() > best.score()) {
                    best = match;
                }
            }
        }
        return best;
    }

    /**
     * The keys to look {@code household}'s potential duplicates up by: each member's {@link HouseholdIndex} duplicate
     * key with the birth year up to {@link #YEAR_SLACK} either way. The index holds each household's keys for its
     * own years, so a pair meets if a name matches whole and the years are at most that far apart.
     */
    public static Set<String> blockingKeys(Household household) {
        return HouseholdIndex.duplicateKeys(household, YEAR_SLACK);
    }

    private static Match score(Household a, Member left, Household b, Member right) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        Set<String> shared = skeletons(left);
        shared.retainAll(skeletons(right));
        if (shared.isEmpty()) {
            return new Match(0, reasons);
        }
        reasons.add(Reason.NAME);
        int score = shared.size() >= 2 ? TWO_NAMES : ONE_NAME;
        score += birth(a, left, b, right, reasons);
        score += sex(left.sex(), right.sex(), reasons);
        return new Match(Math.max(0, Math.min(100, score)), reasons);
    }

    private static int birth(Household a, Member left, Household b, Member right, Set<Reason> reasons) {
        if (exactDate(left) && exactDate(right)) {
            if (left.birthDate().equals(right.birthDate())) {
                reasons.add(Reason.BIRTH_DATE);
                return SAME_DATE;
            }
            return OTHER_BIRTH;
        }
        int apart = Math.abs(HouseholdIndex.birthYear(a, left) - HouseholdIndex.birthYear(b, right));
        if (apart > YEAR_SLACK) {
            return OTHER_BIRTH;
        }
        reasons.add(Reason.BIRTH_YEAR);
        return apart == 0 ? SAME_YEAR : NEXT_YEAR;
    }

    private static int sex(Sex left, Sex right, Set<Reason> reasons) {
        boolean known = (left == Sex.M || left == Sex.F) && (right == Sex.M || right == Sex.F);
        if (!known) {
            return 0;
        }
        if (left == right) {
            reasons.add(Reason.SEX);
            return SAME_SEX;
        }
        return OTHER_SEX;
    }

    private static boolean exactDate(Member member) {
        return member.birthDate() != null && !member.birthDateEstimated();
    }

    /** The consonant skeletons of every name the member has, as written and transliterated. */
    private static Set<String> skeletons(Member member) {
        Set<String> skeletons = new HashSet<>();
        for (String name : new String[] {member.givenName(), member.familyName(), member.givenNameLatin(),
                member.familyNameLatin()}) {
            if (name == null) {
                continue;
            }
            for (String term : NameTerms.forIndex(name)) {
                if (term.startsWith("s:") && term.length() - 2 >= MIN_SKELETON) {
                    skeletons.add(term);
                }
            }
        }
        return skeletons;
    }
}
