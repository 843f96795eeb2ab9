package io.ticketrush.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PurchaseBulkheadTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PurchaseBulkhead bulkhead = new PurchaseBulkhead(
            new BulkheadSettings(true, 1, Duration.ofMillis(50)), registry);

    private static MockHttpServletRequest post(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        return request;
    }

    @Test
    void theCallsThatWriteAPurchaseAreTheOnesBounded() {
        assertThat(PurchaseBulkhead.isPurchase(post("/api/v1/performances/abc/holds"))).isTrue();
        assertThat(PurchaseBulkhead.isPurchase(post("/api/v1/orders"))).isTrue();
        assertThat(PurchaseBulkhead.isPurchase(post("/benchmark/baseline/pessimistic/performances/abc/holds"))).isTrue();
        assertThat(PurchaseBulkhead.isPurchase(post("/api/v1/orders/abc/payments/confirm"))).as("waits on the gateway, not the database").isFalse();
        assertThat(PurchaseBulkhead.isPurchase(post("/api/v1/orders/abc/cancel"))).isFalse();
        assertThat(PurchaseBulkhead.isPurchase(post("/api/v1/events/abc/queue"))).isFalse();
        assertThat(PurchaseBulkhead.isPurchase(new MockHttpServletRequest("GET", "/api/v1/orders"))).isFalse();
    }

    @Test
    void aCallBeyondTheBoundIsTurnedAwayWith503BusyAndTheNextOneGetsIn() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                bulkhead.doFilter(post("/api/v1/orders"), response, (req, res) -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ((MockHttpServletResponse) res).setStatus(201);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse turnedAway = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        bulkhead.doFilter(post("/api/v1/performances/p/holds"), turnedAway, notReached);
        assertThat(turnedAway.getStatus()).isEqualTo(503);
        assertThat(turnedAway.getHeader("Retry-After")).isEqualTo("1");
        assertThat(turnedAway.getContentType()).startsWith("application/problem+json");
        assertThat(turnedAway.getContentAsString()).contains("\"code\":\"busy\"");
        assertThat(notReached.getRequest()).as("the application never saw the call").isNull();

        MockHttpServletResponse other = new MockHttpServletResponse();
        MockFilterChain reached = new MockFilterChain();
        bulkhead.doFilter(post("/api/v1/events/e/queue"), other, reached);
        assertThat(reached.getRequest()).as("calls that are not purchases pass").isNotNull();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        MockFilterChain afterwards = new MockFilterChain();
        bulkhead.doFilter(post("/api/v1/orders"), new MockHttpServletResponse(), afterwards);
        assertThat(afterwards.getRequest()).as("the permit came back").isNotNull();
        assertThat(registry.get("ticketrush.bulkhead.rejected").counter().count()).isEqualTo(1.0);
    }
}
