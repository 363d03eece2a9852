package org.threshold.hub.sync;

/** Why a batch was stored only up to {@code index} (the first event not stored), and what to do about it. */
record Rejection(int index, Reason reason, String message) {

    enum Reason {
        /** Another event is held at that sequence: the kiosk's history forked. */
        FORK(409),
        /** Another event is held under that id. */
        CONFLICT(409),
        SEQUENCE_GAP(422),
        CHAIN_BROKEN(422),
        BAD_SIGNATURE(422),
        WRONG_KIOSK(422);

        private final int httpStatus;

        Reason(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        int httpStatus() {
            return httpStatus;
        }
    }
}
