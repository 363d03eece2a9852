package org.threshold.hub.app.account;

import java.time.Instant;
import java.util.List;

/**
 * Sign-in sessions, stored only as the SHA-256 of their token (plus a public id to list and revoke them by), so
 * every hub instance knows every session. A session is live while {@code now < expiresAt} and its last use is
 * after {@code idleBefore}; the account must not be disabled. A token's live session is read through
 * {@link LiveSessionRepository}.
 */
public interface SessionRepository {

    /** A session as its owner or an administrator sees it: no secret. */
    record Session(String sessionId, String username, Instant createdAt, Instant lastSeen, Instant expiresAt) {
    }

    void create(byte[] tokenHash, String sessionId, String username, Instant createdAt, Instant expiresAt);

    /** Records a use of the session (for the idle timeout). */
    void touch(byte[] tokenHash, Instant now);

    /** An account's live sessions, newest first. */
    List<Session> liveOf(String username, Instant now, Instant idleBefore);

    void delete(byte[] tokenHash);

    /** Says whether the account had that session. */
    boolean revoke(String username, String sessionId);

    /** Ends every session of the account; returns how many there were. */
    int revokeAll(String username);

    void deleteExpired(Instant now, Instant idleBefore);

    long count();
}
