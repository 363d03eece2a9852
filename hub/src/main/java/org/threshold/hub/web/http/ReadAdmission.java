package org.threshold.hub.web.http;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * How many page and API reads the hub works on at once; the others wait their turn, first come first served, without
 * holding a thread (Jetty's {@link QoSHandler} suspends them). With every read on the CPU at once, two cores share
 * out time slices among all of them and each finishes late; a few at a time finish in turn, at the same throughput.
 * Only reads wait: {@code GET}s, but not the sign-in page, the queue's event stream (open for minutes, it would hold
 * its place), kiosks' sync, the static assets or the health checks. Sync ingest and sign-in are {@code POST}s and never
 * wait. A read that waited {@link #MAX_WAIT} is answered 503, as an overloaded hub should.
 */
public final class ReadAdmission {
    /** Longer than any read takes on a busy hub; past it the hub is overloaded, and says so. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final String EVENT_STREAM = "/events";
    private static final String[] NEVER_WAIT = {"/assets/", "/api/sync/", "/health", "/api/status"};

    private ReadAdmission() {
    }

    /** @param concurrent reads worked on at once; 0 for no limit */
    public static void install(JavalinConfig config, int concurrent) {
        if (concurrent == 0) {
            return;
        }
        config.jetty.modifyServer(server -> server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                QoSHandler admission = new QoSHandler(server.getHandler());
                admission.setMaxRequestCount(concurrent);
                admission.setMaxSuspend(MAX_WAIT);
                admission.include(request -> waits(request.getMethod(), Request.getPathInContext(request)));
                server.setHandler(admission);
            }
        }));
    }

    /** Whether a request for {@code path} by {@code method} is a read that takes its turn. */
    static boolean waits(String method, String path) {
        if (!"GET".equals(method)) {
            return false;
        }
        if (path.equals("/") || path.endsWith(EVENT_STREAM)) {
            return false;
        }
        for (String prefix : NEVER_WAIT) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }
}
