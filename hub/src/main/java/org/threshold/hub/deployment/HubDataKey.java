package org.threshold.hub.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.threshold.core.crypto.AesGcm;
import org.threshold.core.crypto.Bytes;

/**
 * The hub's data key file ({@link HubLayout#DATA_KEY}, owner-only): a wrapping key under which each household's own
 * data key is sealed in the database, and an index key for the blind-index terms. It lives in the data folder, never
 * in the database, so a copy of the database or a {@code pg_dump} reveals no one; its id goes with every wrapped key
 * so a hub given the wrong file says so instead of failing to open households. Thread-safe, immutable.
 */
public final class HubDataKey {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String keyId;
    private final byte[] wrapKey;
    // Every household opened unwraps its own key under this one: its schedule is kept, made once per thread.
    private final AesGcm.HeldKey wrapping;
    private final byte[] indexKey;

    /** The file as JSON: Base64 keys, and the id (the first 8 bytes of the wrapping key's SHA-256, in hex). */
    record KeyFile(String keyId, String wrapKey, String indexKey) {
        @Override
        public String toString() {
            return "KeyFile[" + keyId + ", REDACTED]";
        }
    }

    private HubDataKey(byte[] wrapKey, byte[] indexKey) {
        if (wrapKey.length != AesGcm.KEY_BYTES || indexKey.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("The hub's data keys are " + AesGcm.KEY_BYTES + " bytes each");
        }
        this.wrapKey = wrapKey;
        this.wrapping = new AesGcm.HeldKey(wrapKey);
        this.indexKey = indexKey;
        this.keyId = Bytes.hex(Arrays.copyOf(Bytes.sha256(wrapKey), 8));
    }

    /** Fresh random keys, not yet written anywhere. */
    public static HubDataKey generate(SecureRandom random) {
        byte[] wrap = new byte[AesGcm.KEY_BYTES];
        byte[] index = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(wrap);
        random.nextBytes(index);
        return new HubDataKey(wrap, index);
    }

    /** Whether {@code dataDir} holds a data key file. */
    public static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(HubLayout.DATA_KEY));
    }

    /**
     * Writes fresh keys to {@code dataDir}'s data key file, created owner-only before the first byte goes in; refuses
     * to replace one (every household sealed under it would be lost).
     *
     * @throws DeploymentException if the file exists or cannot be written
     */
    public static HubDataKey create(Path dataDir, SecureRandom random) {
        HubDataKey key = generate(random);
        Path file = dataDir.resolve(HubLayout.DATA_KEY);
        Base64.Encoder base64 = Base64.getEncoder();
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                // The umask may have masked the mode given at creation.
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } else {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
                JSON.writeValue(out, new KeyFile(key.keyId, base64.encodeToString(key.wrapKey),
                        base64.encodeToString(key.indexKey)));
            }
            return key;
        } catch (FileAlreadyExistsException e) {
            throw new DeploymentException("The hub already has a data key (" + file + "). Refusing to replace it: "
                    + "every household sealed under it would be unreadable.");
        } catch (IOException e) {
            throw new DeploymentException("Could not write the hub's data key " + file + " ("
                    + e.getClass().getSimpleName() + "). Check that the data folder is writable by this user.");
        }
    }

    /** @throws DeploymentException if the file is missing or unreadable */
    public static HubDataKey load(Path dataDir) {
        Path file = dataDir.resolve(HubLayout.DATA_KEY);
        if (!Files.isRegularFile(file)) {
            throw new DeploymentException("No hub data key at " + file.toAbsolutePath() + ": restore " + HubLayout.DATA_KEY
                    + " from its backup (or, on a hub that never had one, start it once to create one).");
        }
        try {
            KeyFile read = DeploymentJson.read(file, KeyFile.class);
            Base64.Decoder base64 = Base64.getDecoder();
            HubDataKey key = new HubDataKey(base64.decode(read.wrapKey()), base64.decode(read.indexKey()));
            if (!key.keyId.equals(read.keyId())) {
                throw new IllegalArgumentException("the key id does not match the wrapping key");
            }
            return key;
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("The hub data key in " + file.toAbsolutePath() + " is unreadable ("
                    + (e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName())
                    + "). Restore " + HubLayout.DATA_KEY + " from its backup.");
        }
    }

    /** Loads the data folder's key, creating it first on a hub that has none (one made before sealing at rest). */
    public static HubDataKey loadOrCreate(Path dataDir, SecureRandom random) {
        if (!exists(dataDir)) {
            try {
                return create(dataDir, random);
            } catch (DeploymentException raced) {
                // Another instance sharing the folder made it first: use that one.
                if (!exists(dataDir)) {
                    throw raced;
                }
            }
        }
        return load(dataDir);
    }

    /** Names the wrapping key; stored beside each household's wrapped key. */
    public String keyId() {
        return keyId;
    }

    /** Seals a household's data key under the wrapping key, bound to {@code context}. */
    public byte[] wrap(byte[] dataKey, byte[] context, SecureRandom random) {
        return wrapping.encrypt(context, dataKey, random);
    }

    /** The data key, or empty if {@code wrapped} was not made under this key for this context. */
    public java.util.Optional<byte[]> unwrap(byte[] wrapped, byte[] context) {
        return wrapping.decrypt(context, wrapped);
    }

    /** The blind index's key (a copy: clear it after use). */
    public byte[] indexKey() {
        return indexKey.clone();
    }

    @Override
    public String toString() {
        return "HubDataKey[" + keyId + ", REDACTED]";
    }
}
