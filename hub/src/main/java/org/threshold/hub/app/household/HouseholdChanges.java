package org.threshold.hub.app.household;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.threshold.core.input.StrictText;
import org.threshold.core.referral.ReferralLifecycle;
import org.threshold.hub.app.duplicate.DuplicateDetection;
import org.threshold.hub.app.referral.ConsentWithdrawal;
import org.threshold.core.event.EventHeader;
import org.threshold.core.event.EventType;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.FieldProblem;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdChange;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.IssuedToken;
import org.threshold.hub.app.Repositories;

/**
 * Folds one change event (reprint, reissue, correction, consent) into the households read model, inside the
 * projector's transaction, and appends it to the household's history. The projector applies them in projection
 * order, which keeps each kiosk's chain order: a kiosk's event is stored only after the one before it committed,
 * so it is numbered after it. Order across kiosks is not kept, so a change is accepted only from the kiosk whose
 * chain registered the household (the only kiosk that can make one today). Checks come before writes, so a change
 * refused as a {@link ProjectionFailure} leaves nothing behind (but a held one's line in the history). Reasons name no
 * personal data. A consent change or a correction that takes away the consent an open referral stands on (the
 * household's, or the referred person's own) withdraws that referral ({@link ConsentWithdrawal#withdrawUnconsented}).
 * A change to a household whose processing is restricted is held, not applied ({@link #held}), until the restriction is
 * lifted ({@link HeldChanges}).
 */
final class HouseholdChanges {
    /** How the history's summary of a change held, and not applied since, begins. */
    static final String HELD_PREFIX = "held, not applied: ";
    /** The history's summary of a change held while the household was restricted. */
    static final String HELD = HELD_PREFIX + "processing restricted";
    /** Ends the history's summary of a held change applied when the restriction was lifted. */
    static final String APPLIED_ON_LIFT = " (held while processing was restricted; applied when it was lifted)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NeedsCatalogue catalogue;
    private final HouseholdVault vault;
    private final HouseholdReseal reseal;
    private final ConsentWithdrawal withdrawal;

    HouseholdChanges(NeedsCatalogue catalogue, HouseholdVault vault, ConsentWithdrawal withdrawal,
                     DuplicateDetection duplicates) {
        this.catalogue = catalogue;
        this.vault = vault;
        this.reseal = new HouseholdReseal(vault, catalogue, duplicates);
        this.withdrawal = withdrawal;
    }

    /** A change event as opened: its header, its projection sequence and its payload. */
    record Change(EventHeader header, long sequence, HouseholdChange payload) {
        @Override
        public String toString() {
            return "Change[" + header.eventId() + ", personal data redacted]";
        }
    }

    /** Applies {@code change}; empty if it was, or why it was not. */
    Optional<ProjectionFailure> apply(Repositories repositories, Change change) {
        return apply(repositories, change, false);
    }

    /**
     * Applies a change held while its household was restricted, now that it is not, as {@link #apply} would have;
     * if it applies, its history line (there since it was held) gets its summary, saying so.
     */
    Optional<ProjectionFailure> applyHeld(Repositories repositories, Change change) {
        return apply(repositories, change, true);
    }

    private Optional<ProjectionFailure> apply(Repositories repositories, Change change, boolean wasHeld) {
        EventHeader header = change.header();
        Optional<SealedHousehold> stored = repositories.households().findById(change.payload().householdId());
        if (stored.isEmpty()) {
            return failed(change, "the household is not in the read model: its registration was skipped");
        }
        if (stored.get().erased()) {
            return failed(change, "the household was erased");
        }
        SealedHousehold sealed = stored.get();
        if (!sealed.kioskId().equals(header.kioskId())) {
            return failed(change, "changed by kiosk " + header.kioskId() + " but registered by kiosk "
                    + sealed.kioskId() + ": only the registering kiosk's chain orders its changes");
        }
        if (repositories.restrictions().find(sealed.householdId()).isPresent()) {
            return held(repositories, change);
        }
        HouseholdRecord household = vault.open(sealed);
        Optional<ProjectionFailure> failure = switch (header.type()) {
            // A reprint changes nothing but the history.
            case HOUSEHOLD_CARD_REPRINTED -> Optional.empty();
            case TOKEN_REISSUED -> reissue(repositories, change, sealed);
            case HOUSEHOLD_CORRECTED -> correct(repositories, change, household);
            case CONSENT_CHANGED -> changeConsent(repositories, change, household);
            case HOUSEHOLD_REGISTERED, REFERRAL_REQUESTED, REFERRAL_TRANSITIONED, REFERRAL_NOTE_ADDED,
                 REFERRAL_REASSIGNED, HOUSEHOLDS_MERGED, HOUSEHOLDS_UNMERGED, DUPLICATE_DISMISSED, HOUSEHOLD_ERASED,
                 HOUSEHOLD_RESTRICTED, HOUSEHOLD_RESTRICTION_LIFTED -> failed(change, "a " + header.type() + " is not a change");
        };
        if (failure.isEmpty()) {
            String summary = ChangeSummary.of(header.type(), change.payload().details(),
                    read(household.householdJson()).path("consent"));
            if (wasHeld) {
                repositories.householdHistory().resummarize(header.eventId(), summary + APPLIED_ON_LIFT);
            } else {
                repositories.householdHistory().record(new HistoryEntry(header.eventId(), household.householdId(),
                        change.sequence(), header.type(), change.payload().at(), header.kioskId(),
                        change.payload().operator(), summary));
            }
        }
        return failure;
    }

