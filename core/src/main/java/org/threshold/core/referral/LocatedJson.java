package org.threshold.core.referral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON data file read into a tree that remembers the line of every object and string, so that a check made long
 * after parsing (an unknown service, a code the catalogue lacks) can still name the line to fix. Jackson's own
 * tree forgets locations, hence this small reader over its streaming parser.
 */
final class LocatedJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final String file;
    private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
    private final JsonNode root;

    private LocatedJson(String file, InputStream json) {
        this.file = file;
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new ReferralDataException(file, 1, "the file is empty; expected a JSON object.");
            }
            this.root = read(parser);
            if (parser.nextToken() != null) {
                throw fail(parser.currentTokenLocation().getLineNr(), "unexpected content after the JSON object.");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new ReferralDataException(file, line, "not readable JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ReferralDataException(file, 1, "could not be read: " + e.getMessage());
        }
    }

    static LocatedJson parse(String file, InputStream json) {
        return new LocatedJson(file, json);
    }

    /** The top-level object, checked to be of the expected kind. */
    JsonNode document(String kind) {
        if (!root.isObject()) {
            throw fail(root, "expected a JSON object with \"kind\": \"" + kind + "\".");
        }
        String actual = text(root, "kind");
        if (!kind.equals(actual)) {
            throw fail(root.get("kind"), "\"kind\" is \"" + actual + "\", expected \"" + kind + "\".");
        }
        text(root, "version");
        return root;
    }

    int lineOf(JsonNode node) {
        return lines.getOrDefault(node, 1);
    }

    ReferralDataException fail(JsonNode at, String problem) {
        return fail(lineOf(at), problem);
    }

    private ReferralDataException fail(int line, String problem) {
        return new ReferralDataException(file, line, problem);
    }

    /**
     * Refuses a field not in {@code known}: a misspelt optional field ("excpt" for "except") would otherwise be
     * ignored, and route or show more than the file's author meant.
     */
    void onlyFields(JsonNode object, Set<String> known) {
        for (String name : (Iterable<String>) object::fieldNames) {
            if (!known.contains(name)) {
                Integer line = lines.get(object.get(name));
                throw fail(line != null ? line : lineOf(object), "unknown field \"" + name + "\"; expected "
                        + String.join(", ", new TreeSet<>(known)) + ".");
            }
        }
    }

    String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw fail(value == null ? object : value, "field \"" + field + "\" must be a non-empty string.");
        }
        return value.textValue();
    }

    String optionalText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : text(object, field);
    }

    boolean flag(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isBoolean()) {
            throw fail(value == null ? object : value, "field \"" + field + "\" must be true or false.");
        }
        return value.booleanValue();
    }

    /** The objects of a non-empty array field. */
    List<JsonNode> objects(JsonNode object, String field) {
        List<JsonNode> items = array(object, field, false);
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw fail(item, "each entry of \"" + field + "\" must be a JSON object.");
            }
        }
        return items;
    }

    /** The string elements of an array field, each still locatable through {@link #fail(JsonNode, String)}. */
    List<JsonNode> strings(JsonNode object, String field, boolean optional) {
        List<JsonNode> items = array(object, field, optional);
        for (JsonNode item : items) {
            if (!item.isTextual()) {
                throw fail(item, "each entry of \"" + field + "\" must be a string.");
            }
        }
        return items;
    }

    private List<JsonNode> array(JsonNode object, String field, boolean optional) {
        JsonNode value = object.get(field);
        if (value == null && optional) {
            return List.of();
        }
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw fail(value == null ? object : value, "field \"" + field + "\" must be a non-empty array.");
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    // Strings are always fresh TextNode instances (never the factory's shared ones), so each has its own line.
    private JsonNode read(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> new TextNode(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDecimalValue());
            default -> throw fail(line, "unexpected " + parser.currentToken() + ".");
        };
        if (node.isObject() || node.isArray() || node.isTextual()) {
            lines.put(node, line);
        }
        return node;
    }

    // A field given twice is an error rather than "last one wins": a rule must not say two things at once.
    private ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            if (object.has(name)) {
                throw fail(line, "field \"" + name + "\" is given twice.");
            }
            object.set(name, read(parser));
        }
        return object;
    }

    private ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(parser));
        }
        return array;
    }
}
