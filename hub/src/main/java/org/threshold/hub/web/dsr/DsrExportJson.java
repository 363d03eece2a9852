package org.threshold.hub.web.dsr;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.hub.app.dsr.DataSubjectRequests;
import org.threshold.hub.app.household.HistoryEntry;
import org.threshold.hub.app.household.HouseholdRecord;
import org.threshold.hub.app.household.StoredHousehold;
import org.threshold.hub.app.referral.ReferralRecord;
import org.threshold.hub.web.http.HubJson;

/**
 * A data-subject export as JSON, the one shape the API ({@code GET /api/dsr/export}) and the DPO's pages
 * ({@code /dpo/household/{token}/export.json}) both give, and the printable page ({@link DsrExportPage}) lays out.
 */
public final class DsrExportJson {
    private DsrExportJson() {
    }

    /** Everything held: the household, its history, its restriction (or null) and its referrals. */
    public static ObjectNode of(DataSubjectRequests.Export export) {
        ObjectNode body = household(export.household());
        ArrayNode history = body.putArray("history");
        for (HistoryEntry entry : export.history()) {
            history.addObject().put("eventId", entry.eventId().toString()).put("type", entry.eventType().name())
                    .put("at", entry.at().toString()).put("kioskId", entry.kioskId())
                    .put("operator", entry.operator()).put("summary", entry.summary());
        }
        export.restriction().ifPresentOrElse(restriction -> body.putObject("restricted")
                        .put("at", restriction.restrictedAt().toString()).put("by", restriction.restrictedBy())
                        .put("reason", restriction.reason()),
                () -> body.putNull("restricted"));
        ArrayNode referrals = body.putArray("referrals");
        for (ReferralRecord referral : export.referrals()) {
            referrals.addObject().put("referralId", referral.referralId().toString())
                    .put("service", referral.service()).put("status", referral.status().name())
                    .put("urgency", referral.urgency().wireName()).put("requestedAt", referral.requestedAt().toString())
                    .put("basis", referral.basis().wireName())
                    .set("people", HubJson.MAPPER.valueToTree(referral.people()));
        }
        return body;
    }

    /** A household as the DPO sees it: the whole of it, as the kiosk registered it and later events changed it. */
    public static ObjectNode household(HouseholdRecord record) {
        ObjectNode json = HubJson.MAPPER.createObjectNode();
        json.put("householdId", record.householdId().toString());
        json.put("site", record.site());
        json.put("kioskId", record.kioskId());
        json.put("registeredAt", record.registeredAt().toString());
        json.putObject("token").put("code", record.tokenId().shortCode()).put("kioskId", record.tokenKioskId())
                .put("issuedOn", record.tokenIssuedOn().toString());
        json.set("household", HouseholdJson.write(StoredHousehold.read(record)));
        return json;
    }
}
