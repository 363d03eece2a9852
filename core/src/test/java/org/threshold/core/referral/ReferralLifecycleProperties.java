package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threshold.core.referral.ReferralStatus.ACCEPTED;
import static org.threshold.core.referral.ReferralStatus.CLOSED;
import static org.threshold.core.referral.ReferralStatus.DECLINED;
import static org.threshold.core.referral.ReferralStatus.FAILED;
import static org.threshold.core.referral.ReferralStatus.IN_PROGRESS;
import static org.threshold.core.referral.ReferralStatus.RECEIVED;
import static org.threshold.core.referral.ReferralStatus.SENT;
import static org.threshold.core.referral.ReferralStatus.WITHDRAWN;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.referral.ReferralCommand.ChangeStatus;
import org.threshold.core.referral.ReferralCommand.Reassign;
import org.threshold.core.referral.ReferralCommand.WithdrawConsent;
import org.threshold.core.referral.TransitionOutcome.Moved;

class ReferralLifecycleProperties {

    // The lifecycle as the issue lists it, written out independently of the implementation.
    private static final Set<List<ReferralStatus>> LISTED_STEPS = Set.of(
            List.of(SENT, RECEIVED), List.of(RECEIVED, ACCEPTED), List.of(RECEIVED, DECLINED),
            List.of(ACCEPTED, IN_PROGRESS), List.of(IN_PROGRESS, CLOSED),
            List.of(SENT, FAILED), List.of(RECEIVED, FAILED), List.of(ACCEPTED, FAILED), List.of(IN_PROGRESS, FAILED),
            List.of(SENT, WITHDRAWN), List.of(RECEIVED, WITHDRAWN), List.of(ACCEPTED, WITHDRAWN),
            List.of(IN_PROGRESS, WITHDRAWN));
    private static final Set<ReferralStatus> OPEN = Set.of(SENT, RECEIVED, ACCEPTED, IN_PROGRESS);

    private final ServiceDirectory services = ReferralData.bundled().services();
    private final ReferralLifecycle lifecycle = new ReferralLifecycle(services);

    @Property
    void neverTakesAStepTheLifecycleDoesNotList(@ForAll("commands") List<ReferralCommand> commands,
                                                @ForAll("bases") LegalBasis basis) {
        ReferralState state = ReferralState.sent("health", basis);
        for (ReferralCommand command : commands) {
            TransitionOutcome outcome = lifecycle.decide(state, command);
            if (outcome instanceof Moved moved) {
                ReferralState next = moved.state();
                if (command instanceof Reassign reassign) {
                    assertThat(OPEN).contains(state.status());
                    assertThat(next).isEqualTo(ReferralState.sent(reassign.toService(), reassign.basis()));
                    assertThat(next.service()).isNotEqualTo(state.service());
                } else {
                    assertThat(LISTED_STEPS).contains(List.of(state.status(), next.status()));
                    assertThat(next.service()).isEqualTo(state.service());
                    assertThat(next.basis()).isEqualTo(state.basis());
                }
                if (Set.of(DECLINED, FAILED, WITHDRAWN).contains(next.status()) || command instanceof Reassign) {
                    assertThat(reasonOf(command)).isNotBlank();
                }
                if (next.status() == WITHDRAWN) {
                    assertThat(command).isInstanceOf(WithdrawConsent.class);
                    assertThat(state.basis()).isEqualTo(LegalBasis.CONSENT);
                }
                if (services.require(next.service()).personalConsentOnly()) {
                    assertThat(next.basis()).isEqualTo(LegalBasis.CONSENT);
                }
                state = next;
            }
        }
    }

    @Provide
    Arbitrary<List<ReferralCommand>> commands() {
        Arbitrary<String> reasons = Arbitraries.of(null, "", "  ", "Not reachable", "x".repeat(501));
        Arbitrary<String> serviceIds = Arbitraries.of("health", "gbv", "legal", "mhpss", "unknown-service");
        Arbitrary<ReferralCommand> change = Arbitraries.of(ReferralStatus.class).flatMap(to ->
                reasons.map(reason -> new ChangeStatus(to, reason)));
        Arbitrary<ReferralCommand> withdraw = serviceIds.flatMap(purpose ->
                reasons.map(reason -> new WithdrawConsent(purpose, reason)));
        Arbitrary<ReferralCommand> reassign = serviceIds.flatMap(to -> bases().flatMap(basis ->
                reasons.map(reason -> new Reassign(to, basis, reason))));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, change), net.jqwik.api.Tuple.of(1, withdraw),
                        net.jqwik.api.Tuple.of(1, reassign))
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<LegalBasis> bases() {
        return Arbitraries.of(LegalBasis.class);
    }

    private static String reasonOf(ReferralCommand command) {
        if (command instanceof ChangeStatus change) {
            return change.reason();
        }
        if (command instanceof WithdrawConsent withdrawal) {
            return withdrawal.reason();
        }
        return ((Reassign) command).reason();
    }
}
