package org.threshold.hub.app.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class IsoTimesProperties {
    /** Every instant the hub writes (any precision, any year Instant prints) reads back as the JDK reads it. */
    @Property(tries = 1_000)
    void readsEveryWrittenInstantAsTheJdk(@ForAll("instants") Instant instant) {
        String text = instant.toString();

        assertThat(IsoTimes.instant(text)).isEqualTo(Instant.parse(text)).isEqualTo(instant);
    }

    @Property(tries = 1_000)
    void readsEveryWrittenDateAsTheJdk(@ForAll("dates") LocalDate date) {
        String text = date.toString();

        assertThat(IsoTimes.date(text)).isEqualTo(LocalDate.parse(text)).isEqualTo(date);
    }

    /** Near-misses of the format (a digit or separator changed, cut short): the same answer, or exception, as the JDK. */
    @Property(tries = 1_000)
    void agreesWithTheJdkOnNearMisses(@ForAll("instants") Instant instant, @ForAll("edits") Edit edit) {
        String text = edit.apply(instant.toString());

        assertThat(outcome(IsoTimes::instant, text)).isEqualTo(outcome(Instant::parse, text));
        String date = edit.apply(LocalDate.ofInstant(instant, ZoneOffset.UTC).toString());
        assertThat(outcome(IsoTimes::date, date)).isEqualTo(outcome(LocalDate::parse, date));
    }

    @Example
    void leavesWhatItDoesNotReadToTheJdk() {
        for (String text : new String[] {"2026-12-31T23:59:60Z", "2026-12-31T24:00:00Z", "2026-02-29T00:00:00Z",
            "2024-02-29T00:00:00.Z", "2026-12-03t16:02:00z", "2026-12-03T16:02:00+01:00", "+12026-12-03T16:02:00Z"}) {
            assertThat(outcome(IsoTimes::instant, text)).as(text).isEqualTo(outcome(Instant::parse, text));
        }
        for (String text : new String[] {"2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10", "+12026-12-03",
            "2026-1-01"}) {
            assertThat(outcome(IsoTimes::date, text)).as(text).isEqualTo(outcome(LocalDate::parse, text));
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(millis -> millis * 1_000_000), Arbitraries.integers().between(0, 999_999_999));
        Arbitrary<Instant> any = seconds.flatMap(second -> nanos.map(nano -> Instant.ofEpochSecond(second, nano)));
        // Mostly this century, where the hub's times are; now and then anywhere Instant prints four-digit years.
        Arbitrary<Instant> recent = Arbitraries.longs().between(0, 100L * 365 * 86_400_000L)
                .map(millis -> Instant.parse("2000-01-01T00:00:00Z").plus(millis, ChronoUnit.MILLIS));
        return Arbitraries.frequencyOf(Tuple.of(3, recent), Tuple.of(1, any));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    /** A change to a text: one character replaced, or the text cut short. */
    record Edit(int at, char with, boolean cut) {
        String apply(String text) {
            int index = at % text.length();
            return cut ? text.substring(0, index) : text.substring(0, index) + with + text.substring(index + 1);
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', 'T', 'Z', '.', 'x', ' ', '+'),
                Arbitraries.of(true, false))
                .as(Edit::new);
    }

    /** What {@code parse} makes of {@code text}: its value, or the class and message of what it threw. */
    private static <T> Object outcome(Function<String, T> parse, String text) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
