package org.threshold.hub.store;

/** The PostgreSQL advisory lock keys the hub uses; one place, so no two uses collide. */
final class AdvisoryLocks {
    /** The household projector's turn. */
    static final long PROJECTOR = 0x5448_0001L;
    /** Publishing on the update feed: positions then commit in the order they are given. */
    static final long FEED = 0x5448_0002L;
    /** The retention job's turn: one instance at a time erases and anonymises. */
    static final long RETENTION = 0x5448_0003L;

    private AdvisoryLocks() {
    }
}
