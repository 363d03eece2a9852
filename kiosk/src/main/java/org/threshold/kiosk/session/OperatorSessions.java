package org.threshold.kiosk.session;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.Passphrase;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.kiosk.localdata.LocalDataKey;
import org.threshold.kiosk.localdata.LocalKeyVault;
import org.threshold.kiosk.store.OperatorKeyStore;

/**
 * Operator sessions: unlocking with name and passphrase, bearer tokens, idle expiry and locking.
 *
 * <p>Session tokens are 256 random bits handed to the page once; only their SHA-256 is kept, so a
 * memory dump does not hand out live sessions. Unlocks run one at a time: that makes the throttle
 * exact (parallel guesses cannot slip past the count) and costs nothing at one login per shift.
 * Thread-safe.
 */
public final class OperatorSessions {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(OperatorSessions.class);
    private static final int TOKEN_BYTES = 32;

    /** Replaced whole, under the unlock lock, when the hub sends a new list. */
    private volatile Map<String, OperatorRecord> operators;
    private final OperatorRecord decoy;
    private final LocalKeyVault vault;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration idleTimeout;
    private final LoginThrottle throttle = new LoginThrottle();
    private final ReentrantLock unlockLock = new ReentrantLock();
    private final Map<String, OperatorSession> sessionsByTokenHash = new ConcurrentHashMap<>();

    public OperatorSessions(List<OperatorRecord> operators, LocalKeyVault vault, Clock clock, SecureRandom random,
                            Duration idleTimeout) {
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("No operators are provisioned, so nobody could unlock the kiosk");
        }
        this.operators = byName(operators);
        this.decoy = operators.get(0);
        this.vault = vault;
        this.clock = clock;
        this.random = random;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Checks the passphrase and opens a session. The passphrase is cleared before this returns.
     *
     * @return the session token, to be sent back as {@code Authorization: Bearer <token>}
     */
    public String unlock(String operatorName, Passphrase typed) throws UnlockRefusedException {
        char[] passphrase = typed.characters();
        unlockLock.lock();
        try {
            Optional<OperatorKeyStore.Destruction> destroyed = vault.destruction();
            if (destroyed.isPresent()) {
                throw new KeysDestroyedException(destroyed.get().reason(), destroyed.get().at());
            }
            OperatorRecord operator = operatorName == null ? null : operators.get(operatorName);
            if (operator == null) {
                // Same Argon2 work as for a real operator, so timing does not reveal which names exist.
                // Unknown names are not throttled: there is no passphrase behind them to guess.
                decoy.hash().matches(passphrase);
                throw new BadCredentialsException();
            }
            Instant now = clock.instant();
            Optional<Duration> lockedFor = throttle.lockedFor(operator.name(), now);
            if (lockedFor.isPresent()) {
                throw new TooManyAttemptsException(lockedFor.get());
            }
            if (!operator.hash().matches(passphrase)) {
                throttle.failed(operator.name(), now);
                LOG.warn("Wrong passphrase for operator {}", operator.name());
                throw new BadCredentialsException();
            }
            throttle.succeeded(operator.name());
            LocalDataKey key = vault.unlock(operator, passphrase)
                    .or(() -> keyHeldByAnotherSession(now).flatMap(held -> vault.wrapFor(operator, passphrase, held)))
                    .orElse(null);
            byte[] token = new byte[TOKEN_BYTES];
            random.nextBytes(token);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            sessionsByTokenHash.put(tokenHash(encoded), new OperatorSession(operator, key, now));
            LOG.info("Operator {} unlocked the kiosk{}", operator.name(),
                    key == null ? " (without the local data key: local copies stay closed)" : "");
            return encoded;
        } finally {
            typed.close();
            unlockLock.unlock();
        }
    }

