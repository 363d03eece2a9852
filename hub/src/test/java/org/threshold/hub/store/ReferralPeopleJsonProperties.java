package org.threshold.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.referral.ReferredPerson;

class ReferralPeopleJsonProperties {
    /** A referral's people read back from their stored JSON as the projector wrote them. */
    @Property(tries = 300)
    void readsBackWhatItWrote(@ForAll("people") List<ReferredPerson> people) {
        String json = ReferralPeopleJson.write(people);

        assertThat(ReferralPeopleJson.read(json)).isEqualTo(people).isEqualTo(ReferralPeopleJson.streamed(json));
    }

    /** Near-misses of the written text (a character changed, inserted or cut): the same answer, or exception, as Jackson. */
    @Property(tries = 1_000)
    void agreesWithJacksonOnNearMisses(@ForAll("people") List<ReferredPerson> people, @ForAll int at,
                                       @ForAll("characters") char with, @ForAll("edits") int edit) {
        String json = ReferralPeopleJson.write(people);
        int index = Math.floorMod(at, json.length());
        String edited = switch (edit) {
            case 0 -> json.substring(0, index) + with + json.substring(index + 1);
            case 1 -> json.substring(0, index) + with + json.substring(index);
            default -> json.substring(0, index);
        };

        assertThat(outcome(ReferralPeopleJson::read, edited)).isEqualTo(outcome(ReferralPeopleJson::streamed, edited));
    }

    @Example
    void readsFieldsInAnyOrderAndSkipsOthers() {
        assertThat(ReferralPeopleJson.read("[{\"needs\":[\"SM-CI\",\"DS-PM\"],\"later\":{\"x\":[1]},\"member\":2}]"))
                .containsExactly(new ReferredPerson(2, List.of("SM-CI", "DS-PM")));
        assertThat(ReferralPeopleJson.read("[{\"member\":1,\"needs\":[\"S\\u004d-CI\"]}]"))
                .containsExactly(new ReferredPerson(1, List.of("SM-CI")));
    }

    @Example
    void refusesWhatTheHubDoesNotWrite() {
        for (String json : List.of("{}", "[{\"needs\":[\"SM-CI\"]}]", "[{\"member\":\"1\",\"needs\":[\"SM-CI\"]}]",
                "[{\"member\":1,\"needs\":[1]}]", "[{\"member\":1,\"needs\":[\"SM-CI\"]}", "[{\"member\":01,"
                + "\"needs\":[\"SM-CI\"]}]", "[{\"member\":1,\"needs\":[\"SM-CI\"]}]x")) {
            assertThatThrownBy(() -> ReferralPeopleJson.read(json)).as(json).isInstanceOf(IllegalStateException.class);
        }
    }

    @Provide
    Arbitrary<List<ReferredPerson>> people() {
        Arbitrary<String> codes = Arbitraries.of("SM-CI", "SV-VF", "LP-RR", "SC-UC", "DS-PM", "WR-SF");
        return Combinators.combine(Arbitraries.integers().between(0, 1_000_000_000), codes.list().ofMinSize(1)
                .ofMaxSize(4)).as(ReferredPerson::new).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.of('0', '1', '9', '-', '"', '\\', ',', ':', '[', ']', '{', '}', ' ', 'x', '\n');
    }

    @Provide
    Arbitrary<Integer> edits() {
        return Arbitraries.integers().between(0, 2);
    }

    /** What {@code read} makes of {@code json}: its value, or the class of what it threw. */
    private static Object outcome(Function<String, List<ReferredPerson>> read, String json) {
        try {
            return read.apply(json);
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }
}
