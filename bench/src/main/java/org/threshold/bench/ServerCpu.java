package org.threshold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * The CPU time a PostgreSQL server has used so far: its postmaster, every process it runs (backends, WAL writer,
 * checkpointer) and those it has reaped, read from {@code /proc}. A request to the hub costs this beside the JVM's own
 * CPU, on the same two cores. Linux only; elsewhere it reads 0.
 */
final class ServerCpu {
    // The kernel counts process times in clock ticks of 1/100 s on every Linux this runs on (USER_HZ).
    private static final double TICK_NANOS = 1e7;

    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server {@code connection} is connected to (the parent of its backend). */
    static ServerCpu of(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            String[] backend = stat(row.getLong(1));
            return new ServerCpu(backend == null ? -1 : Long.parseLong(backend[1]));
        }
    }

    /** Nanoseconds of CPU the server has used: its own and its children's, living and reaped. */
    long nanos() {
        String[] own = stat(postmaster);
        if (own == null) {
            return 0;
        }
        // utime, stime, then cutime, cstime: the reaped children's.
        long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
                + Long.parseLong(own[14]);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    String[] child = stat(Long.parseLong(name));
                    if (child != null && Long.parseLong(child[1]) == postmaster) {
                        ticks += Long.parseLong(child[11]) + Long.parseLong(child[12]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Math.round(ticks * TICK_NANOS);
    }

    /**
     * The fields of {@code /proc/PID/stat} after the command name (state first, then the parent's pid at [1], utime
     * at [11]), or null if there is no such process (or no /proc).
     */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may hold spaces: the fields start after its closing one.
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
