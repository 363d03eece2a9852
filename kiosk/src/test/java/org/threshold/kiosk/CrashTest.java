package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.testing.LongRun;
import org.threshold.core.token.TokenId;

/**
 * A kiosk process ({@link CrashChild}) registering in a loop is killed with SIGKILL at random moments,
 * again and again on the same data folder: every registration it confirmed before a kill is there
 * afterwards with its token, the hash chain has no gap, and {@code integrity_check} is ok.
 *
 * <p>{@code -Dthreshold.crash.kills=N} sets the number of kills (50 by default, 200 with {@code -Dthreshold.long=true}:
 * 50 already puts some 45 kills inside registrations, and each costs a JVM start), spread over
 * {@code -Dthreshold.crash.lanes=L} kiosks killed side by side (2 by default, one per core);
 * {@code -Dthreshold.crash.seed=S} replays a run. The result is also written to
 * {@code target/crash-test-report.txt}.
 */
class CrashTest {
    private static final Pattern CONFIRMED = Pattern.compile("OK ([0-9A-Z-]{21})");
    /**
     * Most kills land while registrations run (the first after READY takes about 0.1 s, the next ones
     * 10 to 20 ms each); one in ten
     * lands while the process is still starting (opening and migrating the database, unlocking).
     */
    private static final int MAX_DELAY_AFTER_READY_MILLIS = 200;

    @TempDir
    Path dataDir;
    private String classPath;
    private List<String> nativeLibrary = List.of();

