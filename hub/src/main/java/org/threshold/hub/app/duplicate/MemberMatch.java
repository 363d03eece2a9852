package org.threshold.hub.app.duplicate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;

/**
 * Carries a referral's people from the household it was made for to the one it is merged into: a referral names its
 * people by their place in its household's member list, and the survivor lists its members in its own order. A
 * person is carried only to the one survivor member who is reliably the same person: same sex, same date of birth (or,
 * neither having one, the same estimated age), and the same given and family names as written or in Latin letters
 * (case, spacing and Unicode form aside). Pure.
 */
final class MemberMatch {
    private final Household from;
    private final Household to;

    MemberMatch(Household from, Household to) {
        this.from = from;
        this.to = to;
    }

    /**
     * The referral's people as places in the survivor's list, their needs as they were; empty unless each of them is
     * exactly one survivor member and no two are the same one.
     */
    Optional<List<ReferredPerson>> carry(List<ReferredPerson> people) {
        Set<Integer> taken = new HashSet<>();
        List<ReferredPerson> carried = new ArrayList<>();
        for (ReferredPerson person : people) {
            if (person.member() < 0 || person.member() >= from.members().size()) {
                return Optional.empty();
            }
            Member member = from.members().get(person.member());
            List<Integer> same = IntStream.range(0, to.members().size())
                    .filter(place -> samePerson(member, to.members().get(place))).boxed().toList();
            if (same.size() != 1 || !taken.add(same.get(0))) {
                return Optional.empty();
            }
            carried.add(new ReferredPerson(same.get(0), person.needs()));
        }
        return Optional.of(carried);
    }

    static boolean samePerson(Member a, Member b) {
        boolean born = a.birthDate() != null || b.birthDate() != null
                ? Objects.equals(a.birthDate(), b.birthDate()) : Objects.equals(a.ageEstimate(), b.ageEstimate());
        return a.sex() == b.sex() && born
                && agree(names(a.givenName(), a.givenNameLatin()), names(b.givenName(), b.givenNameLatin()))
                && agree(names(a.familyName(), a.familyNameLatin()), names(b.familyName(), b.familyNameLatin()));
    }

    /** The same name in one of its forms, or (a family name) none on either side. */
    private static boolean agree(Set<String> a, Set<String> b) {
        return a.isEmpty() && b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private static Set<String> names(String written, String latin) {
        Set<String> names = new HashSet<>();
        Stream.of(written, latin).filter(Objects::nonNull)
                .map(name -> Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                        .toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }
}
