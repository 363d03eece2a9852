package org.threshold.packaging.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.threshold.provisioning.ProvisionCommand;

/**
 * The build step before jdeb ({@code mvn package}, phase prepare-package): lays out what the packages need
 * beyond {@code src/deb}.
 *
 * <p>The kiosk package holds exactly what {@code provision pi-files} writes for an SD card, so the units,
 * scripts and udev rules have one source. Only their places change, to where Debian wants a package's files
 * ({@link #KIOSK_PLACES}): {@code /opt} is the local administrator's, units and udev rules belong under
 * {@code /usr/lib}. Every path that moves is rewritten in the files' text too, so a unit still names the
 * script it runs. A file pi-files adds one day and this table does not place stops the build.
 *
 * <p>Both packages get {@code /usr/share/doc/PACKAGE/}: the copyright file and the changelog, and the manual
 * page of their command (gzip -9, no time stamp, as Debian requires).
 *
 * <p>Arguments: the kiosk's target folder, the staging folder, the Maven version, the folder with the
 * copyright, changelog, README.Debian and manual page sources, and the build's fixed time stamp (ISO-8601).
 */
public final class StagePackages {
    /** pi-files path (relative to the root) to the package's path; null means: made by the postinst. */
    static final Map<String, String> KIOSK_PLACES = new LinkedHashMap<>();

    static {
        KIOSK_PLACES.put("opt/threshold/kiosk", "usr/share/threshold-kiosk");
        KIOSK_PLACES.put("etc/systemd/system", "usr/lib/systemd/system");
        KIOSK_PLACES.put("etc/udev/rules.d", "usr/lib/udev/rules.d");
        KIOSK_PLACES.put("etc/xdg/autostart", "etc/xdg/autostart");
        KIOSK_PLACES.put("etc/fstab.d-threshold-data.example",
                "usr/share/doc/threshold-kiosk/examples/fstab.d-threshold-data.example");
    }

    /** Each package and the manual page of the command it puts in /usr/bin. */
    private static final Map<String, String> PACKAGES = Map.of("threshold-hub", "threshold-provision.1",
            "threshold-kiosk", "threshold-kiosk.1");

    private StagePackages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: StagePackages KIOSK_TARGET STAGING VERSION DOC_SOURCES TIMESTAMP");
        }
        Path kioskApp = Path.of(args[0]);
        Path staging = Path.of(args[1]);
        String version = debianVersion(args[2]);
        Path docSources = Path.of(args[3]);
        OffsetDateTime timestamp = OffsetDateTime.parse(args[4]);
        deleteTree(staging.resolve("pi-files"));
        deleteTree(staging.resolve("kiosk"));
        deleteTree(staging.resolve("doc"));
        deleteTree(staging.resolve("man"));
        piFiles(kioskApp, staging.resolve("pi-files"));
        placeKioskFiles(staging.resolve("pi-files"), staging.resolve("kiosk"));
        for (Map.Entry<String, String> entry : PACKAGES.entrySet()) {
            String name = entry.getKey();
            docs(docSources, staging.resolve("doc").resolve(name), name, version, timestamp);
            Path manual = Files.createDirectories(staging.resolve("man").resolve(name)).resolve(entry.getValue() + ".gz");
            Files.write(manual, gzipBest(Files.readAllBytes(docSources.resolve(entry.getValue()))));
        }
    }

    /** Maven's {@code 1.2.0-SNAPSHOT} is Debian's {@code 1.2.0~SNAPSHOT} (sorts before 1.2.0), as jdeb writes it. */
    static String debianVersion(String mavenVersion) {
        return mavenVersion.replace("-SNAPSHOT", "~SNAPSHOT").replace('-', '+');
    }

    private static void piFiles(Path kioskApp, Path out) {
        StringWriter said = new StringWriter();
        var provision = ProvisionCommand.commandLine();
        provision.setOut(new PrintWriter(said, true));
        provision.setErr(new PrintWriter(said, true));
        int exit = provision.execute("pi-files", "--kiosk-app", kioskApp.toString(), "--out", out.toString());
        if (exit != 0) {
            throw new IllegalStateException("provision pi-files failed (" + exit + "): " + said);
        }
    }

    static void placeKioskFiles(Path piTree, Path packageRoot) throws IOException {
        List<String> unplaced = new ArrayList<>();
        try (Stream<Path> files = Files.walk(piTree)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = piTree.relativize(file).toString();
                String placed = place(relative);
                if (placed == null) {
                    unplaced.add(relative);
                    continue;
                }
                Path target = packageRoot.resolve(placed);
                Files.createDirectories(target.getParent());
                if (relative.endsWith(".jar")) {
                    Files.copy(file, target);
                } else {
                    Files.writeString(target, rewrite(Files.readString(file)));
                }
            }
        }
        if (!unplaced.isEmpty()) {
            throw new IllegalStateException("provision pi-files wrote " + unplaced + ", which the kiosk package does "
                    + "not place: add them to StagePackages.KIOSK_PLACES");
        }
    }

    /** The package path for a pi-files path, or null if no entry of {@link #KIOSK_PLACES} covers it. */
    public static String place(String piPath) {
        for (Map.Entry<String, String> entry : KIOSK_PLACES.entrySet()) {
            String from = entry.getKey();
            if (piPath.equals(from)) {
                return entry.getValue();
            }
            if (piPath.startsWith(from + "/")) {
                return entry.getValue() + piPath.substring(from.length());
            }
        }
        return null;
    }

    /** Every moved path, absolute or relative, named in a unit, script or note, follows its file. */
    public static String rewrite(String text) {
        String result = text;
        for (Map.Entry<String, String> entry : KIOSK_PLACES.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }

    private static void docs(Path sources, Path out, String name, String version, OffsetDateTime timestamp)
            throws IOException {
        Files.createDirectories(out);
        Files.copy(sources.resolve("copyright"), out.resolve("copyright"));
        Path readme = sources.resolve("README.Debian." + name);
        if (Files.exists(readme)) {
            Files.copy(readme, out.resolve("README.Debian"));
        }
        String date = timestamp.format(DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT));
        String changelog = Files.readString(sources.resolve("changelog"))
                .replace("@PACKAGE@", name).replace("@VERSION@", version).replace("@DATE@", date);
        Files.write(out.resolve("changelog.gz"), gzipBest(changelog.getBytes(StandardCharsets.UTF_8)));
    }

    /** gzip -9n: best compression, flagged as such in the header, no name and no time stamp. */
    static byte[] gzipBest(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(content);
        }
        byte[] result = bytes.toByteArray();
        result[8] = 2; // XFL: maximum compression
        result[9] = 3; // OS: Unix
        return result;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
