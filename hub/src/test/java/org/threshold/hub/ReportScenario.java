package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * What the report tests count: six families of two at {@link TestKiosk#SITE} and one grandmother of 76 alone, who
 * arrived on 2026-11-23, synced and projected; and a DPO account, {@code dpo}. The grandmother is the small cell.
 */
final class ReportScenario {
    static final String DPO = "dpo";

    private ReportScenario() {
    }

    /** Returns the six families. */
    static List<TestKiosk.Registration> registerSixFamiliesAndOneGrandmother(HubFixture hub) {
        HubClient client = hub.client();
        hub.server().services().accounts().add(DPO, HubFixture.PASSWORD.toCharArray(),
                new Accounts.Grant(Role.DPO, "Hub", Set.of()));
        List<SignedEvent> events = new ArrayList<>();
        List<TestKiosk.Registration> families = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            families.add(hub.kiosk.register());
            events.add(families.get(i).event());
        }
        Member grandmother = new Member("Amina", null, null, null, Sex.F, LocalDate.of(1950, 1, 1), true, null, "SYR",
                Relationship.FOCAL_POINT, List.of());
        events.add(hub.kiosk.register(new Household(LocalDate.of(2026, 11, 23), new Origin("SYR", null),
                List.of("ar"), null, new Consent(true, true), List.of(grandmother))).event());
        assertThat(client.sync("KIOSK-01", events).status()).isEqualTo(200);
        catchUp(hub, families.get(5));
        return families;
    }

    /** A lookup waits for the projector, so what was synced is counted. */
    static void catchUp(HubFixture hub, TestKiosk.Registration registration) {
        HubClient client = hub.client();
        assertThat(client.lookUp(registration.token().id().shortCode(), client.sessionToken()).status())
                .isEqualTo(200);
    }
}
