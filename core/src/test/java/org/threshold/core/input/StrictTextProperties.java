package org.threshold.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.threshold.core.input.StrictText.Kind;
import org.threshold.core.input.StrictText.Problem;

/** What {@link StrictText} lets through is clean NFC text; what it refuses, it refuses whatever surrounds it. */
class StrictTextProperties {

    @Property(tries = 2000)
    void acceptedTextIsNfcStrippedAndHoldsNothingItRefuses(@ForAll("anyText") String raw, @ForAll Kind kind) {
        StrictText.Checked checked = StrictText.check(raw, kind);
        if (!checked.ok()) {
            return;
        }
        String text = checked.text();
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
        assertThat(text).isEqualTo(text.strip());
        assertThat(text.codePoints()).noneMatch(StrictText::isBidiControl).noneMatch(StrictText::isNonCharacter)
                .noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
        if (kind != Kind.TEXT) {
            assertThat(text.codePoints()).noneMatch(Character::isISOControl);
        }
        if (kind == Kind.NAME && !text.isEmpty()) {
            assertThat(StrictText.hasVisibleContent(text)).isTrue();
        }
    }

    @Property(tries = 2000)
    void checkingIsIdempotent(@ForAll("anyText") String raw, @ForAll Kind kind) {
        StrictText.Checked once = StrictText.check(raw, kind);
        if (once.ok()) {
            assertThat(StrictText.check(once.text(), kind)).isEqualTo(once);
        }
    }

    @Property
    void composedAndDecomposedFormsOfANameAreTheSameName(@ForAll("names") String name) {
        String nfd = Normalizer.normalize(name, Normalizer.Form.NFD);
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);

        assertThat(StrictText.check(nfd, Kind.NAME)).isEqualTo(StrictText.check(nfc, Kind.NAME));
        assertThat(StrictText.check(nfd, Kind.NAME).text()).isEqualTo(nfc.strip());
    }

    @Property
    void aLoneSurrogateAnywhereIsRefused(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 40) int at,
                                         @ForAll("loneSurrogates") char surrogate, @ForAll Kind kind) {
        String text = insert(name, at, String.valueOf(surrogate));
        // A high surrogate put right before a low one would pair up; the generated names hold neither.
        assertThat(StrictText.check(text, kind).problem()).isEqualTo(Problem.UNPAIRED_SURROGATE);
    }

    @Property
    void aBidiControlAnywhereIsRefused(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 40) int at,
                                       @ForAll("bidiControls") int control, @ForAll Kind kind) {
        assertThat(StrictText.check(insert(name, at, Character.toString(control)), kind).problem())
                .isEqualTo(Problem.BIDI_CONTROL);
    }

    @Property
    void aNonCharacterAnywhereIsRefused(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 40) int at,
                                        @ForAll("nonCharacters") int nonCharacter, @ForAll Kind kind) {
        assertThat(StrictText.check(insert(name, at, Character.toString(nonCharacter)), kind).problem())
                .isEqualTo(Problem.NONCHARACTER);
    }

    @Property
    void oneLineFieldsRefuseLineBreaksAndNul(@ForAll("names") String name, @ForAll @IntRange(min = 1, max = 40) int at,
                                             @ForAll("lineBreaks") String control) {
        String text = insert(name, at, control);

        assertThat(StrictText.check(text, Kind.LINE).problem()).isEqualTo(Problem.CONTROL_CHARACTER);
        assertThat(StrictText.check(text, Kind.NAME).problem()).isEqualTo(Problem.CONTROL_CHARACTER);
    }

    @Property
    void aNameOfInvisibleCharactersOnlyIsRefused(@ForAll("invisibles") String invisible) {
        assertThat(StrictText.check(invisible, Kind.NAME).problem()).isEqualTo(Problem.NOTHING_VISIBLE);
    }

    @Property
    void realNamesInAnyScriptPass(@ForAll("names") String name) {
        StrictText.Checked checked = StrictText.check(name, Kind.NAME);

        assertThat(checked.ok()).isTrue();
        assertThat(checked.text()).isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC).strip());
    }

    @Example
    void aBlankFieldIsEmptyNotRefused() {
        assertThat(StrictText.check("  ", Kind.NAME)).isEqualTo(new StrictText.Checked("", null));
    }

    @Example
    void freeTextMayHoldLineBreaksButNotNul() {
        assertThat(StrictText.check("first line\nsecond line", Kind.TEXT).ok()).isTrue();
        assertThat(StrictText.check("first\u0000", Kind.TEXT).problem()).isEqualTo(Problem.CONTROL_CHARACTER);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u00FF').withCharRange('\u0600', '\u06FF')
                        .withCharRange('\u2000', '\u206F').withCharRange('\uD800', '\uDFFF')
                        .withCharRange('\uFDD0', '\uFDEF').withChars('\uFFFE', '\uFFFF', '\u0301', '\u3164')
                        .ofMaxLength(20));
    }

    /** Names starting with a letter, in Latin with accents (composed or not), Arabic, Ge'ez, Cyrillic. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('\u00C0', '\u00FF').withCharRange('\u0621', '\u064A').withCharRange('\u1200', '\u1248')
                .withCharRange('\u0410', '\u044F').withChars('\u0301', '\u0308', ' ', '-', '\'', '\u200C')
                .ofMaxLength(30);
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('\u0627', '\u064A').ofLength(1)
                .flatMap(first -> rest.map(tail -> first + tail));
    }

    @Provide
    Arbitrary<Character> loneSurrogates() {
        return Arbitraries.chars().range('\uD800', '\uDFFF');
    }

    @Provide
    Arbitrary<Integer> bidiControls() {
        return Arbitraries.of(0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
                0x2069);
    }

    @Provide
    Arbitrary<Integer> nonCharacters() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0xFDD0, 0xFDEF),
                Arbitraries.integers().between(0, 16).map(plane -> (plane << 16) | 0xFFFE),
                Arbitraries.integers().between(0, 16).map(plane -> (plane << 16) | 0xFFFF));
    }

    @Provide
    Arbitrary<String> lineBreaks() {
        return Arbitraries.of("\n", "\r", "\u0000", "\t", "\u0085", "\u2028", "\u2029", "\u001B");
    }

    @Provide
    Arbitrary<String> invisibles() {
        return Arbitraries.strings().withChars('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u3164', '\u00AD',
                '\u180E', '\uFFA0', '\u115F', ' ', '\u00A0').ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
    }

    private static String insert(String text, int at, String inserted) {
        int offset = text.offsetByCodePoints(0, Math.min(at, text.codePointCount(0, text.length())));
        return text.substring(0, offset) + inserted + text.substring(offset);
    }
}
