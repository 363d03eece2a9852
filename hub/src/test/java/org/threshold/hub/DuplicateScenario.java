package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * {@link ReferralScenario}'s household (registered in Arabic at KIOSK-01, referred to health and GBV) registered a
 * second time at another kiosk, in Latin letters only, and referred to health again: a potential duplicate the hub
 * finds as it projects the second registration. A DPO account besides.
 */
abstract class DuplicateScenario extends ReferralScenario {
    TestKiosk otherKiosk;
    TestKiosk.Registration twin;
    TestKiosk.Referral twinHealth;

    @BeforeEach
    void registerTheSameFamilyAgainAtAnotherKiosk() {
        hub.server().services().accounts().add("dpo", HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        otherKiosk = hub.newKiosk("KIOSK-02");
        hub.enroll(otherKiosk);
        Member nourhan = new Member("Nourhan", "Al-Zoubi", null, null, Sex.F, LocalDate.of(1990, 3, 1), true, null,
                "SYR", Relationship.FOCAL_POINT, List.of(TestKiosk.OPEN_NEED));
        twin = otherKiosk.register(new Household(LocalDate.of(2026, 11, 24), new Origin("SYR", "Aleppo"),
                List.of("ar"), null, new Consent(true, true), List.of(nourhan)));
        twinHealth = otherKiosk.refer(twin, "health", Urgency.PRIORITY, LegalBasis.CONSENT, TestKiosk.OPEN_NEED);
        assertThat(client.sync("KIOSK-02", List.of(twin.event(), twinHealth.event())).status()).isEqualTo(200);
        // A lookup makes the projector catch up, and with it the duplicate detection.
        client.lookUp(twin.token().id().shortCode(), session(HubFixture.OFFICER));
    }

    /** The one open pair, as the list shows it. */
    JsonNode onlyPair() {
        JsonNode pairs = get("/api/duplicates", "supervisor-health").json().get("duplicates");
        assertThat(pairs).hasSize(1);
        return pairs.get(0);
    }

    String first() {
        return household.payload().householdId().toString();
    }

    String second() {
        return twin.payload().householdId().toString();
    }

    static String merge(String survivor, String merged) {
        return "{\"survivor\":\"" + survivor + "\",\"merged\":\"" + merged + "\"}";
    }
}
