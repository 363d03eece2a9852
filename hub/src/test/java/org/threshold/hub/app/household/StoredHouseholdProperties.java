package org.threshold.hub.app.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.needs.SpecificNeed;
import org.threshold.core.referral.NeedToKnow;
import org.threshold.core.referral.ReferralData;
import org.threshold.core.referral.Service;
import org.threshold.core.registration.Consent;
import org.threshold.core.registration.Household;
import org.threshold.core.registration.HouseholdJson;
import org.threshold.core.registration.Member;
import org.threshold.core.registration.Origin;
import org.threshold.core.registration.Relationship;
import org.threshold.core.registration.Sex;
import org.threshold.core.token.TokenId;

class StoredHouseholdProperties {
    private static final NeedsCatalogue CATALOGUE = NeedsCatalogue.bundled();
    private static final ReferralData REFERRALS = ReferralData.bundled();
    private static final LocalDate REGISTERED = LocalDate.of(2026, 12, 1);

    /** What the projector sealed reads back as the same household the validating reader made of it. */
    @Property(tries = 200)
    void readsBackWhatTheProjectorValidatedAndWrote(@ForAll("households") Household household) throws Exception {
        String json = HouseholdJson.write(household).toString();
        Household validated = HouseholdJson.read(new ObjectMapper().readTree(json), CATALOGUE, REGISTERED);

        assertThat(StoredHousehold.read(record(json))).isEqualTo(validated).isEqualTo(household);
    }

    /**
     * A service's view read straight from the stored bytes, passing over what it does not show, is the need-to-know
     * filter's view of the whole household read back: any household, service and referred people (some not in it).
     */
    @Property(tries = 200)
    void aViewReadFromTheStoredBytesIsTheFiltersViewOfTheWholeHousehold(
            @ForAll("households") Household household, @ForAll("services") String service,
            @ForAll("referred") Set<Integer> referred) {
        HouseholdRecord record = record(HouseholdJson.write(household).toString());
        NeedToKnow.Sight sight = NeedToKnow.forReferral(REFERRALS.profiles().of(service), referred);

        assertThat(StoredHousehold.visible(record, sight)).isEqualTo(sight.view(StoredHousehold.read(record)))
                .isEqualTo(NeedToKnow.forReferral(REFERRALS.profiles().of(service), household, referred));
    }

    @Example
    void aHouseholdThatDoesNotDecodeFailsWithoutQuotingIt() {
        String json = "{\"arrivalDate\":\"2026-11-30\",\"origin\":{\"country\":\"SYR\"},\"languages\":[\"ar\"],"
                + "\"consent\":{\"registration\":true,\"referral\":true},\"members\":[{\"givenName\":\"Amira\","
                + "\"sex\":\"NOT_A_SEX\",\"nationality\":\"SYR\",\"relationship\":\"FOCAL_POINT\"}]}";

        assertThatThrownBy(() -> StoredHousehold.read(record(json)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Amira");
    }

    @Example
    void aMissingRequiredPartFails() {
        assertThatThrownBy(() -> StoredHousehold.read(record("{\"arrivalDate\":\"2026-11-30\",\"languages\":[]}")))
                .isInstanceOf(IllegalStateException.class);
    }

    private static HouseholdRecord record(String json) {
        return new HouseholdRecord(UUID.randomUUID(), TokenId.random(new java.security.SecureRandom()), "KIOSK-01",
                REGISTERED, "KIOSK-01", "GATE-A", Instant.parse("2026-12-01T10:00:00Z"), json, UUID.randomUUID());
    }

    @Provide
    Arbitrary<String> services() {
        return Arbitraries.of(REFERRALS.services().all().stream().map(Service::id).toList());
    }

    @Provide
    Arbitrary<Set<Integer>> referred() {
        return Arbitraries.integers().between(0, 9).set().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Household> households() {
        List<String> codes = CATALOGUE.all().stream().map(SpecificNeed::code).toList();
        Arbitrary<String> names = Arbitraries.of("Amira", "أميرة", "Олена", "José", "محمد علي", "Nguyễn");
        Arbitrary<LocalDate> births = Arbitraries.integers().between(2, 30_000).map(REGISTERED::minusDays);
        Arbitrary<Member> members = Combinators.combine(names, names.injectNull(0.5), names.injectNull(0.5),
                        Arbitraries.of(Sex.class), births.injectNull(0.3), Arbitraries.of(true, false),
                        Arbitraries.of(codes).set().ofMaxSize(5), Arbitraries.of(Relationship.class))
                .as((given, family, latin, sex, born, estimated, needs, relationship) -> new Member(given, family,
                        latin, latin == null ? null : "Latin", sex, born, born != null && estimated,
                        born == null ? 30 : null, "SYR", relationship == Relationship.FOCAL_POINT
                        ? Relationship.CHILD : relationship, List.copyOf(needs)));
        Arbitrary<Consent> consents = Arbitraries.of(
                new Consent(true, true),
                new Consent(true, false, "ar", 0, "operator-7", Instant.parse("2026-12-01T09:30:00Z"),
                        List.of(new Consent.ChildConsent(0, true, Consent.Assent.NOT_ASKED))),
                new Consent(true, true, null, null, null, null,
                        List.of(new Consent.ChildConsent(0, true, Consent.Assent.GIVEN),
                                new Consent.ChildConsent(1, false, Consent.Assent.REFUSED))));
        return Combinators.combine(members.list().ofMinSize(2).ofMaxSize(8), consents,
                        Arbitraries.of("+963 1234567", null), Arbitraries.of("Homs", null))
                .as((list, consent, phone, place) -> {
                    List<Member> all = new ArrayList<>(list);
                    Member first = all.get(0);
                    all.set(0, new Member(first.givenName(), first.familyName(), first.givenNameLatin(),
                            first.familyNameLatin(), first.sex(), first.birthDate(), first.birthDateEstimated(),
                            first.ageEstimate(), first.nationality(), Relationship.FOCAL_POINT, first.needs()));
                    return new Household(REGISTERED.minusDays(1), new Origin("SYR", place), List.of("ar", "en"),
                            phone, consent, all);
                });
    }
}
