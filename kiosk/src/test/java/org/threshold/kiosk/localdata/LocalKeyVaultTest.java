package org.threshold.kiosk.localdata;

import org.threshold.core.testing.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threshold.core.crypto.Argon2idCost;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.kiosk.store.KioskDatabase;
import org.threshold.kiosk.store.OperatorKeyStore;

class LocalKeyVaultTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OperatorRecord AMAL = operator("amal", "correct horse battery");
    private static final OperatorRecord BILAL = operator("bilal", "staple paper clip");
    private static final byte[] HOUSEHOLD = "{\"givenName\":\"Nourhan\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;
    private KioskDatabase database;
    private OperatorKeyStore store;
    private LocalKeyVault vault;

    private static OperatorRecord operator(String name, String passphrase) {
        return new OperatorRecord(name, OperatorRecord.Role.RECEPTION,
                PassphraseHash.create(passphrase.toCharArray(), RANDOM, new Argon2idCost(1024, 1, 1)).encode());
    }

    @BeforeEach
    void open() {
        database = KioskDatabase.open(folder.resolve("kiosk.db"));
        store = new OperatorKeyStore(database);
        vault = new LocalKeyVault(store, new TestClock(), RANDOM);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theFirstUnlockCreatesTheKeyAndLaterUnlocksOfThatOperatorOpenTheSameKey() {
        LocalDataKey created = vault.unlock(AMAL, "correct horse battery".toCharArray()).orElseThrow();
        UUID household = UUID.randomUUID();
        byte[] copy = created.encryptHousehold(household, HOUSEHOLD);

        LocalDataKey reopened = vault.unlock(AMAL, "correct horse battery".toCharArray()).orElseThrow();

        assertThat(reopened.decryptHousehold(household, copy)).contains(HOUSEHOLD);
        assertThat(store.find("amal").orElseThrow().derivation()).startsWith("argon2id$v=19$m=1024,t=1,p=1$");
    }

    @Test
    void anotherOperatorGetsNoKeyUntilItIsSharedWithThem() {
        vault.unlock(AMAL, "correct horse battery".toCharArray()).orElseThrow();

        assertThat(vault.unlock(BILAL, "staple paper clip".toCharArray())).isEmpty();
        assertThat(store.find("bilal")).isEmpty();
    }

    @Test
    void aCopyOpensOnlyForItsOwnHouseholdAndOnlyUntilTheKeyIsDestroyed() {
        LocalDataKey key = vault.unlock(AMAL, "correct horse battery".toCharArray()).orElseThrow();
        UUID household = UUID.randomUUID();
        byte[] copy = key.encryptHousehold(household, HOUSEHOLD);

        assertThat(key.decryptHousehold(UUID.randomUUID(), copy)).as("moved to another row").isEmpty();
        copy[copy.length - 1] ^= 1;
        assertThat(key.decryptHousehold(household, copy)).as("altered").isEmpty();

        key.destroy();
        assertThatThrownBy(() -> key.encryptHousehold(household, HOUSEHOLD)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrappedKeyDoesNotOpenWithAnotherPassphrase() {
        vault.unlock(AMAL, "correct horse battery".toCharArray()).orElseThrow();

        assertThat(PassphraseWrapping.unwrap(store.find("amal").orElseThrow(), "amal",
                "wrong passphrase".toCharArray(), RANDOM)).isEmpty();
        assertThat(PassphraseWrapping.unwrap(store.find("amal").orElseThrow(), "bilal",
                "correct horse battery".toCharArray(), RANDOM)).as("bound to the operator's name").isEmpty();
        assertThat(vault.unlock(AMAL, "wrong passphrase".toCharArray())).isEmpty();
    }

    @Test
    void theKeyNeverPrintsItself() {
        assertThat(LocalDataKey.generate(RANDOM).toString()).isEqualTo("LocalDataKey[REDACTED]");
        assertThat(Optional.of(LocalDataKey.generate(RANDOM)).toString()).doesNotContain("key=");
    }
}
