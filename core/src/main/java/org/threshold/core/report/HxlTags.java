package org.threshold.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The HXL hashtag of each report column, read from the bundled {@code hxl-tags.properties}: the mapping is data, so
 * it is read and reviewed without reading code. Every hashtag is checked against HXL's shape when loaded.
 */
public final class HxlTags {
    private static final Pattern HASHTAG = Pattern.compile("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*");
    private static final Map<String, String> TAGS = load();

    private HxlTags() {
    }

    /** The hashtag of {@code column}, e.g. {@code #affected+ind+f+age_0_4} for {@code f_0_4}. */
    public static String of(String column) {
        String tag = TAGS.get(column);
        if (tag == null) {
            throw new IllegalArgumentException("Report column " + column + " has no HXL hashtag in hxl-tags.properties");
        }
        return tag;
    }

    /** The report column of {@code sex} and {@code age} in the pyramid, e.g. {@code f_0_4}. */
    public static String pyramidColumn(org.threshold.core.registration.Sex sex, AgeBracket age) {
        String bracket = switch (age) {
            case AGE_60_PLUS -> "60plus";
            default -> age.label().replace('-', '_');
        };
        return sex.name().toLowerCase(java.util.Locale.ROOT) + "_" + bracket;
    }

    private static Map<String, String> load() {
        Properties properties = new Properties();
        try (InputStream in = HxlTags.class.getResourceAsStream("hxl-tags.properties")) {
            if (in == null) {
                throw new IllegalStateException("hxl-tags.properties is missing from the build");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> tags = new HashMap<>();
        properties.forEach((column, tag) -> {
            if (!HASHTAG.matcher(tag.toString()).matches()) {
                throw new IllegalStateException("hxl-tags.properties: " + column + " maps to " + tag
                        + ", which is not an HXL hashtag");
            }
            tags.put(column.toString(), tag.toString());
        });
        return Map.copyOf(tags);
    }
}
