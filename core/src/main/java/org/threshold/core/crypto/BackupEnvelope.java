package org.threshold.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.threshold.core.codec.CanonicalReader;
import org.threshold.core.codec.CanonicalWriter;
import org.threshold.core.codec.MalformedEncodingException;

/**
 * A hub backup file: the archive sealed with {@link HubSealing} (HPKE, X-Wing) to the deployment's offline backup
 * key. The file is a magic line, the backup key's id, the HPKE encapsulation and the ciphertext; the magic and the
 * key id are the AEAD's associated data, so neither can be swapped without the open failing. One HPKE message for
 * the whole archive: a hub's backup is held in memory while it is made and opened.
 */
public final class BackupEnvelope {
    private static final byte[] MAGIC = "THRESHOLD-BACKUP/1\n".getBytes(StandardCharsets.US_ASCII);

    private BackupEnvelope() {
    }

    public static byte[] seal(SealingPublicKey backupKey, byte[] archive) {
        byte[] header = header(backupKey.keyId());
        SealedPayload sealed = HubSealing.seal(backupKey, header, archive);
        return new CanonicalWriter(header.length + archive.length + 1200).raw(header).bytes(sealed.encapsulation())
                .bytes(sealed.ciphertext()).toByteArray();
    }

    /**
     * @throws UnsealException saying which: not a backup file, cut short, sealed to another backup key, or altered
     */
    public static byte[] open(SealingPrivateKey backupKey, byte[] file) throws UnsealException {
        CanonicalReader in = new CanonicalReader(file);
        String keyId;
        SealedPayload sealed;
        try {
            if (!Arrays.equals(in.raw(MAGIC.length), MAGIC)) {
                throw new UnsealException("This is not a Threshold backup file (it does not start with "
                        + "THRESHOLD-BACKUP/1).");
            }
            keyId = in.shortString();
            byte[] encapsulation = in.bytes();
            byte[] ciphertext = in.bytes();
            in.expectEnd();
            sealed = new SealedPayload(encapsulation, ciphertext);
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            throw new UnsealException("The backup file is damaged or cut short (" + e.getMessage() + "); copy it "
                    + "again from where it was kept.");
        }
        if (!keyId.equals(backupKey.publicKey().keyId())) {
            throw new UnsealException("The backup was sealed to backup key " + keyId + ", not to the key given ("
                    + backupKey.publicKey().keyId() + "). Give the backup key made with this deployment.");
        }
        try {
            return HubSealing.open(backupKey, header(keyId), sealed);
        } catch (UnsealException e) {
            throw new UnsealException("The backup file was altered or damaged after it was made: it does not open "
                    + "with backup key " + keyId + ". Copy it again from where it was kept.");
        }
    }

    private static byte[] header(String keyId) {
        return new CanonicalWriter(MAGIC.length + 1 + keyId.length()).raw(MAGIC).shortString(keyId).toByteArray();
    }
}
