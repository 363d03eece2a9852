package org.threshold.core.referral;

import java.time.LocalDate;
import java.util.List;

/** What a viewer may see of a household; every field the viewer may not see is {@code null}. */
public record VisibleHousehold(List<String> languages, String phone, LocalDate arrivalDate, String originCountry,
                               String originPlace, List<VisiblePerson> people) {

    public VisibleHousehold {
        languages = languages == null ? null : List.copyOf(languages);
        people = List.copyOf(people);
    }

    @Override
    public String toString() {
        return "VisibleHousehold[" + people.size() + " people, personal data redacted]";
    }
}
