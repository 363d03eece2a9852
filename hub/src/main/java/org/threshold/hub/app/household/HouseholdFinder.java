package org.threshold.hub.app.household;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.threshold.core.search.HouseholdIndex;
import org.threshold.core.search.NameTerms;
import org.threshold.core.token.TokenId;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.Repositories;

/**
 * Finds households by name in any script, date of birth, age or token, through the keyed blind-index terms
 * ({@link HouseholdVault#blind}) and never by reading sealed data: what the DPO's data-subject search and the
 * caseworkers' search share. It decides nothing about who may see what, and records nothing: its callers do both.
 * Thread-safe.
 */
public final class HouseholdFinder {
    private final HubStore store;
    private final HouseholdVault vault;
    private final HouseholdProjector projector;
    private final TokenLookup tokens;
    private final Clock clock;

    public HouseholdFinder(HubStore store, HouseholdVault vault, HouseholdProjector projector, TokenLookup tokens,
                           Clock clock) {
        this.store = store;
        this.vault = vault;
        this.projector = projector;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A search as typed: any of name (any script), date of birth (ISO), age in years, token (code or QR). */
    public record Query(String name, String birthDate, String age, String token) {
        @Override
        public String toString() {
            return "Query[REDACTED]";
        }
    }

    /** A query read and checked: one group of blind terms per name word, date and age, and the token if any. */
    public record Criteria(List<List<byte[]>> groups, Optional<TokenId> token) {
        public Criteria {
            groups = List.copyOf(groups);
        }
    }

    /**
     * @throws Refusal INVALID {@code INVALID_QUERY} for an empty query, a name without letters, a date or age that
     *                 does not read; as {@link TokenLookup#tokenOf} for a token that does not read
     */
    public Criteria criteria(Query query) {
        List<List<byte[]>> groups = termGroups(query);
        Optional<TokenId> token = blank(query.token()) ? Optional.empty() : Optional.of(tokens.tokenOf(query.token()));
        if (groups.isEmpty() && token.isEmpty()) {
            throw invalid("empty", "Give a name, a date of birth, an age or a token to search by.");
        }
        return new Criteria(groups, token);
    }

    /**
     * The households (not erased) that match every part of {@code criteria}, at most {@code limit}, after projecting
     * what was synced last (a household registered a minute ago is found).
     */
    public List<SealedHousehold> find(Criteria criteria, int limit) {
        projector.catchUpIfBehind();
        return store.read(repositories -> {
            Set<UUID> ids = new LinkedHashSet<>(criteria.groups().isEmpty() ? List.of()
                    : repositories.households().findByTerms(criteria.groups(), limit));
            if (criteria.token().isPresent()) {
                Optional<UUID> byToken = householdOf(repositories, criteria.token().get());
                if (criteria.groups().isEmpty()) {
                    byToken.ifPresent(ids::add);
                } else {
                    ids.retainAll(byToken.map(Set::of).orElse(Set.of()));
                }
            }
            List<SealedHousehold> found = new ArrayList<>();
            for (UUID id : ids) {
                repositories.households().findById(id).filter(household -> !household.erased()).ifPresent(found::add);
            }
            return found;
        });
    }

    /** The household a token names, now or before a reissue replaced it. */
    public static Optional<UUID> householdOf(Repositories repositories, TokenId token) {
        Optional<UUID> current = repositories.households().findByToken(token).map(SealedHousehold::householdId);
        return current.isPresent() ? current : repositories.revokedTokens().find(token).map(RevokedToken::householdId);
    }

    /** One group per name word (any of its spellings), one for the date of birth, one for the age's birth years. */
    private List<List<byte[]>> termGroups(Query query) {
        List<List<byte[]>> groups = new ArrayList<>();
        if (!blank(query.name())) {
            NameTerms.termsPerWord(query.name()).forEach(word -> groups.add(vault.blind(word)));
            if (groups.isEmpty()) {
                throw invalid("name", "The name has no letters to search by.");
            }
        }
        if (!blank(query.birthDate())) {
            try {
                groups.add(vault.blind(List.of(HouseholdIndex.birthDate(LocalDate.parse(query.birthDate().strip())))));
            } catch (DateTimeParseException e) {
                throw invalid("date", "Give the date of birth as YYYY-MM-DD.");
            }
        }
        if (!blank(query.age())) {
            int age;
            try {
                age = Integer.parseInt(query.age().strip());
            } catch (NumberFormatException e) {
                age = -1;
            }
            if (age < 0 || age > 130) {
                throw invalid("age", "Give the age as a whole number of years, 0 to 130.");
            }
            // Born this many years ago, before or after this year's birthday.
            int year = clock.instant().atOffset(ZoneOffset.UTC).getYear() - age;
            groups.add(vault.blind(List.of(HouseholdIndex.birthYear(year), HouseholdIndex.birthYear(year - 1))));
        }
        return groups;
    }

    /** @param problem which part is wrong, for the message's translations: empty, name, date or age */
    private static Refusal invalid(String problem, String message) {
        return new Refusal(Refusal.Kind.INVALID, "INVALID_QUERY", message, java.util.Map.of("problem", problem));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
