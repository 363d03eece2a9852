package org.threshold.hub.app.dsr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.threshold.core.event.SignedEvent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.AccessPolicy;
import org.threshold.hub.app.event.HubEvents;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.HouseholdReseal;
import org.threshold.hub.app.household.HouseholdVault;
import org.threshold.hub.app.household.SealedHousehold;
import org.threshold.hub.app.referral.ConsentWithdrawal;

/**
 * The data protection officer's correction of a household at the person's request, in the caller's transaction: a
 * {@code HouseholdCorrected} event on the locked hub chain holding the whole household after it (as a kiosk's
 * correction does), the household sealed anew ({@link HouseholdReseal}), and a line in its history naming the fields
 * that changed, never their values. An open referral on consent that the corrected record no longer holds is withdrawn
 * ({@link ConsentWithdrawal#withdrawUnconsented}).
 */
final class HouseholdCorrection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubEvents events;
    private final HouseholdVault vault;
    private final HouseholdReseal reseal;
    private final ConsentWithdrawal withdrawal;

    HouseholdCorrection(HubEvents events, HouseholdVault vault, HouseholdReseal reseal, ConsentWithdrawal withdrawal) {
        this.events = events;
        this.vault = vault;
        this.reseal = reseal;
        this.withdrawal = withdrawal;
    }

    /**
     * @param changed already validated as the kiosk validates a registration
     * @throws org.threshold.hub.app.Refusal GONE {@code ERASED} if it was erased meanwhile
     */
    Instant correct(Repositories repositories, UUID householdId, String actor, String reason, Household changed) {
        HubEvents.Appender chain = events.lock(repositories);
        SealedHousehold sealed = repositories.households().findById(householdId).filter(found -> !found.erased())
                .orElseThrow(AccessPolicy::erased);
        HouseholdRecord before = vault.open(sealed);
        ObjectNode after = HouseholdJson.write(changed);
        Instant at = events.now();
        SignedEvent event = chain.append(DsrEvents.corrected(householdId, actor, reason, at, after));
        reseal.store(repositories, before, changed);
        HubHistory.record(repositories, event, householdId, actor, differences(read(before.householdJson()), after));
        // The record as corrected may not hold the consent an open referral stands on: that referral ends now.
        withdrawal.withdrawUnconsented(repositories, householdId, changed, "The consent it stood on is not recorded "
                + "in the household as the data protection officer corrected it.", actor);
        return at;
    }

    /**
     * What changed, as a kiosk's correction lists it: {@code corrections} of household fields and of members' fields
     * by place, {@code addMembers} for members added. A member taken away shows as a correction of {@code members}.
     */
    static ObjectNode differences(JsonNode before, JsonNode after) {
        ObjectNode details = JSON.createObjectNode();
        ArrayNode corrections = details.putArray("corrections");
        for (String field : fieldNames(before, after)) {
            if (!field.equals("members") && !before.path(field).equals(after.path(field))) {
                corrections.addObject().put("field", field);
            }
        }
        JsonNode membersBefore = before.path("members");
        JsonNode membersAfter = after.path("members");
        for (int member = 0; member < Math.min(membersBefore.size(), membersAfter.size()); member++) {
            for (String field : fieldNames(membersBefore.get(member), membersAfter.get(member))) {
                if (!membersBefore.get(member).path(field).equals(membersAfter.get(member).path(field))) {
                    corrections.addObject().put("member", member).put("field", field);
                }
            }
        }
        if (membersAfter.size() < membersBefore.size()) {
            corrections.addObject().put("field", "members");
        }
        ArrayNode added = details.putArray("addMembers");
        for (int member = membersBefore.size(); member < membersAfter.size(); member++) {
            added.add(member);
        }
        return details;
    }

    private static TreeSet<String> fieldNames(JsonNode one, JsonNode other) {
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode node : new JsonNode[] {one, other}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                names.add(it.next().getKey());
            }
        }
        return names;
    }

    private static JsonNode read(String householdJson) {
        try {
            return JSON.readTree(householdJson);
        } catch (IOException e) {
            // Never quote it: the stored household is personal data.
            throw new IllegalStateException("A stored household is not JSON");
        }
    }
}
