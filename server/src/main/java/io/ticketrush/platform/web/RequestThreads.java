package io.ticketrush.platform.web;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    static ThreadPoolExecutor executor(int maxThreads) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofVirtual().name("http-", 0).factory()) {
            @Override
            public void execute(Runnable task) {
                long queuedAt = System.nanoTime();
                super.execute(() -> {
                    QUEUED_AT.set(queuedAt);
                    try {
                        task.run();
                    } finally {
                        QUEUED_AT.remove();
                    }
                });
            }
        };
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** How long the work the current thread is doing waited in the queue for a thread (0 outside request threads). */
    static long queuedNanos() {
        Long queuedAt = QUEUED_AT.get();
        return queuedAt == null ? 0 : System.nanoTime() - queuedAt;
    }

    private static final ThreadLocal<Long> QUEUED_AT = new ThreadLocal<>();

    /** After Spring Boot's own virtual-thread customizer, which sets an unbounded executor. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
