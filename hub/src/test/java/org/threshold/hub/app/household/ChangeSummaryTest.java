package org.threshold.hub.app.household;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.threshold.core.event.EventType;

/** The history's summaries name what changed and carry no value, whatever a change event holds. */
class ChangeSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // Names, member places and the summaries' own punctuation: nothing a value could come through.
    private static final String ALPHABET = "[A-Za-z0-9 ,;:.\\[\\]?]*";

    @Property
    void aCorrectionsSummaryHoldsOnlyNamesWhateverTheEventHolds(@ForAll @Size(max = 5) List<String> fields,
                                                                @ForAll @Size(max = 5) List<String> values,
                                                                @ForAll @IntRange(max = 30) int member) {
        ObjectNode details = JSON.createObjectNode();
        ArrayNode corrections = details.putArray("corrections");
        for (int i = 0; i < Math.min(fields.size(), values.size()); i++) {
            corrections.addObject().put("member", member).put("field", fields.get(i)).put("value", values.get(i));
        }
        values.forEach(value -> details.withArray("addMembers").addObject().put("givenName", value));
        details.withArray("addNeeds").addObject().put("member", member).putArray("needs").add("SM-CI");

        String summary = ChangeSummary.of(EventType.HOUSEHOLD_CORRECTED, details, JSON.createObjectNode());

        assertThat(summary).matches(ALPHABET);
    }

    @Property
    void aConsentSummaryNamesOnlyThePartsThatChangedAndNeverTheReason(@ForAll boolean referralBefore,
                                                                      @ForAll boolean referralAfter,
                                                                      @ForAll String language,
                                                                      @ForAll String reason) {
        ObjectNode before = JSON.createObjectNode().put("registration", true).put("referral", referralBefore)
                .put("recordedBy", "demo");
        ObjectNode details = JSON.createObjectNode().put("reason", reason);
        details.putObject("consent").put("registration", true).put("referral", referralAfter)
                .put("language", language).put("recordedBy", "supervisor");

        String summary = ChangeSummary.of(EventType.CONSENT_CHANGED, details, before);

        String expected = "consent changed: language" + (referralBefore != referralAfter ? ", referral" : "");
        assertThat(summary).isEqualTo(expected);
    }

    @Test
    void aCorrectionNamesEachFieldByItsPath() {
        ObjectNode details = JSON.createObjectNode();
        details.putArray("corrections").add(JSON.createObjectNode().put("field", "phone").put("value", "+963"))
                .add(JSON.createObjectNode().put("member", 0).put("field", "givenNameLatin").put("value", "Nurhan"))
                .add(JSON.createObjectNode().put("field", "Nurhan Al-Zoubi").put("value", "x"));
        details.putArray("addMembers").addObject();
        details.putArray("addNeeds").addObject().put("member", 1);

        String summary = ChangeSummary.of(EventType.HOUSEHOLD_CORRECTED, details, JSON.createObjectNode());

        assertThat(summary).isEqualTo("corrected phone, members[0].givenNameLatin, ?; members added: 1; "
                + "needs added to members[1]");
    }
}
