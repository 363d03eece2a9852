package org.threshold.hub.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.InvalidRegistrationException;
import org.threshold.core.report.HouseholdFacts;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdVault;

/**
 * Counts, once, the households a store held before it had reports: each chunk in its own transaction, holding the
 * projector's turn, so the projector and the backfill never count a household twice. A finished backfill is marked
 * by its cursor, so later starts skip it.
 */
public final class ReportBackfill {
    /** The cursor's name: 1 once the backfill is done. */
    public static final String DONE = "report-backfill";
    private static final Logger LOG = LoggerFactory.getLogger(ReportBackfill.class);
    private static final int CHUNK = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportBackfill() {
    }

    /** Counts every household that has no facts yet; returns how many it counted. */
    public static long run(HubStore store, HouseholdVault vault, NeedsCatalogue catalogue) {
        if (store.read(repositories -> repositories.projections().cursor(DONE)) > 0) {
            return 0;
        }
        long counted = 0;
        long unreadable = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            Chunk chunk = store.inTransaction(repositories -> repositories.projections().tryTakeTurn()
                    ? countChunk(repositories, from, vault, catalogue) : null);
            if (chunk == null) {
                // Another instance is projecting: it counts what it projects; the rest is left for a later start.
                return counted;
            }
            counted += chunk.counted();
            unreadable += chunk.unreadable();
            if (chunk.last() == null) {
                break;
            }
            after = chunk.last();
        }
        store.inTransaction(repositories -> repositories.projections().advance(DONE, 0, 1));
        if (counted > 0 || unreadable > 0) {
            LOG.info("Reports: counted {} household(s) stored before the reports existed; {} could not be read",
                    counted, unreadable);
        }
        return counted;
    }

    private record Chunk(UUID last, long counted, long unreadable) {
    }

    private static Chunk countChunk(Repositories repositories, UUID after, HouseholdVault vault,
                                    NeedsCatalogue catalogue) {
        List<UUID> ids = repositories.reports().householdsWithoutFacts(after, CHUNK);
        List<ReportRepository.Reported> facts = new ArrayList<>();
        long unreadable = 0;
        for (UUID id : ids) {
            Optional<HouseholdFacts> read = repositories.households().findById(id).map(vault::open)
                    .flatMap(h -> facts(h, catalogue));
            if (read.isPresent()) {
                facts.add(new ReportRepository.Reported(id, read.get()));
            } else {
                unreadable++;
            }
        }
        ReportProjection.added(repositories, facts);
        return new Chunk(ids.isEmpty() ? null : ids.get(ids.size() - 1), facts.size(), unreadable);
    }

    /** The facts of a stored household, read as on the day after its registration (the dates were valid then). */
    private static Optional<HouseholdFacts> facts(HouseholdRecord household, NeedsCatalogue catalogue) {
        LocalDate registered = household.registeredAt().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        try {
            Household read = HouseholdJson.read(JSON.readTree(household.householdJson()), catalogue, registered);
            return Optional.of(HouseholdFacts.of(household.site(), read, catalogue));
        } catch (InvalidRegistrationException | IOException e) {
            return Optional.empty();
        }
    }
}
