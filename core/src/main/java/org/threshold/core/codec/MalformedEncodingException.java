package org.threshold.core.codec;

/** Bytes that are not a valid canonical encoding; the message says where. */
public final class MalformedEncodingException extends Exception {
    public MalformedEncodingException(String message) {
        super(message);
    }
}
