package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.threshold.core.needs.NeedsCatalogue;

/**
 * One field profile per service, as one versioned data file ({@code field-profiles-v1.json}), checked against the
 * routing rules: a service sees every code routed to it, and a sensitive code only if it is routed to it.
 * Immutable.
 */
public final class FieldProfiles {

    static final String KIND = "threshold-field-profiles";

    private final String version;
    private final Map<String, FieldProfile> byService;

    private FieldProfiles(String version, Map<String, FieldProfile> byService) {
        this.version = version;
        this.byService = byService;
    }

    public String version() {
        return version;
    }

    /** @throws IllegalArgumentException if the service has no profile (it then has none in the services file) */
    public FieldProfile of(String service) {
        return Optional.ofNullable(byService.get(service))
                .orElseThrow(() -> new IllegalArgumentException("No field profile for that service"));
    }

    /** @throws ReferralDataException naming {@code file} and the line of the first fault */
    static FieldProfiles parse(String file, InputStream json, NeedsCatalogue catalogue, ServiceDirectory services,
                               RoutingRules rules) {
        LocatedJson data = LocatedJson.parse(file, json);
        JsonNode root = data.document(KIND);
        data.onlyFields(root, Set.of("kind", "version", "source", "profiles"));
        Map<String, FieldProfile> byService = new LinkedHashMap<>();
        for (JsonNode entry : data.objects(root, "profiles")) {
            data.onlyFields(entry, Set.of("service", "needs", "except", "people", "personFields", "householdFields"));
            String service = data.text(entry, "service");
            if (services.find(service).isEmpty()) {
                throw data.fail(entry.get("service"), "unknown service \"" + service + "\"; the services file "
                        + "(version " + services.version() + ") does not list it.");
            }
            if (byService.containsKey(service)) {
                throw data.fail(entry, "service " + service + " has a second profile.");
            }
            Map<String, CodePatterns.Match> needs = CodePatterns.expand(data, entry, "needs", catalogue);
            for (String routed : rules.codesRoutedTo(service)) {
                if (!needs.containsKey(routed)) {
                    throw data.fail(entry, "the rules route " + routed + " to " + service + ", so its profile must "
                            + "let it see " + routed + ".");
                }
            }
            needs.forEach((code, match) -> {
                if (catalogue.isSensitive(code) && !rules.codesRoutedTo(service).contains(code)) {
                    throw data.fail(match.at(), code + " is sensitive and the rules do not route it to " + service
                            + ", so " + service + " must not see it; except it or name codes one by one.");
                }
            });
            byService.put(service, new FieldProfile(service, scope(data, entry),
                    fields(data, entry, "personFields", PersonField.class, PersonField::fromWireName),
                    fields(data, entry, "householdFields", HouseholdField.class, HouseholdField::fromWireName),
                    needs.keySet()));
        }
        for (Service service : services.all()) {
            if (!byService.containsKey(service.id())) {
                throw data.fail(root, "service " + service.id() + " has no profile; every service needs one.");
            }
        }
        return new FieldProfiles(data.text(root, "version"), Map.copyOf(byService));
    }

    private static PeopleScope scope(LocatedJson data, JsonNode entry) {
        String name = data.text(entry, "people");
        return PeopleScope.fromWireName(name).orElseThrow(() -> data.fail(entry.get("people"),
                "\"people\" must be referred or household, not \"" + name + "\"."));
    }

    private static <F extends Enum<F>> Set<F> fields(LocatedJson data, JsonNode entry, String field, Class<F> type,
                                                     Function<String, Optional<F>> byName) {
        Set<F> fields = EnumSet.noneOf(type);
        for (JsonNode name : data.strings(entry, field, true)) {
            F known = byName.apply(name.textValue()).orElseThrow(() -> data.fail(name, "unknown field \""
                    + name.textValue() + "\" in \"" + field + "\"."));
            if (!fields.add(known)) {
                throw data.fail(name, "field \"" + name.textValue() + "\" is listed twice in \"" + field + "\".");
            }
        }
        return fields;
    }
}
