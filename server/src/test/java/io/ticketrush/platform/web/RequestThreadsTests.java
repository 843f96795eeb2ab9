package io.ticketrush.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

@IntegrationTest
class RequestThreadsTests {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerRunsRequestsOnAtMostThreadsMaxVirtualThreads() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Executor executor = server.getTomcat().getConnector().getProtocolHandler().getExecutor();
        assertThat(executor).isInstanceOf(RequestThreads.Bounded.class);
        assertThat(((RequestThreads.Bounded) executor).limit()).isEqualTo(400);
    }

    @Test
    void theExecutorRunsEveryTaskOnAVirtualThreadAndNeverMoreThanItsBoundAtOnce() throws Exception {
        RequestThreads.Bounded executor = RequestThreads.executor(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicReference<Boolean> allVirtual = new AtomicReference<>(true);
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(20);
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                if (!Thread.currentThread().isVirtual()) {
                    allVirtual.set(false);
                }
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
            });
        }
        tasks.forEach(executor::execute);
        assertThat(executor.queued()).as("the rest wait without a thread").isEqualTo(17);
        assertThat(executor.running()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 3);
        gate.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).as("never more than the bound").isEqualTo(3);
        assertThat(allVirtual.get()).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(executor.running()).as("every permit came back").isZero());
    }
}
