package org.threshold.hub.app.duplicate;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Clock clock;

    public DuplicateDetection(HouseholdVault vault, Clock clock) {
        this.vault = vault;
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

    /** As {@link #arrival(UUID, Household)}, with its keys already blinded ({@link HouseholdVault#blindTerms}). */
    public Arrival arrival(UUID householdId, Household household, List<byte[]> blindKeys) {
        return new Arrival(householdId, household, blindKeys);
    }

    /**
     * Queues the potential duplicates of each of {@code arrivals} (already stored and indexed); returns how many. The
     * blocks of every arrival are read at once, and the candidates opened are read at once.
     */
    public int detect(Repositories repositories, List<Arrival> arrivals) {
        List<Set<UUID>> candidates = candidates(repositories, arrivals);
        Set<UUID> all = new HashSet<>();
        candidates.forEach(all::addAll);
        Map<UUID, SealedHousehold> stored = repositories.households().findByIds(all);
        int queued = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival arrival = arrivals.get(i);
            for (UUID candidate : candidates.get(i)) {
                Optional<DuplicateRule.Match> match = score(Optional.ofNullable(stored.get(candidate)), arrival,
                        candidate);
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

    /** Each arrival's candidates: the households sharing one of its keys, skipping keys shared by too many. */
    private static List<Set<UUID>> candidates(Repositories repositories, List<Arrival> arrivals) {
        // Arrivals of one chunk share keys (a family registered at several kiosks, a common name): each read once.
        Map<ByteBuffer, Integer> indexOf = new LinkedHashMap<>();
        List<byte[]> keys = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            for (byte[] key : arrival.keys()) {
                if (indexOf.putIfAbsent(ByteBuffer.wrap(key), keys.size()) == null) {
                    keys.add(key);
                }
            }
        }
        List<List<UUID>> blocks = repositories.households().holdingEach(keys, MAX_BLOCK + 1);
        List<Set<UUID>> candidates = new ArrayList<>(arrivals.size());
        for (Arrival arrival : arrivals) {
            Set<UUID> mine = new LinkedHashSet<>();
            for (byte[] key : arrival.keys()) {
                List<UUID> sharing = blocks.get(indexOf.get(ByteBuffer.wrap(key)));
                if (sharing.size() <= MAX_BLOCK) {
                    mine.addAll(sharing);
                }
            }
            mine.remove(arrival.householdId());
            candidates.add(mine);
        }
        return candidates;
    }

    /** The rule's match if the candidate is likely the same household; empty if not, or if it no longer reads. */
    private Optional<DuplicateRule.Match> score(Optional<SealedHousehold> stored, Arrival arrival, UUID candidate) {
        Optional<SealedHousehold> sealed = stored.filter(household -> !household.erased());
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        Household other;
        try {
            other = StoredHousehold.read(vault.open(sealed.get()));
        } catch (IllegalStateException unreadable) {
            LOG.warn("Household {} does not read back; not compared for duplicates", candidate);
            return Optional.empty();
        }
        DuplicateRule.Match match = DuplicateRule.score(arrival.household(), other);
        return match.likely() ? Optional.of(match) : Optional.empty();
    }
}
