package org.threshold.core.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.threshold.core.referral.ReferralConfirmation.NotConfirmableException;
import org.threshold.core.referral.ReferralConfirmation.Problem;

class ReferralConfirmationProperties {

    private static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");

    private final ReferralData data = ReferralData.bundled();
    private final ReferralSuggester suggester = new ReferralSuggester(data);

    @Property
    void withoutAChoiceEverySuggestedReferralIsMade(@ForAll("cases") ReferralCases.Case c) {
        ReferralSuggestions suggestions = suggest(c);

        assertThat(ReferralConfirmation.confirm(suggestions, data.services(), Optional.empty()))
                .isEqualTo(suggestions.referrals());
    }

    // Confirming any subset of the suggested services makes exactly their suggested referrals, nothing else.
    @Property
    void confirmingSuggestedServicesMakesExactlyTheirReferrals(@ForAll("cases") ReferralCases.Case c,
                                                               @ForAll long seed) {
        ReferralSuggestions suggestions = suggest(c);
        List<String> suggested = services(suggestions.referrals());
        List<String> chosen = new ArrayList<>(suggested.stream().filter(s -> ((s.hashCode() ^ seed) & 1) == 0)
                .toList());
        Collections.shuffle(chosen, new Random(seed));

        List<SuggestedReferral> made = ReferralConfirmation.confirm(suggestions, data.services(), Optional.of(chosen));

        assertThat(made).isEqualTo(suggestions.referrals().stream().filter(r -> chosen.contains(r.service()))
                .toList());
    }

    // A service with no suggested referral (withheld for want of consent, or not pointed to) is refused, and the
    // whole choice with it: no referral leaves without a basis, none is made half-way.
    @Property
    void aServiceWithoutASuggestionIsRefusedWithItsReason(@ForAll("cases") ReferralCases.Case c,
                                                          @ForAll("serviceIds") String service) {
        ReferralSuggestions suggestions = suggest(c);
        if (services(suggestions.referrals()).contains(service)) {
            return;
        }
        List<String> chosen = new ArrayList<>(services(suggestions.referrals()));
        chosen.add(service);

        NotConfirmableException e = catchThrowableOfType(NotConfirmableException.class,
                () -> ReferralConfirmation.confirm(suggestions, data.services(), Optional.of(chosen)));

        assertThat(e.index()).isEqualTo(chosen.size() - 1);
        Optional<WithheldReferral> withheld = suggestions.withheld().stream()
                .filter(w -> w.service().equals(service)).findFirst();
        Problem expected = withheld.isEmpty() ? Problem.NOT_SUGGESTED
                : service.equals("gbv") ? Problem.PERSONAL_CONSENT_REQUIRED : Problem.CONSENT_REQUIRED;
        assertThat(e.problem()).isEqualTo(expected);
    }

    @Property
    void gbvIsMadeOnlyOnEachSurvivorsOwnConsent(@ForAll("cases") ReferralCases.Case c) {
        Service gbv = data.services().require("gbv");
        ReferralSuggestions suggestions = suggest(c);
        List<String> all = services(suggestions.referrals());

        for (SuggestedReferral made : ReferralConfirmation.confirm(suggestions, data.services(), Optional.of(all))) {
            if (made.service().equals("gbv")) {
                assertThat(made.basis()).isEqualTo(LegalBasis.CONSENT);
                made.people().forEach(p -> assertThat(c.consents().holds(p.member(), gbv)).isTrue());
            }
        }
    }

    @Property
    void aServiceListedTwiceOrUnknownIsRefused(@ForAll("cases") ReferralCases.Case c,
                                               @ForAll("unknownIds") String unknown) {
        ReferralSuggestions suggestions = suggest(c);
        List<String> suggested = services(suggestions.referrals());
        if (!suggested.isEmpty()) {
            List<String> twice = new ArrayList<>(suggested);
            twice.add(suggested.get(0));
            assertThat(catchThrowableOfType(NotConfirmableException.class, () -> ReferralConfirmation.confirm(
                    suggestions, data.services(), Optional.of(twice))).problem()).isEqualTo(Problem.LISTED_TWICE);
        }
        assertThat(catchThrowableOfType(NotConfirmableException.class, () -> ReferralConfirmation.confirm(
                suggestions, data.services(), Optional.of(List.of(unknown)))).problem())
                .isEqualTo(Problem.UNKNOWN_SERVICE);
    }

    @Provide
    Arbitrary<ReferralCases.Case> cases() {
        return ReferralCases.arbitrary(data);
    }

    @Provide
    Arbitrary<String> serviceIds() {
        return Arbitraries.of(data.services().all().stream().map(Service::id).toList());
    }

    @Provide
    Arbitrary<String> unknownIds() {
        Set<String> known = data.services().all().stream().map(Service::id).collect(Collectors.toSet());
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz-").ofMinLength(0).ofMaxLength(20)
                .filter(id -> !known.contains(id));
    }

    private ReferralSuggestions suggest(ReferralCases.Case c) {
        return suggester.suggest(c.household(), c.consents(), AT);
    }

    private static List<String> services(List<SuggestedReferral> referrals) {
        return referrals.stream().map(SuggestedReferral::service).distinct().toList();
    }
}
