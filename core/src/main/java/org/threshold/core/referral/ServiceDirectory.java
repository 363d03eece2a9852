package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The services referrals may go to, as one versioned data file ({@code services-v1.json}). Immutable. */
public final class ServiceDirectory {

    static final String KIND = "threshold-services";

    private final String version;
    private final Map<String, Service> byId;
    private final List<Service> all;

    private ServiceDirectory(String version, Map<String, Service> byId) {
        this.version = version;
        this.byId = Collections.unmodifiableMap(byId);
        this.all = List.copyOf(byId.values());
    }

    /** @throws ReferralDataException naming {@code file} and the line of the first fault */
    static ServiceDirectory parse(String file, InputStream json) {
        LocatedJson data = LocatedJson.parse(file, json);
        JsonNode root = data.document(KIND);
        data.onlyFields(root, Set.of("kind", "version", "source", "services"));
        Map<String, Service> byId = new LinkedHashMap<>();
        for (JsonNode entry : data.objects(root, "services")) {
            data.onlyFields(entry, Set.of("id", "label", "protection", "personalConsentOnly"));
            String id = data.text(entry, "id");
            if (!Service.ID.matcher(id).matches()) {
                throw data.fail(entry, "service id \"" + id + "\" must be lower-case letters and digits joined by "
                        + "hyphens (e.g. child-protection).");
            }
            Service service = new Service(id, data.text(entry, "label"), data.flag(entry, "protection"),
                    data.flag(entry, "personalConsentOnly"));
            if (byId.putIfAbsent(id, service) != null) {
                throw data.fail(entry, "service \"" + id + "\" is listed twice.");
            }
        }
        return new ServiceDirectory(data.text(root, "version"), byId);
    }

    public String version() {
        return version;
    }

    public Optional<Service> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalArgumentException if no service has this id */
    public Service require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("Unknown service; use one of "
                + String.join(", ", byId.keySet())));
    }

    /** Every service, in file order. */
    public List<Service> all() {
        return all;
    }
}
