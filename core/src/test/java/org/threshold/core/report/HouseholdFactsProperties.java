package org.threshold.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.registration.Sex;

class HouseholdFactsProperties {

    @Property
    void decodingWhatWasEncodedGivesTheSameFacts(@ForAll("people") List<HouseholdFacts.Person> people) {
        HouseholdFacts facts = new HouseholdFacts("site-a", LocalDate.of(2026, 3, 1), people);

        assertThat(HouseholdFacts.decode("site-a", LocalDate.of(2026, 3, 1), facts.encode())).isEqualTo(facts);
    }

    @Property
    void everyPyramidColumnHasAnHxlHashtag(@ForAll Sex sex, @ForAll AgeBracket age) {
        assertThat(HxlTags.of(HxlTags.pyramidColumn(sex, age))).startsWith("#affected+ind+");
    }

    @Provide
    Arbitrary<List<HouseholdFacts.Person>> people() {
        Arbitrary<Set<String>> categories = Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).set().ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(Sex.class), Arbitraries.of(AgeBracket.class), categories)
                .as((sex, age, needs) -> new HouseholdFacts.Person(sex, age, new java.util.TreeSet<>(needs)))
                .list().ofMaxSize(12);
    }
}
