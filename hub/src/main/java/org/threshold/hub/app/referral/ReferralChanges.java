package org.threshold.hub.app.referral;

import java.util.Map;
import java.util.UUID;
import org.threshold.core.event.EventType;
import org.threshold.core.input.StrictText;
import org.threshold.core.referral.ReferralBasisCheck;
import org.threshold.core.referral.ReferralCommand;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.ReferralLifecycle;
import org.threshold.core.referral.ReferralNoteAdded;
import org.threshold.core.referral.ReferralReassigned;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.ReferralTransitioned;
import org.threshold.core.referral.Service;
import org.threshold.core.referral.TransitionOutcome;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;

/**
 * What caseworkers and supervisors do to referrals at the hub: move one on, add a note, reassign it to another
 * service, and (protection officers) withdraw a household's consent. Each change is a hub event, signed and chained
 * ({@link HubEvents}), projected into the referral store in the same transaction. Who may ask is the
 * {@link AccessPolicy}'s, which also refuses any change to the referrals of a household erased or restricted at the
 * person's request; whether the referral allows it is core's {@link ReferralLifecycle}'s. A refused change
 * throws a {@link Refusal} inside the transaction, so nothing of it is kept (not even an automatic step before it).
 * Staff's text is checked and normalised as core's {@code StrictText} does before it goes into an event. Thread-safe.
 */
public final class ReferralChanges {
    private final HubStore store;
    private final HubEvents events;
    private final AccessPolicy policy;
    private final ReferralData data;
    private final ReferralLifecycle lifecycle;
    private final ConsentWithdrawal withdrawal;
    private final RequestedReferrals basisCheck;

    public ReferralChanges(HubStore store, HubEvents events, AccessPolicy policy, ReferralData data,
                           ConsentWithdrawal withdrawal, HouseholdVault vault) {
        this.store = store;
        this.events = events;
        this.policy = policy;
        this.data = data;
        this.lifecycle = new ReferralLifecycle(data.services());
        this.withdrawal = withdrawal;
        this.basisCheck = new RequestedReferrals(vault, data);
    }

    /**
     * The receiving service moves the referral to {@code to}; a referral still {@code SENT} is first marked
     * {@code RECEIVED} (its service has taken it), in the same transaction. {@code note}, if given, is added after.
     *
     * @throws Refusal NOT_FOUND {@code NO_SUCH_REFERRAL}, FORBIDDEN {@code NOT_YOUR_SERVICE} / {@code RESTRICTED},
     *                  GONE {@code ERASED}, CONFLICT {@code INVALID_TRANSITION}, INVALID {@code REASON_REQUIRED} / {@code REASON_TOO_LONG} /
     *                  {@code INVALID_TEXT} / {@code NOTE_TOO_LONG}
     */
    public ReferralRecord transition(SignedInUser user, UUID referralId, ReferralStatus to, String reason,
                                     String note) {
        String checkedReason = optionalText(reason, ReferralLifecycle.MAX_REASON, "REASON_TOO_LONG");
        String checkedNote = optionalText(note, ReferralNoteAdded.MAX_TEXT, "NOTE_TOO_LONG");
        return store.inTransaction(repositories -> {
            HubEvents.Appender chain = events.lock(repositories);
            ReferralRecord referral = referral(repositories, referralId);
            policy.requireReceivingService(user, referral.service());
            actionable(repositories, referral);
            if (referral.status() == ReferralStatus.SENT && !ReferralLifecycle.nextStatuses(ReferralStatus.SENT)
                    .contains(to)) {
                if (!ReferralLifecycle.nextStatuses(ReferralStatus.RECEIVED).contains(to)) {
                    // Received or not, it cannot go there: say so of the referral as it stands, SENT, not of the
                    // RECEIVED step this transaction would have rolled back.
                    throw refusal(org.threshold.core.referral.Refusal.INVALID_TRANSITION, referral, to.name());
                }
                referral = move(chain, repositories, user, referral, ReferralStatus.RECEIVED, null);
            }
            referral = move(chain, repositories, user, referral, to, checkedReason);
            if (checkedNote != null) {
                referral = note(chain, repositories, user, referral, checkedNote);
            }
            return referral;
        });
    }

    /**
     * The receiving service notes something on the referral; its status does not change.
     *
     * @throws Refusal NOT_FOUND {@code NO_SUCH_REFERRAL}, FORBIDDEN {@code NOT_YOUR_SERVICE}, INVALID
     *                  {@code NOTE_REQUIRED} / {@code NOTE_TOO_LONG} / {@code INVALID_TEXT}
     */
    public ReferralRecord addNote(SignedInUser user, UUID referralId, String text) {
        String checked = optionalText(text, ReferralNoteAdded.MAX_TEXT, "NOTE_TOO_LONG");
        if (checked == null) {
            throw new Refusal(Refusal.Kind.INVALID, "NOTE_REQUIRED", "Write the note's text.");
        }
        return store.inTransaction(repositories -> {
            HubEvents.Appender chain = events.lock(repositories);
            ReferralRecord referral = referral(repositories, referralId);
            policy.requireReceivingService(user, referral.service());
            actionable(repositories, referral);
            return note(chain, repositories, user, referral, checked);
        });
    }