    /** sqlite-jdbc's native library unpacked once, instead of by every child at its start. */
    private static List<String> unpackSqliteNative(Path work) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + name;
        try (var in = org.sqlite.SQLiteConnection.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            Files.copy(in, work.resolve(name));
        }
        return List.of("-Dorg.sqlite.lib.path=" + work, "-Dorg.sqlite.lib.name=" + name);
    }

    /** The test class path with every class folder packed into a jar: class-data archives accept jars only. */
    private static String jarredClassPath(Path work) throws IOException {
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = work.resolve("classes-" + index++ + ".jar");
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                 var files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new java.util.jar.JarEntry(path.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** What one lane of kills saw. */
    private record LaneResult(int kills, int inRegistrationLoop, int afterConfirmations, int confirmed) {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void everyConfirmedRegistrationSurvivesRepeatedSigkills() throws Exception {
        int kills = LongRun.rounds("threshold.crash.kills", 50, 200);
        int lanes = Math.max(1, Math.min(kills, Integer.getInteger("threshold.crash.lanes", 2)));
        long seed = Long.getLong("threshold.crash.seed", System.nanoTime());
        Path work = Files.createTempDirectory(dataDir.getParent(), "crash-child");
        classPath = jarredClassPath(work);
        nativeLibrary = unpackSqliteNative(work);
        Path archive = work.resolve("crash-child.jsa");
        List<Path> laneDirs = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            Path laneDir = dataDir.resolve("lane-" + lane);
            TestDeployment.enroll(laneDir, "http://127.0.0.1:9");
            laneDirs.add(laneDir);
        }
        // One clean run first: it creates the database and leaves a class-data archive for fast restarts.
        List<String> fast = List.of("-XX:SharedArchiveFile=" + archive);
        Process warmUp = child(laneDirs.get(0), List.of("-XX:ArchiveClassesAtExit=" + archive), "3");
        List<String> warmUpLines = readAll(warmUp);
        assertThat(warmUp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (warmUp.exitValue() != 0 || !Files.exists(archive)) {
            fast = List.of(); // No class-data sharing here: slower restarts, same test.
        }
        Set<String> warmedUp = new HashSet<>();
        warmUpLines.forEach(line -> confirmedCode(line, warmedUp));

        long started = System.nanoTime();
        // Lanes of kills on separate data folders run side by side: each one is a kiosk of its own.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(lanes);
        List<java.util.concurrent.Future<LaneResult>> results = new ArrayList<>();
        try {
            for (int lane = 0; lane < lanes; lane++) {
                Path laneDir = laneDirs.get(lane);
                int laneKills = kills / lanes + (lane < kills % lanes ? 1 : 0);
                Random random = new Random(seed + lane);
                List<String> options = fast;
                Set<String> alreadyConfirmed = lane == 0 ? warmedUp : Set.of();
                results.add(pool.submit(() -> runLane(laneDir, laneKills, random, options, alreadyConfirmed,
                        "seed " + seed + ", lane " + laneDir.getFileName())));
            }
            LaneResult total = new LaneResult(0, 0, 0, 0);
            for (java.util.concurrent.Future<LaneResult> result : results) {
                LaneResult lane = result.get();
                total = new LaneResult(total.kills() + lane.kills(), total.inRegistrationLoop()
                        + lane.inRegistrationLoop(), total.afterConfirmations() + lane.afterConfirmations(),
                        total.confirmed() + lane.confirmed());
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            String report = "crash test: " + total.kills() + " SIGKILLs in " + lanes + " lanes ("
                    + total.inRegistrationLoop() + " in the registration loop, " + total.afterConfirmations()
                    + " after at least one confirmation in that run), " + total.confirmed()
                    + " confirmed registrations, all present after every kill, integrity_check ok every time, "
                    + seconds + " s, seed " + seed;
            System.out.println(report);
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("crash-test-report.txt"), report + System.lineSeparator());
            }
            assertThat(total.kills()).isEqualTo(kills);
            assertThat(total.inRegistrationLoop()).as("most kills interrupted registrations").isGreaterThan(kills / 2);
        } finally {
            pool.shutdownNow();
        }
    }

    private LaneResult runLane(Path laneDir, int kills, Random random, List<String> fast, Set<String> warmedUp,
                               String name) throws Exception {
        Set<String> confirmed = new HashSet<>(warmedUp);
        int killedWhileRegistering = 0;
        int killsAfterConfirmations = 0;
        for (int kill = 0; kill < kills; kill++) {
            Process process = child(laneDir, fast, null);
            List<String> lines = new CopyOnWriteArrayList<>();
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch firstConfirmed = new CountDownLatch(1);
            Thread reader = readInBackground(process, lines, ready, firstConfirmed);
            int moment = random.nextInt(10);
            if (moment == 0) {
                // While starting: opening, migrating or recovering the database, unlocking.
                LockSupport.parkNanos(Duration.ofMillis(random.nextInt(400)).toNanos());
            } else if (moment < 5) {
                // Anywhere in the first registrations.
                assertThat(ready.await(60, TimeUnit.SECONDS)).as("the kiosk process started").isTrue();
                LockSupport.parkNanos(Duration.ofMillis(random.nextInt(MAX_DELAY_AFTER_READY_MILLIS)).toNanos());
            } else {
                // Among registrations in full swing, right after a confirmation or deep in the next commit.
                assertThat(firstConfirmed.await(60, TimeUnit.SECONDS)).as("the kiosk process registers").isTrue();
                LockSupport.parkNanos(Duration.ofMillis(random.nextInt(MAX_DELAY_AFTER_READY_MILLIS / 2)).toNanos());
            }
            boolean registering = ready.getCount() == 0 && process.isAlive();
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(30_000);
            int before = confirmed.size();
            lines.forEach(line -> confirmedCode(line, confirmed));
            if (registering) {
                killedWhileRegistering++;
            }
            if (confirmed.size() > before) {
                killsAfterConfirmations++;
            }
            assertSurvived(laneDir, confirmed, "kill " + (kill + 1) + " of " + kills + ", " + name);
        }
        return new LaneResult(kills, killedWhileRegistering, killsAfterConfirmations, confirmed.size());
    }

    private static void assertSurvived(Path laneDir, Set<String> confirmed, String when) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + laneDir.resolve("kiosk.db"));
             Statement statement = connection.createStatement()) {
            try (ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
                check.next();
                assertThat(check.getString(1)).as("integrity_check after " + when).isEqualTo("ok");
            }
            // Killed during its very first start, before the schema existed: nothing was confirmed, nothing is owed.
            try (ResultSet schema = statement.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'tokens'")) {
                schema.next();
                if (schema.getInt(1) == 0) {
                    assertThat(confirmed).as("confirmed registrations before any schema, " + when).isEmpty();
                    return;
                }
            }
            Set<String> stored = new HashSet<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT t.code FROM tokens t JOIN events e ON e.sequence = t.sequence "
                            + "JOIN local_households l ON l.household_id = t.household_id")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            List<String> missing = new ArrayList<>();
            for (String code : confirmed) {
                if (!stored.contains(TokenId.parseShortCode(code).code())) {
                    missing.add(code);
                }
            }
            assertThat(missing).as("confirmed registrations missing after " + when).isEmpty();
            try (ResultSet chain = statement.executeQuery("SELECT count(*), coalesce(max(sequence), 0) FROM events")) {
                chain.next();
                assertThat(chain.getLong(1)).as("no gap in the chain after " + when).isEqualTo(chain.getLong(2));
            }
        }
    }

    private Process child(Path laneDir, List<String> jvmOptions, String count) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx96m", "-Xss512k",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(nativeLibrary);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, CrashChild.class.getName(), laneDir.toString()));
        if (count != null) {
            command.add(count);
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Thread readInBackground(Process process, List<String> lines, CountDownLatch ready,
                                           CountDownLatch firstConfirmed) {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else {
                        lines.add(line);
                        firstConfirmed.countDown();
                    }
                }
            } catch (IOException e) {
                // The process was killed mid-line; what was read is what was confirmed.
            }
            ready.countDown();
            firstConfirmed.countDown();
        }, "crash-child-reader");
        reader.start();
        return reader;
    }

    private static List<String> readAll(Process process) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static void confirmedCode(String line, Set<String> confirmed) {
        Matcher matcher = CONFIRMED.matcher(line);
        if (matcher.matches()) {
            confirmed.add(matcher.group(1));
        }
    }
}
