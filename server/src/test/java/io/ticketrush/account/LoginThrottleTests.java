package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.Fans;
import io.ticketrush.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Log-in and sign-up budgets per client address, with no trusted proxy configured (the default):
 * the address is the socket's, whatever X-Forwarded-For a client sends.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "ticketrush.account.throttle.login-per-address=5", "ticketrush.account.throttle.login-refill=PT1H",
        "ticketrush.account.throttle.signup-per-address=3", "ticketrush.account.throttle.signup-refill=PT1H"})
class LoginThrottleTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;

    Api api;

    private static final java.util.List<String> BUCKETS =
            java.util.List.of("account:throttle:{login:127.0.0.1}:5per3600s", "account:throttle:{signup:127.0.0.1}:3per3600s");

    @BeforeEach
    void setUp() {
        api = new Api(port);
        redis.delete(BUCKETS);
    }

    @AfterEach
    void emptyTheBuckets() {
        redis.delete(BUCKETS);
    }

    @Test
    void logInsBeyondTheAddressBudgetAre429WithRetryAfterWhateverXForwardedForClaims() {
        String fanEmail = "throttled-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v1/auth/signup", null,
                Map.of("email", fanEmail, "password", "correct horse battery", "name", "팬")).status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = api.post("/api/v1/auth/login", null,
                    Map.of("email", "nobody-" + i + "@example.com", "password", "wrong-password"),
                    Map.of("X-Forwarded-For", "198.51.100." + i));
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }
        Api.Response refused = api.post("/api/v1/auth/login", null,
                Map.of("email", fanEmail, "password", "correct horse battery"),
                Map.of("X-Forwarded-For", "203.0.113.77", "X-Real-IP", "203.0.113.78", "Forwarded", "for=203.0.113.79"));
        assertThat(refused.status()).as("a spoofed header is not a new address").isEqualTo(429);
        assertThat(refused.code()).isEqualTo("too-many-attempts");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    }

    @Test
    void signUpsBeyondTheAddressBudgetAre429AndCreateNothing() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/signup", null, Map.of("email", "burst-" + UUID.randomUUID() + "@example.com",
                    "password", "correct horse battery", "name", "팬"), Map.of("X-Forwarded-For", "198.51.100." + i))
                    .status()).isEqualTo(201);
        }
        long before = jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single();
        String email = "burst-" + UUID.randomUUID() + "@example.com";
        Api.Response refused = api.post("/api/v1/auth/signup", null,
                Map.of("email", email, "password", "correct horse battery", "name", "팬"),
                Map.of("X-Forwarded-For", "198.51.100.200"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("too-many-attempts");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isEqualTo(before);
    }
}
