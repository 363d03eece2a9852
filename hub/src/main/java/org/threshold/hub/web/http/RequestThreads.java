package org.threshold.hub.web.http;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The threads that serve requests, sized for the machine rather than Javalin's 250: a request's own work is CPU (a
 * household opened, a page written) and its waits are short (the store, the access log's group commit), so a few
 * dozen threads a core keep both cores busy, and more only add switching between them. Enough stay to carry the
 * blocking waits of slow uploads (a kiosk's batch over a 2G link holds its thread while it arrives) beside
 * caseworkers' reads.
 */
public final class RequestThreads {
    private static final int PER_CORE = 16;
    private static final int MIN_IDLE = 8;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private RequestThreads() {
    }

    public static void install(JavalinConfig config) {
        int max = PER_CORE * Runtime.getRuntime().availableProcessors();
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(MIN_IDLE, max), IDLE_TIMEOUT_MS);
        pool.setName("hub-request");
        config.jetty.threadPool = pool;
    }
}
