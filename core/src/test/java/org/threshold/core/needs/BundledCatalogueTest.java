package org.threshold.core.needs;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled catalogue against the domain reference, section 1 (Specific Needs Codes). */
class BundledCatalogueTest {

    private final NeedsCatalogue catalogue = NeedsCatalogue.bundled();

    @Test
    void holdsEveryReferenceCodeExactlyOnce() {
        // The reference's code table has 113 rows, the proGres v3 workbook count; it already lists each of the
        // 12 categories as a "(general)" row. The 8 unconfirmed Washington Group disability codes come on top.
        assertThat(codesOf(catalogue.all())).hasSize(113 + 8).doesNotHaveDuplicates();
    }

    @Test
    void holdsEachCategoryWithAllItsSubCodes() {
        Map<String, Long> perCategory = catalogue.all().stream()
                .collect(groupingBy(need -> need.code().substring(0, 2), counting()));

        assertThat(perCategory).containsOnly(
                entry("CR", 13L), entry("SC", 9L), entry("WR", 9L), entry("ER", 7L),
                entry("SP", 4L), entry("DS", 8L + 8L), entry("SM", 8L), entry("FU", 3L),
                entry("TR", 4L), entry("SV", 9L), entry("LP", 36L), entry("PG", 3L));
    }

    @Test
    void reportsItsVersion() {
        assertThat(catalogue.version()).isEqualTo("2026.2");
    }

    @Test
    void categoriesHaveNoParentAndEverySubCodeHasOneInTheCatalogue() {
        assertThat(codesOf(catalogue.all().stream().filter(need -> need.parent() == null).toList()))
                .containsExactly("CR", "SC", "WR", "ER", "SP", "DS", "SM", "FU", "TR", "SV", "LP", "PG");
        assertThat(catalogue.all())
                .filteredOn(need -> need.parent() != null)
                .allSatisfy(need -> assertThat(catalogue.find(need.parent())).isPresent());
    }

    @Test
    void hasCodesForUnaccompaniedAndSeparatedChildren() {
        assertThat(catalogue.require("SC-UC")).extracting(SpecificNeed::parent, SpecificNeed::label, SpecificNeed::v4,
                SpecificNeed::sensitive).containsExactly("SC", "Unaccompanied child", true, false);
        assertThat(catalogue.require("SC-SC")).extracting(SpecificNeed::parent, SpecificNeed::label, SpecificNeed::v4,
                SpecificNeed::sensitive).containsExactly("SC", "Separated child", true, false);
    }

    // Beyond the reference's list, the legacy codes that record torture or SGBV survivors say the same thing as
    // the TR and SV codes they predate, and LP-TR/LP-TD duplicate LP-RR/LP-RD.
    @Test
    void classifiesWhatHappenedToThePerson() {
        assertThat(codesOf(catalogue.all(), need -> need.sensitivity() == Sensitivity.HARM_SUFFERED))
                .containsExactlyInAnyOrder(
                        "TR", "TR-HO", "TR-PI", "TR-WV",
                        "SV", "SV-FM", "SV-GM", "SV-HK", "SV-HP", "SV-SS", "SV-VA", "SV-VF", "SV-VO",
                        "LP-TA", "LP-TO", "LP-VA", "LP-VF", "LP-VO");
    }

    // The reference's list, plus three codes of the same nature that it omits (WR-WF, LP-RP, CR-CL): each of
    // those carries "review" in its reason.
    @Test
    void classifiesWhatEndangersThePersonIfTheWrongEyesSeeIt() {
        assertThat(codesOf(catalogue.all(), need -> need.sensitivity() == Sensitivity.ENDANGERS))
                .containsExactlyInAnyOrder(
                        "LP-IH", "LP-RR", "LP-TR", "LP-RD", "LP-TD",
                        "LP-DA", "LP-DN", "LP-DO", "LP-DP", "LP-DT",
                        "LP-AF", "CR-AF", "SM-MI", "SM-AD", "WR-GM",
                        "WR-WF", "LP-RP", "CR-CL");
        assertThat(catalogue.all()).filteredOn(need -> List.of("WR-WF", "LP-RP", "CR-CL").contains(need.code()))
                .allSatisfy(need -> assertThat(need.reason()).contains("review"));
    }

    @Test
    void classifiesThePersonAsARiskToOthers() {
        assertThat(codesOf(catalogue.all(), need -> need.sensitivity() == Sensitivity.RISK_TO_OTHERS))
                .containsExactlyInAnyOrder("LP-AP", "LP-VP", "LP-ST", "LP-CR");
    }

    @Test
    void givesEveryCodeAClassificationAndAReason() {
        assertThat(catalogue.all()).allSatisfy(need -> {
            assertThat(need.sensitivity()).isNotEqualTo(Sensitivity.UNCLASSIFIED);
            assertThat(need.reason()).isNotBlank();
            assertThat(need.sensitive()).isEqualTo(need.sensitivity() != Sensitivity.NONE);
        });
    }

    // FU-TR (tracing) ends in TR but is not a torture code.
    @ParameterizedTest
    @ValueSource(strings = {"SC-UC", "WR-SF", "FU-TR", "SM-CC", "DS-PS"})
    void codesOutsideTheSensitiveFamiliesMayBeShared(String code) {
        assertThat(catalogue.isSensitive(code)).isFalse();
    }

    @Test
    void marksTheLegacyCodes() {
        assertThat(codesOf(catalogue.all(), SpecificNeed::legacy)).containsExactlyInAnyOrder(
                "SC-UF", "SC-UM", "LP-FR", "LP-TA", "LP-TC", "LP-TO", "LP-TR", "LP-VA", "LP-VF", "LP-VO");
    }

    @Test
    void marksTheUnconfirmedCodesAndDoesNotOfferThemForDataEntry() {
        List<SpecificNeed> unverified = catalogue.all().stream().filter(SpecificNeed::unverified).toList();

        assertThat(codesOf(unverified)).containsExactlyInAnyOrder(
                "PG", "PG-HR", "PG-LC",
                "DS-LBM", "DS-UBM", "DS-V", "DS-H", "DS-C", "DS-EB", "DS-RC", "DS-SC");
        assertThat(catalogue.forDataEntry()).doesNotContainAnyElementsOf(unverified);
    }

    @Test
    void offersOnlyTheV4CodesForDataEntryInCatalogueOrder() {
        List<SpecificNeed> offered = catalogue.forDataEntry();

        assertThat(offered).hasSize(72).allMatch(SpecificNeed::v4);
        assertThat(codesOf(offered)).contains("CR", "SC-UC", "SC-SC").doesNotContain("SC", "SC-UM", "SC-UF");
        assertThat(catalogue.all()).containsSubsequence(offered);
    }

    @Test
    void isReadOnceAndShared() {
        assertThat(NeedsCatalogue.bundled()).isSameAs(catalogue);
    }

    private static List<String> codesOf(List<SpecificNeed> needs) {
        return codesOf(needs, need -> true);
    }

    private static List<String> codesOf(List<SpecificNeed> needs, Predicate<SpecificNeed> which) {
        return needs.stream().filter(which).map(SpecificNeed::code).toList();
    }
}
