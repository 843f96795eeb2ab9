package io.ticketrush.queue;

import io.ticketrush.queue.persistence.FanEntry;
import io.ticketrush.queue.persistence.LineState;
import io.ticketrush.queue.persistence.Lines;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes places to the SSE clients connected to this instance. Every push tick it reads each
 * live line once (one script call, however many fans watch it) and recomputes every watcher's
 * place locally from their line number; only fans at the front (admitted or just drawn) cost an
 * extra batched read. A client gets a message when its place changed (a change of only the
 * estimate, the line length or the seats left at most every 5 s), and a comment line when it had
 * nothing for a while. Sends run on virtual threads, one at a time per client, the
 * latest state winning, so a slow client never holds up the others. On shutdown the streams are
 * closed first, before the web server's graceful shutdown waits for open requests: the clients
 * reconnect to another instance at once.
 */
@Component
public class LineBroadcast implements SmartLifecycle, DisposableBean {

    private static final Log log = LogFactory.getLog(LineBroadcast.class);
    /** Drifting fields alone (estimate, line length, seats left) are re-sent at most this often. */
    private static final long DRIFT_EVERY_NANOS = 5_000_000_000L;

    private final QueuedSales sales;
    private final Lines lines;
    private final AdmissionPolicy policy;
    private final AdmissionTokens tokens;
    private final QueueMetrics metrics;
    private final WaitingRoomSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final StreamQuota quota;
    private final Map<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    LineBroadcast(QueuedSales sales, Lines lines, AdmissionPolicy policy, AdmissionTokens tokens, QueueMetrics metrics,
            WaitingRoomSettings settings, JsonMapper json, Clock clock, StreamQuota quota) {
        this.quota = quota;
        this.sales = sales;
        this.lines = lines;
        this.policy = policy;
        this.tokens = tokens;
        this.metrics = metrics;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Opens a stream for a fan who is in the line; the current place is sent at once. A fan or an
     * {@code address} already holding its {@link StreamCaps} of streams here gets 429 {@code too-many-streams}.
     */
    public SseEmitter watch(UUID eventId, UUID fanId, String address) {
        QueuedSale sale = sales.queued(eventId);
        if (metrics.connections() >= settings.maxStreams()) {
            throw new io.ticketrush.shared.DomainException(503, "streams-full",
                    "This server holds as many live streams as it can: poll GET /queue instead (your place is kept)")
                    .with("retryAfterSeconds", 5);
        }
        Lines.Look look = lines.look(eventId, fanId);
        Place place = standing(sale, look.line(), look.fan(), fanId, clock.instant());
        if (place == null) {
            throw io.ticketrush.shared.DomainException.notFound("not-in-queue",
                    "You are not in this event's waiting room: join it first");
        }
        Runnable release = quota.take(fanId, address);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        Set<Watcher> set = watchers.computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet());
        Watcher watcher = new Watcher(fanId, emitter, look.fan(), set, release);
        set.add(watcher);
        metrics.connected();
        emitter.onCompletion(watcher::gone);
        emitter.onTimeout(watcher::gone);
        emitter.onError(e -> watcher.gone());
        watcher.offer(place, serialize(place), System.nanoTime());
        return emitter;
    }

    int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    @Scheduled(fixedRateString = "${ticketrush.queue.push-interval:PT1S}")
    void push() {
        Instant now = clock.instant();
        for (UUID eventId : sales.live()) {
            try {
                Set<Watcher> set = watchers.get(eventId);
                LineState line = lines.look(eventId, null).line();
                metrics.observed(eventId, line);
                if (set != null && !set.isEmpty()) {
                    push(eventId, line, set, now);
                }
            } catch (org.springframework.data.redis.RedisConnectionFailureException
                    | org.springframework.dao.QueryTimeoutException e) {
                log.warn("No push this tick: Redis is unreachable (" + e.getMessage() + ")");
                return;
            } catch (RuntimeException e) {
                log.warn("Could not push the line of event " + eventId, e);
            }
        }
    }

