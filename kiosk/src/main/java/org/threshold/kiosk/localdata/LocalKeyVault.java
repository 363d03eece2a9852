package org.threshold.kiosk.localdata;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.kiosk.store.OperatorKeyStore;
import org.threshold.kiosk.store.OperatorKeyStore.WrappedKey;

/**
 * Hands an operator the local data key when they unlock a session.
 *
 * <ul>
 *   <li>The key is wrapped for this operator (provisioning wraps the one local data key for every
 *       operator, see {@link LocalKeyImport}): unwrap it with their passphrase, at the Argon2id cost
 *       recorded with the wrap ({@link Argon2idCost#SHIFT_KEY} from provisioning).</li>
 *   <li>No key exists yet (a kiosk enrolled before provisioning made local keys): create one and wrap it
 *       for this operator, at the cost of their passphrase hash.</li>
 *   <li>A key exists but was never wrapped for this operator (added through the hub's feed), or their
 *       wrap no longer opens (passphrase reset): they get none from the store. If a colleague's session
 *       holds the key in memory, {@link #wrapFor} wraps it for them then; otherwise they can still register
 *       (the event sealed to the hub is the record), but no local copy is kept of those registrations
 *       and they cannot open local copies.</li>
 *   <li>The key material was destroyed (tamper, revocation): nobody gets a key, ever again;
 *       {@link #destruction()} says why, and sessions refuse to unlock.</li>
 * </ul>
 */
public final class LocalKeyVault {
    private static final Logger LOG = LoggerFactory.getLogger(LocalKeyVault.class);

    private final OperatorKeyStore store;
    private final Clock clock;
    private final SecureRandom random;

    public LocalKeyVault(OperatorKeyStore store, Clock clock, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.random = random;
    }

    /** Why and when the wrapped key material was destroyed, if it was. */
    public Optional<OperatorKeyStore.Destruction> destruction() {
        return store.destruction();
    }

    /** Call only after the passphrase was checked against the operator's record. */
    public Optional<LocalDataKey> unlock(OperatorRecord operator, char[] passphrase) {
        Optional<WrappedKey> wrapped = store.find(operator.name());
        if (wrapped.isPresent()) {
            Optional<LocalDataKey> key = PassphraseWrapping.unwrap(wrapped.get(), operator.name(), passphrase, random);
            if (key.isEmpty()) {
                LOG.warn("Operator {}'s passphrase no longer opens their copy of the local data key "
                        + "(was the operator re-provisioned?); local copies stay closed for this session",
                        operator.name());
            }
            return key;
        }
        if (store.anyKeyExists()) {
            return Optional.empty();
        }
        LocalDataKey key = LocalDataKey.generate(random);
        WrappedKey first = PassphraseWrapping.wrap(key, operator.name(), passphrase,
                Argon2idCost.parse(operator.passphraseHash()), random);
        if (!store.storeFirst(operator.name(), first, clock.instant())) {
            key.destroy();
            return Optional.empty();
        }
        LOG.info("Created this kiosk's local data key, wrapped for operator {}", operator.name());
        return Optional.of(key);
    }

    /**
     * Wraps the key a colleague's open session holds for this operator, whose passphrase was just checked
     * against their record, and hands them their own copy. Without their passphrase nobody can wrap the key
     * for a new operator, so this is the first moment it can be done. Empty if the colleague's session
     * locked meanwhile or the key material was destroyed.
     */
    public Optional<LocalDataKey> wrapFor(OperatorRecord operator, char[] passphrase, LocalDataKey held) {
        LocalDataKey copy;
        try {
            copy = LocalDataKey.adopt(held.copyOfKey(), random);
        } catch (IllegalStateException lockedMeanwhile) {
            return Optional.empty();
        }
        // At the cost of their passphrase hash, as for the first key: no slower to open than to check.
        WrappedKey wrap = PassphraseWrapping.wrap(copy, operator.name(), passphrase,
                Argon2idCost.parse(operator.passphraseHash()), random);
        if (!store.storeWrap(operator.name(), wrap, clock.instant())) {
            copy.destroy();
            return Optional.empty();
        }
        LOG.info("Wrapped the local data key for operator {} during a colleague's shift", operator.name());
        return Optional.of(copy);
    }

    /** Deletes the wraps of every operator not in {@code operators}: removed operators lose their copy. */
    public void forgetAllBut(Set<String> operators) {
        store.deleteWrapsExcept(operators);
    }
}
