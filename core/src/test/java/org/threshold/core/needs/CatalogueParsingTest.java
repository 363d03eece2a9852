package org.threshold.core.needs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Catalogues the hub may send: what loads, and what is refused with a message naming the fault. */
class CatalogueParsingTest {

    private static final String CATEGORY = need("SC", "null");
    private static final String SUB_CODE = need("SC-UC", "\"SC\"");

    @Test
    void readsAWellFormedCatalogue() {
        NeedsCatalogue catalogue = parse(catalogue("\"2027.1\"", SUB_CODE, CATEGORY));

        assertThat(catalogue.version()).isEqualTo("2027.1");
        assertThat(catalogue.require("SC-UC"))
                .isEqualTo(new SpecificNeed("SC-UC", "SC", "Some need", true, false, false, false, Sensitivity.NONE, null));
    }

    @Test
    void ignoresFieldsAddedByLaterVersions() {
        String withTranslation = "{\"code\": \"SC\", \"parent\": null, \"label\": \"Some need\", \"label_ar\": \"x\","
                + " \"v4\": false, \"sensitive\": false, \"legacy\": false, \"unverified\": true}";

        assertThat(parse(catalogue("\"2027.1\"", withTranslation)).require("SC").unverified()).isTrue();
    }

    @Test
    void readsTheSensitivityClassAndItsReason() {
        String classified = "{\"code\": \"SV\", \"parent\": null, \"label\": \"SGBV\", \"v4\": true,"
                + " \"sensitive\": true, \"legacy\": false, \"sensitivity\": \"harm-suffered\", \"reason\": \"Why\"}";

        SpecificNeed need = parse(catalogue("\"1\"", classified)).require("SV");

        assertThat(need.sensitivity()).isEqualTo(Sensitivity.HARM_SUFFERED);
        assertThat(need.reason()).isEqualTo("Why");
    }

    // A catalogue from before the classification still loads; its sensitive codes get the most restrictive kind.
    @Test
    void readsACatalogueWithoutSensitivityClasses() {
        String sensitive = "{\"code\": \"SV\", \"parent\": null, \"label\": \"SGBV\", \"v4\": true,"
                + " \"sensitive\": true, \"legacy\": false}";

        NeedsCatalogue catalogue = parse(catalogue("\"1\"", CATEGORY, sensitive));

        assertThat(catalogue.require("SV").sensitivity()).isEqualTo(Sensitivity.UNCLASSIFIED);
        assertThat(catalogue.require("SV").sensitivity().protectionStaffOnly()).isTrue();
        assertThat(catalogue.require("SC").sensitivity()).isEqualTo(Sensitivity.NONE);
        assertThat(catalogue.require("SC").reason()).isNull();
    }

