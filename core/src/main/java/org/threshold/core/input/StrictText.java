package org.threshold.core.input;

import java.text.Normalizer;
import java.util.Map;
import java.util.Objects;
import org.threshold.core.i18n.Messages;

/**
 * The one check every piece of typed text passes before it is stored, on the kiosk and the hub alike.
 * It refuses what cannot be stored faithfully or can mislead whoever reads it later (a broken UTF-16
 * surrogate that would be stored as "?", a Unicode non-character, a bidi control that reorders what a
 * caseworker sees, a line break in a one-line field) and normalises the rest to NFC, so that the same
 * name typed on two keyboards is the same text.
 */
public final class StrictText {
    private StrictText() {
    }

    /** What a field holds, which decides what it may contain. */
    public enum Kind {
        /** A person's name: one line, no bidi controls, at least one visible letter or digit. */
        NAME,
        /** Other one-line free text (a place): no control characters, no bidi controls. */
        LINE,
        /** Free text over several lines: line breaks and tabs allowed, other controls and bidi controls not. */
        TEXT
    }

    /**
     * Why a text was refused. Its words (what to do, never the text itself) are the {@code errors} bundle's
     * {@code field.text.<PROBLEM>}, so they come in the user's language.
     */
    public enum Problem {
        UNPAIRED_SURROGATE,
        NONCHARACTER,
        CONTROL_CHARACTER,
        BIDI_CONTROL,
        NOTHING_VISIBLE;

        public String key() {
            return "field.text." + name();
        }

        /** In English, for exceptions and logs. */
        public String message() {
            return Messages.of(Messages.ERRORS, Messages.ENGLISH).format(key(), Map.of());
        }
    }

    /** Either the normalised text or why it was refused. */
    public record Checked(String text, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * Checks {@code raw} for {@code kind} and returns it normalised to NFC, or the first problem found.
     * Leading and trailing white space is removed; an all-blank text comes back empty (callers decide
     * whether empty means missing), except a name whose only content is invisible, which is refused.
     */
    public static Checked check(String raw, Kind kind) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
        Problem problem = scan(raw, kind);
        if (problem != null) {
            return new Checked(null, problem);
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (kind == Kind.NAME && !raw.isBlank() && !hasVisibleContent(text)) {
            return new Checked(null, Problem.NOTHING_VISIBLE);
        }
        return new Checked(text, null);
    }

    private static Problem scan(String raw, Kind kind) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= raw.length() || !Character.isLowSurrogate(raw.charAt(i + 1))) {
                    return Problem.UNPAIRED_SURROGATE;
                }
                i++;
                if (isNonCharacter(Character.toCodePoint(c, raw.charAt(i)))) {
                    return Problem.NONCHARACTER;
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return Problem.UNPAIRED_SURROGATE;
            }
            if (isNonCharacter(c)) {
                return Problem.NONCHARACTER;
            }
            if (isBidiControl(c)) {
                return Problem.BIDI_CONTROL;
            }
            if (Character.isISOControl(c) && !(kind == Kind.TEXT && (c == '\n' || c == '\r' || c == '\t'))) {
                return Problem.CONTROL_CHARACTER;
            }
            if (kind != Kind.TEXT && (c == '\u2028' || c == '\u2029')) {
                return Problem.CONTROL_CHARACTER;
            }
        }
        return null;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane. */
    static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Unicode's Bidi_Control property: ALM, LRM, RLM, the embeddings and overrides, and the isolates. */
    static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /**
     * Whether some code point is a letter or digit once invisible ones are set aside. Zero-width joiners
     * stay allowed inside a name (Persian writing needs them) but do not count as content; the Hangul
     * fillers are letters to Java yet print as nothing.
     */
    static boolean hasVisibleContent(String text) {
        return text.codePoints().anyMatch(cp -> Character.isLetterOrDigit(cp) && !isDefaultIgnorable(cp));
    }

    /** Unicode's Default_Ignorable_Code_Point, as far as letters and format characters go. */
    static boolean isDefaultIgnorable(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || cp == 0x00AD || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFA0
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }
}
