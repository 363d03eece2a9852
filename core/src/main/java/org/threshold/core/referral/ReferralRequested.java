package org.threshold.core.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * A referral was made: to which service, how urgently and by when, on what legal basis, for which members of the
 * household (by their index in its member list) with the need codes relevant to that service. Personal data:
 * sealed like the registration it belongs to.
 *
 * <pre>
 * {"referralId","householdId","service","urgency","requestedAt","dueAt","basis","people":[{"member","needs":[...]}]}
 * </pre>
 */
public record ReferralRequested(UUID referralId, UUID householdId, String service, Urgency urgency,
                                Instant requestedAt, Instant dueAt, LegalBasis basis, List<ReferredPerson> people)
        implements ReferralEvent {

    public static final String WIRE_NAME = "ReferralRequested";

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z]{1,3})?");

    public ReferralRequested {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(householdId, "householdId");
        PayloadJson.serviceId(service, "service");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(basis, "basis");
        PayloadJson.requireWholeMillis(requestedAt, "requestedAt");
        PayloadJson.requireWholeMillis(dueAt, "dueAt");
        if (!dueAt.isAfter(requestedAt)) {
            throw new IllegalArgumentException("dueAt must be after requestedAt");
        }
        if (people.isEmpty()) {
            throw new IllegalArgumentException("a referral names at least one person");
        }
        Set<Integer> members = new HashSet<>();
        for (ReferredPerson person : people) {
            if (!members.add(person.member())) {
                throw new IllegalArgumentException("a member appears twice in one referral");
            }
            if (!person.needs().stream().allMatch(code -> CODE.matcher(code).matches())
                    || person.needs().stream().distinct().count() != person.needs().size()) {
                throw new IllegalArgumentException("need codes must be distinct codes such as SC-UC");
            }
        }
        people = List.copyOf(people);
    }

    /** The event for a suggested referral the operator confirmed. */
    public static ReferralRequested of(UUID referralId, UUID householdId, Instant requestedAt,
                                       SuggestedReferral referral) {
        return new ReferralRequested(referralId, householdId, referral.service(), referral.urgency(), requestedAt,
                referral.dueAt(), referral.basis(), referral.people());
    }

    /** The state a new referral starts in. */
    public ReferralState initialState() {
        return ReferralState.sent(service, basis);
    }

    @Override
    public String wireName() {
        return WIRE_NAME;
    }

    @Override
    public byte[] toJson() {
        ObjectNode json = PayloadJson.object();
        json.put("referralId", referralId.toString());
        json.put("householdId", householdId.toString());
        json.put("service", service);
        json.put("urgency", urgency.wireName());
        json.put("requestedAt", requestedAt.toString());
        json.put("dueAt", dueAt.toString());
        json.put("basis", basis.wireName());
        ArrayNode list = json.putArray("people");
        for (ReferredPerson person : people) {
            ObjectNode p = list.addObject();
            p.put("member", person.member());
            ArrayNode needs = p.putArray("needs");
            person.needs().forEach(needs::add);
        }
        return PayloadJson.bytes(json);
    }

    public static ReferralRequested fromJson(byte[] json) throws MalformedEncodingException {
        return PayloadJson.decode(json, WIRE_NAME, ReferralRequested::read, ReferralRequested::toJson);
    }

    private static ReferralRequested read(JsonNode json) throws MalformedEncodingException {
        return new ReferralRequested(PayloadJson.uuid(json, "referralId"), PayloadJson.uuid(json, "householdId"),
                PayloadJson.text(json, "service"), PayloadJson.choice(json, "urgency", Urgency::fromWireName),
                PayloadJson.instant(json, "requestedAt"), PayloadJson.instant(json, "dueAt"),
                PayloadJson.choice(json, "basis", LegalBasis::fromWireName), people(json.get("people")));
    }

    private static List<ReferredPerson> people(JsonNode json) throws MalformedEncodingException {
        if (json == null || !json.isArray()) {
            throw new MalformedEncodingException("field \"people\" must be an array");
        }
        List<ReferredPerson> people = new ArrayList<>();
        for (JsonNode person : json) {
            JsonNode member = person.get("member");
            JsonNode needs = person.get("needs");
            if (member == null || !member.isInt() || needs == null || !needs.isArray()) {
                throw new MalformedEncodingException("each person is {\"member\": index, \"needs\": [codes]}");
            }
            List<String> codes = new ArrayList<>();
            for (JsonNode code : needs) {
                if (!code.isTextual()) {
                    throw new MalformedEncodingException("need codes must be strings");
                }
                codes.add(code.textValue());
            }
            people.add(new ReferredPerson(member.intValue(), codes));
        }
        return people;
    }
}
