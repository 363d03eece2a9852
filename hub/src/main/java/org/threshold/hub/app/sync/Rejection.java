package org.threshold.hub.app.sync;

/** Why a batch was stored only up to {@code index} (the first event not stored), and what to do about it. */
public record Rejection(int index, Reason reason, String message) {

    public enum Reason {
        /** Another event is held at that sequence: the kiosk's history forked. */
        FORK,
        /** Another event is held under that id. */
        CONFLICT,
        SEQUENCE_GAP,
        CHAIN_BROKEN,
        BAD_SIGNATURE,
        WRONG_KIOSK
    }
}
