package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.Consent;

/**
 * Changes to referrals over HTTP: the receiving service moves them on and adds notes, a supervisor reassigns, a
 * protection officer or the kiosk withdraws consent. Every change is a hub event on the hub's own chain, which
 * verifies with the hub's key; a refused change changes nothing. {@code OnPostgres} runs it on PostgreSQL.
 */
class ReferralChangesTest extends ReferralScenario {

    private JsonNode referral(TestKiosk.Referral referral, String username) {
        return get("/api/referrals/" + referral.id(), username).json();
    }

    @Test
    void acceptingASentReferralReceivesItFirstThenANoteAndClosingFollowEachAHubEvent() {
        HubClient.Response accepted = post("/api/referrals/" + health.id() + "/transitions",
                "{\"status\":\"ACCEPTED\",\"note\":\"Seen at the clinic tent.\"}", "cw-health");
        HubClient.Response started = post("/api/referrals/" + health.id() + "/transitions",
                "{\"status\":\"IN_PROGRESS\"}", "cw-health");
        HubClient.Response noted = post("/api/referrals/" + health.id() + "/notes", "{\"text\":\"Follow-up Monday.\"}",
                "cw-health");
        HubClient.Response closed = post("/api/referrals/" + health.id() + "/transitions", "{\"status\":\"CLOSED\"}",
                "cw-health");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(started.json().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(noted.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        JsonNode history = closed.json().get("history");
        List<String> steps = new ArrayList<>();
        history.forEach(entry -> steps.add(entry.get("type").asText() + ":" + entry.get("status").asText()));
        assertThat(steps).containsExactly("ReferralRequested:SENT", "ReferralTransitioned:RECEIVED",
                "ReferralTransitioned:ACCEPTED", "ReferralNoteAdded:ACCEPTED", "ReferralTransitioned:IN_PROGRESS",
                "ReferralNoteAdded:IN_PROGRESS", "ReferralTransitioned:CLOSED");
        assertThat(history.get(3).get("text").asText()).isEqualTo("Seen at the clinic tent.");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("cw-health");
        assertThat(closed.body()).doesNotContain("SV-");
        assertThat(hubChain()).hasSize(6);
        assertThat(hub.rows("SELECT status FROM referrals WHERE referral_id = ?", health.id().toString()))
                .containsExactly(List.of("CLOSED"));
    }

    @Test
    void aRefusedChangeSaysWhyInTheUsersLanguageAndChangesNothing() {
        HubClient.Response noReason = post("/api/referrals/" + health.id() + "/transitions",
                "{\"status\":\"DECLINED\"}", "cw-health");
        HubClient.Response french = post("/api/referrals/" + health.id() + "/transitions?lang=fr",
                "{\"status\":\"DECLINED\"}", "cw-health");
        HubClient.Response skipping = post("/api/referrals/" + health.id() + "/transitions",
                "{\"status\":\"CLOSED\"}", "cw-health");
        HubClient.Response otherService = post("/api/referrals/" + gbv.id() + "/transitions",
                "{\"status\":\"RECEIVED\"}", "cw-health");
        HubClient.Response bidi = post("/api/referrals/" + health.id() + "/notes", "{\"text\":\"a\\u202Eb\"}",
                "cw-health");
        HubClient.Response unknown = post("/api/referrals/" + health.id() + "/transitions", "{\"status\":\"DONE\"}",
                "cw-health");
        HubClient.Response unknownInArabic = post("/api/referrals/" + health.id() + "/transitions?lang=ar",
                "{\"status\":\"DONE\"}", "cw-health");
        HubClient.Response notText = post("/api/referrals/" + health.id() + "/transitions?lang=fr", "{\"status\":1}",
                "cw-health");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.reason()).isEqualTo("REASON_REQUIRED");
        assertThat(french.json().path("error").path("message").asText()).contains("motif");
        assertThat(skipping.status()).isEqualTo(409);
        assertThat(skipping.reason()).isEqualTo("INVALID_TRANSITION");
        // Of the referral as it stands, not of the RECEIVED step the refused change would have taken first.
        assertThat(skipping.json().path("error").path("message").asText())
                .startsWith("A referral that is SENT cannot become CLOSED.");
        assertThat(otherService.status()).isEqualTo(403);
        assertThat(otherService.reason()).isEqualTo("NOT_YOUR_SERVICE");
        assertThat(bidi.reason()).isEqualTo("INVALID_TEXT");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.reason()).isEqualTo("UNKNOWN_STATUS");
        assertThat(unknownInArabic.reason()).isEqualTo("UNKNOWN_STATUS");
        assertThat(unknownInArabic.json().path("error").path("message").asText()).startsWith("الحالة واحدة من")
                .contains("IN_PROGRESS");
        assertThat(notText.reason()).isEqualTo("MALFORMED_REQUEST");
        assertThat(notText.json().path("error").path("message").asText()).startsWith("Un champ manque");
        assertThat(referral(health, "cw-health").get("history")).hasSize(1);
        assertThat(referral(health, "cw-health").get("status").asText()).isEqualTo("SENT");
        assertThat(hub.count("referral_events")).isEqualTo(2);
        assertThat(hub.rows("SELECT COUNT(*) FROM events WHERE kiosk_id = 'HUB'")).containsExactly(List.of(0));
    }

