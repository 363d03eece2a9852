package org.threshold.hub.web.pages;

import com.ibm.icu.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.threshold.core.i18n.Messages;

/**
 * The pages' bundles and texts, each worded or compiled once per language rather than on every page: ICU compiles a
 * message's pattern every time it formats one (and its number formatter only gets fast with reuse), and a page
 * shows dozens. A fixed text (no arguments: titles, headings, labels, the navigation, service and status names) is
 * kept once per process; a text with arguments is kept compiled once per request thread, since an ICU
 * MessageFormat is for one thread at a time. Bundle texts are the same for everyone and hold no personal data.
 * Thread-safe; bounded by the bundles, the supported languages and the bundles' keys.
 */
final class Wording {
    // By bundle, then language, then key: lookups that allocate nothing.
    private static final Map<String, Map<Locale, Messages>> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, Map<Locale, Map<String, String>>> FIXED = new ConcurrentHashMap<>();
    private static final ThreadLocal<Map<String, Map<Locale, Map<String, MessageFormat>>>> COMPILED =
            ThreadLocal.withInitial(HashMap::new);

    private Wording() {
    }

    /** As {@link Messages#of}, made once per bundle and supported language. */
    static Messages bundle(String baseName, Locale locale) {
        Map<Locale, Messages> languages = BUNDLES.computeIfAbsent(baseName, name -> new ConcurrentHashMap<>());
        Messages known = languages.get(locale);
        if (known != null) {
            return known;
        }
        // Kept under the language it resolved to, never under an unsupported locale of its own.
        Messages made = Messages.of(baseName, locale);
        return languages.computeIfAbsent(made.locale(), language -> made);
    }

    /** {@code messages.format(key)}, worded once per bundle and language. */
    static String fixed(Messages messages, String key) {
        return FIXED.computeIfAbsent(messages.baseName(), name -> new ConcurrentHashMap<>())
                .computeIfAbsent(messages.locale(), language -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, messages::format);
    }

    /** {@code messages.compiled(key)}, compiled once per bundle, language and thread: use it on this thread only. */
    static MessageFormat compiled(Messages messages, String key) {
        Map<String, MessageFormat> keys = COMPILED.get().computeIfAbsent(messages.baseName(), name -> new HashMap<>())
                .computeIfAbsent(messages.locale(), language -> new HashMap<>());
        MessageFormat format = keys.get(key);
        if (format == null) {
            format = messages.compiled(key);
            keys.put(key, format);
        }
        return format;
    }
}
