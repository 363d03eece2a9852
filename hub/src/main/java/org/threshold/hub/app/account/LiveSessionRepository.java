package org.threshold.hub.app.account;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The read every signed-in request makes before anything else: a session token's live session and its account, in
 * one statement. Apart from {@link SessionRepository} so the store can answer it without its general machinery: at
 * 64 concurrent readers this read is a fifth of a token lookup's work.
 */
public interface LiveSessionRepository {

    /** A live session with what its account may do; no password hash, no secret. */
    record LiveSession(String sessionId, Instant lastSeen, String username, Role role, String organisation,
                       Set<String> services) {
        public LiveSession {
            services = Set.copyOf(services);
        }
    }

    /**
     * The session of this token if it is live ({@code now < expiresAt}, last used after {@code idleBefore}) and its
     * account is not disabled.
     */
    Optional<LiveSession> find(byte[] tokenHash, Instant now, Instant idleBefore);
}
