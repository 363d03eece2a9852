package org.threshold.core.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The one way Threshold speaks the user's language: message bundles under {@code org/threshold/core/i18n/}
 * ({@code errors}, {@code catalogue}, {@code kiosk-ui}, ...), one {@code .properties} file (UTF-8) per language,
 * the English one without a suffix, each text an ICU MessageFormat pattern with named arguments and plurals,
 * e.g. {@code {count, plural, one {# member} other {# members}}}.
 *
 * <p>A bundle may hold {@value #DRAFTED_KEY}: the keys whose text was machine-drafted and awaits a translator
 * ({@code *} for all of them), so reviewers can find them. Keys starting with {@code _} are not messages.
 *
 * <p>Immutable and thread-safe; {@link ResourceBundle} caches the files.
 */
public final class Messages {
    public static final String ERRORS = "errors";
    public static final String CATALOGUE = "catalogue";
    public static final String KIOSK_UI = "kiosk-ui";
    public static final String HUB_UI = "hub-ui";
    /** Where every bundle lives on the class path. */
    public static final String FOLDER = "org/threshold/core/i18n/";
    public static final String DRAFTED_KEY = "_drafted";
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The interface languages, English first (the fallback). */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, Locale.forLanguageTag("fr"),
            Locale.forLanguageTag("ar"), Locale.forLanguageTag("fa"), Locale.forLanguageTag("uk"),
            Locale.forLanguageTag("es"));
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa");
    private static final ResourceBundle.Control NO_JVM_DEFAULT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final Set<String> drafted;

    private Messages(String baseName, Locale locale, ResourceBundle bundle) {
        this.baseName = baseName;
        this.locale = locale;
        this.bundle = bundle;
        this.drafted = draftedKeys(bundle, locale);
    }

    /**
     * The bundle {@code baseName} in {@code locale}, or in English when the locale is not one of {@link #SUPPORTED}.
     * Keys a language lacks fall back to English (the build test makes sure none does).
     *
     * @throws MissingResourceException if there is no such bundle
     */
    public static Messages of(String baseName, Locale locale) {
        Locale supported = supported(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(FOLDER.replace('/', '.') + baseName, supported,
                Messages.class.getClassLoader(), NO_JVM_DEFAULT);
        return new Messages(baseName, supported, bundle);
    }

    /**
     * The language to answer in: {@code explicit} (a language tag the user chose, e.g. {@code ?lang=ar} or the
     * operator's remembered choice) if supported, else the best match of an HTTP {@code Accept-Language} header,
     * else English. Either may be null; a malformed header counts as absent.
     */
    public static Locale pick(String explicit, String acceptLanguage) {
        if (explicit != null && !explicit.isBlank()) {
            Locale chosen = Locale.forLanguageTag(explicit.strip());
            if (isSupported(chosen)) {
                return supported(chosen);
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    public static boolean isSupported(Locale locale) {
        return locale != null && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
    }

    private static Locale supported(Locale locale) {
        if (locale == null) {
            return ENGLISH;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(ENGLISH);
    }

    public String baseName() {
        return baseName;
    }

    public Locale locale() {
        return locale;
    }

    /** Arabic and Persian are written right to left: the page sets {@code <html dir="rtl">}. */
    public boolean rightToLeft() {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key} with named arguments filled in (numbers and plurals in this locale's way). */
    public String format(String key, Map<String, ?> args) {
        return compiled(key).format(args);
    }

    /**
     * The text of {@code key} compiled once, to fill in many times (a page's rows): compiling is most of what a
     * format costs. Like any ICU MessageFormat, for one thread at a time.
     */
    public MessageFormat compiled(String key) {
        return new MessageFormat(bundle.getString(key), ULocale.forLocale(locale));
    }

    public String format(String key) {
        return format(key, Map.of());
    }

    /** Whether this language's text of {@code key} was machine-drafted and awaits a translator's review. */
    public boolean drafted(String key) {
        return drafted.contains("*") ? !ENGLISH.equals(locale) : drafted.contains(key);
    }

    /** Every message key and its raw pattern (English where this language lacks one), sorted by key. */
    public Map<String, String> patterns() {
        Map<String, String> patterns = new LinkedHashMap<>();
        new TreeSet<>(Collections.list(bundle.getKeys())).stream().filter(key -> !key.startsWith("_"))
                .forEach(key -> patterns.put(key, bundle.getString(key)));
        return patterns;
    }

    private static Set<String> draftedKeys(ResourceBundle bundle, Locale locale) {
        // Only the language's own file says what in it is drafted; English is the source text.
        if (ENGLISH.equals(locale) || !bundle.containsKey(DRAFTED_KEY)) {
            return Set.of();
        }
        return Arrays.stream(bundle.getString(DRAFTED_KEY).split(",")).map(String::strip)
                .filter(key -> !key.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
