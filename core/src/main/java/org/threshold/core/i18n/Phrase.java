package org.threshold.core.i18n;

import java.util.Map;
import java.util.Objects;

/**
 * A message of the {@link Messages#ERRORS} bundle not yet put into words: kept as key and arguments by whatever
 * notices a problem (a printer fault, a scanner unplugged) and worded in the language of whoever reads it, when
 * they read it. The arguments must hold no personal data.
 */
public record Phrase(String key, Map<String, Object> args) {
    public Phrase {
        Objects.requireNonNull(key, "key");
        args = Map.copyOf(args);
    }

    public static Phrase of(String key) {
        return new Phrase(key, Map.of());
    }

    /** The text in the language of {@code messages}. */
    public String in(Messages messages) {
        return messages.format(key, args);
    }
}
