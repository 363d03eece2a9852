package org.threshold.core.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;

/**
 * The referral domain's data, loaded and checked together: the needs catalogue, the services, the routing rules
 * and the field profiles. Each file is versioned; the hub may load newer ones through {@link #load}.
 * Immutable, so one instance can be shared by every thread.
 */
public final class ReferralData {

    static final String SERVICES = "services-v1.json";
    static final String RULES = "referral-rules-v1.json";
    static final String PROFILES = "field-profiles-v1.json";

    private final NeedsCatalogue catalogue;
    private final ServiceDirectory services;
    private final RoutingRules rules;
    private final FieldProfiles profiles;
    // Asked on every protection officer's lookup, for a handful of distinct service sets: worth remembering.
    private final Map<Set<String>, Set<String>> protectionOfficerCodes = new ConcurrentHashMap<>();

    private ReferralData(NeedsCatalogue catalogue, ServiceDirectory services, RoutingRules rules,
                         FieldProfiles profiles) {
        this.catalogue = catalogue;
        this.services = services;
        this.rules = rules;
        this.profiles = profiles;
    }

    /** One data file: its name (for error messages) and its content. */
    public record DataFile(String name, InputStream content) {
        public DataFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }
    }

    /** The data shipped with this release, with the bundled needs catalogue; read once and then shared. */
    public static ReferralData bundled() {
        return Bundled.DATA;
    }

    /**
     * Reads and cross-checks the three files against a catalogue.
     *
     * @throws ReferralDataException naming the file and the line of the first fault
     */
    public static ReferralData load(NeedsCatalogue catalogue, DataFile services, DataFile rules, DataFile profiles) {
        ServiceDirectory directory = ServiceDirectory.parse(services.name(), services.content());
        RoutingRules routing = RoutingRules.parse(rules.name(), rules.content(), catalogue, directory);
        FieldProfiles fieldProfiles = FieldProfiles.parse(profiles.name(), profiles.content(), catalogue, directory,
                routing);
        return new ReferralData(catalogue, directory, routing, fieldProfiles);
    }

    public NeedsCatalogue catalogue() {
        return catalogue;
    }

    public ServiceDirectory services() {
        return services;
    }

    public RoutingRules rules() {
        return rules;
    }

    public FieldProfiles profiles() {
        return profiles;
    }

    /**
     * The codes a protection officer serving these services may see on a household: every code that is not
     * sensitive, the protection-staff-only codes, and the sensitive codes that the protection services among
     * {@code servedServices} handle. Another service's sensitive codes stay hidden (break the glass to see them).
     */
    public Set<String> codesForProtectionOfficer(Set<String> servedServices) {
        return protectionOfficerCodes.computeIfAbsent(Set.copyOf(servedServices), this::protectionOfficerCodes);
    }

    private Set<String> protectionOfficerCodes(Set<String> servedServices) {
        Set<String> handledByServedProtectionServices = new HashSet<>();
        for (String id : servedServices) {
            services.find(id).filter(Service::protection)
                    .ifPresent(service -> handledByServedProtectionServices.addAll(profiles.of(service.id()).needs()));
        }
        Set<String> visible = new LinkedHashSet<>();
        for (SpecificNeed need : catalogue.all()) {
            if (!need.sensitive() || need.sensitivity().protectionStaffOnly()
                    || handledByServedProtectionServices.contains(need.code())) {
                visible.add(need.code());
            }
        }
        return Set.copyOf(visible);
    }

    private static final class Bundled {

        static final ReferralData DATA = load();

        private static ReferralData load() {
            try (InputStream services = open(SERVICES); InputStream rules = open(RULES);
                 InputStream profiles = open(PROFILES)) {
                return ReferralData.load(NeedsCatalogue.bundled(), new DataFile(SERVICES, services),
                        new DataFile(RULES, rules), new DataFile(PROFILES, profiles));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the bundled referral data", e);
            }
        }

        private static InputStream open(String name) {
            InputStream stream = ReferralData.class.getResourceAsStream(name);
            if (stream == null) {
                throw new IllegalStateException(name + " is missing from the threshold-core jar.");
            }
            return stream;
        }
    }
}
