package org.threshold.core.i18n;

/**
 * Digits as people type them: Eastern Arabic (٠-٩) and Persian (۰-۹) digits become ASCII, so every number and
 * date field accepts them and stores the ASCII form. Nothing else changes.
 */
public final class Digits {
    private Digits() {
    }

    public static String toAscii(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c >= '\u0660' && c <= '\u0669' ? c - '\u0660' : c >= '\u06F0' && c <= '\u06F9' ? c - '\u06F0' : -1;
            if (value >= 0) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append((char) ('0' + value));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
