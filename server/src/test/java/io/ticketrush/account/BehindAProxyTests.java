package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Production-like settings: the balancer at 127.0.0.1 is a trusted proxy (so X-Forwarded-For names
 * the client), page cookies are Secure, and the lockout is short enough to watch it end.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
        "ticketrush.security.secure-cookies=true",
        "ticketrush.account.throttle.lockout-threshold=3",
        "ticketrush.account.throttle.lockout-base=PT2S",
        "ticketrush.account.throttle.lockout-max=PT4S"})
class BehindAProxyTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private Api.Response logIn(String email, String password, String from) {
        return api.post("/api/v1/auth/login", null, Map.of("email", email, "password", password),
                Map.of("X-Forwarded-For", from));
    }

    private String signUp() {
        String email = "locked-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v1/auth/signup", null, Map.of("email", email, "password", PASSWORD, "name", "팬"))
                .status()).isEqualTo(201);
        return email;
    }

    @Test
    void failedLogInsLockTheAccountForStrangersOnlyAndTheLockEndsByItself() {
        String email = signUp();
        String home = "198.51.100.7";
        String attacker = "203.0.113.5";
        String newCafe = "192.0.2.44";
        assertThat(logIn(email, PASSWORD, home).status()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(logIn(email, "guess-" + i, attacker).status()).isEqualTo(401);
        }
        Api.Response locked = logIn(email, PASSWORD, attacker);
        assertThat(locked.status()).as("even the right password, from the attacker's address").isEqualTo(429);
        assertThat(locked.code()).isEqualTo("too-many-attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 4L);
        assertThat(logIn(email, PASSWORD, newCafe).status()).as("an address the account never used").isEqualTo(429);

        // the lock is temporary: a stranger's address gets in once it ends (base 2 s, cap 4 s here)
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> logIn(email, PASSWORD, newCafe).status() == 200);

        for (int i = 0; i < 3; i++) {
            logIn(email, "guess-again-" + i, attacker);
        }
        assertThat(logIn(email, PASSWORD, attacker).status()).isEqualTo(429);
        assertThat(logIn(email, PASSWORD, home).status()).as("the fan's own address is never locked out").isEqualTo(200);
    }

    @Test
    void pageCookiesAreSecureEvenOverPlainHttp() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .isNotEmpty().allMatch(c -> c.contains("Secure"));
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow().split(";")[0];
        String email = signUp();
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                        java.nio.charset.StandardCharsets.UTF_8) + "&email=" + java.net.URLEncoder.encode(email,
                        java.nio.charset.StandardCharsets.UTF_8) + "&password=" + java.net.URLEncoder.encode(PASSWORD,
                        java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(login.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("ticketrush_session=") || c.startsWith("ticketrush_refresh="))
                .hasSize(2).allMatch(c -> c.contains("Secure") && c.contains("HttpOnly"));
    }
}
