package org.threshold.hub.app.household;

import java.time.Clock;
import java.util.Optional;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.IssuedToken;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.kiosk.KioskDirectory;

/**
 * Finds the household a token card was printed for, from a typed short code or a scanned QR payload (whose
 * kiosk signature is checked), and records the read in the access log before returning it. Thread-safe.
 */
public final class TokenLookup {
    /** The access log's name for this read. */
    public static final String ACTION = "token-lookup";
    /** The access log's name for a lookup of a token a reissue revoked: nothing was read, but it was asked. */
    public static final String ACTION_REVOKED = "token-lookup-revoked";
    // A QR payload is about 150 characters; anything much longer is not worth parsing.
    private static final int MAX_INPUT = 300;

    private final HouseholdProjector projector;
    private final HubStore store;
    private final KioskDirectory kiosks;
    private final Clock clock;

    public TokenLookup(HouseholdProjector projector, HubStore store, KioskDirectory kiosks, Clock clock) {
        this.projector = projector;
        this.store = store;
        this.kiosks = kiosks;
        this.clock = clock;
    }

    /**
     * @param reader the signed-in username, for the access log
     * @throws Refusal INVALID for a mistyped or malformed token, UNACCEPTABLE {@code FORGED}, NOT_FOUND
     *                  {@code UNKNOWN_KIOSK} or {@code NOT_FOUND}, GONE {@code TOKEN_REVOKED} for a token a reissue
     *                  replaced
     */
    public HouseholdRecord find(String codeOrQr, String reader) {
        TokenId tokenId = parse(codeOrQr);
        // A caseworker who looks a card up just after the kiosk synced must find it.
        projector.catchUpIfBehind();
        // The read and its record in the access log are one transaction: no read goes unlogged. A revoked token's
        // lookup is logged too, and committed before it is refused.
        Optional<HouseholdRecord> found = store.inTransaction(repositories -> {
            Optional<HouseholdRecord> household = repositories.households().findByToken(tokenId);
            if (household.isPresent()) {
                repositories.accessLog().record(clock.instant(), reader, ACTION, household.get().householdId());
                return household;
            }
            Optional<RevokedToken> revoked = repositories.revokedTokens().find(tokenId);
            if (revoked.isEmpty()) {
                throw new Refusal(Refusal.Kind.NOT_FOUND, "NOT_FOUND", "No household with this token has reached "
                        + "the hub yet. If it was registered today, the kiosk may not have synced.");
            }
            repositories.accessLog().record(clock.instant(), reader, ACTION_REVOKED, revoked.get().householdId());
            return Optional.<HouseholdRecord>empty();
        });
        return found.orElseThrow(() -> new Refusal(Refusal.Kind.GONE, "TOKEN_REVOKED", "This card was replaced by a "
                + "new token and no longer counts. Ask the household for their new card."));
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
