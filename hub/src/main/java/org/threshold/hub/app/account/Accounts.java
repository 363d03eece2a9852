package org.threshold.hub.app.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.hub.app.HubStore;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.AccountRepository.Account;

/**
 * Sign-in and sessions. Passwords are kept only as Argon2id hashes; a session token is 256 random bits,
 * given to the client once and stored only as its SHA-256, valid for {@link #SESSION_LIFETIME}. At most
 * {@value #MAX_FAILURES} failed sign-ins per username in {@link #THROTTLE_WINDOW}: each attempt counts as a failure
 * from the moment it is admitted until it succeeds, so parallel guesses cannot slip past the limit while their
 * passwords are being checked. Sessions and failures are in the store, so every hub instance honours them.
 * Thread-safe.
 */
public final class Accounts {
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int MAX_FAILURES = 5;
    public static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,32}");
    private static final int TOKEN_BYTES = 32;
    // Each Argon2id check holds 46 MiB; a burst of sign-ins must queue rather than exhaust the heap.
    private static final int PARALLEL_HASHES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final HubStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final Semaphore hashing = new Semaphore(PARALLEL_HASHES, true);
    private final PassphraseHash decoy;

    public Accounts(HubStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        // Checked against when the username is unknown, so that costs as much as a wrong password and timing
        // does not tell which usernames exist. Its password is random and forgotten.
        byte[] noPassword = new byte[16];
        random.nextBytes(noPassword);
        this.decoy = hash(Bytes.hex(noPassword).toCharArray());
    }

    /** Creates {@code username} as ADMIN if the hub has no account yet; says whether it did. */
    public boolean createFirstAdmin(String username, char[] password) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("A username is 1 to 32 characters of a-z, 0-9, '.', '_' and '-'");
        }
        if (password.length == 0) {
            throw new IllegalArgumentException("The bootstrap admin needs a password");
        }
        String hash = hash(password).encode();
        Account admin = new Account(username, hash, Role.ADMIN.name());
        return store.inTransaction(repositories -> repositories.accounts().createFirst(admin, clock.instant()));
    }

    /**
     * @return a new session token
     * @throws Refusal UNAUTHENTICATED {@code BAD_CREDENTIALS}; TRY_LATER {@code TOO_MANY_ATTEMPTS} after
     *                  {@value #MAX_FAILURES} failures for the username in 15 minutes
     */
    public String login(String username, char[] password) {
        if (!USERNAME.matcher(username).matches()) {
            throw badCredentials();
        }
        Instant attempted = clock.instant();
        Optional<Account> account = store.inTransaction(repositories -> {
            LoginThrottleRepository.Failures failures = repositories.loginThrottles().countFailure(username, attempted,
                    attempted.minus(THROTTLE_WINDOW));
            if (failures.count() > MAX_FAILURES) {
                Duration wait = Duration.between(attempted, failures.windowStart().plus(THROTTLE_WINDOW));
                throw Refusal.tryLater("TOO_MANY_ATTEMPTS", "Too many failed sign-ins for this username. Wait "
                        + Math.max(1, (wait.toSeconds() + 59) / 60) + " minute(s) and try again, or ask an "
                        + "administrator to check the account.", wait);
            }
            return repositories.accounts().find(username);
        });
        PassphraseHash expected = account.map(found -> PassphraseHash.decode(found.passwordHash())).orElse(decoy);
        if (!matches(expected, password) || account.isEmpty()) {
            throw badCredentials();
        }
        Instant now = clock.instant();
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        store.inTransaction(repositories -> {
            repositories.loginThrottles().clear(username);
            repositories.sessions().deleteExpired(now);
            repositories.sessions().create(Bytes.sha256(secret), username, now.plus(SESSION_LIFETIME));
            return null;
        });
        return token;
    }

    public Optional<SignedInUser> authenticate(String sessionToken) {
        return secretOf(sessionToken)
                .flatMap(secret -> store.read(repositories -> repositories.sessions().account(Bytes.sha256(secret),
                        clock.instant())))
                .map(account -> new SignedInUser(account.username(), Role.valueOf(account.role())));
    }

    public void logout(String sessionToken) {
        secretOf(sessionToken).ifPresent(secret -> store.inTransaction(repositories -> {
            repositories.sessions().delete(Bytes.sha256(secret));
            return null;
        }));
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
            return PassphraseHash.create(password, random);
        } finally {
            hashing.release();
        }
    }

    private static Refusal badCredentials() {
        return new Refusal(Refusal.Kind.UNAUTHENTICATED, "BAD_CREDENTIALS", "Wrong username or password.");
    }
}
