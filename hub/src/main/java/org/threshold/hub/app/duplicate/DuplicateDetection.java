package org.threshold.hub.app.duplicate;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.search.DuplicateRule;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.household.StoredHousehold;

/**
 * Looks for potential duplicates of households as they are projected, across every kiosk and site: the households
 * that share one of its blocking keys ({@link DuplicateRule#blockingKeys}, looked up as blind terms, so no name is
 * read to find them) are opened and scored by {@link DuplicateRule}; a pair at its threshold joins the supervisors'
 * queue as OPEN. A key more than {@link #MAX_BLOCK} households share is skipped: a common name with a common birth
 * year would otherwise fill the queue with strangers and make each registration open hundreds of households. Runs in
 * the projection's transaction, so a pair is found once however often a chunk is retried. Thread-safe.
 */
public final class DuplicateDetection {
    /** The most households one blocking key may hold and still be compared. */
    public static final int MAX_BLOCK = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DuplicateDetection.class);

    private final HouseholdVault vault;
    private final NeedsCatalogue catalogue;
    private final Clock clock;

    public DuplicateDetection(HouseholdVault vault, NeedsCatalogue catalogue, Clock clock) {
        this.vault = vault;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A household being projected, in clear, with the blind keys to look its duplicates up by. */
    public record Arrival(UUID householdId, Household household, List<byte[]> keys) {
        @Override
        public String toString() {
            return "Arrival[" + householdId + ", personal data redacted]";
        }
    }

    /** Blinds {@code household}'s blocking keys: costly enough to do on the projector's opening threads. */
    public Arrival arrival(UUID householdId, Household household) {
        return new Arrival(householdId, household, vault.blind(DuplicateRule.blockingKeys(household)));
    }

    /** Queues the potential duplicates of each of {@code arrivals} (already stored and indexed); returns how many. */
    public int detect(Repositories repositories, List<Arrival> arrivals) {
        int queued = 0;
        for (Arrival arrival : arrivals) {
            for (UUID candidate : candidates(repositories, arrival)) {
                Optional<DuplicateRule.Match> match = score(repositories, arrival, candidate);
                if (match.isEmpty()) {
                    continue;
                }
                // A candidate merged since counts as the household it was merged into.
                UUID other = repositories.duplicates().survivorOf(candidate);
                if (!other.equals(arrival.householdId()) && repositories.duplicates()
                        .addIfNew(DuplicatePair.found(arrival.householdId(), other, match.get(), clock.instant()))) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private static Set<UUID> candidates(Repositories repositories, Arrival arrival) {
        Set<UUID> candidates = new LinkedHashSet<>();
        for (byte[] key : arrival.keys()) {
            List<UUID> sharing = repositories.households().findByTerms(List.of(List.of(key)), MAX_BLOCK + 1);
            if (sharing.size() <= MAX_BLOCK) {
                candidates.addAll(sharing);
            }
        }
        candidates.remove(arrival.householdId());
        return candidates;
    }

    /** The rule's match if the candidate is likely the same household; empty if not, or if it no longer reads. */
    private Optional<DuplicateRule.Match> score(Repositories repositories, Arrival arrival, UUID candidate) {
        Optional<SealedHousehold> sealed = repositories.households().findById(candidate)
                .filter(household -> !household.erased());
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        Household other;
        try {
            other = StoredHousehold.read(vault.open(sealed.get()), catalogue);
        } catch (IllegalStateException unreadable) {
            LOG.warn("Household {} does not read back; not compared for duplicates", candidate);
            return Optional.empty();
        }
        DuplicateRule.Match match = DuplicateRule.score(arrival.household(), other);
        return match.likely() ? Optional.of(match) : Optional.empty();
    }
}
