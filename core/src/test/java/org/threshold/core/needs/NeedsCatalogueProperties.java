package org.threshold.core.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NeedsCatalogueProperties {

    private final NeedsCatalogue catalogue = NeedsCatalogue.bundled();
    private final Set<String> codes = catalogue.all().stream().map(SpecificNeed::code).collect(Collectors.toSet());

    @Property
    void anythingOutsideTheCatalogueIsUnknown(@ForAll("notInCatalogue") String candidate) {
        assertThat(catalogue.find(candidate)).isEmpty();
        assertThatThrownBy(() -> catalogue.require(candidate)).isInstanceOf(UnknownNeedCodeException.class);
    }

    // Random text alone would almost never come near a real code, so near-misses of real codes are mixed in.
    @Provide
    Arbitrary<String> notInCatalogue() {
        Arbitrary<String> known = Arbitraries.of(codes);
        return Arbitraries.oneOf(
                        Arbitraries.strings(),
                        Arbitraries.strings().withCharRange('A', 'Z').withChars('-').ofMaxLength(6),
                        known.map(code -> code.toLowerCase(Locale.ROOT)),
                        known.map(code -> " " + code),
                        known.map(code -> code + "X"),
                        known.map(code -> code.substring(0, code.length() - 1)))
                .filter(candidate -> !codes.contains(candidate));
    }
}