    @Test
    void rejectsASensitivityClassThatContradictsTheFlag() {
        String contradiction = "{\"code\": \"SV\", \"parent\": null, \"label\": \"SGBV\", \"v4\": true,"
                + " \"sensitive\": false, \"legacy\": false, \"sensitivity\": \"harm-suffered\"}";

        assertRejected(catalogue("\"1\"", contradiction)).hasMessage(
                "Specific-needs code \"SV\": \"sensitive\": false contradicts \"sensitivity\": \"harm-suffered\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "unclassified", "NONE"})
    void rejectsAnUnknownSensitivityClass(String kind) {
        String unknown = "{\"code\": \"SV\", \"parent\": null, \"label\": \"SGBV\", \"v4\": true,"
                + " \"sensitive\": true, \"legacy\": false, \"sensitivity\": \"" + kind + "\"}";

        assertRejected(catalogue("\"1\"", unknown)).hasMessageStartingWith(
                "Specific-needs code \"SV\": field \"sensitivity\" must be one of none,");
    }

    @Test
    void rejectsADuplicateCode() {
        assertRejected(catalogue("\"1\"", CATEGORY, SUB_CODE, SUB_CODE))
                .hasMessage("Specific-needs code \"SC-UC\" appears more than once in the catalogue.");
    }

    @Test
    void rejectsAParentThatIsNotInTheCatalogue() {
        assertRejected(catalogue("\"1\"", CATEGORY, need("ZZ-AA", "\"ZZ\"")))
                .hasMessage("Specific-needs code \"ZZ-AA\" names parent \"ZZ\", which is not in the catalogue.");
    }

    @Test
    void rejectsASubCodeFiledUnderAnotherCategory() {
        assertRejected(catalogue("\"1\"", CATEGORY, need("CR", "null"), need("SC-UC", "\"CR\"")))
                .hasMessage("Specific-needs code \"SC-UC\" must have parent \"SC\", not \"CR\".");
    }

    @Test
    void rejectsACategoryWithAParent() {
        assertRejected(catalogue("\"1\"", CATEGORY, need("CR", "\"SC\"")))
                .hasMessage("Specific-needs code \"CR\" is a category and cannot have parent \"SC\".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sc-uc", "SCUC", "SC-", "SC-UCXY", "S", "", "UAM", "SC-U1"})
    void rejectsAMalformedCode(String code) {
        assertRejected(catalogue("\"1\"", CATEGORY, need(code, "\"SC\"")))
                .hasMessageStartingWith("Specific-needs code \"" + code + "\" is malformed");
    }

    @Test
    void rejectsAnEmptyLabel() {
        String blankLabel = "{\"code\": \"SC\", \"parent\": null, \"label\": \" \","
                + " \"v4\": true, \"sensitive\": false, \"legacy\": false}";

        assertRejected(catalogue("\"1\"", blankLabel))
                .hasMessage("Specific-needs code \"SC\" has an empty label.");
    }

    @Test
    void rejectsAnEntryThatDoesNotSayWhetherItIsSensitive() {
        String noSensitivity = "{\"code\": \"SV\", \"parent\": null, \"label\": \"SGBV\", \"v4\": true, \"legacy\": false}";

        assertRejected(catalogue("\"1\"", noSensitivity))
                .hasMessage("Specific-needs code \"SV\": field \"sensitive\" must be true or false.");
    }

    @Test
    void rejectsAFlagThatIsNotABoolean() {
        String textFlag = "{\"code\": \"SC\", \"parent\": null, \"label\": \"Some need\","
                + " \"v4\": \"yes\", \"sensitive\": false, \"legacy\": false}";

        assertRejected(catalogue("\"1\"", textFlag))
                .hasMessage("Specific-needs code \"SC\": field \"v4\" must be true or false.");
    }

    @Test
    void rejectsAnEntryWithoutACode() {
        assertRejected(catalogue("\"1\"", CATEGORY, "{\"label\": \"Some need\"}"))
                .hasMessage("Specific-needs catalogue entry #2: field \"code\" must be a string.");
    }

    @Test
    void rejectsAFieldGivenTwiceSoSensitivityCannotBeOverridden() {
        String twice = "{\"code\": \"SV\", \"parent\": null, \"label\": \"SGBV\", \"v4\": true,"
                + " \"sensitive\": true, \"legacy\": false, \"sensitive\": false}";

        assertRejected(catalogue("\"1\"", twice)).hasMessageContaining("Duplicate field 'sensitive'");
    }

    @Test
    void rejectsADocumentThatIsNotASpecificNeedsCatalogue() {
        assertRejected("{\"catalogue\": \"languages\", \"version\": \"1\", \"codes\": [" + CATEGORY + "]}")
                .hasMessage("Not a specific-needs catalogue: field \"catalogue\" is \"languages\", "
                        + "expected \"unhcr-specific-needs\".");
        assertRejected("[]").hasMessageStartingWith("Specific-needs catalogue must be a JSON object");
        assertRejected("{\"catalogue\": ").hasMessageStartingWith("Specific-needs catalogue is not readable JSON");
    }

    @Test
    void rejectsACatalogueWithoutVersionOrCodes() {
        assertRejected(catalogue("null", CATEGORY))
                .hasMessage("Specific-needs catalogue: field \"version\" must be a string.");
        assertRejected(catalogue("\"1\""))
                .hasMessage("Specific-needs catalogue 1: field \"codes\" must be a non-empty array.");
    }

    private static String need(String code, String parentJson) {
        return "{\"code\": \"" + code + "\", \"parent\": " + parentJson + ", \"label\": \"Some need\","
                + " \"v4\": true, \"sensitive\": false, \"legacy\": false}";
    }

    private static String catalogue(String versionJson, String... entries) {
        return "{\"catalogue\": \"unhcr-specific-needs\", \"version\": " + versionJson + ", \"source\": \"test\","
                + " \"codes\": [" + String.join(", ", entries) + "]}";
    }

    private static NeedsCatalogue parse(String json) {
        return NeedsCatalogue.parse(new ByteArrayInputStream(json.getBytes(UTF_8)));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String json) {
        return assertThatThrownBy(() -> parse(json)).isInstanceOf(CatalogueException.class);
    }
}
