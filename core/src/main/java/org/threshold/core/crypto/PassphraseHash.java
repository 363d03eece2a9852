package org.threshold.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An Argon2id hash of an operator passphrase or a hub password, with the parameters it was made with,
 * so parameters can be raised later without invalidating stored hashes. Stored as text:
 * {@code argon2id$v=19$m=47104,t=1,p=1$<salt b64>$<hash b64>}.
 *
 * <p>Default cost follows OWASP's Argon2id recommendation (46 MiB, one pass, one lane): about 0.1 s
 * on an x86 core and, by the Pi 4's roughly four times slower memory, under half a second there.
 */
public final class PassphraseHash {
    public static final int DEFAULT_MEMORY_KIB = 47_104;
    public static final int DEFAULT_ITERATIONS = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final byte[] salt;
    private final byte[] hash;

    private PassphraseHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.salt = salt;
        this.hash = hash;
    }

    public static PassphraseHash create(char[] passphrase, SecureRandom random) {
        return create(passphrase, random, DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS);
    }

    public static PassphraseHash create(char[] passphrase, SecureRandom random, int memoryKib, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PassphraseHash(memoryKib, iterations, 1, salt, derive(passphrase, salt, memoryKib, iterations, 1));
    }

    public boolean matches(char[] passphrase) {
        return Bytes.constantTimeEquals(hash, derive(passphrase, salt, memoryKib, iterations, parallelism));
    }

    public String encode() {
        return "argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + Bytes.base64(salt) + "$" + Bytes.base64(hash);
    }

    public static PassphraseHash decode(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 5 || !parts[0].equals("argon2id") || !parts[1].equals("v=19")) {
            throw new IllegalArgumentException("Not an Argon2id hash in the form argon2id$v=19$m=..,t=..,p=..$salt$hash");
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String parameter : parts[2].split(",")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Argon2 parameters are written m=..,t=..,p=..");
            }
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> throw new IllegalArgumentException("Unknown Argon2 parameter " + pair[0]);
            }
        }
        if (memory < 8 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
        return new PassphraseHash(memory, iterations, parallelism, Bytes.base64(parts[3]), Bytes.base64(parts[4]));
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int memoryKib, int iterations, int parallelism) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[HASH_BYTES];
        byte[] secret = toUtf8(passphrase);
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    private static byte[] toUtf8(char[] passphrase) {
        var buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    @Override
    public String toString() {
        return "PassphraseHash[REDACTED]";
    }
}
