package org.threshold.hub.app.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threshold.core.referral.NeedToKnow;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.HouseholdRecord;

/**
 * The hub's one authorization policy: which roles may use a route (each route declares them), and what of a
 * household a signed-in user may see (role, service scope, sensitivity, through core's {@link NeedToKnow}). The JSON
 * API and the pages both ask it; nothing else decides. Thread-safe.
 * <ul>
 *   <li>ADMIN and DPO see no household data.</li>
 *   <li>A PROTECTION_OFFICER sees any household whole, but of its need codes only those
 *   {@link ReferralData#codesForProtectionOfficer} allows for the services they serve: another service's sensitive
 *   codes stay hidden, unless they broke the glass on that household ({@link GlassBreakGrants}): then it opens
 *   whole while the grant lasts, and the view says so.</li>
 *   <li>A CASEWORKER or SUPERVISOR sees a household only through its referrals to their services. The hub holds no
 *   referrals yet, so a scan shows that there is none, and nothing personal; in particular a health caseworker never
 *   sees an SV or TR code.</li>
 * </ul>
 */
public final class AccessPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReferralData referrals;
    private final GlassBreakGrants glassBreaks;

    public AccessPolicy(ReferralData referrals, GlassBreakGrants glassBreaks) {
        this.referrals = referrals;
        this.glassBreaks = glassBreaks;
    }

    /**
     * @param allowed the roles the route declares
     * @throws Refusal FORBIDDEN {@code FORBIDDEN} if the user's role is not among them
     */
    public void requireRole(SignedInUser user, Set<Role> allowed) {
        if (!allowed.contains(user.role())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "FORBIDDEN", "Your role (" + user.role() + ") may not do this. "
                    + "Ask a hub administrator if your work needs it.", Map.of("role", user.role().name()));
        }
    }

    /**
     * What {@code user} may see of a household they looked up.
     *
     * @throws Refusal FORBIDDEN {@code NO_HOUSEHOLD_DATA} for ADMIN and DPO
     */
    public HouseholdView household(SignedInUser user, HouseholdRecord record) {
        return switch (user.role()) {
            case ADMIN, DPO -> throw new Refusal(Refusal.Kind.FORBIDDEN, "NO_HOUSEHOLD_DATA", "Your role ("
                    + user.role() + ") sees no household data. Ask a caseworker or a protection officer.",
                    Map.of("role", user.role().name()));
            case CASEWORKER, SUPERVISOR -> new HouseholdView.NoReferral(record);
            case PROTECTION_OFFICER -> {
                Household household = read(record);
                Optional<GlassBreak> glassBreak = glassBreaks.active(user, record.householdId());
                Set<String> codes = glassBreak.isPresent() ? allCodes()
                        : referrals.codesForProtectionOfficer(user.services());
                VisibleHousehold visible = NeedToKnow.forProtectionOfficer(household, codes);
                List<Integer> withheld = new ArrayList<>();
                for (int member = 0; member < household.members().size(); member++) {
                    withheld.add(household.members().get(member).needs().size()
                            - visible.people().get(member).needs().size());
                }
                yield new HouseholdView.Visible(record, visible, withheld, glassBreak);
            }
        };
    }

    private Set<String> allCodes() {
        Set<String> codes = new java.util.HashSet<>();
        referrals.catalogue().all().forEach(need -> codes.add(need.code()));
        return codes;
    }

    /** The stored household, read back as the kiosk validated it (on its registration day). */
    private Household read(HouseholdRecord record) {
        LocalDate registered = record.registeredAt().atOffset(ZoneOffset.UTC).toLocalDate();
        try {
            return HouseholdJson.read(JSON.readTree(record.householdJson()), referrals.catalogue(), registered);
        } catch (JsonProcessingException | InvalidRegistrationException e) {
            // Never quote it: the stored household is personal data.
            throw new IllegalStateException("The stored household " + record.householdId() + " does not read back ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
