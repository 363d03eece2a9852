package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;

/**
 * Which services each need code is referred to, how urgently and on what basis without consent, as one versioned
 * data file ({@code referral-rules-v1.json}). For one code and one service the most specific rule applies: a code
 * named exactly beats its category's pattern; two rules equally specific for the same code and service are an error.
 * Immutable.
 */
public final class RoutingRules {

    static final String KIND = "threshold-referral-rules";

    private final String version;
    private final Map<String, List<Route>> byCode;
    private final Map<String, Set<String>> codesByService;
    private final Map<String, String> notRouted;

    private RoutingRules(String version, Map<String, List<Route>> byCode, Map<String, Set<String>> codesByService,
                         Map<String, String> notRouted) {
        this.version = version;
        this.byCode = byCode;
        this.codesByService = codesByService;
        this.notRouted = notRouted;
    }

    public String version() {
        return version;
    }

    /** The routes of a code, one per service, in the services file's order; empty if it routes nowhere. */
    public List<Route> routes(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    /** Every code some rule sends to the service, in catalogue order. */
    public Set<String> codesRoutedTo(String service) {
        return codesByService.getOrDefault(service, Set.of());
    }

    /** Codes deliberately sent nowhere, each with the reason the data gives. */
    public Map<String, String> notRouted() {
        return notRouted;
    }

    /** @throws ReferralDataException naming {@code file} and the line of the first fault */
    static RoutingRules parse(String file, InputStream json, NeedsCatalogue catalogue, ServiceDirectory services) {
        LocatedJson data = LocatedJson.parse(file, json);
        JsonNode root = data.document(KIND);
        data.onlyFields(root, Set.of("kind", "version", "source", "rules", "notRouted"));
        Map<String, Map<String, Ruled>> perCode = new HashMap<>();
        for (JsonNode rule : data.objects(root, "rules")) {
            data.onlyFields(rule, Set.of("codes", "except", "service", "urgency", "withoutConsent"));
            Service service = service(data, rule, services);
            Route route = new Route(service.id(), urgency(data, rule), basisWithoutConsent(data, rule, service));
            CodePatterns.expand(data, rule, "codes", catalogue).forEach((code, match) -> {
                SpecificNeed need = catalogue.require(code);
                if (need.sensitivity().protectionStaffOnly()) {
                    throw data.fail(match.at(), code + " is for protection staff only (" + need.sensitivity().wireName()
                            + ") and routes to no service; list it under \"notRouted\" or except it.");
                }
                Map<String, Ruled> byService = perCode.computeIfAbsent(code, c -> new HashMap<>());
                Ruled earlier = byService.get(service.id());
                if (earlier != null && earlier.match().exact() == match.exact()) {
                    throw data.fail(match.at(), code + " is already routed to " + service.id() + " by an equally "
                            + "specific rule (" + file + " line " + data.lineOf(earlier.match().at()) + ").");
                }
                if (earlier == null || match.exact()) {
                    byService.put(service.id(), new Ruled(route, match));
                }
            });
        }
        Map<String, String> notRouted = notRouted(data, root, catalogue, perCode);
        return new RoutingRules(data.text(root, "version"), byCode(perCode, services), codesByService(perCode,
                services, catalogue), notRouted);
    }

    private record Ruled(Route route, CodePatterns.Match match) {
    }

    private static Service service(LocatedJson data, JsonNode rule, ServiceDirectory services) {
        String id = data.text(rule, "service");
        return services.find(id).orElseThrow(() -> data.fail(rule.get("service"), "unknown service \"" + id
                + "\"; the services file (version " + services.version() + ") lists "
                + String.join(", ", services.all().stream().map(Service::id).toList()) + "."));
    }

    private static Urgency urgency(LocatedJson data, JsonNode rule) {
        String name = data.text(rule, "urgency");
        return Urgency.fromWireName(name).orElseThrow(() -> data.fail(rule.get("urgency"), "unknown urgency \"" + name
                + "\"; use emergency, urgent, priority or normal."));
    }

    private static LegalBasis basisWithoutConsent(LocatedJson data, JsonNode rule, Service service) {
        String name = data.optionalText(rule, "withoutConsent");
        if (name == null) {
            return null;
        }
        LegalBasis basis = LegalBasis.fromWireName(name).filter(b -> b != LegalBasis.CONSENT)
                .orElseThrow(() -> data.fail(rule.get("withoutConsent"), "\"withoutConsent\" must be best-interests "
                        + "or vital-interests (or absent: the referral needs consent)."));
        if (service.personalConsentOnly()) {
            throw data.fail(rule.get("withoutConsent"), "service " + service.id() + " receives nothing without the "
                    + "person's own consent; remove \"withoutConsent\".");
        }
        return basis;
    }

    private static Map<String, String> notRouted(LocatedJson data, JsonNode root, NeedsCatalogue catalogue,
                                                 Map<String, Map<String, Ruled>> perCode) {
        if (!root.has("notRouted")) {
            return Map.of();
        }
        Map<String, String> notRouted = new LinkedHashMap<>();
        for (JsonNode entry : data.objects(root, "notRouted")) {
            data.onlyFields(entry, Set.of("codes", "except", "reason"));
            String reason = data.text(entry, "reason");
            CodePatterns.expand(data, entry, "codes", catalogue).forEach((code, match) -> {
                if (perCode.containsKey(code)) {
                    throw data.fail(match.at(), code + " is listed as not routed, but a rule routes it to "
                            + String.join(", ", perCode.get(code).keySet()) + ".");
                }
                notRouted.put(code, reason);
            });
        }
        return Collections.unmodifiableMap(notRouted);
    }

    private static Map<String, List<Route>> byCode(Map<String, Map<String, Ruled>> perCode,
                                                   ServiceDirectory services) {
        Map<String, List<Route>> byCode = new HashMap<>();
        perCode.forEach((code, byService) -> byCode.put(code, services.all().stream()
                .map(service -> byService.get(service.id()))
                .filter(ruled -> ruled != null)
                .map(Ruled::route)
                .toList()));
        return Map.copyOf(byCode);
    }

    private static Map<String, Set<String>> codesByService(Map<String, Map<String, Ruled>> perCode,
                                                           ServiceDirectory services, NeedsCatalogue catalogue) {
        Map<String, Set<String>> codes = new HashMap<>();
        for (Service service : services.all()) {
            Set<String> routed = new LinkedHashSet<>();
            catalogue.all().stream().map(SpecificNeed::code)
                    .filter(code -> perCode.getOrDefault(code, Map.of()).containsKey(service.id()))
                    .forEach(routed::add);
            codes.put(service.id(), Collections.unmodifiableSet(routed));
        }
        return Map.copyOf(codes);
    }
}