    /**
     * A supervisor of the referral's service sends it to {@code toService}, where it starts {@code SENT}, on the basis
     * it stands on, if that basis holds there by the household's record as a kiosk's request must: consent recorded
     * for the new service, or best or vital interests that the shared codes support for it. Never to a service only the
     * person's own consent opens (GBV): the hub holds no such consent.
     *
     * @throws Refusal NOT_FOUND {@code NO_SUCH_REFERRAL}, FORBIDDEN {@code SUPERVISOR_REQUIRED} /
     *                  {@code NOT_YOUR_SERVICE}, INVALID {@code UNKNOWN_SERVICE} / {@code SAME_SERVICE} /
     *                  {@code REASON_REQUIRED} / {@code REASON_TOO_LONG}, UNACCEPTABLE
     *                  {@code PERSONAL_CONSENT_REQUIRED} / {@code CONSENT_REQUIRED} / {@code BASIS_NOT_SUPPORTED},
     *                  CONFLICT {@code INVALID_TRANSITION} (a closed referral)
     */
    public ReferralRecord reassign(SignedInUser user, UUID referralId, String toService, String reason) {
        policy.requireKnownService(toService);
        String checkedReason = optionalText(reason, ReferralLifecycle.MAX_REASON, "REASON_TOO_LONG");
        Service target = data.services().require(toService);
        return store.inTransaction(repositories -> {
            HubEvents.Appender chain = events.lock(repositories);
            ReferralRecord referral = referral(repositories, referralId);
            policy.requireReassigner(user, referral.service());
            actionable(repositories, referral);
            if (target.personalConsentOnly() && !target.id().equals(referral.service())) {
                throw refusal(org.threshold.core.referral.Refusal.PERSONAL_CONSENT_REQUIRED, referral, toService);
            }
            basisCheck.problemIfSentTo(repositories, referral, toService, events.now())
                    .ifPresent(problem -> {
                        throw basisRefusal(problem, referral, toService);
                    });
            TransitionOutcome outcome = lifecycle.decide(referral.state(),
                    new ReferralCommand.Reassign(toService, referral.basis(), checkedReason));
            TransitionOutcome.Moved moved = movedOrRefused(outcome, referral, toService);
            return ReferralHistory.record(chain, repositories, referral, moved.state(), EventType.REFERRAL_REASSIGNED,
                    new ReferralReassigned(referral.referralId(), referral.service(), toService,
                            moved.state().basis(), checkedReason, events.now(), user.username()));
        });
    }

    /**
     * A protection officer withdraws, at the hub, the consent to referral of the household {@code householdId}
     * (found by its token, so already read under the access log): see {@link ConsentWithdrawal}.
     *
     * @throws Refusal FORBIDDEN {@code FORBIDDEN} for another role, {@code RESTRICTED} while the household's processing
     *                  is restricted (a glass-break does not lift that); GONE {@code ERASED}; INVALID
     *                  {@code REASON_REQUIRED} / {@code REASON_TOO_LONG} / {@code INVALID_TEXT}
     */
    public ConsentWithdrawal.Outcome withdrawConsent(SignedInUser user, UUID householdId, String reason) {
        policy.requireConsentOfficer(user);
        String checkedReason = optionalText(reason, ReferralLifecycle.MAX_REASON, "REASON_TOO_LONG");
        if (checkedReason == null) {
            throw refusal(org.threshold.core.referral.Refusal.REASON_REQUIRED, null, null);
        }
        return store.inTransaction(repositories -> {
            // The chain's lock first, as restricting takes it, so a restriction committed meanwhile is seen here.
            events.lock(repositories);
            // Not on a restricted household, even through a glass-break: that opens it to read, never to change.
            requireActionable(repositories, householdId);
            return withdrawal.withdraw(repositories, householdId, checkedReason, user.username());
        });
    }

    private ReferralRecord move(HubEvents.Appender chain, Repositories repositories, SignedInUser user,
                                ReferralRecord referral, ReferralStatus to, String reason) {
        TransitionOutcome.Moved moved = movedOrRefused(lifecycle.decide(referral.state(),
                new ReferralCommand.ChangeStatus(to, reason)), referral, to.name());
        return ReferralHistory.record(chain, repositories, referral, moved.state(), EventType.REFERRAL_TRANSITIONED,
                new ReferralTransitioned(referral.referralId(), referral.status(), to, reason, events.now(),
                        user.username()));
    }

