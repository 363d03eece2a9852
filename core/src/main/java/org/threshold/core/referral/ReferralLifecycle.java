package org.threshold.core.referral;

import static org.threshold.core.referral.ReferralStatus.ACCEPTED;
import static org.threshold.core.referral.ReferralStatus.CLOSED;
import static org.threshold.core.referral.ReferralStatus.DECLINED;
import static org.threshold.core.referral.ReferralStatus.FAILED;
import static org.threshold.core.referral.ReferralStatus.IN_PROGRESS;
import static org.threshold.core.referral.ReferralStatus.RECEIVED;
import static org.threshold.core.referral.ReferralStatus.SENT;
import static org.threshold.core.referral.ReferralStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.threshold.core.referral.ReferralCommand.ChangeStatus;
import org.threshold.core.referral.ReferralCommand.Reassign;
import org.threshold.core.referral.ReferralCommand.WithdrawConsent;
import org.threshold.core.referral.TransitionOutcome.Moved;
import org.threshold.core.referral.TransitionOutcome.Refused;

/**
 * The referral status machine as a pure function: a state and a command give the next state or a stable refusal.
 *
 * <pre>
 * SENT → RECEIVED → ACCEPTED → IN_PROGRESS → CLOSED
 *                 ↘ DECLINED (reason)
 * any open status → FAILED (reason)
 * any open status → WITHDRAWN (reason), only through a withdrawal of the consent it stands on
 * any open status → SENT at another service (reason), through reassignment
 * </pre>
 */
public final class ReferralLifecycle {

    /** The longest reason accepted, in characters (code points). */
    public static final int MAX_REASON = 500;

    // The steps a receiving service takes itself; FAILED is open to every open status and added below.
    private static final Map<ReferralStatus, Set<ReferralStatus>> STEPS = Map.of(
            SENT, EnumSet.of(RECEIVED),
            RECEIVED, EnumSet.of(ACCEPTED, DECLINED),
            ACCEPTED, EnumSet.of(IN_PROGRESS),
            IN_PROGRESS, EnumSet.of(CLOSED));

    private static final Set<ReferralStatus> NEED_A_REASON = EnumSet.of(DECLINED, FAILED);

    private final ServiceDirectory services;

    public ReferralLifecycle(ServiceDirectory services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The services it knows, as the services file lists them. */
    public ServiceDirectory services() {
        return services;
    }

    /** The statuses a receiving service may move a referral in {@code status} to. */
    public static Set<ReferralStatus> nextStatuses(ReferralStatus status) {
        Set<ReferralStatus> next = EnumSet.noneOf(ReferralStatus.class);
        next.addAll(STEPS.getOrDefault(status, Set.of()));
        if (status.open()) {
            next.add(FAILED);
        }
        return next;
    }

    public TransitionOutcome decide(ReferralState state, ReferralCommand command) {
        Objects.requireNonNull(state, "state");
        if (command instanceof ChangeStatus change) {
            return change(state, change);
        }
        if (command instanceof WithdrawConsent withdrawal) {
            return withdraw(state, withdrawal);
        }
        return reassign(state, (Reassign) command);
    }

    private static TransitionOutcome change(ReferralState state, ChangeStatus change) {
        if (!nextStatuses(state.status()).contains(change.to())) {
            return new Refused(Refusal.INVALID_TRANSITION);
        }
        Optional<Refusal> badReason = reasonProblem(change.reason(), NEED_A_REASON.contains(change.to()));
        if (badReason.isPresent()) {
            return new Refused(badReason.get());
        }
        return new Moved(new ReferralState(state.service(), change.to(), state.basis()));
    }

    private static TransitionOutcome withdraw(ReferralState state, WithdrawConsent withdrawal) {
        if (!state.status().open()) {
            return new Refused(Refusal.INVALID_TRANSITION);
        }
        if (!withdrawal.purpose().equals(state.service())) {
            return new Refused(Refusal.OTHER_PURPOSE);
        }
        if (state.basis() != LegalBasis.CONSENT) {
            return new Refused(Refusal.NOT_BASED_ON_CONSENT);
        }
        return reasonProblem(withdrawal.reason(), true).<TransitionOutcome>map(Refused::new)
                .orElseGet(() -> new Moved(new ReferralState(state.service(), WITHDRAWN, state.basis())));
    }

    private TransitionOutcome reassign(ReferralState state, Reassign reassignment) {
        if (!state.status().open()) {
            return new Refused(Refusal.INVALID_TRANSITION);
        }
        Optional<Service> target = services.find(reassignment.toService());
        if (target.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_SERVICE);
        }
        if (target.get().id().equals(state.service())) {
            return new Refused(Refusal.SAME_SERVICE);
        }
        if (target.get().personalConsentOnly() && reassignment.basis() != LegalBasis.CONSENT) {
            return new Refused(Refusal.PERSONAL_CONSENT_REQUIRED);
        }
        return reasonProblem(reassignment.reason(), true).<TransitionOutcome>map(Refused::new)
                .orElseGet(() -> new Moved(ReferralState.sent(target.get().id(), reassignment.basis())));
    }

    private static Optional<Refusal> reasonProblem(String reason, boolean required) {
        if (reason == null || reason.isBlank()) {
            return required ? Optional.of(Refusal.REASON_REQUIRED) : Optional.empty();
        }
        if (reason.strip().codePointCount(0, reason.strip().length()) > MAX_REASON) {
            return Optional.of(Refusal.REASON_TOO_LONG);
        }
        return Optional.empty();
    }
}
