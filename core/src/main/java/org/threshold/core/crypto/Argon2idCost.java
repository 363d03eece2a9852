package org.threshold.core.crypto;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id's cost (memory in KiB, passes, lanes) and the derivation itself, shared by passphrase hashes
 * and the keys derived from passphrases. Written as {@code argon2id$v=19$m=..,t=..,p=..}, the prefix of
 * the PHC string format, so a stored value says how it was made and costs can rise later.
 */
public record Argon2idCost(int memoryKib, int iterations, int parallelism) {
    /** OWASP's recommendation: 46 MiB, one pass, one lane (about 0.1 s on an x86 core, under 0.5 s on a Pi 4). */
    public static final Argon2idCost DEFAULT = new Argon2idCost(47_104, 1, 1);

    /**
     * The cost of the key that unwraps a kiosk's local data key at shift unlock, sized for a Raspberry
     * Pi 4 (Cortex-A72 at 1.5 GHz, 2 GB or more): 64 MiB, two passes, one lane (Bouncy Castle computes
     * lanes one after another, so more lanes would only cost time). It runs once per shift, after the
     * passphrase check at {@link #DEFAULT}, so it may cost more: measured about 0.15 s alone, 0.2 s for the
     * whole unlock, on one x86 core here (bench {@code AtRestHarness}); estimated 1 to 1.5 s on a Pi 4,
     * taking the Pi 4 as 5 to 7 times slower per core on this memory-bound work (LPDDR4 bandwidth of a
     * single A72 core against a desktop core; not yet measured on a Pi). 64 MiB stays well inside the
     * kiosk JVM's heap on a 2 GB Pi. Raise it only with a measurement on the real device.
     */
    public static final Argon2idCost SHIFT_KEY = new Argon2idCost(65_536, 2, 1);

    private static final String PREFIX = "argon2id$v=19$";

    public Argon2idCost {
        if (parallelism < 1 || memoryKib < 8 * parallelism || iterations < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
    }

    /** Reads the cost from {@code argon2id$v=19$m=..,t=..,p=..}, ignoring whatever follows it. */
    public static Argon2idCost parse(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length < 3 || !encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an Argon2id string of the form argon2id$v=19$m=..,t=..,p=..");
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String parameter : parts[2].split(",")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Argon2 parameter without a value");
            }
            int value;
            try {
                value = Integer.parseInt(pair[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Argon2 parameter " + pair[0] + " is not a number");
            }
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> throw new IllegalArgumentException("Unknown Argon2 parameter " + pair[0]);
            }
        }
        return new Argon2idCost(memory, iterations, parallelism);
    }

    public String encode() {
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }

    /** Derives {@code length} bytes from the passphrase; the UTF-8 copy of it is wiped afterwards. */
    public byte[] derive(char[] passphrase, byte[] salt, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build());
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] secret = new byte[buffer.remaining()];
        buffer.get(secret);
        Arrays.fill(buffer.array(), (byte) 0);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }
}
