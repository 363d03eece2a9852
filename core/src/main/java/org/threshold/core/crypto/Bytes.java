package org.threshold.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The few byte conversions every key and envelope needs, so each is written once. */
public final class Bytes {
    private Bytes() {
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = sha256Digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String fingerprint(byte[] publicKey) {
        return HexFormat.of().formatHex(sha256(publicKey), 0, 8);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not valid Base64: " + e.getMessage(), e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    /** Constant-time comparison, for secrets and MACs. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
