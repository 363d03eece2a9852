package org.threshold.hub.web.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The threads that serve requests, sized from the machine and the {@link ConnectionLimits} instead of Javalin's fixed
 * 250: {@value #PER_CORE} a core for the work itself (a request's CPU is short, its waits, the store and the access
 * log's group commit, are shorter still), plus one for every connection a single source may hold. A request whose
 * body arrives slowly (a kiosk's batch over a 2G link, or someone who means harm) holds its thread while it arrives,
 * so one source at its limit must still leave threads for everyone else's lookups.
 */
public final class RequestThreads {
    private static final int PER_CORE = 16;
    private static final int MIN_THREADS = 8;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private RequestThreads() {
    }

    public static void install(JavalinConfig config, ConnectionLimits limits) {
        int max = PER_CORE * Runtime.getRuntime().availableProcessors() + limits.perSource();
        QueuedThreadPool pool = new QueuedThreadPool(max, MIN_THREADS, IDLE_TIMEOUT_MS);
        pool.setName("hub-request");
        config.jetty.threadPool = pool;
    }
}
