package org.threshold.hub.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.threshold.core.referral.ReferredPerson;

/**
 * A referral's referred people as its {@code people_json} column holds them:
 * {@code [{"member":0,"needs":["SM-CI"]},...]}. Only the projector writes them, through {@link #write}; a queue
 * page reads fifty, so {@link #read} takes that exact text by hand and leaves anything else (escapes, spaces, other
 * field orders) to Jackson's streaming parser, whose answer, or exception, it then is.
 */
final class ReferralPeopleJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory STREAMS = JSON.getFactory();
    private static final String MEMBER = "{\"member\":";
    private static final String NEEDS = ",\"needs\":[";
    private static final int MAX_DIGITS = 9;

    private ReferralPeopleJson() {
    }

    static String write(List<ReferredPerson> people) {
        ArrayNode list = JSON.createArrayNode();
        for (ReferredPerson person : people) {
            ArrayNode needs = list.addObject().put("member", person.member()).putArray("needs");
            person.needs().forEach(needs::add);
        }
        return list.toString();
    }

    /** @throws IllegalStateException if it is not as {@link #write} writes it */
    static List<ReferredPerson> read(String json) {
        List<ReferredPerson> exact = exact(json);
        return exact != null ? exact : streamed(json);
    }

    /** The people in exactly {@link #write}'s text; null for any other text. */
    private static List<ReferredPerson> exact(String json) {
        List<ReferredPerson> people = new ArrayList<>();
        if (json.equals("[]")) {
            return people;
        }
        if (!json.startsWith("[")) {
            return null;
        }
        int end = json.length();
        int at = 1;
        while (json.startsWith(MEMBER, at)) {
            at += MEMBER.length();
            int digits = at;
            int member = 0;
            while (at < end && at - digits < MAX_DIGITS && json.charAt(at) >= '0' && json.charAt(at) <= '9') {
                member = member * 10 + json.charAt(at++) - '0';
            }
            if (at == digits || (json.charAt(digits) == '0' && at - digits > 1) || !json.startsWith(NEEDS, at)) {
                return null;
            }
            at += NEEDS.length();
            List<String> needs = new ArrayList<>();
            while (true) {
                int close = at < end && json.charAt(at) == '"' ? json.indexOf('"', at + 1) : -1;
                if (close < 0 || !plain(json, at + 1, close)) {
                    return null;
                }
                needs.add(json.substring(at + 1, close));
                at = close + 1;
                if (!json.startsWith(",", at)) {
                    break;
                }
                at++;
            }
            if (!json.startsWith("]}", at)) {
                return null;
            }
            at += 2;
            people.add(new ReferredPerson(member, needs));
            if (json.startsWith("]", at)) {
                return at + 1 == end ? people : null;
            }
            if (!json.startsWith(",", at)) {
                return null;
            }
            at++;
        }
        return null;
    }

    /** Whether the string's characters need no unescaping and are allowed in JSON as they are. */
    private static boolean plain(String json, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = json.charAt(i);
            if (c == '\\' || c < ' ') {
                return false;
            }
        }
        return true;
    }

    /** Any JSON text of this shape, through Jackson's streaming parser (no tree). */
    static List<ReferredPerson> streamed(String json) {
        try (JsonParser parser = STREAMS.createParser(json)) {
            List<ReferredPerson> people = new ArrayList<>();
            expect(parser, parser.nextToken() == JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int member = -1;
                List<String> needs = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("member")) {
                        expect(parser, value == JsonToken.VALUE_NUMBER_INT);
                        member = parser.getIntValue();
                    } else if (field.equals("needs")) {
                        expect(parser, value == JsonToken.START_ARRAY);
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            needs.add(parser.getText());
                        }
                        expect(parser, parser.currentToken() == JsonToken.END_ARRAY);
                    } else {
                        parser.skipChildren();
                    }
                }
                expect(parser, member >= 0);
                people.add(new ReferredPerson(member, needs));
            }
            expect(parser, parser.currentToken() == JsonToken.END_ARRAY && parser.nextToken() == null);
            return people;
        } catch (IOException e) {
            throw new IllegalStateException("A stored referral's people are not JSON", e);
        }
    }

    private static void expect(JsonParser parser, boolean asWritten) throws JsonParseException {
        if (!asWritten) {
            throw new JsonParseException(parser, "not as the hub writes a referral's people");
        }
    }
}
