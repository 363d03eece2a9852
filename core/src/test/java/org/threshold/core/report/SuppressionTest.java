package org.threshold.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void aThresholdBelowThreeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new SmallCells(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("may not be set below 3");
        assertThat(new SmallCells(3).isSmall(2)).isTrue();
        assertThat(SmallCells.DEFAULT.isSmall(4)).isTrue();
        assertThat(SmallCells.DEFAULT.isSmall(5)).isFalse();
        assertThat(SmallCells.DEFAULT.isSmall(0)).isFalse();
    }

    @Test
    void aSmallCellTakesTheSmallestOtherCellOfItsRowAndColumnWithIt() {
        // a=3 b=10 | 13
        // c=20 d=30 | 50
        // 23  40  | 63
        Publication publication = new Publication().count("a", 3).count("b", 10).count("c", 20).count("d", 30)
                .count("r1", 13).count("r2", 50).count("c1", 23).count("c2", 40).count("all", 63)
                .sum("r1", List.of("a", "b")).sum("r2", List.of("c", "d"))
                .sum("c1", List.of("a", "c")).sum("c2", List.of("b", "d"))
                .sum("all", List.of("r1", "r2")).sum("all", List.of("c1", "c2"));

        Suppressed result = new Suppression(SmallCells.DEFAULT).apply(publication);

        assertThat(result.published()).containsOnlyKeys("r1", "r2", "c1", "c2", "all");
        assertThat(result.count("a")).isEmpty();
        assertThat(result.count("all")).hasValue(63);
    }

    @Test
    void zerosArePublishedAndNeverHideAnything() {
        // The one non-zero cell equals its total, so the total goes too, and with it the grand total's other part.
        Publication publication = new Publication().count("a", 2).count("b", 0).count("t", 2)
                .sum("t", List.of("a", "b"));

        Suppressed result = new Suppression(SmallCells.DEFAULT).apply(publication);

        assertThat(result.published()).containsOnlyKeys("b");
    }

    @Test
    void aCountInTwoTablesMustBeTheSame() {
        Publication publication = new Publication().count("site", 7);

        assertThatThrownBy(() -> publication.count("site", 8)).hasMessageContaining("7 in one table and 8");
    }

    @Test
    void signsThatDoNotMakeAGraphAreCheckedByEliminationAndStillProtect() {
        // x = a + b and a = b + c: with a and b suppressed, a + b = 14 and a - b = 10 give b = 2 back. The two
        // sums name a and b twice each, which looks like a cycle, but no orientation makes them a flow.
        Publication publication = new Publication().count("a", 12).count("b", 2).count("c", 10).count("x", 14)
                .sum("x", List.of("a", "b")).sum("a", List.of("b", "c"));

        Suppressed result = new Suppression(SmallCells.DEFAULT).apply(publication);

        List<String> hidden = publication.keys().stream().filter(key -> !result.published().containsKey(key))
                .toList();
        assertThat(hidden).contains("b");
        assertThat(ExactCheck.givenBack(publication, hidden)).doesNotContain("b");
    }

    @Test
    void aYearOfDailyCountsAtTwelveSitesIsSuppressedInSecondsNotMinutes() {
        // The arrivals and the pyramid of a year at nine gates and three posts that see a few people a day: the
        // shape that dense elimination did not finish in 100 s.
        Random random = new Random(12);
        long[][] people = new long[365][12];
        for (long[] day : people) {
            for (int site = 0; site < 12; site++) {
                day[site] = site < 9 ? random.nextInt(900 / (site + 1)) : random.nextInt(8);
            }
        }
        Publication publication = new Publication();
        SuppressionNetworkProperties.grid(publication, "hh", people, true);
        SuppressionNetworkProperties.grid(publication, "p", people, false);
        SuppressionNetworkProperties.pyramid(publication, random, people, 24);

        Suppressed result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new Suppression(SmallCells.DEFAULT).apply(publication));

        assertThat(result.published().values()).noneMatch(SmallCells.DEFAULT::isSmall);
        assertThat(result.published()).hasSizeLessThan(publication.keys().size() - 1000);
    }
}
