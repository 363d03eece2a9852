package org.threshold.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
        assertThat(ReferralSql.readPeople(ReferralSql.writePeople(people))).isEqualTo(people);
    }

    @Example
    void readsFieldsInAnyOrderAndSkipsOthers() {
        assertThat(ReferralSql.readPeople("[{\"needs\":[\"SM-CI\",\"DS-PM\"],\"later\":{\"x\":[1]},\"member\":2}]"))
                .containsExactly(new ReferredPerson(2, List.of("SM-CI", "DS-PM")));
    }

    @Example
    void refusesWhatTheHubDoesNotWrite() {
        for (String json : List.of("{}", "[{\"needs\":[\"SM-CI\"]}]", "[{\"member\":\"1\",\"needs\":[\"SM-CI\"]}]",
                "[{\"member\":1,\"needs\":[1]}]", "[{\"member\":1,\"needs\":[\"SM-CI\"]}")) {
            assertThatThrownBy(() -> ReferralSql.readPeople(json)).as(json).isInstanceOf(IllegalStateException.class);
        }
    }

    @Provide
    Arbitrary<List<ReferredPerson>> people() {
        Arbitrary<String> codes = Arbitraries.of("SM-CI", "SV-VF", "LP-RR", "SC-UC", "DS-PM", "WR-SF");
        return Combinators.combine(Arbitraries.integers().between(0, 20), codes.list().ofMinSize(1).ofMaxSize(4))
                .as(ReferredPerson::new).list().ofMaxSize(6);
    }
}
