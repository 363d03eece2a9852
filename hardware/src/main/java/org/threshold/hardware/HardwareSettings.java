package org.threshold.hardware;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What devices a kiosk has, as {@code key=value} lines: from {@code hardware.properties} in the kiosk's
 * data folder, each overridable by a system property {@code threshold.hardware.KEY}. A missing file means
 * every device is simulated. Values are checked when a driver reads them, and a bad one stops the kiosk
 * at start-up naming the key, never halfway through a registration.
 */
public final class HardwareSettings {

    public static final String FILE_NAME = "hardware.properties";
    public static final String SYSTEM_PROPERTY_PREFIX = "threshold.hardware.";

    private final Map<String, String> values;
    private final String source;

    private HardwareSettings(Map<String, String> values, String source) {
        this.values = Map.copyOf(values);
        this.source = source;
    }

    public static HardwareSettings of(Map<String, String> values) {
        return new HardwareSettings(values, "the given settings");
    }

    /** Reads {@code dataDir/hardware.properties} if present, then applies the system properties over it. */
    public static HardwareSettings load(Path dataDir, Properties systemProperties) {
        Map<String, String> values = new TreeMap<>();
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(reader);
            } catch (IOException e) {
                throw new HardwareException("Could not read " + file + " (" + e.getMessage() + ").", e);
            }
            fromFile.stringPropertyNames().forEach(key -> values.put(key, fromFile.getProperty(key).strip()));
        }
        systemProperties.stringPropertyNames().stream().filter(key -> key.startsWith(SYSTEM_PROPERTY_PREFIX))
                .forEach(key -> values.put(key.substring(SYSTEM_PROPERTY_PREFIX.length()),
                        systemProperties.getProperty(key).strip()));
        return new HardwareSettings(values, file + " or -D" + SYSTEM_PROPERTY_PREFIX + "*");
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public String require(String key, String example) {
        return get(key).orElseThrow(() -> new HardwareException("Set " + key + " in " + source + ", for example "
                + key + "=" + example + "."));
    }

    public int integer(String key, int fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new HardwareException(key + "=" + value.get() + " in " + source + " is not a whole number.", e);
        }
    }

    public boolean flag(String key, boolean fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new HardwareException(key + "=" + value.get() + " in " + source + " is not true or false.");
        };
    }

    /** Wraps a value a driver rejected, naming where it came from. */
    public HardwareException invalid(String key, IllegalArgumentException problem) {
        return new HardwareException(key + " in " + source + ": " + problem.getMessage(), problem);
    }
}
