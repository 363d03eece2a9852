package org.threshold.kiosk.registration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.threshold.core.registration.Origin;
import org.threshold.kiosk.localdata.LocalDataKey;

/**
 * What the arrival step starts from: today's date, and the origin and languages most frequent among the site's
 * latest registrations (arrivals come in groups from the same place). Without a local data key only the date.
 */
public final class ArrivalDefaults {
    static final int RECENT = 20;

    private final FindHousehold find;
    private final Clock clock;

    public ArrivalDefaults(FindHousehold find, Clock clock) {
        this.find = find;
        this.clock = clock;
    }

    /** @param origin null when nothing recent is readable */
    public record Defaults(LocalDate arrivalDate, Origin origin, List<String> languages) {
    }

    public Defaults suggest(Optional<LocalDataKey> key) {
        LocalDate today = LocalDate.now(clock);
        if (key.isEmpty()) {
            return new Defaults(today, null, List.of());
        }
        List<JsonNode> recent = find.newest(RECENT, key.get());
        Origin origin = mostFrequent(recent, household -> {
            JsonNode json = household.path("origin");
            return json.hasNonNull("country") ? new Origin(json.get("country").asText(),
                    json.hasNonNull("place") ? json.get("place").asText() : null) : null;
        });
        List<String> languages = mostFrequent(recent, household -> {
            List<String> list = new ArrayList<>();
            household.path("languages").forEach(language -> list.add(language.asText()));
            return list.isEmpty() ? null : List.copyOf(list);
        });
        return new Defaults(today, origin, languages == null ? List.of() : languages);
    }

    /** The most frequent value, the most recent of equally frequent ones; null if none. */
    private static <T> T mostFrequent(List<JsonNode> newestFirst, Function<JsonNode, T> value) {
        Map<T, Integer> counts = new LinkedHashMap<>();
        for (JsonNode household : newestFirst) {
            T v = value.apply(household);
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }
}