    @Test
    void aDeclineWithAReasonIsFinal() {
        HubClient.Response declined = post("/api/referrals/" + gbv.id() + "/transitions",
                "{\"status\":\"DECLINED\",\"reason\":\"Outside our area.\"}", "cw-gbv");
        HubClient.Response again = post("/api/referrals/" + gbv.id() + "/transitions",
                "{\"status\":\"ACCEPTED\"}", "cw-gbv");

        assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.json().get("history").get(2).get("reason").asText()).isEqualTo("Outside our area.");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aSupervisorReassignsToAnotherServiceButNeverToGbvAndACaseworkerMayNot() {
        HubClient.Response caseworker = post("/api/referrals/" + health.id() + "/reassign",
                "{\"service\":\"legal\",\"reason\":\"Legal question\"}", "cw-health");
        HubClient.Response toGbv = post("/api/referrals/" + health.id() + "/reassign?lang=fr",
                "{\"service\":\"gbv\",\"reason\":\"Disclosed violence\"}", "supervisor-health");
        HubClient.Response same = post("/api/referrals/" + health.id() + "/reassign",
                "{\"service\":\"health\",\"reason\":\"Again\"}", "supervisor-health");
        HubClient.Response toLegal = post("/api/referrals/" + health.id() + "/reassign",
                "{\"service\":\"legal\",\"reason\":\"Legal question\"}", "supervisor-health");

        assertThat(caseworker.status()).isEqualTo(403);
        assertThat(toGbv.status()).isEqualTo(422);
        assertThat(toGbv.reason()).isEqualTo("PERSONAL_CONSENT_REQUIRED");
        assertThat(toGbv.json().at("/error/message").asText()).startsWith("Seul le consentement de la personne");
        assertThat(same.reason()).isEqualTo("SAME_SERVICE");
        assertThat(toLegal.status()).isEqualTo(200);
        assertThat(toLegal.json().get("service").asText()).isEqualTo("legal");
        assertThat(toLegal.json().get("status").asText()).isEqualTo("SENT");
        assertThat(toLegal.body()).doesNotContain(TestKiosk.ARABIC_GIVEN_NAME);
        assertThat(get("/api/referrals/" + health.id(), "cw-health").status()).isEqualTo(404);
        // The officer serves legal: they see it now, its history naming both services but no request codes.
        JsonNode moved = referral(health, HubFixture.OFFICER);
        assertThat(moved.get("service").asText()).isEqualTo("legal");
        assertThat(moved.get("history").get(1).get("toService").asText()).isEqualTo("legal");
        assertThat(hubChain()).hasSize(1);
    }