    /**
     * Replaces the operator list with one the hub signed. Sessions of removed operators, and of operators
     * whose record changed (a reset passphrase), lock at once: they were opened with a passphrase the hub has
     * withdrawn. Removed operators' wraps of the local data key are deleted. Idempotent.
     */
    public void replaceOperators(List<OperatorRecord> newOperators) {
        if (newOperators.isEmpty()) {
            throw new IllegalArgumentException("An empty operator list would leave nobody able to unlock the kiosk");
        }
        Map<String, OperatorRecord> replacement = byName(newOperators);
        unlockLock.lock();
        try {
            operators = replacement;
            sessionsByTokenHash.forEach((hash, session) -> {
                OperatorRecord current = replacement.get(session.operatorName());
                if (current == null) {
                    end(hash, "locked: the operator was removed");
                } else if (!current.equals(session.operator())) {
                    end(hash, "locked: the operator's record changed");
                }
            });
            vault.forgetAllBut(replacement.keySet());
        } finally {
            unlockLock.unlock();
        }
    }

    /** The live session for a token, its idle time reset; empty if unknown, locked or expired. */
    public Optional<OperatorSession> find(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty()) {
            return Optional.empty();
        }
        String hash = tokenHash(sessionToken);
        OperatorSession session = sessionsByTokenHash.get(hash);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            end(hash, "expired after idling");
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /**
     * The live session that made the latest request: the operator at the screen, on whose behalf the desk's
     * buttons act. Does not reset its idle time (a button press is not the operator's request). Empty if none.
     */
    public Optional<OperatorSession> atTheScreen() {
        Instant now = clock.instant();
        return sessionsByTokenHash.values().stream().filter(session -> !expired(session, now))
                .max(java.util.Comparator.comparing(OperatorSession::lastSeen));
    }

    public void lock(String sessionToken) {
        if (sessionToken != null && !sessionToken.isEmpty()) {
            end(tokenHash(sessionToken), "locked");
        }
    }

    /** Locks every session idle for longer than the timeout, so their keys leave memory on time. */
    public void lockIdleSessions() {
        Instant now = clock.instant();
        sessionsByTokenHash.forEach((hash, session) -> {
            if (expired(session, now)) {
                end(hash, "expired after idling");
            }
        });
    }

    public void lockAll() {
        lockAll("locked as the kiosk stopped");
    }

    /**
     * Runs {@code destroyKeyMaterial} with unlocking held off, then locks every session: no unlock can
     * slip in between and leave a session holding a key after the wraps are gone.
     */
    public void destroyKeysAndLockAll(Runnable destroyKeyMaterial, String why) {
        unlockLock.lock();
        try {
            destroyKeyMaterial.run();
        } finally {
            // Even if destroying the stored material failed, no key stays in memory.
            lockAll(why);
            unlockLock.unlock();
        }
    }

    /** Locks every session, destroying the keys they hold; {@code why} is for the log, without personal data. */
    public void lockAll(String why) {
        sessionsByTokenHash.keySet().forEach(hash -> end(hash, why));
    }

    /** Any live session's copy of the local data key; it is the same key in every session. */
    private Optional<LocalDataKey> keyHeldByAnotherSession(Instant now) {
        return sessionsByTokenHash.values().stream().filter(session -> !expired(session, now))
                .map(OperatorSession::localKey).flatMap(Optional::stream).findFirst();
    }

    private static Map<String, OperatorRecord> byName(List<OperatorRecord> operators) {
        return operators.stream().collect(Collectors.toUnmodifiableMap(OperatorRecord::name, Function.identity()));
    }

    private boolean expired(OperatorSession session, Instant now) {
        return Duration.between(session.lastSeen(), now).compareTo(idleTimeout) > 0;
    }

    private void end(String hash, String why) {
        OperatorSession session = sessionsByTokenHash.remove(hash);
        if (session != null) {
            session.destroyKey();
            LOG.info("Session of operator {} {}", session.operatorName(), why);
        }
    }

    private static String tokenHash(String token) {
        return Bytes.hex(Bytes.sha256(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
