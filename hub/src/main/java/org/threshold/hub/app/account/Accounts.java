package org.threshold.hub.app.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.referral.ServiceDirectory;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.AccountRepository.Account;
import org.threshold.hub.app.account.LiveSessionRepository.LiveSession;
import org.threshold.hub.app.account.SessionRepository.Session;

/**
 * Named accounts, sign-in and sessions. Passwords are kept only as Argon2id hashes; a session token is 256 random
 * bits, given to the client once and stored only as its SHA-256, beside a public session id. A session ends after
 * {@link #SESSION_IDLE} without use or {@link #SESSION_LIFETIME} after sign-in, whichever comes first, and at once when
 * revoked or its account disabled. Guessing is slowed by {@link SignInThrottle}, never turned into a lockout.
 * Everything is in the store, so every hub instance honours it. Thread-safe.
 */
public final class Accounts {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final Duration SESSION_IDLE = Duration.ofMinutes(30);
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,32}");
    private static final int MAX_ORGANISATION = 100;
    private static final int TOKEN_BYTES = 32;
    // A session's last use is written at most this often: the idle timeout need not be exact to the second.
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    // Each Argon2id check holds 46 MiB; a burst of sign-ins must queue rather than exhaust the heap.
    private static final int PARALLEL_HASHES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Holds an answer back (the account throttle's delay); tests may skip the wait. */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        void pause(Duration duration);
    }

    /** What an administrator gives for a new account, or for a change of role. */
    public record Grant(Role role, String organisation, Set<String> services) {
        public Grant {
            organisation = organisation == null ? "" : organisation.strip();
            services = services == null ? Set.of() : Set.copyOf(services);
        }
    }

    private final HubStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final ServiceDirectory serviceDirectory;
    private final Pause pause;
    private final Semaphore hashing = new Semaphore(PARALLEL_HASHES, true);
    private final Argon2idCost passwordCost;
    private final PassphraseHash decoy;

    /** @param passwordCost the Argon2id cost of new passwords: {@link Argon2idCost#DEFAULT} outside tests */
    public Accounts(HubStore store, Clock clock, SecureRandom random, ServiceDirectory serviceDirectory, Pause pause,
                    Argon2idCost passwordCost) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.serviceDirectory = serviceDirectory;
        this.pause = pause;
        this.passwordCost = passwordCost;
        // Checked against when the username is unknown, so that costs as much as a wrong password and timing
        // does not tell which usernames exist. Its password is random and forgotten.
        byte[] noPassword = new byte[16];
        random.nextBytes(noPassword);
        this.decoy = hash(Bytes.hex(noPassword).toCharArray());
    }

    /** Creates {@code username} as ADMIN if the hub has no account yet; says whether it did. */
    public boolean createFirstAdmin(String username, char[] password) {
        checkUsername(username);
        checkPassword(password);
        Account admin = new Account(username, hash(password).encode(), Role.ADMIN.name(), "", Set.of(), false);
        return store.inTransaction(repositories -> repositories.accounts().createFirst(admin, clock.instant()));
    }

    /**
     * @throws Refusal INVALID for a bad username, password, role or service set; CONFLICT {@code ACCOUNT_EXISTS}
     */
    public AccountInfo add(String username, char[] password, Grant grant) {
        checkUsername(username);
        checkPassword(password);
        checkGrant(grant);
        Account account = new Account(username, hash(password).encode(), grant.role().name(), grant.organisation(),
                grant.services(), false);
        boolean created = store.inTransaction(repositories -> repositories.accounts().create(account, clock.instant()));
        if (!created) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ACCOUNT_EXISTS", "There is already an account " + username
                    + ". Choose another username, or change that account's role.", Map.of("username", username));
        }
        return AccountInfo.of(account);
    }

    public List<AccountInfo> list() {
        return store.read(repositories -> repositories.accounts().list()).stream().map(AccountInfo::of).toList();
    }

    public Optional<AccountInfo> find(String username) {
        return store.read(repositories -> repositories.accounts().find(username)).map(AccountInfo::of);
    }

    /** Disables the account and ends its sessions. @throws Refusal NOT_FOUND {@code NO_SUCH_ACCOUNT} */
    public void disable(String username) {
        Instant now = clock.instant();
        store.inTransaction(repositories -> {
            requireFound(repositories.accounts().setDisabled(username, now), username);
            repositories.sessions().revokeAll(username);
            return null;
        });
    }

    /** @throws Refusal NOT_FOUND {@code NO_SUCH_ACCOUNT} */
    public void enable(String username) {
        store.inTransaction(repositories -> requireFound(repositories.accounts().setDisabled(username, null), username));
    }

    /**
     * Gives the account a new role, organisation and services, and ends its sessions (they were granted the old ones).
     *
     * @throws Refusal INVALID for a bad role or service set; NOT_FOUND {@code NO_SUCH_ACCOUNT}
     */
    public void setRole(String username, Grant grant) {
        checkGrant(grant);
        store.inTransaction(repositories -> {
            requireFound(repositories.accounts().setRole(username, grant.role().name(), grant.organisation(),
                    grant.services()), username);
            repositories.sessions().revokeAll(username);
            return null;
        });
    }

    /** Sets a new password and ends the account's sessions. @throws Refusal INVALID, NOT_FOUND */
    public void resetPassword(String username, char[] password) {
        checkPassword(password);
        String hash = hash(password).encode();
        store.inTransaction(repositories -> {
            requireFound(repositories.accounts().setPasswordHash(username, hash), username);
            repositories.sessions().revokeAll(username);
            repositories.signInThrottles().clear("account:" + username);
            return null;
        });
    }

    /**
     * @param source where the attempt comes from (the client's address), for the per-source throttle
     * @return a new session token
     * @throws Refusal UNAUTHENTICATED {@code BAD_CREDENTIALS}; FORBIDDEN {@code ACCOUNT_DISABLED} (right password
     *                  only); TRY_LATER {@code TOO_MANY_ATTEMPTS} while {@code source} must wait
     */
    public String login(String username, char[] password, String source) {
        Instant attempted = clock.instant();
        String name = username == null ? "" : username;
        boolean wellFormed = USERNAME.matcher(name).matches();
        Duration delay = store.inTransaction(repositories -> SignInThrottle.admit(repositories, source,
                wellFormed ? name : "", attempted));
        if (!delay.isZero()) {
            pause.pause(delay);
        }
        Optional<Account> account = wellFormed
                ? store.read(repositories -> repositories.accounts().find(name)) : Optional.empty();
        PassphraseHash expected = account.map(found -> PassphraseHash.decode(found.passwordHash())).orElse(decoy);
        if (!matches(expected, password) || account.isEmpty()) {
            throw badCredentials();
        }
        Instant now = clock.instant();
        store.inTransaction(repositories -> {
            SignInThrottle.succeeded(repositories, source, name);
            return null;
        });
        if (account.get().disabled()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ACCOUNT_DISABLED", "This account is disabled. Ask a hub "
                    + "administrator to enable it.");
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        byte[] id = new byte[16];
        random.nextBytes(id);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.inTransaction(repositories -> {
            repositories.sessions().deleteExpired(now, now.minus(SESSION_IDLE));
            repositories.sessions().create(Bytes.sha256(secret), HexFormat.of().formatHex(id), name, now,
                    now.plus(SESSION_LIFETIME));
            return null;
        });
        return token;
    }

    /** The signed-in user of a live session, whose use now keeps it from idling out. */
    public Optional<SignedInUser> authenticate(String sessionToken) {
        Optional<byte[]> secret = secretOf(sessionToken);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = Bytes.sha256(secret.get());
        Instant now = clock.instant();
        // One statement for the session and its account: this runs before every request a signed-in user makes.
        Optional<LiveSession> found = store.read(repositories -> repositories.liveSessions()
                .find(hash, now, now.minus(SESSION_IDLE)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LiveSession session = found.get();
        if (!session.lastSeen().plus(TOUCH_EVERY).isAfter(now)) {
            store.inTransaction(repositories -> {
                repositories.sessions().touch(hash, now);
                return null;
            });
        }
        return Optional.of(new SignedInUser(session.username(), session.role(), session.organisation(),
                session.services(), session.sessionId()));
    }

    public void logout(String sessionToken) {
        secretOf(sessionToken).ifPresent(secret -> store.inTransaction(repositories -> {
            repositories.sessions().delete(Bytes.sha256(secret));
            return null;
        }));
    }

    /** The account's live sessions, newest first. */
    public List<Session> sessions(String username) {
        Instant now = clock.instant();
        return store.read(repositories -> repositories.sessions().liveOf(username, now, now.minus(SESSION_IDLE)));
    }

    /** @throws Refusal NOT_FOUND {@code NO_SUCH_SESSION} */
    public void revoke(String username, String sessionId) {
        boolean revoked = store.inTransaction(repositories -> repositories.sessions().revoke(username, sessionId));
        if (!revoked) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "NO_SUCH_SESSION", "This account has no such session; it may "
                    + "have ended already.");
        }
    }

    /** Ends every session of the account; returns how many there were. */
    public int revokeAll(String username) {
        return store.inTransaction(repositories -> repositories.sessions().revokeAll(username));
    }

    private void checkGrant(Grant grant) {
        if (grant.role() == null) {
            throw new Refusal(Refusal.Kind.INVALID, "UNKNOWN_ROLE", "Choose a role: ADMIN, SUPERVISOR, CASEWORKER, "
                    + "PROTECTION_OFFICER or DPO.");
        }
        if (grant.organisation().length() > MAX_ORGANISATION || grant.organisation().chars().anyMatch(Character::isISOControl)) {
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_ORGANISATION", "Give the organisation's name on one line, "
                    + "at most " + MAX_ORGANISATION + " characters.", Map.of("max", MAX_ORGANISATION));
        }
        for (String service : new TreeSet<>(grant.services())) {
            if (serviceDirectory.find(service).isEmpty()) {
                String known = String.join(", ", serviceDirectory.all().stream().map(s -> s.id()).toList());
                throw new Refusal(Refusal.Kind.INVALID, "UNKNOWN_SERVICE", "There is no service \"" + service
                        + "\". Services: " + known + ".", Map.of("service", service, "services", known));
            }
        }
        if (grant.role().servesServices() && grant.services().isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "SERVICES_REQUIRED", "A " + grant.role()
                    + " account works for at least one service: name it.", Map.of("role", grant.role().name()));
        }
        if (!grant.role().servesServices() && !grant.services().isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "NO_SERVICES_FOR_ROLE", "A " + grant.role()
                    + " account does no casework: give no services.", Map.of("role", grant.role().name()));
        }
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "INVALID_USERNAME", "A username is 1 to 32 characters: "
                    + "lower-case letters a-z, digits, dot, underscore and hyphen.");
        }
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new Refusal(Refusal.Kind.INVALID, "PASSWORD_TOO_SHORT", "A password has at least "
                    + MIN_PASSWORD_LENGTH + " characters; a few words are easier to type than symbols.",
                    Map.of("min", MIN_PASSWORD_LENGTH));
        }
    }

    private static boolean requireFound(boolean found, String username) {
        if (!found) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "NO_SUCH_ACCOUNT", "There is no account " + username + ".",
                    Map.of("username", username));
        }
        return true;
    }

    private static Optional<byte[]> secretOf(String sessionToken) {
        if (sessionToken == null) {
            return Optional.empty();
        }
        try {
            byte[] secret = Base64.getUrlDecoder().decode(sessionToken);
            return secret.length == TOKEN_BYTES ? Optional.of(secret) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private boolean matches(PassphraseHash expected, char[] password) {
        hashing.acquireUninterruptibly();
        try {
            return expected.matches(password);
        } finally {
            hashing.release();
        }
    }

    private PassphraseHash hash(char[] password) {
        hashing.acquireUninterruptibly();
        try {
            return PassphraseHash.create(password, random, passwordCost);
        } finally {
            hashing.release();
        }
    }

    private static Refusal badCredentials() {
        return new Refusal(Refusal.Kind.UNAUTHENTICATED, "BAD_CREDENTIALS", "Wrong username or password.");
    }
}