    @Test
    void aReassignmentKeepsItsBasisOnlyWhereThatBasisHoldsForTheNewService() {
        // The focal point's critical condition: health may take her without consent, on vital interests; legal may not.
        ObjectNode critical = new ObjectMapper().createObjectNode();
        critical.putArray("addNeeds").addObject().put("member", 0).putArray("needs").add("SM-CC");
        SignedEvent found = hub.kiosk.correct(household, household.token(), critical);
        TestKiosk.Referral vital = hub.kiosk.refer(household, "health", Urgency.EMERGENCY, LegalBasis.VITAL_INTERESTS,
                "SM-CC");
        sync(found, vital.event());

        HubClient.Response toLegal = post("/api/referrals/" + vital.id() + "/reassign?lang=fr",
                "{\"service\":\"legal\",\"reason\":\"Legal question\"}", "supervisor-health");

        assertThat(toLegal.status()).isEqualTo(422);
        assertThat(toLegal.reason()).isEqualTo("BASIS_NOT_SUPPORTED");
        assertThat(toLegal.json().at("/error/message").asText()).startsWith("Cette orientation repose sur "
                + "vital-interests").contains("legal");
        assertThat(referral(vital, "cw-health").get("service").asText()).isEqualTo("health");
        assertThat(referral(vital, "cw-health").get("history")).hasSize(1);
        assertThat(hub.rows("SELECT COUNT(*) FROM events WHERE kiosk_id = 'HUB'")).containsExactly(List.of(0));
    }

    @Test
    void aKioskReferralItsHouseholdsRecordDoesNotSupportNeverReachesAQueue() {
        // Member 0 is the adult focal point, who consented for themselves; member 1, a child of 7, was not asked.
        TestKiosk.Referral childToGbv = hub.kiosk.refer(household, 1, "gbv", Urgency.URGENT, LegalBasis.CONSENT,
                TestKiosk.SENSITIVE_NEED);
        TestKiosk.Referral gbvWithoutConsent = hub.kiosk.refer(household, "gbv", Urgency.URGENT,
                LegalBasis.VITAL_INTERESTS, TestKiosk.SENSITIVE_NEED);
        TestKiosk.Referral codeNotHeld = hub.kiosk.refer(household, "legal", Urgency.EMERGENCY,
                LegalBasis.VITAL_INTERESTS, "LP-RR");
        TestKiosk.Referral codeWithoutThatBasis = hub.kiosk.refer(household, "shelter", Urgency.PRIORITY,
                LegalBasis.VITAL_INTERESTS, TestKiosk.OPEN_NEED);
        TestKiosk.Referral adultOnBestInterests = hub.kiosk.refer(household, "family-tracing", Urgency.PRIORITY,
                LegalBasis.BEST_INTERESTS, "SC-UC");

        sync(childToGbv.event(), gbvWithoutConsent.event(), codeNotHeld.event(), codeWithoutThatBasis.event(),
                adultOnBestInterests.event());

        assertThat(get("/api/referrals", "cw-gbv").json().get("referrals").findValuesAsText("id"))
                .containsExactly(gbv.id().toString());
        assertThat(hub.count("referrals")).isEqualTo(2);
        assertThat(hub.rows("SELECT event_id, reason FROM projection_failures ORDER BY event_id"))
                .extracting(row -> row.get(0) + " " + row.get(1)).containsExactlyInAnyOrder(
                        childToGbv.event().header().eventId() + " a referral to gbv on consent that the household's "
                                + "record does not support: PERSONAL_CONSENT_REQUIRED",
                        gbvWithoutConsent.event().header().eventId() + " a referral to gbv on vital-interests that "
                                + "the household's record does not support: PERSONAL_CONSENT_REQUIRED",
                        codeNotHeld.event().header().eventId() + " a referral to legal on vital-interests that the "
                                + "household's record does not support: BASIS_NOT_SUPPORTED",
                        codeWithoutThatBasis.event().header().eventId() + " a referral to shelter on vital-interests "
                                + "that the household's record does not support: BASIS_NOT_SUPPORTED",
                        adultOnBestInterests.event().header().eventId() + " a referral to family-tracing on "
                                + "best-interests that the household's record does not support: BASIS_NOT_SUPPORTED");
    }

