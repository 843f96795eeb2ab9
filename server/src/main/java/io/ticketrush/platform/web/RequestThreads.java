package io.ticketrush.platform.web;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests run on virtual threads, but at most {@code server.tomcat.threads.max} of them at once;
 * the next ones wait in a queue, as sockets with bytes to read, holding no thread and no request
 * processor.
 *
 * <p>Why: Spring Boot's virtual threads give Tomcat an unbounded executor, so a crowd puts every
 * request it sends in flight at once. Each one takes a request processor; past
 * {@code processor-cache} Tomcat creates and discards processors, registering and unregistering
 * each under one global lock with a linear removal. In the on-sale rehearsal 100,000 fans arriving
 * together left 9,000-11,000 requests in flight, most of them parked on that lock, and the instance
 * answered a few dozen requests a second. Bounded, the same crowd waits in the queue and the
 * front door ({@link FrontDoor}) turns away what it cannot serve in time, or what has already
 * waited too long in that queue ({@link #queuedNanos()}).
 */
@Component
@ConditionalOnProperty(name = "spring.threads.virtual.enabled", havingValue = "true")
class RequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final int maxThreads;

    RequestThreads(@Value("${server.tomcat.threads.max:200}") int maxThreads) {
        this.maxThreads = Math.max(1, maxThreads);
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(executor(maxThreads)));
    }

    static Bounded executor(int maxThreads) {
        return new Bounded(maxThreads);
    }

    /** How long the work the current thread is doing waited in the queue for a thread (0 outside request threads). */
    static long queuedNanos() {
        Long queuedAt = QUEUED_AT.get();
        return queuedAt == null ? 0 : System.nanoTime() - queuedAt;
    }

    private static final ThreadLocal<Long> QUEUED_AT = new ThreadLocal<>();

    /**
     * A new virtual thread per task, as Spring Boot's, but at most {@code limit} running: the next
     * tasks wait in a queue and start as running ones finish. (A pool of reused virtual threads
     * behind a blocking queue does the same, but in the rehearsal its hand-offs cost a third of the
     * throughput.)
     */
    static final class Bounded implements Executor {

        private final int limit;
        private final Semaphore permits;
        private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
        private final ThreadFactory threads = Thread.ofVirtual().name("http-", 0).factory();

        Bounded(int limit) {
            this.limit = limit;
            this.permits = new Semaphore(limit);
        }

        @Override
        public void execute(Runnable task) {
            long queuedAt = System.nanoTime();
            waiting.add(() -> {
                QUEUED_AT.set(queuedAt);
                try {
                    task.run();
                } finally {
                    QUEUED_AT.remove();
                }
            });
            drain();
        }

        /**
         * Starts queued tasks while there are permits. Called after every enqueue and after every
         * finished task, so a task is never left waiting while a permit is free.
         */
        private void drain() {
            while (!waiting.isEmpty() && permits.tryAcquire()) {
                Runnable next = waiting.poll();
                if (next == null) {
                    permits.release();
                    continue;
                }
                try {
                    threads.newThread(() -> {
                        try {
                            next.run();
                        } finally {
                            permits.release();
                            drain();
                        }
                    }).start();
                } catch (RuntimeException | Error e) {
                    permits.release();
                    throw e;
                }
            }
        }

        int limit() {
            return limit;
        }

        int running() {
            return limit - permits.availablePermits();
        }

        int queued() {
            return waiting.size();
        }
    }

    /** After Spring Boot's own virtual-thread customizer, which sets an unbounded executor. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
