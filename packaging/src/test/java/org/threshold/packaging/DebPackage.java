package org.threshold.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A .deb that {@code mvn package} built, read with dpkg-deb. */
final class DebPackage {
    /** One member of the data archive: {@code mode} as ls shows it, {@code owner} as user/group. */
    record Entry(String path, String mode, String owner, String linkTarget) {
        boolean isDirectory() {
            return mode.startsWith("d");
        }

        boolean isFile() {
            return mode.startsWith("-");
        }
    }

    private static final Pattern LISTING = Pattern.compile(
            "^([dl-][rwxsStT-]{9})\\s+(\\S+)\\s+\\d+\\s+\\S+\\s+\\S+\\s+\\./(\\S*?)/?(?: -> (\\S+))?$");

    final String name;
    final Path file;

    private DebPackage(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    /** {@code target/NAME_VERSION_all.deb}, from the folder the build passes in threshold.packages. */
    static DebPackage built(String name) throws IOException {
        Path folder = Path.of(System.getProperty("threshold.packages", "target"));
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches(Pattern.quote(name) + "_[^_]+_all\\.deb"))
                    .toList();
            assertThat(debs).as("one %s_*_all.deb in %s (built by mvn package)", name, folder).hasSize(1);
            return new DebPackage(name, debs.get(0));
        }
    }

    /** Every member of the data archive, by path (no leading ./ or trailing /). */
    Map<String, Entry> contents() throws IOException, InterruptedException {
        Shell.Result listing = Shell.run(Duration.ofMinutes(2), "dpkg-deb", "--contents", file.toString());
        assertThat(listing.exit()).as(listing.output()).isZero();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : listing.output().split("\n")) {
            Matcher matcher = LISTING.matcher(line);
            assertThat(matcher.matches()).as("dpkg-deb --contents line: %s", line).isTrue();
            if (!matcher.group(3).isEmpty()) {
                entries.put(matcher.group(3), new Entry(matcher.group(3), matcher.group(1), matcher.group(2),
                        matcher.group(4)));
            }
        }
        return entries;
    }

    /** The control archive (control, conffiles, maintainer scripts) unpacked into {@code into}. */
    Path control(Path into) throws IOException, InterruptedException {
        Shell.Result result = Shell.run(Duration.ofMinutes(1), "dpkg-deb", "--control", file.toString(), into.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        return into;
    }

    /** The data archive unpacked under {@code root}, as dpkg would lay it out. */
    Path extract(Path root) throws IOException, InterruptedException {
        Shell.Result result = Shell.run(Duration.ofMinutes(2), "dpkg-deb", "--extract", file.toString(), root.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        return root;
    }
}
