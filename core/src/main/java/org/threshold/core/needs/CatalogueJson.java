package org.threshold.core.needs;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON form of a catalogue and checks that every field is present with the right type. The rules that
 * span entries (unique codes, existing parents) belong to {@link NeedsCatalogue} itself.
 *
 * <p>Fields this version does not know are ignored, so an older kiosk can still load a newer catalogue.
 */
final class CatalogueJson {

    private static final String CATALOGUE_NAME = "unhcr-specific-needs";

    // Duplicate keys are an error rather than "last one wins": an entry saying "sensitive": true and later
    // "sensitive": false must not quietly become shareable.
    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private CatalogueJson() {
    }

    static NeedsCatalogue read(InputStream json) {
        JsonNode root = tree(json);
        if (!root.isObject()) {
            throw new CatalogueException("Specific-needs catalogue must be a JSON object with \"catalogue\", "
                    + "\"version\" and \"codes\".");
        }
        String name = requiredText(root, "catalogue", "Specific-needs catalogue");
        if (!CATALOGUE_NAME.equals(name)) {
            throw new CatalogueException("Not a specific-needs catalogue: field \"catalogue\" is \"" + name
                    + "\", expected \"" + CATALOGUE_NAME + "\".");
        }
        String version = requiredText(root, "version", "Specific-needs catalogue");
        JsonNode codes = root.get("codes");
        if (codes == null || !codes.isArray() || codes.isEmpty()) {
            throw new CatalogueException("Specific-needs catalogue " + version
                    + ": field \"codes\" must be a non-empty array.");
        }
        List<SpecificNeed> needs = new ArrayList<>(codes.size());
        for (int index = 0; index < codes.size(); index++) {
            needs.add(need(codes.get(index), index + 1));
        }
        return new NeedsCatalogue(version, needs);
    }

    private static JsonNode tree(InputStream json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new CatalogueException("Specific-needs catalogue is not readable JSON: " + e.getMessage(), e);
        }
    }

    private static SpecificNeed need(JsonNode entry, int position) {
        String where = "Specific-needs catalogue entry #" + position;
        if (!entry.isObject()) {
            throw new CatalogueException(where + " must be a JSON object.");
        }
        String code = requiredText(entry, "code", where);
        where = "Specific-needs code \"" + code + "\"";
        boolean sensitive = requiredFlag(entry, "sensitive", where);
        return new SpecificNeed(
                code,
                optionalText(entry, "parent", where),
                requiredText(entry, "label", where),
                requiredFlag(entry, "v4", where),
                sensitive,
                requiredFlag(entry, "legacy", where),
                // Optional because only the few unconfirmed codes carry it.
                entry.has("unverified") && requiredFlag(entry, "unverified", where),
                sensitivity(entry, sensitive, where),
                optionalText(entry, "reason", where));
    }

    // Optional so catalogues from before the classification still load; the "sensitive" flag stays the one that
    // older kiosks read, so the two must agree.
    private static Sensitivity sensitivity(JsonNode entry, boolean sensitive, String where) {
        String name = optionalText(entry, "sensitivity", where);
        if (name == null) {
            return Sensitivity.ofFlagAlone(sensitive);
        }
        Sensitivity kind = Sensitivity.fromWireName(name).filter(known -> known != Sensitivity.UNCLASSIFIED)
                .orElseThrow(() -> new CatalogueException(where + ": field \"sensitivity\" must be one of none, "
                        + "harm-suffered, endangers, risk-to-others."));
        if (sensitive == (kind == Sensitivity.NONE)) {
            throw new CatalogueException(where + ": \"sensitive\": " + sensitive + " contradicts \"sensitivity\": \""
                    + name + "\".");
        }
        return kind;
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new CatalogueException(where + ": field \"" + field + "\" must be a string.");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return requiredText(node, field, where);
    }

    // "sensitive" in particular has no default: a catalogue that forgets it must not make a code shareable.
    private static boolean requiredFlag(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new CatalogueException(where + ": field \"" + field + "\" must be true or false.");
        }
        return value.booleanValue();
    }
}
