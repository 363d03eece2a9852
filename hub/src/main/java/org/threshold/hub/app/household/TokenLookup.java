package org.threshold.hub.app.household;

import java.time.Clock;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.kiosk.KioskDirectory;

/**
 * Finds the household a token card was printed for, from a typed short code or a scanned QR payload (whose
 * kiosk signature is checked), asks the {@link AccessPolicy} what of it the reader may see, and records the read in
 * the access log before returning it. Thread-safe.
 */
public final class TokenLookup {
    /** The access log's name for a lookup that showed the household (a read of personal data). */
    public static final String ACTION = "token-lookup";
    /** The access log's name for a caseworker's scan that showed only that there is no referral for them. */
    public static final String SCAN_ACTION = "token-scan";
    // A QR payload is about 150 characters; anything much longer is not worth parsing.
    private static final int MAX_INPUT = 300;

    private final HouseholdProjector projector;
    private final HubStore store;
    private final KioskDirectory kiosks;
    private final Clock clock;

    private final AccessPolicy policy;

    public TokenLookup(HouseholdProjector projector, HubStore store, KioskDirectory kiosks, AccessPolicy policy,
                       Clock clock) {
        this.projector = projector;
        this.policy = policy;
        this.store = store;
        this.kiosks = kiosks;
        this.clock = clock;
    }

    /**
     * @param reader the signed-in user: what they may see is the policy's, and their name goes in the access log
     * @throws Refusal INVALID for a mistyped or malformed token, UNACCEPTABLE {@code FORGED}, NOT_FOUND
     *                  {@code UNKNOWN_KIOSK} or {@code NOT_FOUND}; FORBIDDEN {@code NO_HOUSEHOLD_DATA} for roles
     *                  that see none
     */
    public HouseholdView find(String codeOrQr, SignedInUser reader) {
        TokenId tokenId = parse(codeOrQr);
        // A caseworker who looks a card up just after the kiosk synced must find it.
        projector.catchUpIfBehind();
        // The read and its record in the access log are one transaction: no read goes unlogged.
        return store.inTransaction(repositories -> {
            HouseholdRecord household = repositories.households().findByToken(tokenId).orElseThrow(() ->
                    new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND", "No household with this token has reached the "
                            + "hub yet. If it was registered today, the kiosk may not have synced."));
            HouseholdView view = policy.household(reader, household);
            repositories.accessLog().record(clock.instant(), reader.username(),
                    view instanceof HouseholdView.Visible ? ACTION : SCAN_ACTION, household.householdId());
            return view;
        });
    }

    private TokenId parse(String codeOrQr) {
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