    private void push(UUID eventId, LineState line, Set<Watcher> set, Instant now) {
        QueuedSale sale = sales.find(eventId).orElse(null);
        if (sale == null) {
            return;
        }
        List<Watcher> refresh = new ArrayList<>();
        for (Watcher w : set) {
            Long ticket = w.entry.ticket();
            if (ticket == null ? line.opened() : ticket <= line.serving()) {
                refresh.add(w); // at the front or just drawn: their own entry may have changed
            }
        }
        if (!refresh.isEmpty()) {
            List<FanEntry> entries = lines.entries(eventId, refresh.stream().map(w -> w.fanId).toList());
            for (int i = 0; i < refresh.size(); i++) {
                Watcher w = refresh.get(i);
                FanEntry fresh = entries.get(i);
                w.entry = new FanEntry(fresh.ticket(), w.entry.entryId(), fresh.session());
            }
        }
        long heartbeatNanos = settings.heartbeat().toNanos();
        long nowNanos = System.nanoTime();
        for (Watcher w : set) {
            Place place = standing(sale, line, w.entry, w.fanId, now);
            if (place != null && w.worthSending(place, nowNanos)) {
                w.offer(place, serialize(place), nowNanos);
            }
            w.heartbeatIfQuiet(heartbeatNanos);
        }
    }

    private @org.jspecify.annotations.Nullable Place standing(QueuedSale sale, LineState line, FanEntry entry, UUID fanId,
            Instant now) {
        return Standing.of(sale, line, entry, now, at -> policy.token(sale.eventId(), fanId, at), tokens::issue).orElse(null);
    }

    private String serialize(Place place) {
        return json.writeValueAsString(place);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Closes every stream; runs before the web server's graceful shutdown (highest phase stops first). */
    @Override
    public void stop() {
        running = false;
        watchers.values().forEach(set -> set.forEach(w -> w.emitter.complete()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    /** One SSE client. */
    private final class Watcher {

        final UUID fanId;
        final SseEmitter emitter;
        volatile FanEntry entry;
        private volatile String lastOffered = "";
        private volatile @org.jspecify.annotations.Nullable Place lastPlace;
        private volatile long lastOfferedNanos;
        private volatile long lastSentNanos = System.nanoTime();
        private final AtomicReference<Object> pending = new AtomicReference<>();
        private final AtomicBoolean sending = new AtomicBoolean();

        private final Set<Watcher> set;
        private final Runnable release;

        Watcher(UUID fanId, SseEmitter emitter, FanEntry entry, Set<Watcher> set, Runnable release) {
            this.fanId = fanId;
            this.emitter = emitter;
            this.entry = entry;
            this.set = set;
            this.release = release;
        }

        /** The stream ended (completed, timed out, failed): no more pushes, and its fan's and address's quota back. */
        void gone() {
            if (set.remove(this)) {
                metrics.disconnected();
            }
            release.run();
        }

        /**
         * Whether {@code place} is worth a message: anything a fan acts on (status, position, token,
         * pause) at once; a change of only the drifting fields (estimate, line length, seats left)
         * at most once per {@link #DRIFT_EVERY_NANOS}. Without this, the decaying admission rate
         * alone re-sent every stream every second after a burst, even with nobody moving, and that
         * traffic delayed the messages that mattered.
         */
        boolean worthSending(Place place, long nowNanos) {
            Place last = lastPlace;
            if (last == null) {
                return true;
            }
            if (place.equals(last)) {
                return false;
            }
            return !place.document().withoutDrift().equals(last.document().withoutDrift())
                    || nowNanos - lastOfferedNanos >= DRIFT_EVERY_NANOS;
        }

        void offer(Place place, String json, long nowNanos) {
            lastPlace = place;
            if (json.equals(lastOffered)) {
                return;
            }
            lastOffered = json;
            lastOfferedNanos = nowNanos;
            enqueue(json);
        }

        void heartbeatIfQuiet(long quietNanos) {
            if (System.nanoTime() - lastSentNanos > quietNanos && pending.compareAndSet(null, Heartbeat.INSTANCE)
                    && sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        private void enqueue(Object message) {
            pending.set(message);
            if (sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Object message;
                while ((message = pending.getAndSet(null)) != null) {
                    if (message == Heartbeat.INSTANCE) {
                        emitter.send(SseEmitter.event().comment("waiting"));
                    } else {
                        emitter.send(SseEmitter.event().data(message, MediaType.APPLICATION_JSON));
                    }
                    lastSentNanos = System.nanoTime();
                }
            } catch (IOException | IllegalStateException e) {
                fail(e);
            } finally {
                sending.set(false);
            }
            if (pending.get() != null && sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        /**
         * A send failed: the client went away, or the request already ended (Tomcat completed it
         * on a network error before the emitter heard). Ending it again then throws, and an
         * exception escaping a sender thread would only be noise, so the watcher just leaves.
         */
        private void fail(Exception cause) {
            pending.set(null);
            gone();
            try {
                emitter.completeWithError(cause);
            } catch (IllegalStateException alreadyOver) {
                log.debug("Stream of fan " + fanId + " had already ended: " + alreadyOver.getMessage());
            }
        }
    }

    private enum Heartbeat {
        INSTANCE
    }
}
