package org.threshold.hub.web.household;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
 * Written once, as a stream ({@link #writeReferral}: a referral list goes straight into the response); the trees
 * other answers are built of are read back from that stream, so both have the same fields in the same order.
 */
public final class HouseholdViewJson {
    private HouseholdViewJson() {
    }

    static ObjectNode of(HouseholdView view) {
        return HubJson.tree(json -> write(json, view));
    }

    private static void write(JsonGenerator json, HouseholdView view) throws IOException {
        json.writeStartObject();
        HouseholdRecord record = view.record();
        if (view instanceof HouseholdView.Visible visible) {
            json.writeStringField("householdId", record.householdId().toString());
            json.writeStringField("site", record.site());
            json.writeStringField("registeredAt", record.registeredAt().toString());
            writeToken(json, record);
            json.writeFieldName("household");
            writeHousehold(json, visible.household());
            if (visible.glassBreak().isPresent()) {
                json.writeObjectFieldStart("glassBreak");
                json.writeStringField("until", visible.glassBreak().get().until().toString());
                json.writeStringField("reason", visible.glassBreak().get().reason());
                json.writeEndObject();
            }
        } else {
            writeToken(json, record);
            json.writeArrayFieldStart("referrals");
            if (view instanceof HouseholdView.Referrals theirs) {
                for (ReferralView referral : theirs.referrals()) {
                    writeReferral(json, referral);
                }
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** As {@link #writeReferral}, as a tree. */
    public static ObjectNode referral(ReferralView view) {
        return HubJson.tree(json -> writeReferral(json, view));
    }

    /**
     * A referral as the API shows it: {@code {"id","service","status","urgency","dueAt","overdue","basis",
     * "requestedAt","updatedAt","token","household":{...},"people":[...]}}, people and fields as its service may see.
     */
    public static void writeReferral(JsonGenerator json, ReferralView view) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", view.referral().referralId().toString());
        json.writeStringField("service", view.referral().service());
        json.writeStringField("status", view.referral().status().name());
        json.writeStringField("urgency", view.referral().urgency().wireName());
        json.writeStringField("dueAt", view.referral().dueAt().toString());
        json.writeBooleanField("overdue", view.overdue());
        json.writeBooleanField("suspended", view.suspended());
        json.writeStringField("basis", view.referral().basis().wireName());
        json.writeStringField("requestedAt", view.referral().requestedAt().toString());
        json.writeStringField("updatedAt", view.referral().updatedAt().toString());
        json.writeStringField("token", view.household().tokenId().shortCode());
        json.writeFieldName("household");
        json.writeStartObject();
        writeHouseholdFields(json, view.visible());
        json.writeEndObject();
        json.writeArrayFieldStart("people");
        for (VisiblePerson person : view.visible().people()) {
            writePerson(json, person);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeToken(JsonGenerator json, HouseholdRecord record) throws IOException {
        json.writeObjectFieldStart("token");
        json.writeStringField("code", record.tokenId().shortCode());
        json.writeStringField("kioskId", record.tokenKioskId());
        json.writeStringField("issuedOn", record.tokenIssuedOn().toString());
        json.writeEndObject();
    }

    private static void writeHousehold(JsonGenerator json, VisibleHousehold household) throws IOException {
        json.writeStartObject();
        writeHouseholdFields(json, household);
        json.writeArrayFieldStart("members");
        for (VisiblePerson person : household.people()) {
            writePerson(json, person);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The household-level fields the viewer may see (languages, phone, arrival, origin), without its members. */
    public static ObjectNode householdFields(VisibleHousehold household) {
        return HubJson.tree(json -> {
            json.writeStartObject();
            writeHouseholdFields(json, household);
            json.writeEndObject();
        });
    }

    private static void writeHouseholdFields(JsonGenerator json, VisibleHousehold household) throws IOException {
        write(json, "arrivalDate", household.arrivalDate());
        if (household.originCountry() != null || household.originPlace() != null) {
            json.writeObjectFieldStart("origin");
            write(json, "country", household.originCountry());
            write(json, "place", household.originPlace());
            json.writeEndObject();
        }
        if (household.languages() != null) {
            json.writeArrayFieldStart("languages");
            for (String language : household.languages()) {
                json.writeString(language);
            }
            json.writeEndArray();
        }
        write(json, "phone", household.phone());
    }

    /** One member as the viewer may see them, in the household JSON's field names; {@code member} is their place. */
    public static ObjectNode person(VisiblePerson person) {
        return HubJson.tree(json -> writePerson(json, person));
    }

    private static void writePerson(JsonGenerator json, VisiblePerson person) throws IOException {
        json.writeStartObject();
        json.writeNumberField("member", person.member());
        write(json, "givenName", person.givenName());
        write(json, "familyName", person.familyName());
        write(json, "givenNameLatin", person.givenNameLatin());
        write(json, "familyNameLatin", person.familyNameLatin());
        write(json, "sex", person.sex());
        write(json, "birthDate", person.birthDate());
        write(json, "birthDateEstimated", person.birthDateEstimated());
        write(json, "ageEstimate", person.ageEstimate());
        write(json, "nationality", person.nationality());
        write(json, "relationship", person.relationship());
        json.writeArrayFieldStart("needs");
        for (String code : person.needs()) {
            json.writeString(code);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Leaves out what the viewer may not see (null); enums by name, dates in ISO form. */
    private static void write(JsonGenerator json, String field, Object value) throws IOException {
        if (value instanceof Boolean flag) {
            json.writeBooleanField(field, flag);
        } else if (value instanceof Integer number) {
            json.writeNumberField(field, number);
        } else if (value instanceof Enum<?> constant) {
            json.writeStringField(field, constant.name());
        } else if (value != null) {
            json.writeStringField(field, value.toString());
        }
    }
}
