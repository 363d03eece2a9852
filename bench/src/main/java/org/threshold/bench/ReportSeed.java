package org.threshold.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;
import org.threshold.core.referral.LegalBasis;
import org.threshold.core.referral.ReferralRequested;
import org.threshold.core.referral.ReferralState;
import org.threshold.core.referral.ReferralStatus;
import org.threshold.core.referral.ReferredPerson;
import org.threshold.core.referral.Urgency;
import org.threshold.core.registration.Sex;
import org.threshold.core.report.AgeBracket;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.hub.app.referral.ReferralEventRecord;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.app.referral.ReferralRepository.NewReferral;
import org.threshold.hub.app.report.ReportProjection;
import org.threshold.hub.app.report.ReportRepository.Reported;
import org.threshold.hub.store.JdbiHubStore;

/**
 * A year of arrivals for the report benchmark, straight into a store through the projector's own report code
 * ({@link ReportProjection#added}): HOUSEHOLDS households over {@link #DAYS} days at twelve sites, nine gates of
 * falling size and three small border posts that see a few households a day (the small cells suppression works
 * on); members of 1 to 6 with a plausible sex and age mix, one in five people with specific needs; one household in
 * ten referred to a service, a third of those accepted within a week. Seeded, so every run has the same figures.
 * Only what the reports read is seeded: the households' report facts and counts and the referrals (through the
 * referral store, which keeps the referrals report's counts and waits as the projector's changes do), not the sealed
 * households themselves, which no report opens.
 */
final class ReportSeed {
    static final LocalDate FIRST = LocalDate.of(2025, 12, 1);
    static final int DAYS = 365;
    private static final int BATCH = 5_000;
    private static final String[] SITES = {"Gate A", "Gate B", "Gate C", "Gate D", "Gate E", "Gate F", "Gate G",
        "Gate H", "Gate I", "Post J", "Post K", "Post L"};
    private static final String[] SERVICES = {"child-protection", "gbv", "health", "mhpss", "disability", "legal",
        "family-tracing", "shelter"};
    /** A need code each service is referred for, service by service. */
    private static final String[] CODES = {"SC-UC", "SV-VF", "SM-CI", "SM-MI", "DS-PM", "LP-RR", "FU-TR", "WR-SF"};
    private static final Sex[] SEXES = {Sex.F, Sex.M, Sex.OTHER, Sex.UNKNOWN};
    private static final double[] SEX_SHARES = {0.49, 0.49, 0.01, 0.01};
    private static final double[] AGE_SHARES = {0.15, 0.20, 0.12, 0.45, 0.06, 0.02};

    private final Random random = new Random(12);
    private final double[] siteShares = new double[SITES.length];
    private final List<String> categories;

    ReportSeed() {
        double sum = 0;
        for (int i = 0; i < SITES.length; i++) {
            // Gates by Zipf's law; each post one household in a thousand.
            siteShares[i] = i < 9 ? 1.0 / (i + 1) : 0;
            sum += siteShares[i];
        }
        for (int i = 0; i < SITES.length; i++) {
            siteShares[i] = i < 9 ? siteShares[i] / sum * 0.997 : 0.001;
        }
        SortedSet<String> found = new TreeSet<>();
        for (SpecificNeed need : NeedsCatalogue.bundled().all()) {
            found.add(need.code().substring(0, 2));
        }
        categories = List.copyOf(found);
    }

    void seed(JdbiHubStore store, int households) {
        for (int from = 0; from < households; from += BATCH) {
            List<Reported> batch = new ArrayList<>(BATCH);
            List<NewReferral> referred = new ArrayList<>();
            List<NewReferral> accepted = new ArrayList<>();
            for (int i = from; i < Math.min(households, from + BATCH); i++) {
                Reported household = new Reported(UUID.randomUUID(), facts());
                batch.add(household);
                if (random.nextInt(10) == 0) {
                    NewReferral referral = referral(household);
                    referred.add(referral);
                    if (random.nextInt(3) == 0) {
                        accepted.add(referral);
                    }
                }
            }
            store.inTransaction(repositories -> {
                ReportProjection.added(repositories, batch);
                repositories.referrals().insertRequested(referred);
                for (NewReferral referral : accepted) {
                    ReferralRecord before = referral.referral();
                    Instant at = before.requestedAt().plus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
                    ReferralRecord after = before.in(new ReferralState(before.service(), ReferralStatus.ACCEPTED,
                            before.basis()), at);
                    // The reports read an event's status and time only; its payload is not a real transition's.
                    repositories.referrals().recordChange(before, after, new ReferralEventRecord(UUID.randomUUID(),
                            before.referralId(), "ReferralTransitioned", ReferralStatus.ACCEPTED, at, "{}"));
                }
                return null;
            });
        }
    }

    private HouseholdFacts facts() {
        String site = SITES[pick(siteShares)];
        LocalDate arrival = FIRST.plusDays(random.nextInt(DAYS));
        int members = 1 + random.nextInt(6);
        List<HouseholdFacts.Person> people = new ArrayList<>(members);
        for (int m = 0; m < members; m++) {
            SortedSet<String> needs = new TreeSet<>();
            double draw = random.nextDouble();
            for (int n = draw < 0.05 ? 2 : draw < 0.20 ? 1 : 0; n > 0; n--) {
                needs.add(categories.get(random.nextInt(categories.size())));
            }
            people.add(new HouseholdFacts.Person(SEXES[pick(SEX_SHARES)], AgeBracket.values()[pick(AGE_SHARES)],
                    needs));
        }
        return new HouseholdFacts(site, arrival, people);
    }

    private NewReferral referral(Reported household) {
        Instant requestedAt = household.facts().arrival().atTime(8, 0).toInstant(ZoneOffset.UTC)
                .plus(Duration.ofMinutes(random.nextInt(10 * 60)));
        Urgency urgency = Urgency.values()[random.nextInt(Urgency.values().length)];
        int service = random.nextInt(SERVICES.length);
        UUID eventId = UUID.randomUUID();
        ReferralRequested request = new ReferralRequested(UUID.randomUUID(), household.householdId(), SERVICES[service],
                urgency, requestedAt, requestedAt.plus(urgency.dueIn()), LegalBasis.CONSENT,
                List.of(new ReferredPerson(0, List.of(CODES[service]))));
        ReferralRecord record = ReferralRecord.requested(request, eventId, requestedAt);
        return new NewReferral(record, new ReferralEventRecord(eventId, request.referralId(),
                ReferralRequested.WIRE_NAME, record.status(), requestedAt, new String(request.toJson(),
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    private int pick(double[] shares) {
        double draw = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            draw -= shares[i];
            if (draw < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
