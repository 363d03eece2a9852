package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.codec.MalformedEncodingException;
import org.threshold.core.input.StrictText;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;

class ReferralEventProperties {

    @Property
    void everyEventReadsBackAsItself(@ForAll("events") ReferralEvent event) throws MalformedEncodingException {
        byte[] json = event.toJson();

        ReferralEvent decoded = ReferralEvent.decode(event.wireName(), json);

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.toJson()).isEqualTo(json);
    }

    // A payload damaged anywhere either fails to decode or decodes to a different event that encodes to the damaged
    // bytes exactly: never two encodings for one event.
    @Property
    void aDamagedPayloadNeverPassesForTheOriginal(@ForAll("events") ReferralEvent event,
                                                  @ForAll("positions") double where, @ForAll byte with) {
        byte[] json = event.toJson();
        int at = (int) (where * json.length);
        if (json[at] == with) {
            return;
        }
        json[at] = with;
        try {
            ReferralEvent decoded = ReferralEvent.decode(event.wireName(), json);
            assertThat(decoded).isNotEqualTo(event);
            assertThat(decoded.toJson()).isEqualTo(json);
        } catch (MalformedEncodingException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property
    void aPayloadIsReadOnlyUnderItsOwnType(@ForAll("events") ReferralEvent event) {
        for (String other : List.of("ReferralRequested", "ReferralTransitioned", "ReferralNoteAdded",
                "ReferralReassigned")) {
            if (!other.equals(event.wireName())) {
                assertThatThrownBy(() -> ReferralEvent.decode(other, event.toJson()))
                        .isInstanceOf(MalformedEncodingException.class);
            }
        }
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }

    @Provide
    Arbitrary<ReferralEvent> events() {
        return Arbitraries.oneOf(requested(), transitioned(), notes(), reassigned());
    }

    private Arbitrary<ReferralEvent> requested() {
        List<String> codes = NeedsCatalogue.bundled().all().stream().map(SpecificNeed::code).toList();
        Arbitrary<List<ReferredPerson>> people = Arbitraries.of(codes).set().ofMinSize(1).ofMaxSize(4)
                .list().ofMinSize(1).ofMaxSize(5).map(sets -> {
                    List<ReferredPerson> list = new ArrayList<>();
                    for (int i = 0; i < sets.size(); i++) {
                        list.add(new ReferredPerson(i * 2, List.copyOf(sets.get(i))));
                    }
                    return list;
                });
        return Combinators.combine(uuids(), uuids(), services(), Arbitraries.of(Urgency.class), instants(),
                        Arbitraries.of(LegalBasis.class), people)
                .as((id, household, service, urgency, at, basis, list) -> new ReferralRequested(id, household, service,
                        urgency, at, at.plus(urgency.dueIn()), basis, list));
    }

    private Arbitrary<ReferralEvent> transitioned() {
        return Combinators.combine(uuids(), Arbitraries.of(ReferralStatus.class), Arbitraries.of(ReferralStatus.class),
                        texts(500).injectNull(0.3), instants(), actors())
                .as(ReferralTransitioned::new);
    }

    private Arbitrary<ReferralEvent> notes() {
        return Combinators.combine(uuids(), uuids(), texts(4000), instants(), actors()).as(ReferralNoteAdded::new);
    }

    private Arbitrary<ReferralEvent> reassigned() {
        return Combinators.combine(uuids(), services(), services(), Arbitraries.of(LegalBasis.class), texts(500),
                        instants(), actors())
                .filter((id, from, to, basis, reason, at, actor) -> !from.equals(to))
                .as(ReferralReassigned::new);
    }

    private static Arbitrary<UUID> uuids() {
        return Arbitraries.create(UUID::randomUUID);
    }

    private static Arbitrary<String> services() {
        return Arbitraries.of("child-protection", "gbv", "health", "mhpss", "disability", "legal", "family-tracing",
                "shelter");
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
    }

    private static Arbitrary<String> actors() {
        return Arbitraries.strings().withChars("abcxyz0129._-").ofMinLength(1).ofMaxLength(64);
    }

    // Any script, line breaks, quotes and backslashes (which JSON must escape), as StrictText leaves them.
    private static Arbitrary<String> texts(int max) {
        return Arbitraries.strings().all().ofMinLength(1).ofMaxLength(Math.min(max, 200))
                .map(s -> StrictText.check(s, StrictText.Kind.TEXT))
                .filter(checked -> checked.ok() && !checked.text().isEmpty()
                        && checked.text().codePointCount(0, checked.text().length()) <= max)
                .map(StrictText.Checked::text);
    }
}
