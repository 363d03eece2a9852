package org.threshold.hub.app.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Service;
import org.threshold.core.referral.NeedToKnow;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.core.referral.VisiblePerson;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.Member;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.StoredHousehold;
import org.threshold.hub.app.referral.ReferralRecord;

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
 *   <li>A CASEWORKER or SUPERVISOR sees a household only through its referrals to their services, and of it only what
 *   the referral's service's field profile allows (so a health caseworker never sees an SV or TR code). A scan of a
 *   household with none shows that fact and nothing personal.</li>
 *   <li>Referrals are seen by the CASEWORKERs and SUPERVISORs of their service, and by the PROTECTION_OFFICERs who
 *   serve it if it is a protection service; only the receiving service's CASEWORKERs and SUPERVISORs act on them, only
 *   its SUPERVISORs reassign them.</li>
 *   <li>Potential duplicates are decided (dismissed, merged, unmerged) by SUPERVISORs, whose queue it is, and by
 *   PROTECTION_OFFICERs, who may read any household anyway. To tell two registrations apart a decider sees who the
 *   people are ({@link #duplicateSide}: names, sex, birth, nationality, relationship) and when and where each was
 *   registered, in any household, each read logged; never a need code, a phone number or a place of origin, which
 *   decide nothing about identity. A caseworker, the DPO and an ADMIN see no duplicates.</li>
 * </ul>
 */
public final class AccessPolicy {
    /** The refusal's reason (and the access log's outcome) for a household erased at the person's request. */
    public static final String ERASED = "ERASED";
    /** The refusal's reason (and the access log's outcome) for a household whose processing is restricted. */
    public static final String RESTRICTED = "RESTRICTED";
    private static final VisibleHousehold NOTHING_VISIBLE = new VisibleHousehold(null, null, null, null, null,
            List.of());

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
     * What {@code user} may see of a household they looked up, whose referrals are {@code itsReferrals}: a caseworker or
     * supervisor sees only those to their services (each as {@link #referral} shows it), or, with none, that fact.
     *
     * @throws Refusal FORBIDDEN {@code NO_HOUSEHOLD_DATA} for ADMIN and DPO
     */
    public HouseholdView household(SignedInUser user, HouseholdRecord record, List<ReferralRecord> itsReferrals,
                                   Instant now) {
        Optional<GlassBreak> grant = user.role() == Role.PROTECTION_OFFICER
                ? glassBreaks.stored(user, record.householdId()) : Optional.empty();
        return household(user, record, itsReferrals, grant, now);
    }

    /**
     * As {@link #household(SignedInUser, HouseholdRecord, List, Instant)}, with {@code storedGrant}, the user's
     * glass-break on this household running now as the store holds it, read by the caller in the same transaction
     * as the household ({@code LookupRepository#glassBreak}).
     */
    public HouseholdView household(SignedInUser user, HouseholdRecord record, List<ReferralRecord> itsReferrals,
                                   Optional<GlassBreak> storedGrant, Instant now) {
        return switch (user.role()) {
            case ADMIN, DPO -> throw noHouseholdData(user);
            case CASEWORKER, SUPERVISOR -> {
                Set<String> services = referralServices(user);
                List<ReferralView> theirs = itsReferrals.stream()
                        .filter(referral -> services.contains(referral.service()))
                        // A restricted household is refused before it gets here (requireReadable).
                        .map(referral -> referral(user, referral, record, now, false)).toList();
                yield theirs.isEmpty() ? new HouseholdView.NoReferral(record)
                        : new HouseholdView.Referrals(record, theirs);
            }
            case PROTECTION_OFFICER -> {
                Household household = read(record);
                Optional<GlassBreak> glassBreak = glassBreaks.open(storedGrant);
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

    /**
     * Whether {@link #household} needs the household's referrals to decide what {@code user} sees: only a caseworker
     * or supervisor sees a household through them, so nobody else's lookup reads them.
     */
    public boolean showsThroughReferrals(SignedInUser user) {
        return user.role() == Role.CASEWORKER || user.role() == Role.SUPERVISOR;
    }

    private Set<String> allCodes() {
        Set<String> codes = new java.util.HashSet<>();
        referrals.catalogue().all().forEach(need -> codes.add(need.code()));
        return codes;
    }

    /**
     * The services whose referrals {@code user} may see: their own services for a caseworker or supervisor, the
     * protection services they serve for a protection officer.
     *
     * @throws Refusal FORBIDDEN {@code NO_HOUSEHOLD_DATA} for ADMIN and DPO
     */
    public Set<String> referralServices(SignedInUser user) {
        return switch (user.role()) {
            case ADMIN, DPO -> throw noHouseholdData(user);
            case CASEWORKER, SUPERVISOR -> new TreeSet<>(user.services());
            case PROTECTION_OFFICER -> {
                Set<String> served = new TreeSet<>();
                for (String service : user.services()) {
                    referrals.services().find(service).filter(Service::protection).map(Service::id)
                            .ifPresent(served::add);
                }
                yield served;
            }
        };
    }

    /**
     * The services a queue shows {@code user}: {@code service} if named, else every one they may see.
     *
     * @throws Refusal INVALID {@code UNKNOWN_SERVICE}; FORBIDDEN {@code NOT_YOUR_SERVICE} for a service whose
     *                  referrals the user may not see
     */
    public Set<String> queueServices(SignedInUser user, Optional<String> service) {
        Set<String> visible = referralServices(user);
        if (service.isEmpty()) {
            return visible;
        }
        requireKnownService(service.get());
        if (!visible.contains(service.get())) {
            throw notYourService(service.get());
        }
        return Set.of(service.get());
    }

    /**
     * What {@code user} sees of {@code referral} of {@code household}: if the household is {@code restricted}, only
     * the referral itself, marked suspended while open (a suspended referral is never overdue: its clock stopped).
     *
     * @throws Refusal FORBIDDEN {@code NOT_YOUR_SERVICE} if its service is not one whose referrals they may see
     */
    public ReferralView referral(SignedInUser user, ReferralRecord referral, HouseholdRecord household, Instant now,
                                 boolean restricted) {
        if (!seesReferralsOf(user, referral.service())) {
            throw notYourService(referral.service());
        }
        if (restricted) {
            return new ReferralView(referral, household, NOTHING_VISIBLE, false, referral.status().open());
        }
        List<Integer> referred = new ArrayList<>(referral.people().size());
        for (ReferredPerson person : referral.people()) {
            referred.add(person.member());
        }
        // Only what the service's profile shows of the referred people is read of the household (a page reads 50).
        VisibleHousehold visible = StoredHousehold.visible(household,
                NeedToKnow.forReferral(referrals.profiles().of(referral.service()), referred));
        return new ReferralView(referral, household, visible, ReferralView.overdue(referral, now), false);
    }

    /** Whether {@code service} is among {@link #referralServices}{@code (user)}, without making that set. */
    private boolean seesReferralsOf(SignedInUser user, String service) {
        return switch (user.role()) {
            case ADMIN, DPO -> throw noHouseholdData(user);
            case CASEWORKER, SUPERVISOR -> user.services().contains(service);
            case PROTECTION_OFFICER -> user.services().contains(service)
                    && referrals.services().find(service).filter(Service::protection).isPresent();
        };
    }

    /**
     * Whether {@code user} may act on a referral to {@code service} as its receiving service (move it on, add notes).
     *
     * @throws Refusal FORBIDDEN {@code NOT_YOUR_SERVICE} otherwise
     */
    public void requireReceivingService(SignedInUser user, String service) {
        boolean receiving = (user.role() == Role.CASEWORKER || user.role() == Role.SUPERVISOR)
                && user.services().contains(service);
        if (!receiving) {
            throw notYourService(service);
        }
    }

    /**
     * Whether {@code user} may reassign a referral of {@code fromService}: a supervisor of that service.
     *
     * @throws Refusal FORBIDDEN {@code SUPERVISOR_REQUIRED} or {@code NOT_YOUR_SERVICE}
     */
    public void requireReassigner(SignedInUser user, String fromService) {
        if (user.role() != Role.SUPERVISOR) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "SUPERVISOR_REQUIRED", "Only a supervisor of the referral's "
                    + "service may reassign it.", Map.of());
        }
        requireReceivingService(user, fromService);
    }

    /**
     * Whether {@code user} may withdraw a household's consent at the hub: a protection officer.
     *
     * @throws Refusal FORBIDDEN {@code FORBIDDEN} otherwise
     */
    public void requireConsentOfficer(SignedInUser user) {
        requireRole(user, Set.of(Role.PROTECTION_OFFICER));
    }

    /**
     * Whether {@code user} may see and decide potential duplicates: a supervisor or a protection officer.
     *
     * @throws Refusal FORBIDDEN {@code DUPLICATE_DECIDERS_ONLY} otherwise
     */
    public void requireDuplicateDecider(SignedInUser user) {
        if (user.role() != Role.SUPERVISOR && user.role() != Role.PROTECTION_OFFICER) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "DUPLICATE_DECIDERS_ONLY", "Only a supervisor or a protection "
                    + "officer decides on potential duplicates; your role (" + user.role() + ") does not.",
                    Map.of("role", user.role().name()));
        }
    }

    /**
     * What a decider sees of one household of a potential duplicate: each member's names, sex, birth, nationality and
     * relationship, and the arrival date; no need code, phone, language or place.
     *
     * @throws Refusal FORBIDDEN {@code DUPLICATE_DECIDERS_ONLY} for anyone else
     */
    public VisibleHousehold duplicateSide(SignedInUser user, HouseholdRecord record) {
        requireDuplicateDecider(user);
        Household household = read(record);
        List<VisiblePerson> people = new ArrayList<>();
        for (int index = 0; index < household.members().size(); index++) {
            Member member = household.members().get(index);
            people.add(new VisiblePerson(index, member.givenName(), member.familyName(), member.givenNameLatin(),
                    member.familyNameLatin(), member.sex(), member.birthDate(), member.birthDateEstimated(),
                    member.ageEstimate(), member.nationality(), member.relationship(), List.of()));
        }
        return new VisibleHousehold(null, null, household.arrivalDate(), null, null, people);
    }

    /** @throws Refusal INVALID {@code UNKNOWN_SERVICE} for a service the services file does not list */
    public void requireKnownService(String service) {
        if (referrals.services().find(service).isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "UNKNOWN_SERVICE", "There is no service \"" + service
                    + "\".", Map.of("service", service, "services", String.join(", ",
                    referrals.services().all().stream().map(Service::id).toList())));
        }
    }

    /**
     * Whether {@code user} may read a household whose processing may be restricted: while it is, only a protection
     * officer who broke the glass on it may.
     *
     * @throws Refusal FORBIDDEN {@code RESTRICTED}
     */
    public void requireReadable(SignedInUser user, UUID householdId, boolean restricted) {
        requireReadable(user, restricted, restricted && user.role() == Role.PROTECTION_OFFICER
                ? glassBreaks.stored(user, householdId) : Optional.empty());
    }

    /**
     * As {@link #requireReadable(SignedInUser, UUID, boolean)}, with {@code storedGrant}, the user's glass-break on
     * this household running now, read by the caller in the same transaction as the household.
     *
     * @throws Refusal FORBIDDEN {@code RESTRICTED}
     */
    public void requireReadable(SignedInUser user, boolean restricted, Optional<GlassBreak> storedGrant) {
        if (restricted && (user.role() != Role.PROTECTION_OFFICER || storedGrant.isEmpty())) {
            throw restricted();
        }
    }

    /**
     * Whether anyone may act on a household's referrals: not once it was erased, nor while it is restricted (not even
     * through a glass-break, which opens a record to read, never to process).
     *
     * @throws Refusal GONE {@code ERASED}, FORBIDDEN {@code RESTRICTED}
     */
    public void requireActionable(boolean erased, boolean restricted) {
        if (erased) {
            throw erased();
        }
        if (restricted) {
            throw restricted();
        }
    }

    /** The answer for a household erased at the person's request: nothing of it is left to show. */
    public static Refusal erased() {
        return new Refusal(Refusal.Kind.GONE, ERASED, "This household's data was erased at the person's request. "
                + "Nothing of it is left to show; register the household again if they ask for help.");
    }

    /** The answer for a household whose processing is restricted at the person's request. */
    public static Refusal restricted() {
        return new Refusal(Refusal.Kind.FORBIDDEN, RESTRICTED, "The person asked for the processing of this "
                + "household's data to be restricted: its referrals are suspended and nothing of it (referrals, "
                + "consent) can be changed until the data protection officer lifts the restriction. In an emergency "
                + "a protection officer may break the glass to read it, not to change it.");
    }

    private static Refusal notYourService(String service) {
        return new Refusal(Refusal.Kind.FORBIDDEN, "NOT_YOUR_SERVICE", "This referral is for " + service
                + ", which is not one of your services.", Map.of("service", service));
    }

    private static Refusal noHouseholdData(SignedInUser user) {
        return new Refusal(Refusal.Kind.FORBIDDEN, "NO_HOUSEHOLD_DATA", "Your role (" + user.role() + ") sees no "
                + "household data. Ask a caseworker or a protection officer.", Map.of("role", user.role().name()));
    }

    private Household read(HouseholdRecord record) {
        return StoredHousehold.read(record);
    }
}
