package org.threshold.core.registration;

import java.util.Locale;
import java.util.Map;
import org.threshold.core.i18n.Messages;

/**
 * One thing wrong with a form: the field's path (e.g. {@code members[1].birthDate}) and what to do, as a key of
 * the {@code errors} bundle with its arguments, so it can be said in the user's language. Messages never repeat
 * the value typed, so personal data cannot leak into logs through them.
 */
public record FieldProblem(String field, String key, Map<String, Object> args) {
    public FieldProblem {
        args = Map.copyOf(args);
    }

    public FieldProblem(String field, String key) {
        this(field, key, Map.of());
    }

    /** In English, for logs and tests. */
    public String message() {
        return message(Messages.ENGLISH);
    }

    public String message(Locale locale) {
        return Messages.of(Messages.ERRORS, locale).format(key, args);
    }
}
