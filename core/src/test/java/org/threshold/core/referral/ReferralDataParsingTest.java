package org.threshold.core.referral;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.referral.ReferralData.DataFile;

/** Data files the hub may be given: what loads, and what stops it at start, naming the file and the line. */
class ReferralDataParsingTest {

    private static final String SERVICES = """
            {"kind": "threshold-services", "version": "t1", "services": [
              {"id": "health", "label": "Health", "protection": false, "personalConsentOnly": false},
              {"id": "gbv", "label": "GBV", "protection": true, "personalConsentOnly": true}
            ]}
            """;
    private static final String RULES = """
            {"kind": "threshold-referral-rules", "version": "t1", "rules": [
              {"codes": ["SM-CC"], "service": "health", "urgency": "emergency", "withoutConsent": "vital-interests"},
              {"codes": ["SM-*"], "except": ["SM-MI", "SM-AD"], "service": "health", "urgency": "priority"},
              {"codes": ["SV-*"], "service": "gbv", "urgency": "urgent"}
            ]}
            """;
    private static final String PROFILES = """
            {"kind": "threshold-field-profiles", "version": "t1", "profiles": [
              {"service": "health", "people": "referred", "personFields": ["givenName", "sex"],
               "householdFields": ["phone"], "needs": ["SM-*"], "except": ["SM-MI", "SM-AD"]},
              {"service": "gbv", "people": "referred", "personFields": ["givenName"], "needs": ["SV-*"]}
            ]}
            """;

    @Test
    void loadsConsistentFiles() {
        ReferralData data = load(SERVICES, RULES, PROFILES);

        assertThat(data.rules().routes("SM-CC"))
                .containsExactly(new Route("health", Urgency.EMERGENCY, LegalBasis.VITAL_INTERESTS));
        assertThat(data.rules().routes("SM-CI")).containsExactly(new Route("health", Urgency.PRIORITY, null));
        assertThat(data.rules().routes("SM-MI")).isEmpty();
        assertThat(data.profiles().of("health").personFields())
                .containsExactlyInAnyOrder(PersonField.GIVEN_NAME, PersonField.SEX);
        assertThat(data.profiles().of("gbv").householdFields()).isEmpty();
    }

    @Test
    void rejectsAnUnknownServiceInTheRules() {
        assertRejected(SERVICES, RULES.replace("\"service\": \"gbv\"", "\"service\": \"gvb\""), PROFILES)
                .hasMessage("rules.json line 4: unknown service \"gvb\"; the services file (version t1) lists "
                        + "health, gbv.");
    }

