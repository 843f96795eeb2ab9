package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With email verification on (the default outside tests and benchmarks): a new fan can sign in and
 * browse, a seat hold answers 403 email-not-verified until the mailed link is used; the mail is read
 * from the development mailbox, as a developer would.
 */
@IntegrationTest
@TestPropertySource(properties = "ticketrush.account.email-verification=true")
class EmailVerificationTests {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern LINK = Pattern.compile("(http://\\S+/verify-email\\?token=([A-Za-z0-9_-]+))");

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        registration.ensure("mail-admin@example.com", PASSWORD, "Admin", Set.of(Role.ADMIN));
        admin = logIn("mail-admin@example.com").json().get("accessToken").asString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Api.Response logIn(String email) {
        Api.Response login = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login;
    }

    private String signUp() {
        String email = "verify-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/api/v1/auth/signup", null, Map.of("email", email, "password", PASSWORD, "name", "인증 팬"))
                .status()).isEqualTo(201);
        return email;
    }

    private Matcher mailedLink(String email) {
        Api.Response mailbox = api.get("/api/v1/dev/mail?to=" + email, admin);
        assertThat(mailbox.status()).as(mailbox.toString()).isEqualTo(200);
        assertThat(mailbox.json().get("items").size()).isGreaterThanOrEqualTo(1);
        String text = mailbox.json().get("items").get(mailbox.json().get("items").size() - 1).get("text").asString();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link;
    }

    private Api.Response hold(String token) {
        return api.post("/api/v1/performances/" + UUID.randomUUID() + "/holds", token, Map.of("seatIds", java.util.List.of("A-1-1")));
    }

    @Test
    void anUnverifiedFanMayBrowseButNotHoldUntilTheMailedLinkIsUsed() {
        String email = signUp();
        Api.Response login = logIn(email);
        String access = login.json().get("accessToken").asString();
        assertThat(api.get("/api/v1/me", access).status()).as("signing in and browsing work").isEqualTo(200);
        Api.Response refused = hold(access);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("email-not-verified");

        Matcher link = mailedLink(email);
        assertThat(link.group(1)).startsWith(api.baseUrl() + "/verify-email?token=");
        String token = link.group(2);
        assertThat(jdbc.sql("SELECT count(*) FROM email_verifications WHERE encode(token_hash, 'hex') LIKE :t")
                .param("t", "%" + token + "%").query(Long.class).single()).as("stored hashed").isZero();

        assertThat(api.post("/api/v1/auth/verify-email", null, Map.of("token", token)).status()).isEqualTo(204);
        Api.Response again = api.post("/api/v1/auth/verify-email", null, Map.of("token", token));
        assertThat(again.status()).as("single use").isEqualTo(400);
        assertThat(again.code()).isEqualTo("invalid-verification-token");

        assertThat(api.get("/api/v1/me", access).status()).as("the token that said 'unverified' is replaced").isEqualTo(401);
        Api.Response renewed = api.post("/api/v1/auth/refresh", null,
                Map.of("refreshToken", login.json().get("refreshToken").asString()));
        assertThat(renewed.status()).isEqualTo(200);
        Api.Response held = hold(renewed.json().get("accessToken").asString());
        assertThat(held.status()).as(held.toString()).isNotEqualTo(403);
        assertThat(held.code()).as("past the verification check (the performance does not exist)")
                .isNotEqualTo("email-not-verified");
    }

    @Test
    void anExpiredLinkVerifiesNothingAndANewOneCanBeAskedFor() {
        String email = signUp();
        String token = mailedLink(email).group(2);
        clock.advance(java.time.Duration.ofDays(3));
        Api.Response expired = api.post("/api/v1/auth/verify-email", null, Map.of("token", token));
        assertThat(expired.code()).isEqualTo("invalid-verification-token");
        clock.reset();

        String access = logIn(email).json().get("accessToken").asString();
        assertThat(api.post("/api/v1/auth/verify-email/resend", access, Map.of()).status()).isEqualTo(202);
        String fresh = mailedLink(email).group(2);
        assertThat(fresh).isNotEqualTo(token);
        assertThat(api.post("/api/v1/auth/verify-email", null, Map.of("token", fresh)).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/auth/verify-email/resend", logIn(email).json().get("accessToken").asString(), Map.of())
                .code()).isEqualTo("email-already-verified");
    }

    @Test
    void theVerifyPageOpenedFromTheMailChangesNothingUntilThePersonConfirms() throws Exception {
        String email = signUp();
        String token = mailedLink(email).group(2);
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        var page = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/verify-email?token=" + token))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("이메일 주소 확인").contains(token);
        assertThat(verified(email)).as("a GET (a mail scanner following the link) verifies nothing").isFalse();

        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        var confirmed = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/verify-email"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf.group(1),
                        java.nio.charset.StandardCharsets.UTF_8) + "&token=" + token)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("이메일 주소가 확인되었습니다");
        assertThat(verified(email)).isTrue();
    }

    private boolean verified(String email) {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM accounts WHERE email = :e").param("e", email)
                .query(Boolean.class).single();
    }

    @Test
    void theDevMailboxIsForAdministratorsOnly() {
        String email = signUp();
        String fan = logIn(email).json().get("accessToken").asString();
        assertThat(api.get("/api/v1/dev/mail?to=" + email, fan).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/dev/mail?to=" + email, null).status()).isEqualTo(401);
    }
}
