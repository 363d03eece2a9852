package org.threshold.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.HubSealing;
import org.threshold.core.crypto.Passphrase;
import org.threshold.core.crypto.PassphraseHash;
import org.threshold.core.crypto.PassphraseKeyWrap;
import org.threshold.core.crypto.SealingPrivateKey;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.HubKeysFile;
import org.threshold.core.deployment.KeyPairFile;
import org.threshold.core.deployment.LocalKeyFile;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.core.deployment.SealingKeyFile;

/**
 * Every type that holds a secret on the kiosk's side prints without it: keys, passphrases, passphrase hashes and
 * wraps, and every record that carries one. A secret in a log line or an exception message is a secret lost.
 */
class SecretsRedactedTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aPassphrasePrintsNothingOfItselfAndIsClearedOnClose() {
        char[] typed = TestDeployment.PASSPHRASE.toCharArray();
        Passphrase passphrase = Passphrase.wrap(typed);

        assertThat(passphrase.toString()).doesNotContain(TestDeployment.PASSPHRASE).contains("REDACTED");
        assertThat(List.of(passphrase).toString()).doesNotContain(TestDeployment.PASSPHRASE);

        passphrase.close();
        assertThat(new String(typed)).isEqualTo("\0".repeat(typed.length));
    }

    @Test
    void anOperatorRecordPrintsItsNameButNotItsPassphraseHash() {
        OperatorRecord operator = TestDeployment.operator("amal", OperatorRecord.Role.SUPERVISOR, "secret words");

        assertThat(operator.toString()).contains("amal").doesNotContain(operator.passphraseHash())
                .doesNotContain(hashPart(operator.passphraseHash()));
        assertThat(operator.hash().toString()).doesNotContain(hashPart(operator.passphraseHash()));
    }

    @Test
    void keysAndKeyFilesPrintNoPrivateKey() {
        SigningKey signing = SigningKey.generate(RANDOM);
        String privateSigning = Bytes.base64(signing.toBytes());
        SealingPrivateKey sealing = HubSealing.generate(RANDOM);
        SealingKeyFile sealingFile = SealingKeyFile.of(sealing, true);
        KeyPairFile keyPair = KeyPairFile.of(signing);

        assertThat(signing.toString()).doesNotContain(privateSigning);
        assertThat(keyPair.toString()).doesNotContain(privateSigning);
        assertThat(sealing.toString()).doesNotContain(sealingFile.privateKey());
        assertThat(sealingFile.toString()).doesNotContain(sealingFile.privateKey());
        assertThat(new HubKeysFile(keyPair, List.of(sealingFile)).toString())
                .doesNotContain(privateSigning).doesNotContain(sealingFile.privateKey());
    }

    @Test
    void aWrappedLocalDataKeyPrintsNoWrap() {
        byte[] key = new byte[PassphraseKeyWrap.KEY_BYTES];
        RANDOM.nextBytes(key);
        PassphraseKeyWrap.Wrapped wrapped = PassphraseKeyWrap.wrap(key, "amal", "secret words".toCharArray(),
                TestDeployment.TEST_COST, RANDOM);
        LocalKeyFile.OperatorWrap file = LocalKeyFile.OperatorWrap.of("amal", wrapped);

        assertThat(wrapped.toString()).doesNotContain(Bytes.base64(wrapped.wrappedKey()));
        assertThat(file.toString()).doesNotContain(file.wrappedKey());
        assertThat(PassphraseHash.create("secret words".toCharArray(), RANDOM, TestDeployment.TEST_COST).toString())
                .doesNotContain("secret");
    }

    /** The salt-and-hash part after the last '$' of an encoded Argon2id hash. */
    private static String hashPart(String encoded) {
        return encoded.substring(encoded.lastIndexOf('$') + 1);
    }
}
