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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.threshold.core.referral.ReferralCommand.ChangeStatus;
import org.threshold.core.referral.ReferralCommand.Reassign;
import org.threshold.core.referral.ReferralCommand.WithdrawConsent;
import org.threshold.core.referral.TransitionOutcome.Moved;
import org.threshold.core.referral.TransitionOutcome.Refused;

class ReferralLifecycleTest {

    private final ReferralLifecycle lifecycle = new ReferralLifecycle(ReferralData.bundled().services());

    @Test
    void followsTheHappyPathToClosed() {
        ReferralState state = ReferralState.sent("health", LegalBasis.CONSENT);
        for (ReferralStatus next : new ReferralStatus[] {RECEIVED, ACCEPTED, IN_PROGRESS, CLOSED}) {
            state = moved(lifecycle.decide(state, new ChangeStatus(next, null)));
            assertThat(state.status()).isEqualTo(next);
        }
        assertThat(state).isEqualTo(new ReferralState("health", CLOSED, LegalBasis.CONSENT));
    }

    @Test
    void declinesOnlyWithAReasonAndOnlyOnceReceived() {
        ReferralState received = new ReferralState("legal", RECEIVED, LegalBasis.CONSENT);

        assertThat(lifecycle.decide(received, new ChangeStatus(DECLINED, "  ")))
                .isEqualTo(new Refused(Refusal.REASON_REQUIRED));
        assertThat(lifecycle.decide(received, new ChangeStatus(DECLINED, "Outside our mandate")))
                .isEqualTo(new Moved(new ReferralState("legal", DECLINED, LegalBasis.CONSENT)));
        assertThat(lifecycle.decide(ReferralState.sent("legal", LegalBasis.CONSENT),
                new ChangeStatus(DECLINED, "Outside our mandate"))).isEqualTo(new Refused(Refusal.INVALID_TRANSITION));
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"SENT", "RECEIVED", "ACCEPTED", "IN_PROGRESS"})
    void failsFromAnyOpenStatusWithAReason(ReferralStatus open) {
        ReferralState state = new ReferralState("shelter", open, LegalBasis.CONSENT);

        assertThat(lifecycle.decide(state, new ChangeStatus(FAILED, null))).isEqualTo(new Refused(Refusal.REASON_REQUIRED));
        assertThat(lifecycle.decide(state, new ChangeStatus(FAILED, "Person could not be reached")))
                .isEqualTo(new Moved(new ReferralState("shelter", FAILED, LegalBasis.CONSENT)));
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"DECLINED", "CLOSED", "WITHDRAWN", "FAILED"})
    void refusesEveryCommandOnceFinal(ReferralStatus last) {
        ReferralState state = new ReferralState("health", last, LegalBasis.CONSENT);

        for (ReferralStatus to : ReferralStatus.values()) {
            assertThat(lifecycle.decide(state, new ChangeStatus(to, "reason")))
                    .isEqualTo(new Refused(Refusal.INVALID_TRANSITION));
        }
        assertThat(lifecycle.decide(state, new WithdrawConsent("health", "withdrawn")))
                .isEqualTo(new Refused(Refusal.INVALID_TRANSITION));
        assertThat(lifecycle.decide(state, new Reassign("legal", LegalBasis.CONSENT, "wrong service")))
                .isEqualTo(new Refused(Refusal.INVALID_TRANSITION));
    }

    @Test
    void doesNotSkipSteps() {
        assertThat(lifecycle.decide(ReferralState.sent("health", LegalBasis.CONSENT), new ChangeStatus(ACCEPTED, null)))
                .isEqualTo(new Refused(Refusal.INVALID_TRANSITION));
        assertThat(lifecycle.decide(new ReferralState("health", ACCEPTED, LegalBasis.CONSENT),
                new ChangeStatus(CLOSED, null))).isEqualTo(new Refused(Refusal.INVALID_TRANSITION));
    }

    @Test
    void withdrawsOnlyThroughAWithdrawalOfTheConsentItStandsOn() {
        ReferralState onConsent = new ReferralState("health", ACCEPTED, LegalBasis.CONSENT);

        assertThat(lifecycle.decide(onConsent, new ChangeStatus(WITHDRAWN, "asked to")))
                .isEqualTo(new Refused(Refusal.INVALID_TRANSITION));
        assertThat(lifecycle.decide(onConsent, new WithdrawConsent("legal", "no longer wants legal aid")))
                .isEqualTo(new Refused(Refusal.OTHER_PURPOSE));
        assertThat(lifecycle.decide(onConsent, new WithdrawConsent("health", "")))
                .isEqualTo(new Refused(Refusal.REASON_REQUIRED));
        assertThat(lifecycle.decide(onConsent, new WithdrawConsent("health", "Withdrew consent at the kiosk")))
                .isEqualTo(new Moved(new ReferralState("health", WITHDRAWN, LegalBasis.CONSENT)));
        assertThat(lifecycle.decide(ReferralState.sent("child-protection", LegalBasis.BEST_INTERESTS),
                new WithdrawConsent("child-protection", "guardian withdrew")))
                .isEqualTo(new Refused(Refusal.NOT_BASED_ON_CONSENT));
    }

    @Test
    void reassignsAnOpenReferralToAnotherServiceAsNewlySent() {
        ReferralState state = new ReferralState("health", IN_PROGRESS, LegalBasis.CONSENT);

        assertThat(lifecycle.decide(state, new Reassign("mhpss", LegalBasis.CONSENT, "Psychosocial, not medical")))
                .isEqualTo(new Moved(new ReferralState("mhpss", SENT, LegalBasis.CONSENT)));
        assertThat(lifecycle.decide(state, new Reassign("health", LegalBasis.CONSENT, "same")))
                .isEqualTo(new Refused(Refusal.SAME_SERVICE));
        assertThat(lifecycle.decide(state, new Reassign("dentistry", LegalBasis.CONSENT, "teeth")))
                .isEqualTo(new Refused(Refusal.UNKNOWN_SERVICE));
        assertThat(lifecycle.decide(state, new Reassign("mhpss", LegalBasis.CONSENT, null)))
                .isEqualTo(new Refused(Refusal.REASON_REQUIRED));
        assertThat(lifecycle.decide(state, new Reassign("gbv", LegalBasis.VITAL_INTERESTS, "disclosed SGBV")))
                .isEqualTo(new Refused(Refusal.PERSONAL_CONSENT_REQUIRED));
    }

    @Test
    void refusesAnOverlongReason() {
        ReferralState received = new ReferralState("legal", RECEIVED, LegalBasis.CONSENT);

        assertThat(lifecycle.decide(received, new ChangeStatus(DECLINED, "x".repeat(ReferralLifecycle.MAX_REASON))))
                .isInstanceOf(Moved.class);
        assertThat(lifecycle.decide(received, new ChangeStatus(DECLINED, "x".repeat(ReferralLifecycle.MAX_REASON + 1))))
                .isEqualTo(new Refused(Refusal.REASON_TOO_LONG));
    }

    private static ReferralState moved(TransitionOutcome outcome) {
        assertThat(outcome).isInstanceOf(Moved.class);
        return ((Moved) outcome).state();
    }
}
