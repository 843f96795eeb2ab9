package io.ticketrush.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ticketrush.queue.AdmissionToken;
import io.ticketrush.queue.AdmissionTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FrontDoorTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AdmissionTokens TOKENS =
            new AdmissionTokens("front-door-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final String GENUINE = TOKENS.issue(new AdmissionToken(UUID.randomUUID(), UUID.randomUUID(),
            NOW.minusSeconds(10), NOW.plusSeconds(170), NOW.plusSeconds(170)));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FrontDoor door = new FrontDoor(
            new FrontDoorSettings(true, 1, Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(3)), TOKENS,
            CLOCK, registry);

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRequestURI(path);
        return request;
    }

    private static MockHttpServletRequest admitted(String path) {
        return withAdmission(path, GENUINE);
    }

    private static MockHttpServletRequest withAdmission(String path, String token) {
        MockHttpServletRequest request = request("POST", path);
        request.addHeader("Admission-Token", token);
        return request;
    }

    /** Occupies the only turn (returns once the request is in the application) until {@code release} counts down. */
    private CompletableFuture<MockHttpServletResponse> occupyTheOnlyTurn(CountDownLatch release) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> occupying = CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                door.doFilter(request("GET", "/api/v1/events"), response, (req, res) -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ((MockHttpServletResponse) res).setStatus(200);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the first request got in").isTrue();
        return occupying;
    }

    @Test
    void beyondTheLimitARequestIsTurnedAwayWith503BusyAndRetryAfterAndTheNextOneGetsIn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = occupyTheOnlyTurn(release);

        MockHttpServletResponse turnedAway = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        door.doFilter(request("GET", "/api/v1/events/e"), turnedAway, notReached);
        assertThat(turnedAway.getStatus()).isEqualTo(503);
        assertThat(Long.parseLong(turnedAway.getHeader("Retry-After"))).as("3 s to 9 s").isBetween(3L, 9L);
        assertThat(turnedAway.getContentType()).startsWith("application/problem+json");
        assertThat(turnedAway.getContentAsString()).contains("\"code\":\"busy\"").contains("\"retryAfterSeconds\":" + turnedAway.getHeader("Retry-After"));
        assertThat(notReached.getRequest()).as("the application never saw the request").isNull();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        MockFilterChain afterwards = new MockFilterChain();
        door.doFilter(request("GET", "/api/v1/events/e"), new MockHttpServletResponse(), afterwards);
        assertThat(afterwards.getRequest()).as("the turn came back").isNotNull();
        assertThat(registry.get("ticketrush.front.door.rejected").counter().count()).isEqualTo(1.0);
    }

    @Test
    void turnedAwayClientsAreToldToComeBackAtDifferentTimes() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long retry = door.retryAfter();
            assertThat(retry).isBetween(3L, 9L);
            seen.add(retry);
        }
        assertThat(seen).as("spread, not one value").hasSizeGreaterThan(3);
    }

    @Test
    void aRequestThatWaitedTooLongForAThreadIsTurnedAwayAtOnce() throws Exception {
        FrontDoor impatient = new FrontDoor(
                new FrontDoorSettings(true, 10, Duration.ofMillis(50), Duration.ZERO, Duration.ofSeconds(3)), TOKENS,
                CLOCK, new SimpleMeterRegistry());
        RequestThreads.Bounded threads = RequestThreads.executor(1);
        CompletableFuture<MockFilterChain> queued = CompletableFuture.supplyAsync(() -> {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                impatient.doFilter(request("GET", "/api/v1/events/e"), response, chain);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertThat(response.getStatus()).isEqualTo(503);
            return chain;
        }, threads);
        assertThat(queued.get(10, TimeUnit.SECONDS).getRequest()).as("never reached the application").isNull();
        MockFilterChain direct = new MockFilterChain();
        impatient.doFilter(request("GET", "/api/v1/events/e"), new MockHttpServletResponse(), direct);
        assertThat(direct.getRequest()).as("not queued at all").isNotNull();
    }

    @Test
    void theWaitingRoomAdmittedPurchasesHealthChecksAndTheSandboxGatewayPassEvenWhenFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = occupyTheOnlyTurn(release);
        try {
            for (MockHttpServletRequest passing : new MockHttpServletRequest[] {
                    request("POST", "/api/v1/events/e/queue"), request("GET", "/api/v1/events/e/queue"),
                    request("GET", "/api/v1/events/e/queue/stream"), request("DELETE", "/api/v1/events/e/queue"),
                    request("POST", "/events/e/queue"), request("GET", "/events/e/queue/place"),
                    admitted("/api/v1/performances/p/holds"), admitted("/api/v1/orders"),
                    admitted("/api/v1/orders/o/payments/confirm"), request("GET", "/actuator/health"),
                    request("POST", "/sandbox-pg/v1/payments/confirm")}) {
                MockFilterChain chain = new MockFilterChain();
                door.doFilter(passing, new MockHttpServletResponse(), chain);
                assertThat(chain.getRequest()).as(passing.getRequestURI()).isNotNull();
            }
            for (MockHttpServletRequest waiting : new MockHttpServletRequest[] {
                    request("POST", "/api/v1/performances/p/holds"), // no admission token
                    admitted("/api/v1/orders/o/cancel"), // not a purchase
                    request("GET", "/api/v1/events/e"), request("GET", "/events/e/queued"), request("GET", "/events/e")}) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                door.doFilter(waiting, response, new MockFilterChain());
                assertThat(response.getStatus()).as(waiting.getRequestURI()).isEqualTo(503);
            }
        } finally {
            release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aForgedGarbledOrExpiredAdmissionTokenEarnsNoPassAndWaitsForItsTurn() throws Exception {
        AdmissionTokens otherKey = new AdmissionTokens("another-key-of-someone-else-0123456789".getBytes(StandardCharsets.UTF_8));
        String forged = otherKey.issue(new AdmissionToken(UUID.randomUUID(), UUID.randomUUID(), NOW, NOW.plusSeconds(60),
                NOW.plusSeconds(60)));
        String expired = TOKENS.issue(new AdmissionToken(UUID.randomUUID(), UUID.randomUUID(), NOW.minusSeconds(600),
                NOW.minusSeconds(420), NOW.minusSeconds(1)));
        String tampered = GENUINE.substring(0, GENUINE.indexOf('.') - 2) + "AA" + GENUINE.substring(GENUINE.indexOf('.'));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = occupyTheOnlyTurn(release);
        try {
            for (String token : new String[] {"anything", "", forged, expired, tampered}) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                MockFilterChain chain = new MockFilterChain();
                door.doFilter(withAdmission("/api/v1/performances/p/holds", token), response, chain);
                assertThat(response.getStatus()).as(token).isEqualTo(503);
                assertThat(chain.getRequest()).as("no pass for " + token).isNull();
            }
            MockFilterChain genuine = new MockFilterChain();
            door.doFilter(withAdmission("/api/v1/performances/p/holds", GENUINE), new MockHttpServletResponse(), genuine);
            assertThat(genuine.getRequest()).as("a genuine, live token passes").isNotNull();
        } finally {
            release.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }
}
