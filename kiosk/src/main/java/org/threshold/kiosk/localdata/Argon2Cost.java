package org.threshold.kiosk.localdata;

/**
 * Argon2id memory (KiB), passes and lanes, as written in the
 * {@code argon2id$v=19$m=..,t=..,p=..$...} form that operator passphrase hashes use.
 */
record Argon2Cost(int memoryKib, int iterations, int parallelism) {
    Argon2Cost {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
    }

    /** Reads the parameters from an encoded Argon2id string; its salt and hash, if any, are ignored. */
    static Argon2Cost parse(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length < 3 || !parts[0].equals("argon2id") || !parts[1].equals("v=19")) {
            throw new IllegalArgumentException("Not an Argon2id string of the form argon2id$v=19$m=..,t=..,p=..$...");
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String parameter : parts[2].split(",")) {
            String[] pair = parameter.split("=", 2);
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> throw new IllegalArgumentException("Unknown Argon2 parameter " + pair[0]);
            }
        }
        return new Argon2Cost(memory, iterations, parallelism);
    }

    String encode() {
        return "argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
    }
}
