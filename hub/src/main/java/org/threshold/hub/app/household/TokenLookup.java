package org.threshold.hub.app.household;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.access.GlassBreak;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;
import org.threshold.hub.app.kiosk.KioskDirectory;
import org.threshold.hub.app.referral.ReferralRecord;

/**
 * Finds the household a token card was printed for, from a typed short code or a scanned QR payload (whose
 * kiosk signature is checked), and asks the {@link AccessPolicy} what of it the reader may see. Every attempt is
 * recorded in the access log, found or not, forged or mistyped, refused to the reader's role or not, and its record is
 * committed before the answer is given: nothing is shown that the log does not hold. The household is read on a
 * reader connection, so lookups do not queue behind ingest for the writer, in one read with everything the policy
 * decides on (restriction, glass-break, referrals when they matter), through the store's plain-SQL
 * {@link LookupRepository}. Thread-safe.
 */
public final class TokenLookup {
    /** The access log's name for a lookup that showed the household (a read of personal data). */
    public static final String ACTION = "token-lookup";
    /** The access log's name for a caseworker's scan that showed only that there is no referral for them. */
    public static final String SCAN_ACTION = "token-scan";
    /** The access log's name for a lookup that showed what only a glass-break opened. */
    public static final String GLASS_BREAK_ACTION = "token-lookup-glass-break";
    /** The access log's outcome for a household found; otherwise the outcome is the refusal's reason. */
    public static final String FOUND = "FOUND";
    private static final String NOT_FOUND = "NOT_FOUND";
    private static final String TOKEN_REVOKED = "TOKEN_REVOKED";
    // A QR payload is about 150 characters; anything much longer is not worth parsing.
    private static final int MAX_INPUT = 300;

    private final HouseholdProjector projector;
    private final HubStore store;
    private final AccessAudit audit;
    private final KioskDirectory kiosks;
    private final Clock clock;
    private final AccessPolicy policy;
    private final HouseholdVault vault;

    public TokenLookup(HouseholdProjector projector, HubStore store, HouseholdVault vault, AccessAudit audit,
                       KioskDirectory kiosks, AccessPolicy policy, Clock clock) {
        this.vault = vault;
        this.projector = projector;
        this.policy = policy;
        this.store = store;
        this.audit = audit;
        this.kiosks = kiosks;
        this.clock = clock;
    }

    /**
     * @param reader the signed-in user: what they may see is the policy's, and their name goes in the access log
     * @throws Refusal INVALID for a mistyped or malformed token, UNACCEPTABLE {@code FORGED}, NOT_FOUND
     *                  {@code UNKNOWN_KIOSK} or {@code NOT_FOUND}, GONE {@code TOKEN_REVOKED} for a token a reissue
     *                  replaced, GONE {@code ERASED} for a household erased at the person's request; FORBIDDEN
     *                  {@code NO_HOUSEHOLD_DATA} for roles that see none, {@code RESTRICTED} for a household whose
     *                  processing the person had restricted (but to a protection officer who broke the glass on it)
     */
    public HouseholdView find(String codeOrQr, SignedInUser reader) {
        Held held = held(codeOrQr, reader);
        HouseholdRecord household = vault.open(held.household());
        HouseholdView view;
        try {
            view = policy.household(reader, household, held.referrals(), held.grant(), held.at());
        } catch (Refusal refused) {
            // The role sees no household: nothing was shown, so no household is named in the log.
            record(reader.username(), ACTION, refused.reason(), null);
            throw refused;
        }
        try {
            policy.requireReadable(reader, held.restricted(), held.grant());
        } catch (Refusal refused) {
            record(reader.username(), ACTION, refused.reason(), household.householdId());
            throw refused;
        }
        record(reader.username(), action(view), FOUND, household.householdId());
        return view;
    }

    /**
     * The household a token names, read but not yet shown: a failed attempt is recorded in the access log as a
     * lookup, a found household is the caller's to show (and record) or not.
     *
     * @throws Refusal as {@link #find} does for a token that names no household
     */
    public HouseholdRecord resolve(String codeOrQr, SignedInUser reader) {
        return vault.open(held(codeOrQr, reader).household());
    }

    /**
     * What a lookup reads of the household a token names, in one read transaction: the household (the survivor of a
     * merge), whether it is restricted, the reader's glass-break on it, and its referrals if the policy shows the
     * household to this reader through them. Null {@code household} when the token names none; {@code behind} when
     * the projection had events to catch up on (nothing else was read).
     */
    private record Held(SealedHousehold household, boolean restricted, Optional<GlassBreak> grant,
                        List<ReferralRecord> referrals, Instant at, boolean behind) {
    }

