package org.threshold.hub.web.household;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threshold.core.referral.VisibleHousehold;
import org.threshold.core.referral.VisiblePerson;
import org.threshold.hub.app.access.HouseholdView;
import org.threshold.hub.app.access.ReferralView;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.web.http.HubJson;

/**
 * The token lookup's answer, built only from what the {@link org.threshold.hub.app.access.AccessPolicy} let through:
 * a visible household in the household JSON's own field names (what the viewer may not see is left out), or, for a
 * caseworker's scan, the card and the household's referrals to their services (an empty list when there are none).
 */
public final class HouseholdViewJson {
    private HouseholdViewJson() {
    }

    static ObjectNode of(HouseholdView view) {
        ObjectNode body = HubJson.MAPPER.createObjectNode();
        HouseholdRecord record = view.record();
        if (view instanceof HouseholdView.Visible visible) {
            body.put("householdId", record.householdId().toString());
            body.put("site", record.site());
            body.put("registeredAt", record.registeredAt().toString());
            body.set("token", token(record));
            body.set("household", household(visible.household()));
            visible.glassBreak().ifPresent(grant -> body.putObject("glassBreak")
                    .put("until", grant.until().toString()).put("reason", grant.reason()));
        } else {
            body.set("token", token(record));
            ArrayNode referrals = body.putArray("referrals");
            if (view instanceof HouseholdView.Referrals theirs) {
                theirs.referrals().forEach(referral -> referrals.add(referral(referral)));
            }
        }
        return body;
    }

    /**
     * A referral as the API shows it: {@code {"id","service","status","urgency","dueAt","overdue","basis",
     * "requestedAt","updatedAt","token","household":{...},"people":[...]}}, people and fields as its service may see.
     */
    public static ObjectNode referral(ReferralView view) {
        ObjectNode json = HubJson.MAPPER.createObjectNode();
        json.put("id", view.referral().referralId().toString());
        json.put("service", view.referral().service());
        json.put("status", view.referral().status().name());
        json.put("urgency", view.referral().urgency().wireName());
        json.put("dueAt", view.referral().dueAt().toString());
        json.put("overdue", view.overdue());
        json.put("suspended", view.suspended());
        json.put("basis", view.referral().basis().wireName());
        json.put("requestedAt", view.referral().requestedAt().toString());
        json.put("updatedAt", view.referral().updatedAt().toString());
        json.put("token", view.household().tokenId().shortCode());
        json.set("household", householdFields(view.visible()));
        ArrayNode people = json.putArray("people");
        view.visible().people().forEach(person -> people.add(person(person)));
        return json;
    }

    private static ObjectNode token(HouseholdRecord record) {
        ObjectNode token = HubJson.MAPPER.createObjectNode();
        token.put("code", record.tokenId().shortCode());
        token.put("kioskId", record.tokenKioskId());
        token.put("issuedOn", record.tokenIssuedOn().toString());
        return token;
    }

    private static ObjectNode household(VisibleHousehold household) {
        ObjectNode json = householdFields(household);
        ArrayNode members = json.putArray("members");
        household.people().forEach(person -> members.add(person(person)));
        return json;
    }

    /** The household-level fields the viewer may see (languages, phone, arrival, origin), without its members. */
    public static ObjectNode householdFields(VisibleHousehold household) {
        ObjectNode json = HubJson.MAPPER.createObjectNode();
        put(json, "arrivalDate", household.arrivalDate());
        if (household.originCountry() != null || household.originPlace() != null) {
            ObjectNode origin = json.putObject("origin");
            put(origin, "country", household.originCountry());
            put(origin, "place", household.originPlace());
        }
        if (household.languages() != null) {
            ArrayNode languages = json.putArray("languages");
            household.languages().forEach(languages::add);
        }
        put(json, "phone", household.phone());
        return json;
    }

    /** One member as the viewer may see them, in the household JSON's field names; {@code member} is their place. */
    public static ObjectNode person(VisiblePerson person) {
        ObjectNode member = HubJson.MAPPER.createObjectNode();
        member.put("member", person.member());
        put(member, "givenName", person.givenName());
        put(member, "familyName", person.familyName());
        put(member, "givenNameLatin", person.givenNameLatin());
        put(member, "familyNameLatin", person.familyNameLatin());
        put(member, "sex", person.sex());
        put(member, "birthDate", person.birthDate());
        put(member, "birthDateEstimated", person.birthDateEstimated());
        put(member, "ageEstimate", person.ageEstimate());
        put(member, "nationality", person.nationality());
        put(member, "relationship", person.relationship());
        ArrayNode needs = member.putArray("needs");
        person.needs().forEach(needs::add);
        return member;
    }

    /** Leaves out what the viewer may not see (null); enums by name, dates in ISO form. */
    private static void put(ObjectNode json, String field, Object value) {
        if (value instanceof Boolean flag) {
            json.put(field, flag);
        } else if (value instanceof Integer number) {
            json.put(field, number);
        } else if (value instanceof Enum<?> constant) {
            json.put(field, constant.name());
        } else if (value != null) {
            json.put(field, value.toString());
        }
    }
}
