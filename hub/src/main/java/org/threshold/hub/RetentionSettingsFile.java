package org.threshold.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.threshold.hub.app.dsr.RetentionPeriods;

/**
 * The retention periods a hub runs with ({@link HubSettings#retention()}: its {@code --retain-...} options), written
 * into its data folder at every start, so that {@code provision retention} on the hub host acts on exactly the periods
 * the hub's daily job uses: the hub's settings stay their one source. Holds no personal data.
 */
public final class RetentionSettingsFile {
    public static final String FILE = "retention-periods.properties";
    private static final String CLOSED = "closed-referrals-days";
    private static final String INACTIVE = "inactive-households-days";

    private RetentionSettingsFile() {
    }

    /** Replaces the file at once (a reader sees the old periods or the new, never half). */
    static void write(Path dataDir, RetentionPeriods periods) {
        Path file = dataDir.resolve(FILE);
        Path next = dataDir.resolve(FILE + ".new");
        try {
            Files.write(next, List.of("# The retention periods this hub runs with, written at each start from its "
                    + "settings (--retain-...): provision retention reads them. Edits here are replaced.",
                    CLOSED + "=" + periods.closedReferralsDays(), INACTIVE + "=" + periods.inactiveHouseholdsDays()));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The periods the hub in {@code dataDir} last started with; empty if it has not started since it wrote them.
     *
     * @throws IllegalArgumentException if the file does not hold two valid periods
     */
    public static Optional<RetentionPeriods> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + " (" + e.getMessage() + ")", e);
        }
        try {
            return Optional.of(new RetentionPeriods(Integer.parseInt(properties.getProperty(CLOSED, "").strip()),
                    Integer.parseInt(properties.getProperty(INACTIVE, "").strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " does not hold the hub's two retention periods in days; "
                    + "start the hub once to write it again");
        }
    }
}