    private ReferralRecord note(HubEvents.Appender chain, Repositories repositories, SignedInUser user,
                                ReferralRecord referral, String text) {
        return ReferralHistory.record(chain, repositories, referral, referral.state(), EventType.REFERRAL_NOTE_ADDED,
                new ReferralNoteAdded(referral.referralId(), UUID.randomUUID(), text, events.now(), user.username()));
    }

    private static ReferralRecord referral(Repositories repositories, UUID referralId) {
        return repositories.referrals().find(referralId).orElseThrow(ReferralQueues::noSuchReferral);
    }

    /** A referral the user may act on, if its household's state allows anyone to (the policy's call). */
    private ReferralRecord actionable(Repositories repositories, ReferralRecord referral) {
        requireActionable(repositories, referral.householdId());
        return referral;
    }

    private void requireActionable(Repositories repositories, UUID household) {
        policy.requireActionable(repositories.households().findById(household).map(SealedHousehold::erased)
                .orElse(false), repositories.restrictions().find(household).isPresent());
    }

    private static TransitionOutcome.Moved movedOrRefused(TransitionOutcome outcome, ReferralRecord referral,
                                                          String asked) {
        if (outcome instanceof TransitionOutcome.Refused refused) {
            throw refusal(refused.refusal(), referral, asked);
        }
        return (TransitionOutcome.Moved) outcome;
    }

    /** Checked and normalised staff text, or null when none was given (blank counts as none). */
    private static String optionalText(String raw, int max, String tooLong) {
        if (raw == null) {
            return null;
        }
        StrictText.Checked checked = StrictText.check(raw, StrictText.Kind.TEXT);
        if (checked.problem() != null) {
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_TEXT", "This text holds characters that are not allowed "
                    + "(control or direction characters). Type it again.");
        }
        String text = checked.text();
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new Refusal(Refusal.Kind.INVALID, tooLong, "This text is longer than " + max + " characters.",
                    Map.of("max", max));
        }
        return text;
    }

    /** Why the referral's basis would not hold at {@code toService}, as the hub answers it. */
    private static Refusal basisRefusal(ReferralBasisCheck.Problem problem, ReferralRecord referral,
                                        String toService) {
        return switch (problem) {
            case CONSENT_REQUIRED -> new Refusal(Refusal.Kind.UNACCEPTABLE, "CONSENT_REQUIRED", "This referral stands "
                    + "on consent, and no consent to a referral to " + toService + " is recorded, so it cannot be "
                    + "reassigned there.", Map.of("service", toService));
            case PERSONAL_CONSENT_REQUIRED -> refusal(org.threshold.core.referral.Refusal.PERSONAL_CONSENT_REQUIRED,
                    referral, toService);
            case UNKNOWN_SERVICE, UNKNOWN_MEMBER, BASIS_NOT_SUPPORTED -> new Refusal(Refusal.Kind.UNACCEPTABLE,
                    "BASIS_NOT_SUPPORTED", "This referral stands on " + referral.basis().wireName() + ", which the "
                    + "needs it shares do not support for " + toService + ", so it cannot be reassigned there.",
                    Map.of("service", toService, "basis", referral.basis().wireName()));
        };
    }

    /** The lifecycle's refusal as the hub answers it, with what its message names. */
    private static Refusal refusal(org.threshold.core.referral.Refusal refusal, ReferralRecord referral,
                                   String asked) {
        String reason = refusal.name();
        return switch (refusal) {
            case INVALID_TRANSITION -> new Refusal(Refusal.Kind.CONFLICT, reason, "A referral that is "
                    + referral.status() + " cannot become " + asked + ".", Map.of("from", referral.status().name(),
                    "to", asked));
            case REASON_REQUIRED -> new Refusal(Refusal.Kind.INVALID, reason, "Give a reason: declining, failing, "
                    + "withdrawing and reassigning a referral need one.");
            case REASON_TOO_LONG -> new Refusal(Refusal.Kind.INVALID, reason, "A reason is at most "
                    + ReferralLifecycle.MAX_REASON + " characters.", Map.of("max", ReferralLifecycle.MAX_REASON));
            case SAME_SERVICE -> new Refusal(Refusal.Kind.INVALID, reason, "The referral is already with " + asked
                    + ".", Map.of("service", asked));
            case PERSONAL_CONSENT_REQUIRED -> new Refusal(Refusal.Kind.UNACCEPTABLE, reason, "Only the person's own "
                    + "consent allows a referral to " + asked + ", so none can be reassigned there.",
                    Map.of("service", asked));
            case UNKNOWN_SERVICE, OTHER_PURPOSE, NOT_BASED_ON_CONSENT -> new Refusal(Refusal.Kind.CONFLICT, reason,
                    "This change does not apply to this referral (" + reason + ").");
        };
    }
}
