package org.threshold.kiosk.web;

import io.javalin.http.Context;
import org.threshold.core.deployment.OperatorRecord;
import org.threshold.kiosk.session.OperatorSession;
import org.threshold.kiosk.session.OperatorSessions;

/** Lets a request through only with {@code Authorization: Bearer <session token>} of a live session. */
final class SessionGuard {
    private static final String SCHEME = "Bearer ";

    private final OperatorSessions sessions;

    SessionGuard(OperatorSessions sessions) {
        this.sessions = sessions;
    }

    OperatorSession require(Context ctx) {
        return sessions.find(bearerToken(ctx)).orElseThrow(ApiException::locked);
    }

    /** A live session of a supervisor: reprint, reissue and corrections are theirs alone. */
    OperatorSession requireSupervisor(Context ctx) {
        OperatorSession session = require(ctx);
        if (session.role() != OperatorRecord.Role.SUPERVISOR) {
            throw new ApiException(403, "SUPERVISOR_REQUIRED");
        }
        return session;
    }

    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return header.substring(SCHEME.length()).strip();
    }
}
