package org.threshold.core.needs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The UNHCR specific-needs codes a person may carry. The list is data, not code: it ships as a versioned JSON
 * resource and the hub can send a newer one through {@link #parse(InputStream)}.
 *
 * <p>Codes match exactly: upper-case and without surrounding spaces, which is what the kiosk UI sends. Anything
 * else is unknown, and the error says what to send instead.
 *
 * <p>Immutable, so one instance can be shared by every thread.
 */
public final class NeedsCatalogue {

    private static final String BUNDLED_RESOURCE = "specific-needs-v1.json";

    // A two-letter category, optionally a hyphen and one to three letters. The reference's own pattern would be
    // {2,3}, but the proGres v4 disability codes DS-V, DS-H and DS-C have one letter.
    private static final Pattern CODE_SHAPE = Pattern.compile("[A-Z]{2}(-[A-Z]{1,3})?");

    // Only input shaped like a code (in any case, maybe padded) is echoed in an error: anything else may be a
    // name typed into the wrong field, and messages end up in logs.
    private static final Pattern ECHOABLE_INPUT = Pattern.compile("\\s*[A-Za-z]{2,3}(-[A-Za-z0-9]{1,3})?\\s*");

    private final String version;
    private final List<SpecificNeed> all;
    private final List<SpecificNeed> forDataEntry;
    private final Map<String, SpecificNeed> byCode;

    NeedsCatalogue(String version, List<SpecificNeed> needs) {
        Map<String, SpecificNeed> byCode = new HashMap<>();
        for (SpecificNeed need : needs) {
            checkShape(need);
            if (byCode.putIfAbsent(need.code(), need) != null) {
                throw new CatalogueException("Specific-needs code \"" + need.code()
                        + "\" appears more than once in the catalogue.");
            }
        }
        // Parents are checked once every code is known, so a catalogue may list a sub-code before its category.
        needs.forEach(need -> checkParent(need, byCode));
        this.version = version;
        this.all = List.copyOf(needs);
        this.forDataEntry = all.stream().filter(SpecificNeed::v4).toList();
        this.byCode = Map.copyOf(byCode);
    }

    /** The catalogue shipped with this release, read once and then shared. */
    public static NeedsCatalogue bundled() {
        return Bundled.CATALOGUE;
    }

    /**
     * Reads and validates a catalogue, for example a newer one sent by the hub.
     *
     * @throws CatalogueException naming the offending code or field if the catalogue is malformed
     */
    public static NeedsCatalogue parse(InputStream json) {
        Objects.requireNonNull(json, "json");
        return CatalogueJson.read(json);
    }

    public String version() {
        return version;
    }

    public Optional<SpecificNeed> find(String code) {
        Objects.requireNonNull(code, "code");
        return Optional.ofNullable(byCode.get(code));
    }

    /** @throws UnknownNeedCodeException if the catalogue does not hold {@code code} exactly as given */
    public SpecificNeed require(String code) {
        return find(code).orElseThrow(() -> new UnknownNeedCodeException(unknownCodeMessage(code)));
    }

    /**
     * Whether the code may be shown only to protection staff. An unknown code throws instead of answering
     * {@code false}, so a code this catalogue does not recognise is never treated as shareable.
     *
     * @throws UnknownNeedCodeException if the catalogue does not hold {@code code}
     */
    public boolean isSensitive(String code) {
        return require(code).sensitive();
    }

    /** The codes to offer when registering someone (the proGres v4 list), in catalogue order. */
    public List<SpecificNeed> forDataEntry() {
        return forDataEntry;
    }

    /** Every code, including those accepted only on import, in catalogue order. */
    public List<SpecificNeed> all() {
        return all;
    }

    private String unknownCodeMessage(String code) {
        if (!ECHOABLE_INPUT.matcher(code).matches()) {
            return "Unknown specific-needs code (not shown: it does not look like a code). "
                    + "Use a code from the catalogue (for example SC-UC for an unaccompanied child).";
        }
        String unknown = "Unknown specific-needs code \"" + code + "\".";
        String exactForm = code.strip().toUpperCase(Locale.ROOT);
        if (byCode.containsKey(exactForm)) {
            return unknown + " Codes are upper-case without spaces: use " + exactForm + ".";
        }
        return unknown + " Use a code from the catalogue (for example SC-UC for an unaccompanied child).";
    }

    private static void checkShape(SpecificNeed need) {
        if (!CODE_SHAPE.matcher(need.code()).matches()) {
            throw new CatalogueException("Specific-needs code \"" + need.code() + "\" is malformed: expected two "
                    + "upper-case letters, optionally followed by a hyphen and one to three more (SC, SC-UC).");
        }
        if (need.label().isBlank()) {
            throw new CatalogueException("Specific-needs code \"" + need.code() + "\" has an empty label.");
        }
    }

    // A sub-code belongs to the category it starts with (SC-UC to SC); any other parent would file the need
    // under the wrong category and route the referral to the wrong service.
    private static void checkParent(SpecificNeed need, Map<String, SpecificNeed> byCode) {
        String code = need.code();
        int hyphen = code.indexOf('-');
        String category = hyphen < 0 ? null : code.substring(0, hyphen);
        if (category == null && need.parent() != null) {
            throw new CatalogueException("Specific-needs code \"" + code + "\" is a category and cannot have parent \""
                    + need.parent() + "\".");
        }
        if (category != null && !category.equals(need.parent())) {
            throw new CatalogueException("Specific-needs code \"" + code + "\" must have parent \"" + category
                    + "\", not " + (need.parent() == null ? "none" : "\"" + need.parent() + "\"") + ".");
        }
        if (category != null && !byCode.containsKey(category)) {
            throw new CatalogueException("Specific-needs code \"" + code + "\" names parent \"" + category
                    + "\", which is not in the catalogue.");
        }
    }

    // Class-holder idiom: the JVM loads the resource on first use, exactly once, without locking afterwards.
    private static final class Bundled {

        static final NeedsCatalogue CATALOGUE = load();

        private static NeedsCatalogue load() {
            try (InputStream json = NeedsCatalogue.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (json == null) {
                    throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the threshold-core jar.");
                }
                return parse(json);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the bundled " + BUNDLED_RESOURCE, e);
            }
        }
    }
}