    @Test
    void anOfficersWithdrawalAtTheHubWithdrawsTheOpenConsentReferralsAndKeepsABestInterestsOne() {
        // The child (member 1, aged 7) found unaccompanied: the best-interests basis holds for them.
        ObjectNode unaccompanied = new ObjectMapper().createObjectNode();
        unaccompanied.putArray("addNeeds").addObject().put("member", 1).putArray("needs").add("SC-UC");
        SignedEvent found = hub.kiosk.correct(household, household.token(), unaccompanied);
        TestKiosk.Referral child = hub.kiosk.refer(household, 1, "child-protection", Urgency.URGENT,
                LegalBasis.BEST_INTERESTS, "SC-UC");
        sync(found, child.event());
        String code = household.token().id().shortCode();

        HubClient.Response refused = post("/api/households/" + code + "/consent",
                "{\"referral\":false,\"reason\":\"Asked to withdraw\"}", "cw-health");
        HubClient.Response noReason = post("/api/households/" + code + "/consent", "{\"referral\":false}",
                HubFixture.OFFICER);
        HubClient.Response withdrawn = post("/api/households/" + code + "/consent",
                "{\"referral\":false,\"reason\":\"Asked to withdraw\"}", HubFixture.OFFICER);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(noReason.reason()).isEqualTo("REASON_REQUIRED");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawn")).hasSize(2);
        assertThat(withdrawn.json().get("kept")).hasSize(1);
        assertThat(withdrawn.json().get("kept").get(0).get("id").asText()).isEqualTo(child.id().toString());
        assertThat(referral(health, "cw-health").get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(referral(gbv, "cw-gbv").get("history").get(1).get("reason").asText())
                .isEqualTo("Asked to withdraw");
        assertThat(hubChain()).hasSize(2);
    }

    @Test
    void aChildsAssentWithdrawnAtTheKioskWithdrawsTheirGbvReferralAndNoOneElses() {
        Consent assented = new Consent(true, true, null, null, null, null,
                List.of(new Consent.ChildConsent(1, true, Consent.Assent.GIVEN)));
        SignedEvent asked = hub.kiosk.changeConsent(household, household.token(), assented);
        TestKiosk.Referral child = hub.kiosk.refer(household, 1, "gbv", Urgency.URGENT, LegalBasis.CONSENT,
                TestKiosk.SENSITIVE_NEED);
        sync(asked, child.event());
        assertThat(referral(child, "cw-gbv").get("status").asText()).isEqualTo("SENT");

        sync(hub.kiosk.changeConsent(household, household.token(), new Consent(true, true, null, null, null, null,
                List.of(new Consent.ChildConsent(1, true, Consent.Assent.REFUSED)))));

        assertThat(referral(child, "cw-gbv").get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(referral(gbv, "cw-gbv").get("status").asText()).isEqualTo("SENT");
        assertThat(referral(health, "cw-health").get("status").asText()).isEqualTo("SENT");
    }

    @Test
    void aConsentWithdrawnAtTheKioskWithdrawsTheOpenConsentReferralsAtTheHub() {
        SignedEvent change = hub.kiosk.changeConsent(household, household.token(), new Consent(true, false));
        sync(change);

        assertThat(referral(health, "cw-health").get("status").asText()).isEqualTo("WITHDRAWN");
        JsonNode gbvNow = referral(gbv, "cw-gbv");
        assertThat(gbvNow.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(gbvNow.get("history").get(1).get("reason").asText()).isEqualTo(TestKiosk.CONSENT_REASON);
        assertThat(gbvNow.get("history").get(1).get("actor").asText()).isEqualTo("kiosk-01");
        assertThat(hubChain()).hasSize(2);
    }
}
