package org.threshold.packaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.threshold.core.deployment.DeploymentLayout;

/**
 * {@code /etc/threshold/hub.conf}, the hub service's settings, checked whole before the hub starts so that a
 * mistake stops the service with every problem named, the line it is on, and what to write instead.
 *
 * <p>One {@code name = value} per line, {@code #} starts a comment. The settings ({@link #DEFAULTS}):
 * {@code data} (the data folder, owner-only), {@code host} and {@code port} (where to serve), {@code tls}
 * ({@code on}: the certificate from {@code threshold-provision init} must be in the data folder; {@code off}:
 * plain HTTP, on a loopback host only), {@code db} ({@code sqlite} or a PostgreSQL JDBC URL) and
 * {@code db.password-file} (the PostgreSQL password, in an owner-only file).
 */
public record HubConf(Path data, String host, int port, boolean tls, String db, Path dbPasswordFile) {
    public static final Path DEFAULT_FILE = Path.of("/etc/threshold/hub.conf");

    /** What an unset setting means; db.password-file has no default. */
    static final Map<String, String> DEFAULTS = defaults();

    static final String SQLITE = "sqlite";
    private static final String POSTGRESQL = "jdbc:postgresql://";
    // The names `threshold-provision init` gives the hub's TLS files (the hub's HubLayout, whose package is
    // moving with the store work); ScratchRootInstallIT starts a hub on what init made, so a rename shows there.
    static final String TLS_CERTIFICATE = "hub-tls-cert.pem";
    static final String TLS_KEY = "hub-tls-key.pem";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]+");
    private static final Set<PosixFilePermission> NOT_OWNER = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", "/var/lib/threshold/hub");
        defaults.put("host", "0.0.0.0");
        defaults.put("port", "8443");
        defaults.put("tls", "on");
        defaults.put("db", SQLITE);
        defaults.put("db.password-file", null);
        return defaults;
    }

    /** Every problem with {@code file}, each a sentence naming the line and the fix. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(Path file, List<String> problems) {
            super(file + ": " + String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads and checks {@code file}, including what it points at (data folder, TLS files, password file). */
    public static HubConf read(Path file) throws Invalid {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new Invalid(file, List.of("Cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Reinstall threshold-hub to get the default file back, or check its permissions."));
        }
        return parse(file, text);
    }

    static HubConf parse(Path file, String text) throws Invalid {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Map<String, Integer> seenOn = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                problems.add("Line " + number + " is not \"name = value\": " + quoted(line) + ".");
                continue;
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (!DEFAULTS.containsKey(name)) {
                problems.add("Line " + number + ": unknown setting " + quoted(name) + "; the settings are "
                        + String.join(", ", DEFAULTS.keySet()) + ".");
            } else if (seenOn.containsKey(name)) {
                problems.add("Line " + number + ": " + name + " is already set on line " + seenOn.get(name)
                        + "; keep one of them.");
            } else if (value.isEmpty()) {
                problems.add("Line " + number + ": " + name + " has no value; give one or delete the line for the "
                        + "default" + (DEFAULTS.get(name) == null ? "" : " (" + DEFAULTS.get(name) + ")") + ".");
            } else {
                seenOn.put(name, number);
                values.put(name, value);
            }
        }
        HubConf conf = check(values, problems);
        if (!problems.isEmpty()) {
            throw new Invalid(file, problems);
        }
        return conf;
    }

    private static HubConf check(Map<String, String> values, List<String> problems) {
        Path data = Path.of(values.get("data"));
        if (!data.isAbsolute()) {
            problems.add("data must be an absolute path, not " + quoted(values.get("data")) + ".");
        } else {
            checkDataFolder(data, problems);
        }
        String host = values.get("host");
        if (!HOST.matcher(host).matches()) {
            problems.add("host must be an IP address or a host name (0.0.0.0 for every IPv4 interface), not "
                    + quoted(host) + ".");
        }
        int port = -1;
        try {
            port = Integer.parseInt(values.get("port"));
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        if (port < 0 || port > 65_535) {
            problems.add("port must be a number from 1 to 65535 (0: any free port, for tests), not "
                    + quoted(values.get("port")) + ".");
        }
        boolean tls = switch (values.get("tls")) {
            case "on" -> true;
            case "off" -> false;
            default -> {
                problems.add("tls must be on or off, not " + quoted(values.get("tls")) + ".");
                yield true;
            }
        };
        if (data.isAbsolute() && Files.isDirectory(data)) {
            checkTls(data, tls, host, problems);
        }
        String db = values.get("db");
        String passwordFileValue = values.get("db.password-file");
        Path passwordFile = passwordFileValue == null ? null : Path.of(passwordFileValue);
        if (db.equals(SQLITE)) {
            if (passwordFile != null) {
                problems.add("db.password-file is for PostgreSQL; with db = sqlite delete that line.");
            }
        } else if (!db.startsWith(POSTGRESQL)) {
            problems.add("db must be sqlite or a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/threshold?user=threshold, not " + quoted(db) + ".");
        } else if (db.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]password=.*")) {
            problems.add("db must not hold the password (this file is readable by every user, and the URL shows on "
                    + "the hub's command line): remove password=... from it and put the password alone in the file "
                    + "named by db.password-file, owner-only (chmod 600, chown threshold-hub).");
        } else if (passwordFile != null) {
            checkPasswordFile(passwordFile, problems);
        }
        return new HubConf(data, host, port, tls, db, passwordFile);
    }

    private static void checkDataFolder(Path data, List<String> problems) {
        if (!Files.isDirectory(data)) {
            problems.add("The data folder " + data + " does not exist. Reinstall threshold-hub (it makes "
                    + DEFAULTS.get("data") + "), or make it owner-only for the hub's user: install -d -m 0700 -o "
                    + "threshold-hub -g threshold-hub " + data + ".");
            return;
        }
        if (!Files.isWritable(data)) {
            problems.add("The hub cannot write to its data folder " + data + ". It belongs to the threshold-hub "
                    + "user; if you moved it, also allow it in the service: systemctl edit threshold-hub, and add "
                    + "ReadWritePaths=" + data + " under [Service].");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(data);
            permissions.retainAll(NOT_OWNER);
            if (!permissions.isEmpty()) {
                problems.add("The data folder " + data + " holds the deployment's secret keys but others may use it "
                        + "(" + permissions + "): chmod 700 " + data + ".");
            }
        } catch (IOException | UnsupportedOperationException e) {
            problems.add("Cannot read the permissions of " + data + " (" + e.getMessage() + ").");
        }
        if (!Files.exists(data.resolve(DeploymentLayout.HUB_KEYS))) {
            problems.add("No deployment in " + data + " yet: create it with sudo threshold-provision init --name "
                    + "NAME --hub-url https://HOST:PORT, then start the hub.");
        }
    }

    private static void checkTls(Path data, boolean tls, String host, List<String> problems) {
        boolean certificate = Files.exists(data.resolve(TLS_CERTIFICATE));
        boolean key = Files.exists(data.resolve(TLS_KEY));
        if (tls && !(certificate && key)) {
            String missing = certificate ? TLS_KEY
                    : key ? TLS_CERTIFICATE : TLS_CERTIFICATE + " and " + TLS_KEY;
            problems.add("tls = on but " + data + " lacks " + missing + ", made by threshold-provision init (restore them "
                    + "from its backup; kiosks pin that certificate).");
        }
        if (!tls) {
            if (!isLoopback(host)) {
                problems.add("tls = off sends every record in the clear, so it is allowed only on a loopback host "
                        + "(127.0.0.1, ::1) behind a proxy on this machine that terminates TLS; host is " + host + ".");
            }
            if (certificate || key) {
                problems.add("tls = off, but " + data + " holds the hub's TLS files and the hub serves HTTPS "
                        + "whenever they are there: set tls = on.");
            }
        }
    }

    private static void checkPasswordFile(Path file, List<String> problems) {
        if (!Files.isReadable(file)) {
            problems.add("db.password-file " + file + " is missing or not readable by the hub's user: write the "
                    + "PostgreSQL password alone in it, chown threshold-hub, chmod 600.");
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.retainAll(NOT_OWNER);
            if (!permissions.isEmpty()) {
                problems.add("db.password-file " + file + " may be read by others (" + permissions + "): chmod 600 "
                        + file + ".");
            }
        } catch (IOException | UnsupportedOperationException e) {
            problems.add("Cannot read the permissions of " + file + " (" + e.getMessage() + ").");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9A-Fa-f:]+]?")) {
            return false; // a name would need a DNS look-up, and could change
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /**
     * The hub's command line for these settings. {@code --db} and {@code --db-password-file} are given only for
     * PostgreSQL, so a SQLite hub starts on a hub build that does not know them.
     */
    public List<String> hubArguments() {
        List<String> arguments = new ArrayList<>(List.of("--data", data.toString(), "--host", host, "--port",
                Integer.toString(port)));
        if (!db.equals(SQLITE)) {
            arguments.addAll(List.of("--db", db));
            if (dbPasswordFile != null) {
                arguments.addAll(List.of("--db-password-file", dbPasswordFile.toString()));
            }
        }
        return arguments;
    }
}
