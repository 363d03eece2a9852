package org.threshold.hub.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.threshold.core.registration.Sex;
import org.threshold.core.report.AgeBracket;
import org.threshold.core.report.SmallCells;
import org.threshold.core.report.Suppression;
import org.threshold.hub.app.report.ReportRepository.Count;

class ReportTablesTest {
    private static final LocalDate FIRST = LocalDate.of(2025, 12, 1);

    @Test
    void aYearAtTwelveSitesWithSmallPostsIsSuppressedInSecondsNotMinutes() {
        // The publication a year of a million households makes: dense elimination over it did not finish in 100 s.
        // If a sum that puts a count in a third sum comes back, this falls off the graph path and times out.
        List<Count> counts = year(new Random(12));
        ReportWindow window = new ReportWindow(FIRST, FIRST.plusDays(364), Optional.empty());

        Map<String, ReportTable> tables = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ReportTables.households(window, counts, new Suppression(SmallCells.DEFAULT)));

        List<Object> shown = new ArrayList<>();
        tables.values().forEach(table -> table.rows().forEach(shown::addAll));
        assertThat(shown).filteredOn(cell -> cell instanceof Long).noneMatch(
                cell -> SmallCells.DEFAULT.isSmall((Long) cell));
        assertThat(shown).as("the posts' small days are suppressed").filteredOn(cell -> cell == null)
                .hasSizeGreaterThan(500);
    }

    /** Households and people per day at nine gates and three posts of a few a day; the pyramid and needs by site. */
    private static List<Count> year(Random random) {
        List<Count> counts = new ArrayList<>();
        long[] people = new long[12];
        for (int day = 0; day < 365; day++) {
            for (int site = 0; site < 12; site++) {
                long households = site < 9 ? 1 + random.nextInt(900 / (site + 1)) : random.nextInt(4);
                long members = households * 3 + random.nextInt(3) * Math.min(households, 1);
                counts.add(new Count(FIRST.plusDays(day), "site " + site, ReportProjection.HOUSEHOLDS, "",
                        households));
                counts.add(new Count(FIRST.plusDays(day), "site " + site, ReportProjection.PEOPLE, "", members));
                people[site] += members;
            }
        }
        List<String> categories = new ArrayList<>();
        for (Sex sex : List.of(Sex.F, Sex.M, Sex.OTHER, Sex.UNKNOWN)) {
            for (AgeBracket age : AgeBracket.values()) {
                categories.add(sex.name() + "/" + age.label());
            }
        }
        for (int site = 0; site < 12; site++) {
            long left = people[site];
            for (int c = 0; c < categories.size(); c++) {
                long share = c == categories.size() - 1 ? left : Math.min(left, random.nextInt(5)
                        + (c % 6 == 3 ? people[site] / 3 : 0));
                left -= share;
                counts.add(new Count(null, "site " + site, ReportProjection.AGE_SEX, categories.get(c), share));
            }
            for (String need : List.of("SC", "SV", "SM", "DS")) {
                counts.add(new Count(null, "site " + site, ReportProjection.NEED, need, random.nextInt(40)));
            }
        }
        return counts;
    }
}
