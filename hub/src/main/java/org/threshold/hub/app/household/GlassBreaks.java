package org.threshold.hub.app.household;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.threshold.core.input.StrictText;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.access.GlassBreak;
import org.threshold.hub.app.access.GlassBreakReasons;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.audit.AccessAudit;
import org.threshold.hub.app.audit.AccessRecord;

/**
 * Break the glass (issue 11 §8): a protection officer who must see what their services' scope hides in one household
 * (another service's sensitive codes) writes why, and the household opens to them whole for {@link #LASTS}. The
 * grant is recorded in the access log before it is stored, kept in the database (every hub instance honours it,
 * {@link org.threshold.hub.app.access.GlassBreakGrants}), and listed for the DPO with its reason. The reason is sealed
 * at rest ({@link GlassBreakReasons}) and opened only for the DPO's list and the officer's own view. Thread-safe.
 */
public final class GlassBreaks {
    public static final Duration LASTS = Duration.ofHours(3);
    /** Characters a reason needs at least: a sentence, not "x" or "urgent". */
    public static final int MIN_REASON = 20;
    public static final int MAX_REASON = 500;
    /** The most grants one page of the DPO's list holds, whatever is asked. */
    public static final int MAX_PAGE = 200;
    /** The access log's name for a glass-break; its outcome is {@link #GRANTED}. */
    public static final String ACTION = "glass-break";
    public static final String GRANTED = "GRANTED";

    private final TokenLookup lookup;
    private final HubStore store;
    private final AccessAudit audit;
    private final Clock clock;
    private final GlassBreakReasons reasons;

    public GlassBreaks(TokenLookup lookup, HubStore store, AccessAudit audit, Clock clock, GlassBreakReasons reasons) {
        this.lookup = lookup;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.reasons = reasons;
    }

    /**
     * Opens the household {@code codeOrQr} names to {@code officer} for {@link #LASTS}, and shows it as now opened.
     *
     * @throws Refusal FORBIDDEN {@code GLASS_BREAK_NOT_ALLOWED} for any role but PROTECTION_OFFICER; INVALID
     *                 {@code REASON_TOO_SHORT}, {@code REASON_TOO_LONG} or {@code INVALID_TEXT}; any refusal of
     *                 the token lookup ({@link TokenLookup#find})
     */
    public HouseholdView open(SignedInUser officer, String codeOrQr, String reason) {
        if (officer.role() != Role.PROTECTION_OFFICER) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "GLASS_BREAK_NOT_ALLOWED", "Only a protection officer may "
                    + "break the glass.", Map.of("role", officer.role().name()));
        }
        String why = checked(reason);
        HouseholdRecord household = lookup.resolve(codeOrQr, officer);
        Instant now = clock.instant();
        // In the log before it takes effect, as every read is.
        audit.record(new AccessRecord(now, officer.username(), ACTION, GRANTED, household.householdId()));
        String sealed = reasons.seal(officer.username(), household.householdId(), why);
        store.inTransaction(repositories -> repositories.glassBreaks().add(officer.username(),
                household.householdId(), sealed, now, now.plus(LASTS)));
        return lookup.find(codeOrQr, officer);
    }

    /**
     * Grants newest first, for the DPO.
     *
     * @param username only this account's, or everyone's when null
     * @param beforeId the previous page's last id, or null for the newest
     * @param limit    capped at {@link #MAX_PAGE}
     */
    public List<GlassBreak> list(String username, Long beforeId, int limit) {
        int capped = Math.max(1, Math.min(MAX_PAGE, limit));
        return store.read(repositories -> repositories.glassBreaks().list(username, beforeId, capped)).stream()
                .map(reasons::open).toList();
    }

    private static String checked(String reason) {
        StrictText.Checked text = StrictText.check(reason == null ? "" : reason, StrictText.Kind.TEXT);
        if (!text.ok()) {
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_TEXT", "The reason holds characters that are not allowed "
                    + "(control or direction characters). Type it again.");
        }
        int length = text.text().codePointCount(0, text.text().length());
        if (length < MIN_REASON) {
            throw new Refusal(Refusal.Kind.INVALID, "REASON_TOO_SHORT", "Write why you must see what your scope "
                    + "hides, in at least " + MIN_REASON + " characters: the DPO reads it.", Map.of("min", MIN_REASON));
        }
        if (length > MAX_REASON) {
            throw new Refusal(Refusal.Kind.INVALID, "REASON_TOO_LONG", "A reason is at most " + MAX_REASON
                    + " characters.", Map.of("max", MAX_REASON));
        }
        return text.text();
    }
}
