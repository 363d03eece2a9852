package org.threshold.hub.web.pages;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.threshold.core.i18n.Messages;

/**
 * The pages' bundles and fixed texts (those without arguments: titles, headings, labels, the navigation, service and
 * status names), each worded once per language per process rather than on every page: ICU compiles a message's
 * pattern every time it formats one, and a page shows dozens. Bundle texts are the same for everyone and hold no
 * personal data. Thread-safe; bounded by the supported languages and the bundles' keys.
 */
final class Wording {
    private record Language(String bundle, Locale locale) {
    }

    private static final Map<Language, Messages> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<Language, Map<String, String>> FIXED = new ConcurrentHashMap<>();

    private Wording() {
    }

    /** As {@link Messages#of}, made once per bundle and supported language. */
    static Messages bundle(String baseName, Locale locale) {
        if (!Messages.SUPPORTED.contains(locale)) {
            // Any other locale falls back (to English, or a supported language's own tag); never a key of its own.
            return Messages.of(baseName, locale);
        }
        return BUNDLES.computeIfAbsent(new Language(baseName, locale), language -> Messages.of(baseName, locale));
    }

    /** {@code messages.format(key)}, worded once per bundle and language. */
    static String fixed(Messages messages, String key) {
        return FIXED.computeIfAbsent(new Language(messages.baseName(), messages.locale()),
                        language -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, messages::format);
    }
}