    /** @throws Refusal as {@link #find} does for a token that names no household, recorded in the access log */
    private Held held(String codeOrQr, SignedInUser reader) {
        String username = reader.username();
        TokenId tokenId;
        try {
            tokenId = tokenOf(codeOrQr);
        } catch (Refusal refused) {
            record(username, ACTION, refused.reason(), null);
            throw refused;
        }
        Instant now = clock.instant();
        boolean withReferrals = policy.showsThroughReferrals(reader);
        Held held = store.read(repositories -> read(repositories, tokenId, username, now, withReferrals, true));
        if (held.behind()) {
            // A caseworker who looks a card up just after the kiosk synced must find it.
            projector.catchUpIfBehind();
            held = store.read(repositories -> read(repositories, tokenId, username, now, withReferrals, false));
        }
        if (held.household() != null && held.household().erased()) {
            record(username, ACTION, AccessPolicy.ERASED, held.household().householdId());
            throw AccessPolicy.erased();
        }
        if (held.household() != null) {
            return held;
        }
        // A card a reissue replaced: nothing is shown, but that it was asked for is recorded against the household.
        Optional<RevokedToken> revoked = store.read(repositories -> repositories.revokedTokens().find(tokenId));
        if (revoked.isPresent()) {
            record(username, ACTION, TOKEN_REVOKED, revoked.get().householdId());
            throw new Refusal(Refusal.Kind.GONE, TOKEN_REVOKED, "This card was replaced by a new token and no "
                    + "longer counts. Ask the household for their new card.");
        }
        record(username, ACTION, NOT_FOUND, null);
        throw new Refusal(Refusal.Kind.NOT_FOUND, NOT_FOUND, "No household with this token has reached the hub yet. "
                + "If it was registered today, the kiosk may not have synced.");
    }

    private static Held read(Repositories repositories, TokenId tokenId, String username, Instant now,
                             boolean withReferrals, boolean checkProjection) {
        LookupRepository lookups = repositories.lookups();
        LookupRepository.TokenRead read = lookups.byToken(tokenId, username, now, HouseholdProjector.PROJECTION);
        if (checkProjection && read.projectionBehind()) {
            return new Held(null, false, Optional.empty(), List.of(), now, true);
        }
        if (read.household() == null) {
            return new Held(null, false, Optional.empty(), List.of(), now, false);
        }
        SealedHousehold household = read.household();
        boolean restricted = read.restricted();
        Optional<GlassBreak> grant = read.glassBreak();
        if (read.mergedInto() != null && !household.erased()) {
            // Rare: the restriction and glass-break that count are the survivor's, read apart.
            household = survivor(repositories, household);
            if (!household.householdId().equals(read.household().householdId())) {
                restricted = lookups.restricted(household.householdId());
                grant = lookups.glassBreak(username, household.householdId(), now);
            }
        }
        if (household.erased()) {
            return new Held(household, false, Optional.empty(), List.of(), now, false);
        }
        return new Held(household, restricted, grant,
                withReferrals ? repositories.referrals().forHousehold(household.householdId()) : List.of(), now,
                false);
    }

    /**
     * The household a merge made {@code found} part of, or {@code found} itself: a merged household's card opens the
     * surviving record, which holds its referrals since the merge. An erased household's card answers that it was
     * erased, merged or not.
     */
    private static SealedHousehold survivor(Repositories repositories, SealedHousehold found) {
        UUID survivor = repositories.duplicates().survivorOf(found.householdId());
        return survivor.equals(found.householdId()) ? found
                : repositories.households().findById(survivor).orElse(found);
    }

    private static String action(HouseholdView view) {
        if (view instanceof HouseholdView.Visible visible) {
            return visible.glassBreak().isPresent() ? GLASS_BREAK_ACTION : ACTION;
        }
        // A caseworker's scan shows personal data only through their services' referrals.
        return view instanceof HouseholdView.Referrals ? ACTION : SCAN_ACTION;
    }

    /** Never what was typed or scanned: a token code opens the household it names. */
    private void record(String reader, String action, String outcome, UUID householdId) {
        audit.record(new AccessRecord(clock.instant(), reader, action, outcome, householdId));
    }

    /**
     * The token a typed short code or a scanned QR payload names (the QR's kiosk signature checked).
     *
     * @throws Refusal as {@link #find} does for a token that does not read
     */
    public TokenId tokenOf(String codeOrQr) {
        String text = codeOrQr == null ? "" : codeOrQr.strip();
        if (text.length() > MAX_INPUT) {
            throw new Refusal(Refusal.Kind.INVALID, InvalidTokenException.Reason.MALFORMED.name(), "This is too long to be a "
                    + "token. Type the code printed on the card (like 7K3M-Q9XD-2HPT-VB6R-F) or scan its QR code.");
        }
        try {
            // Short codes never contain ':'; QR payloads always do (TH1:...).
            return text.indexOf(':') >= 0
                    ? IssuedToken.parseAndVerify(text, kiosks::verifyingKeyOrNull).id()
                    : TokenId.parseShortCode(text);
        } catch (InvalidTokenException e) {
            throw rejected(e);
        }
    }

    private static Refusal rejected(InvalidTokenException e) {
        String what = sentence(e.getMessage());
        return switch (e.reason()) {
            case FORGED -> new Refusal(Refusal.Kind.UNACCEPTABLE, e.reason().name(), what
                    + " Do not act on this card; refer its holder to protection staff.");
            case UNKNOWN_KIOSK -> new Refusal(Refusal.Kind.NOT_FOUND, e.reason().name(), what
                    + " The card may come from another deployment; ask the hub administrator.");
            case NOT_A_TOKEN -> new Refusal(Refusal.Kind.INVALID, e.reason().name(), what
                    + " Scan the QR code on a Threshold token card, or type the code printed under it.");
            case UNSUPPORTED_VERSION -> new Refusal(Refusal.Kind.INVALID, e.reason().name(), what);
            case MALFORMED, INVALID_CHARACTER, CHECK_MISMATCH -> new Refusal(Refusal.Kind.INVALID, e.reason().name(), what
                    + " Type the code from the card again, or scan its QR code.");
        };
    }

    /** Core's token messages are clauses ("the code does not add up..."); make them a sentence. */
    private static String sentence(String clause) {
        if (clause == null || clause.isEmpty()) {
            return "";
        }
        String text = Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
