package org.threshold.core.i18n;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds every message bundle under {@link Messages#FOLDER} on the class path (folders and jars alike, so a
 * bundle another module adds is checked too) and lists what is wrong with them: a language missing, a key one
 * language lacks or has extra, a pattern ICU cannot parse, or arguments that differ from English.
 * Shared through core's test jar, so every module can run it over its own class path.
 */
public final class BundleCheck {
    private static final Pattern FILE = Pattern.compile("(.+?)(?:_([a-z]{2,3}))?\\.properties");
    static final String ENGLISH = "";

    private BundleCheck() {
    }

    /** Base name → language ("" for the English file without a suffix) → its entries. */
    public static Map<String, Map<String, Properties>> discover() {
        Map<String, Map<String, Properties>> bundles = new TreeMap<>();
        try {
            for (URL root : Collections.list(BundleCheck.class.getClassLoader().getResources(Messages.FOLDER))) {
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        for (Path file : files.toList()) {
                            try (InputStream in = Files.newInputStream(file)) {
                                add(bundles, file.getFileName().toString(), in);
                            }
                        }
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (var entry : Collections.list(jar.entries())) {
                            String name = entry.getName();
                            if (name.startsWith(Messages.FOLDER) && name.indexOf('/', Messages.FOLDER.length()) < 0
                                    && !entry.isDirectory()) {
                                try (InputStream in = jar.getInputStream(entry)) {
                                    add(bundles, name.substring(Messages.FOLDER.length()), in);
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return bundles;
    }

    private static void add(Map<String, Map<String, Properties>> bundles, String fileName, InputStream in)
            throws IOException {
        Matcher name = FILE.matcher(fileName);
        if (!name.matches()) {
            return;
        }
        Properties entries = new Properties();
        entries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        String language = name.group(2) == null ? ENGLISH : name.group(2);
        bundles.computeIfAbsent(name.group(1), base -> new TreeMap<>()).put(language, entries);
    }

    /** Every problem found, one line each; empty when all bundles are complete. */
    public static List<String> problems(Map<String, Map<String, Properties>> bundles) {
        List<String> problems = new ArrayList<>();
        Set<String> languages = Messages.SUPPORTED.stream()
                .map(l -> l.equals(Messages.ENGLISH) ? ENGLISH : l.getLanguage())
                .collect(Collectors.toCollection(TreeSet::new));
        bundles.forEach((base, byLanguage) -> {
            Set<String> missing = new TreeSet<>(languages);
            missing.removeAll(byLanguage.keySet());
            missing.forEach(language -> problems.add(base + ": no file for "
                    + (language.isEmpty() ? "English (" + base + ".properties)" : language)));
            Properties english = byLanguage.get(ENGLISH);
            if (english == null) {
                return;
            }
            Map<String, Set<String>> englishArguments = new TreeMap<>();
            for (String key : messageKeys(english)) {
                englishArguments.put(key, arguments(base, ENGLISH, key, english.getProperty(key), problems));
            }
            byLanguage.forEach((language, entries) -> {
                if (language.isEmpty()) {
                    return;
                }
                Set<String> keys = messageKeys(entries);
                for (String key : englishArguments.keySet()) {
                    if (!keys.contains(key)) {
                        problems.add(base + "_" + language + ": missing key " + key);
                    } else {
                        Set<String> args = arguments(base, language, key, entries.getProperty(key), problems);
                        if (args != null && englishArguments.get(key) != null
                                && !args.equals(englishArguments.get(key))) {
                            problems.add(base + "_" + language + ": " + key + " uses arguments " + args
                                    + " but English uses " + englishArguments.get(key));
                        }
                    }
                }
                keys.stream().filter(key -> !englishArguments.containsKey(key)).forEach(key ->
                        problems.add(base + "_" + language + ": key " + key + " is not in the English file"));
            });
        });
        return problems;
    }

    private static Set<String> messageKeys(Properties entries) {
        return entries.stringPropertyNames().stream().filter(key -> !key.startsWith("_"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> arguments(String base, String language, String key, String pattern,
                                         List<String> problems) {
        try {
            Locale locale = language.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(language);
            return new TreeSet<>(new MessageFormat(pattern, locale).getArgumentNames());
        } catch (IllegalArgumentException e) {
            problems.add(base + (language.isEmpty() ? "" : "_" + language) + ": " + key
                    + " is not a valid ICU MessageFormat pattern (" + e.getMessage() + ")");
            return null;
        }
    }
}
