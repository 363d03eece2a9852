package org.threshold.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.threshold.core.i18n.Digits;
import org.threshold.core.needs.NeedsCatalogue;
import org.threshold.core.token.InvalidTokenException;
import org.threshold.core.token.TokenId;

/** Eastern Arabic and Persian digits are accepted in every number and date field, and stored as ASCII. */
class DigitParsingProperties {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final char[] ZEROS = {'0', '\u0660', '\u06F0'};

    /** Each ASCII digit of {@code ascii} written in a script chosen per digit by {@code scripts}. */
    private static String inScripts(String ascii, long scripts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= '0' && c <= '9') {
                int script = (int) Math.floorMod(scripts >> (2 * (i % 30)), 3L);
                out.append((char) (ZEROS[script] + (c - '0')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Property
    void whole_numbers_read_the_same_in_any_digits(@ForAll @IntRange(min = 0, max = 999_999_999) int number,
                                                   @ForAll long scripts) {
        String typed = inScripts(Integer.toString(number), scripts);
        assertThat(HouseholdJson.wholeNumber(TextNode.valueOf(typed))).isEqualTo(number);
        assertThat(Digits.toAscii(typed)).isEqualTo(Integer.toString(number));
    }

    @Property
    void text_without_those_digits_is_left_alone(@ForAll String text) {
        String cleaned = text.chars().filter(c -> !(c >= 0x660 && c <= 0x669) && !(c >= 0x6F0 && c <= 0x6F9))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(Digits.toAscii(cleaned)).isSameAs(cleaned);
    }

    @Property
    void non_digits_are_never_a_number(@ForAll("notDigits") String text) {
        assertThat(HouseholdJson.wholeNumber(TextNode.valueOf(text))).isNull();
    }

    @Provide
    Arbitrary<String> notDigits() {
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(12).filter(s -> !Digits.toAscii(s).strip().matches("[0-9]+"));
    }

    @Property(tries = 300)
    void dates_and_ages_read_the_same_in_any_digits(@ForAll("pastDates") LocalDate birth, @ForAll long scripts,
                                                    @ForAll @IntRange(min = 0, max = 130) int age)
            throws InvalidRegistrationException {
        ObjectNode form = (ObjectNode) HouseholdJsonTest.parse(HouseholdJsonTest.EXAMPLE);
        form.put("arrivalDate", inScripts(TODAY.toString(), scripts));
        form.put("phone", inScripts("+963 555 0100", scripts));
        ObjectNode focal = (ObjectNode) form.get("members").get(0);
        focal.put("birthDate", inScripts(birth.toString(), scripts));
        ObjectNode child = focal.deepCopy();
        child.remove("birthDate");
        child.put("relationship", "CHILD");
        child.put("ageEstimate", inScripts(Integer.toString(age), ~scripts));
        form.withArray("members").add(child);

        Household household = HouseholdJson.read(form, NeedsCatalogue.bundled(), TODAY);

        assertThat(household.arrivalDate()).isEqualTo(TODAY);
        assertThat(household.phone()).isEqualTo("+963 555 0100");
        assertThat(household.members().get(0).birthDate()).isEqualTo(birth);
        assertThat(household.members().get(1).ageEstimate()).isEqualTo(age);
        assertThat(HouseholdJson.write(household).toString()).doesNotContain("\u0660", "\u06F0");
    }

    @Provide
    Arbitrary<LocalDate> pastDates() {
        return Arbitraries.longs().between(TODAY.minusYears(130).toEpochDay(), TODAY.toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property
    void typed_token_codes_read_the_same_in_any_digits(@ForAll("tokens") TokenId token, @ForAll long scripts)
            throws InvalidTokenException {
        assertThat(TokenId.parseShortCode(inScripts(token.shortCode(), scripts))).isEqualTo(token);
    }

    @Provide
    Arbitrary<TokenId> tokens() {
        return Arbitraries.bytes().array(byte[].class).ofSize(TokenId.BYTES).map(TokenId::fromBytes);
    }

    @Example
    void a_persian_age_and_an_arabic_date() throws InvalidRegistrationException {
        ObjectNode form = (ObjectNode) HouseholdJsonTest.parse(HouseholdJsonTest.EXAMPLE);
        ((ObjectNode) form.get("members").get(0)).put("birthDate", "١٩٩٠-٠٣-٠١");
        assertThat(HouseholdJson.read(form, NeedsCatalogue.bundled(), TODAY).members().get(0).birthDate())
                .isEqualTo(LocalDate.of(1990, 3, 1));
    }
}