    @Test
    void rejectsAnUnknownCodeInTheRulesOnItsOwnLine() {
        String rules = RULES.replace("[\"SV-*\"]", "[\"SV-*\",\n \"SV-XX\"]");

        ReferralDataException error = (ReferralDataException) catchRejection(SERVICES, rules, PROFILES);

        assertThat(error.file()).isEqualTo("rules.json");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error).hasMessageStartingWith("rules.json line 5: unknown specific-needs code \"SV-XX\"");
    }

    @Test
    void rejectsAnUnknownCategoryPattern() {
        assertRejected(SERVICES, RULES.replace("SV-*", "XX-*"), PROFILES)
                .hasMessageStartingWith("rules.json line 4: \"XX-*\" names no category");
    }

    @Test
    void rejectsAnUnknownServiceOrCodeInTheProfiles() {
        assertRejected(SERVICES, RULES, PROFILES.replace("\"service\": \"gbv\"", "\"service\": \"legal\""))
                .hasMessageStartingWith("profiles.json line 4: unknown service \"legal\"");
        assertRejected(SERVICES, RULES, PROFILES.replace("[\"SM-*\"]", "[\"SM-*\", \"SM-ZZ\"]"))
                .hasMessageStartingWith("profiles.json line 3: unknown specific-needs code \"SM-ZZ\"");
    }

    @Test
    void rejectsAnUnknownUrgencyOrBasis() {
        assertRejected(SERVICES, RULES.replace("\"urgent\"", "\"asap\""), PROFILES)
                .hasMessageStartingWith("rules.json line 4: unknown urgency \"asap\"");
        assertRejected(SERVICES, RULES.replace("\"vital-interests\"", "\"consent\""), PROFILES)
                .hasMessageStartingWith("rules.json line 2: \"withoutConsent\" must be best-interests or vital-interests");
    }

    @Test
    void refusesAnyBasisOtherThanConsentForAPersonalConsentOnlyService() {
        String rules = RULES.replace("\"service\": \"gbv\", \"urgency\": \"urgent\"",
                "\"service\": \"gbv\", \"urgency\": \"urgent\", \"withoutConsent\": \"vital-interests\"");

        assertRejected(SERVICES, rules, PROFILES).hasMessage("rules.json line 4: service gbv receives nothing "
                + "without the person's own consent; remove \"withoutConsent\".");
    }

    @Test
    void refusesToRouteAProtectionStaffOnlyCode() {
        String rules = RULES.replace("[\"SV-*\"]", "[\"SV-*\", \"LP-AP\"]");

        assertRejected(SERVICES, rules, PROFILES).hasMessageStartingWith(
                "rules.json line 4: LP-AP is for protection staff only (risk-to-others) and routes to no service");
    }

    @Test
    void rejectsTwoEquallySpecificRulesForOneCodeAndService() {
        String rules = RULES.replace("[\"SM-CC\"]", "[\"SM-CC\", \"SM-CI\"]")
                .replace("\"urgency\": \"urgent\"}", "\"urgency\": \"urgent\"},\n"
                        + "  {\"codes\": [\"SM-CI\"], \"service\": \"health\", \"urgency\": \"normal\"}");

        assertRejected(SERVICES, rules, PROFILES).hasMessage(
                "rules.json line 5: SM-CI is already routed to health by an equally specific rule (rules.json line 2).");
    }

    @Test
    void rejectsACodeListedTwiceInOneRule() {
        assertRejected(SERVICES, RULES.replace("[\"SM-CC\"]", "[\"SM-CC\", \"SM-CC\"]"), PROFILES)
                .hasMessage("rules.json line 2: SM-CC is listed twice in \"codes\".");
    }

    @Test
    void rejectsAnExceptThatNoPatternCovers() {
        assertRejected(SERVICES, RULES.replace("\"except\": [\"SM-MI\", \"SM-AD\"]",
                "\"except\": [\"SM-MI\", \"SM-AD\", \"SV-VA\"]"), PROFILES)
                .hasMessageStartingWith("rules.json line 3: \"except\": \"SV-VA\" is not matched by a category pattern");
    }

    @Test
    void requiresEachServiceToSeeTheCodesRoutedToIt() {
        assertRejected(SERVICES, RULES, PROFILES.replace("\"needs\": [\"SV-*\"]", "\"needs\": [\"SV-VA\"]"))
                .hasMessageStartingWith("profiles.json line 4: the rules route SV to gbv");
    }

    @Test
    void refusesToShowASensitiveCodeToAServiceThatDoesNotHandleIt() {
        String profiles = PROFILES.replace("\"needs\": [\"SM-*\"], \"except\": [\"SM-MI\", \"SM-AD\"]",
                "\"needs\": [\"SM-*\", \"SV-VF\"], \"except\": [\"SM-MI\", \"SM-AD\"]");

        assertRejected(SERVICES, RULES, profiles).hasMessageStartingWith("profiles.json line 3: SV-VF is sensitive "
                + "and the rules do not route it to health, so health must not see it");
    }

    @Test
    void requiresAProfileForEveryService() {
        String profiles = PROFILES.replace(",\n  {\"service\": \"gbv\", \"people\": \"referred\", "
                + "\"personFields\": [\"givenName\"], \"needs\": [\"SV-*\"]}", "");

        assertRejected(SERVICES, RULES.replace(",\n  {\"codes\": [\"SV-*\"], \"service\": \"gbv\", "
                + "\"urgency\": \"urgent\"}", ""), profiles)
                .hasMessage("profiles.json line 1: service gbv has no profile; every service needs one.");
    }

    @Test
    void rejectsUnknownFieldsAndScopes() {
        assertRejected(SERVICES, RULES, PROFILES.replace("\"phone\"", "\"email\""))
                .hasMessage("profiles.json line 3: unknown field \"email\" in \"householdFields\".");
        assertRejected(SERVICES, RULES, PROFILES.replace("\"people\": \"referred\", \"personFields\": [\"givenName\"]",
                "\"people\": \"everyone\", \"personFields\": [\"givenName\"]"))
                .hasMessage("profiles.json line 4: \"people\" must be referred or household, not \"everyone\".");
    }

    @Test
    void rejectsMalformedServices() {
        assertRejected(SERVICES.replace("\"id\": \"gbv\"", "\"id\": \"health\""), RULES, PROFILES)
                .hasMessage("services.json line 3: service \"health\" is listed twice.");
        assertRejected(SERVICES.replace("\"id\": \"gbv\"", "\"id\": \"GBV\""), RULES, PROFILES)
                .hasMessageStartingWith("services.json line 3: service id \"GBV\" must be lower-case");
        assertRejected(SERVICES.replace("\"protection\": true, ", ""), RULES, PROFILES)
                .hasMessage("services.json line 3: field \"protection\" must be true or false.");
    }

    @Test
    void rejectsAnUnknownFieldInEachFileRatherThanIgnoringIt() {
        assertRejected(SERVICES.replace("\"personalConsentOnly\": true}", "\"personalConsentOnly\": true, \"consentOnly\": false}"),
                RULES, PROFILES).hasMessage("services.json line 3: unknown field \"consentOnly\"; expected id, label, "
                + "personalConsentOnly, protection.");
        // A misspelt "except" would route SM-MI and SM-AD to health after all.
        assertRejected(SERVICES, RULES.replace("\"except\"", "\"excpt\""), PROFILES).hasMessage("rules.json line 3: "
                + "unknown field \"excpt\"; expected codes, except, service, urgency, withoutConsent.");
        assertRejected(SERVICES, RULES, PROFILES.replace("\"except\"", "\"exept\"")).hasMessage("profiles.json line 3: "
                + "unknown field \"exept\"; expected except, householdFields, needs, people, personFields, service.");
        assertRejected(SERVICES, RULES.replace("\"rules\": [", "\"notRoutd\": [], \"rules\": ["), PROFILES)
                .hasMessageStartingWith("rules.json line 1: unknown field \"notRoutd\"");
    }

    @Test
    void rejectsAFileOfAnotherKindOrNotJson() {
        assertRejected(RULES, RULES, PROFILES).hasMessage(
                "services.json line 1: \"kind\" is \"threshold-referral-rules\", expected \"threshold-services\".");
        assertRejected(SERVICES, "{\"kind\": \n\"threshold-referral-rules\",", PROFILES)
                .hasMessageStartingWith("rules.json line 2: not readable JSON");
        assertRejected(SERVICES, RULES.replace("\"urgency\": \"urgent\"", "\"urgency\": \"urgent\", \"urgency\": \"normal\""),
                PROFILES).hasMessage("rules.json line 4: field \"urgency\" is given twice.");
    }

    private static ReferralData load(String services, String rules, String profiles) {
        return ReferralData.load(NeedsCatalogue.bundled(), file("services.json", services), file("rules.json", rules),
                file("profiles.json", profiles));
    }

    private static DataFile file(String name, String content) {
        return new DataFile(name, new ByteArrayInputStream(content.getBytes(UTF_8)));
    }

    private static Throwable catchRejection(String services, String rules, String profiles) {
        try {
            load(services, rules, profiles);
        } catch (ReferralDataException e) {
            return e;
        }
        throw new AssertionError("expected the data to be rejected");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String services, String rules,
                                                                                 String profiles) {
        return assertThatThrownBy(() -> load(services, rules, profiles)).isInstanceOf(ReferralDataException.class);
    }
}
