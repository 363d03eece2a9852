package org.threshold.hub.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.hub.app.account.SignedInUser;
import org.threshold.hub.app.referral.ReferralQueues;
import org.threshold.hub.app.referral.QueueRepository.ChangeMark;
import org.threshold.hub.web.access.RouteGuard;

/**
 * {@code GET /queue/events?service=}: server-sent events that tell an open queue page its queue changed (a referral
 * arrived, moved on, was withdrawn), so it redraws within seconds without a reload. Each stream polls the store's
 * change mark for its user's services ({@link ReferralQueues#lastChange}) once a second: a change made through any
 * hub instance on the same database reaches every page, with no bus between instances. The event carries no data,
 * only that the page should fetch {@code /queue/rows} again (through the access policy and the access log). A stream
 * ends after {@link #LIFETIME}; the browser reconnects through the route guard, so a session that ended stops it.
 */
public final class QueueEvents implements AutoCloseable {
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration LIFETIME = Duration.ofMinutes(2);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(QueueEvents.class);

    private final ReferralQueues queues;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "queue-events");
        thread.setDaemon(true);
        return thread;
    });

    /** Lifetimes and heartbeats are wall-clock time, whatever clock the hub's records use. */
    public QueueEvents(ReferralQueues queues) {
        this.queues = queues;
        timer.scheduleWithFixedDelay(this::pollAll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.sse("/queue/events", this::open, QueuePages.QUEUE_ROLES);
    }

    private void open(SseClient client) {
        SignedInUser user = RouteGuard.user(client.ctx());
        Optional<String> service = QueuePages.service(client.ctx());
        // Refused (a service not theirs): the exception answers the request before any stream opens.
        ChangeMark mark = queues.lastChange(user, service);
        Instant now = Instant.now();
        Stream stream = new Stream(client, user, service, mark, now.plus(LIFETIME), now);
        client.keepAlive();
        client.onClose(() -> streams.remove(stream));
        streams.add(stream);
        client.sendComment("queue " + service.orElse("all"));
    }

    private void pollAll() {
        for (Stream stream : streams) {
            try {
                stream.poll();
            } catch (RuntimeException e) {
                // One failing stream (store briefly away, a closed connection) must not stop the others.
                LOG.warn("A queue event stream failed ({}); it is closed and the page will reconnect",
                        e.getClass().getSimpleName());
                streams.remove(stream);
                stream.client.close();
            }
        }
    }

    /** Stops polling and ends every stream. */
    @Override
    public void close() {
        timer.shutdownNow();
        streams.forEach(stream -> stream.client.close());
        streams.clear();
    }

    private final class Stream {
        private final SseClient client;
        private final SignedInUser user;
        private final Optional<String> service;
        private final Instant endsAt;
        private ChangeMark mark;
        private Instant lastSent;

        Stream(SseClient client, SignedInUser user, Optional<String> service, ChangeMark mark, Instant endsAt,
               Instant lastSent) {
            this.client = client;
            this.user = user;
            this.service = service;
            this.mark = mark;
            this.endsAt = endsAt;
            this.lastSent = lastSent;
        }

        void poll() {
            Instant now = Instant.now();
            if (client.terminated() || now.isAfter(endsAt)) {
                streams.remove(this);
                client.close();
                return;
            }
            ChangeMark latest = queues.lastChange(user, service);
            if (!latest.equals(mark)) {
                mark = latest;
                client.sendEvent("changed", Long.toString(latest.version()));
                lastSent = now;
            } else if (now.isAfter(lastSent.plus(HEARTBEAT))) {
                // Keeps proxies and Jetty's idle timeout from closing a quiet stream.
                client.sendComment("still here");
                lastSent = now;
            }
        }
    }
}
