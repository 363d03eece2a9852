package org.threshold.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.threshold.core.deployment.BackupKeyFile;

/** A sealed backup opens to exactly what was sealed, with its key only; any cut or changed byte is refused. */
class BackupEnvelopeProperties {
    private static final SealingPrivateKey KEY = HubSealing.generate(new SecureRandom());
    private static final SealingPrivateKey OTHER = HubSealing.generate(new SecureRandom());

    @Property(tries = 40)
    void opensToWhatWasSealed(@ForAll @Size(max = 4096) byte[] archive) throws UnsealException {
        assertThat(BackupEnvelope.open(KEY, BackupEnvelope.seal(KEY.publicKey(), archive))).isEqualTo(archive);
    }

    @Property(tries = 40)
    void aChangedByteIsRefused(@ForAll @Size(min = 1, max = 512) byte[] archive, @ForAll @IntRange(min = 0) int at,
                               @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] file = BackupEnvelope.seal(KEY.publicKey(), archive);
        file[at % file.length] ^= (byte) flip;
        assertThatThrownBy(() -> BackupEnvelope.open(KEY, file)).isInstanceOf(UnsealException.class);
    }

    @Property(tries = 40)
    void aCutFileIsRefused(@ForAll @Size(max = 512) byte[] archive, @ForAll @IntRange(min = 1) int cut) {
        byte[] file = BackupEnvelope.seal(KEY.publicKey(), archive);
        byte[] shorter = java.util.Arrays.copyOf(file, file.length - 1 - cut % file.length);
        assertThatThrownBy(() -> BackupEnvelope.open(KEY, shorter)).isInstanceOf(UnsealException.class);
    }

    @Property(tries = 5)
    void anotherKeyIsNamed(@ForAll @Size(max = 64) byte[] archive) {
        byte[] file = BackupEnvelope.seal(KEY.publicKey(), archive);
        assertThatThrownBy(() -> BackupEnvelope.open(OTHER, file)).isInstanceOf(UnsealException.class)
                .hasMessageContaining(KEY.publicKey().keyId()).hasMessageContaining(OTHER.publicKey().keyId());
    }

    @Property(tries = 5)
    void theKeyFileKeepsTheSeedOnly(@ForAll @Size(min = 32, max = 32) byte[] seed) {
        SealingPrivateKey key = HubSealing.fromSeed(seed);
        BackupKeyFile file = BackupKeyFile.of(seed);
        assertThat(file.backupKey().publicKey()).isEqualTo(key.publicKey());
        assertThat(file.toString()).doesNotContain(file.privateKey());
    }
}