    /**
     * A kiosk's change to a household whose processing is restricted: not applied, since the person asked that their
     * data not be processed. Its history says which change waits, for the DPO (who sees the history); the projection
     * failure says why it was not applied. Lifting the restriction applies it ({@link HeldChanges}).
     */
    private Optional<ProjectionFailure> held(Repositories repositories, Change change) {
        EventHeader header = change.header();
        repositories.householdHistory().record(new HistoryEntry(header.eventId(), change.payload().householdId(),
                change.sequence(), header.type(), change.payload().at(), header.kioskId(),
                change.payload().operator(), HELD));
        return failed(change, "the household's processing is restricted at the person's request: the change was "
                + "held, not applied");
    }

    private Optional<ProjectionFailure> reissue(Repositories repositories, Change change, SealedHousehold household) {
        IssuedToken revoked;
        IssuedToken fresh;
        try {
            revoked = IssuedToken.parseQr(change.payload().details().path("revokedToken").asText());
            fresh = IssuedToken.parseQr(change.payload().token());
        } catch (InvalidTokenException e) {
            return failed(change, "a token in the reissue does not read (" + e.reason() + ")");
        }
        if (!revoked.id().equals(household.tokenId())) {
            return failed(change, "the revoked token is not the household's current token");
        }
        if (!fresh.kioskId().equals(change.header().kioskId())) {
            return failed(change, "the new token names kiosk " + fresh.kioskId() + ", not the event's kiosk");
        }
        if (repositories.households().findByToken(fresh.id()).isPresent()
                || repositories.revokedTokens().find(fresh.id()).isPresent()) {
            return failed(change, "the new token is already held or revoked");
        }
        repositories.revokedTokens().revoke(new RevokedToken(revoked.id(), household.householdId(),
                change.header().eventId(), change.payload().at()));
        repositories.households().replace(household.withToken(fresh.id(), fresh.kioskId(), fresh.issuedOn()));
        return Optional.empty();
    }

    private Optional<ProjectionFailure> correct(Repositories repositories, Change change, HouseholdRecord household) {
        return replaceJson(repositories, change, household, change.payload().details().get("household"));
    }

    private Optional<ProjectionFailure> changeConsent(Repositories repositories, Change change,
                                                      HouseholdRecord household) {
        JsonNode consent = change.payload().details().get("consent");
        if (consent == null || !consent.isObject()) {
            return failed(change, "the consent change holds no consent");
        }
        ObjectNode after = read(household.householdJson());
        after.set("consent", consent);
        return replaceJson(repositories, change, household, after);
    }

    /** The reason the kiosk recorded, if it reads as staff text; else one that says where it came from. */
    private static String withdrawalReason(Change change) {
        JsonNode reason = change.payload().details().path("reason");
        if (reason.isTextual()) {
            StrictText.Checked checked = StrictText.check(reason.textValue(), StrictText.Kind.TEXT);
            if (checked.ok() && !checked.text().isEmpty()
                    && checked.text().codePointCount(0, checked.text().length()) <= ReferralLifecycle.MAX_REASON) {
                return checked.text();
            }
        }
        return change.header().type() == EventType.CONSENT_CHANGED
                ? "Consent to referral withdrawn at kiosk " + change.header().kioskId() + "."
                : "The consent it stood on is no longer recorded after a correction at kiosk "
                        + change.header().kioskId() + ".";
    }

    /** Validates {@code json} as at registration, on the change's date, and stores it as the household. */
    private Optional<ProjectionFailure> replaceJson(Repositories repositories, Change change, HouseholdRecord household,
                                                    JsonNode json) {
        Household changed;
        try {
            // One day of slack on "not in the future", as for a registration: the kiosk's date may be ahead of UTC.
            LocalDate today = change.payload().at().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
            changed = HouseholdJson.read(json, catalogue, today);
        } catch (InvalidRegistrationException e) {
            // Field paths only: the problems' messages are meant for whoever typed the values.
            return failed(change, "the changed household is invalid at "
                    + e.problems().stream().map(FieldProblem::field).toList());
        }
        reseal.store(repositories, household, changed);
        // The change may take away consent a referral stands on (all of it, or one person's): it ends here, now.
        withdrawal.withdrawUnconsented(repositories, household.householdId(), changed, withdrawalReason(change),
                change.header().kioskId().toLowerCase(Locale.ROOT));
        return Optional.empty();
    }

    private static ObjectNode read(String householdJson) {
        try {
            return (ObjectNode) JSON.readTree(householdJson);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("A stored household is not a JSON object", e);
        }
    }

    private static Optional<ProjectionFailure> failed(Change change, String reason) {
        return Optional.of(new ProjectionFailure(change.header().eventId(), reason));
    }
}
