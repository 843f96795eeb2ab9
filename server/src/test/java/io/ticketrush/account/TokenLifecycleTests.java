package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.Fans;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.Race;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Short access tokens, rotating refresh tokens, log-out and role changes that revoke, iss and aud checked. */
@IntegrationTest
class TokenLifecycleTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registration registration;
    @Autowired
    MutableClock clock;
    @Autowired
    AccountSettings settings;

    Api api;
    Fans fans;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fans = new Fans(api);
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

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", refreshToken));
    }

    @Test
    void logInAnswersAShortAccessTokenWithARefreshTokenStoredOnlyAsItsHash() throws Exception {
        Fans.Person fan = fans.signUp();
        Api.Response login = logIn(fan.email());
        assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
        String refreshToken = login.json().get("refreshToken").asString();
        assertThat(refreshToken).hasSizeGreaterThanOrEqualTo(40);

        List<String> stored = jdbc.sql("SELECT encode(token_hash, 'hex') FROM refresh_tokens WHERE user_id = :id::uuid")
                .param("id", fan.userId()).query(String.class).list();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored).contains(sha256).noneMatch(s -> s.contains(refreshToken));
    }

    @Test
    void aRefreshTokenIsSpentByItsUseAndReusingItRevokesTheFamily() {
        Fans.Person fan = fans.signUp();
        String first = logIn(fan.email()).json().get("refreshToken").asString();

        Api.Response renewed = refresh(first);
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        String second = renewed.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/v1/me", renewed.json().get("accessToken").asString()).status()).isEqualTo(200);

        Api.Response again = refresh(first);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("invalid-refresh-token");
        assertThat(refresh(second).status()).as("a second use within the grace does not revoke the family")
                .isEqualTo(200);
    }

    @Test
    void reusingASpentTokenAfterTheGraceRevokesTheWholeFamily() {
        Fans.Person fan = fans.signUp();
        String stolen = logIn(fan.email()).json().get("refreshToken").asString();
        String current = refresh(stolen).json().get("refreshToken").asString();

        clock.advance(settings.refreshReuseGrace().plusSeconds(1));
        assertThat(refresh(stolen).code()).isEqualTo("invalid-refresh-token");
        Api.Response legit = refresh(current);
        assertThat(legit.status()).as("the family was revoked by the reuse").isEqualTo(401);
        assertThat(legit.code()).isEqualTo("invalid-refresh-token");
        assertThat(refresh(logIn(fan.email()).json().get("refreshToken").asString()).status())
                .as("a new log-in starts a new family").isEqualTo(200);
    }

    @Test
    void concurrentUsesOfOneRefreshTokenRenewOnce() throws Exception {
        Fans.Person fan = fans.signUp();
        String token = logIn(fan.email()).json().get("refreshToken").asString();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        Race.run(20, i -> statuses.add(refresh(token).status()));
        assertThat(statuses).hasSize(20);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses).allMatch(s -> s == 200 || s == 401);
    }

    @Test
    void logOutRevokesTheRefreshTokenAndTheAccessTokens() {
        Fans.Person fan = fans.signUp();
        Api.Response login = logIn(fan.email());
        String access = login.json().get("accessToken").asString();
        String refreshToken = login.json().get("refreshToken").asString();
        assertThat(api.get("/api/v1/me", access).status()).isEqualTo(200);

        Api.Response logout = api.post("/api/v1/auth/logout", null, Map.of("refreshToken", refreshToken));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", access).status()).as("the access token is revoked too").isEqualTo(401);
        assertThat(api.get("/api/v1/me", logIn(fan.email()).json().get("accessToken").asString()).status())
                .as("logging in again works").isEqualTo(200);
    }

    @Test
    void anAdministratorChangesRolesAndTheOldTokensStopWorking() {
        Fans.Person fan = fans.signUp();
        Api.Response login = logIn(fan.email());
        String oldAccess = login.json().get("accessToken").asString();
        registration.ensure("roles-admin@example.com", PASSWORD, "Admin", Set.of(Role.ADMIN));
        String admin = logIn("roles-admin@example.com").json().get("accessToken").asString();

        assertThat(api.put("/api/v1/admin/users/" + fan.userId() + "/roles", oldAccess, Map.of("roles", List.of("ADMIN")))
                .status()).as("a fan may not").isEqualTo(403);
        Api.Response changed = api.put("/api/v1/admin/users/" + fan.userId() + "/roles", admin,
                Map.of("roles", List.of("FAN", "ORGANIZER")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("userId").asString()).isEqualTo(fan.userId());
        assertThat(changed.json().get("roles").valueStream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder("FAN", "ORGANIZER");

        assertThat(api.get("/api/v1/me", oldAccess).status()).as("the token with the old roles").isEqualTo(401);
        Api.Response renewed = refresh(login.json().get("refreshToken").asString());
        assertThat(renewed.status()).isEqualTo(200);
        Api.Response me = api.get("/api/v1/me", renewed.json().get("accessToken").asString());
        assertThat(me.json().get("roles").valueStream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder("FAN", "ORGANIZER");

        assertThat(api.put("/api/v1/admin/users/" + UUID.randomUUID() + "/roles", admin, Map.of("roles", List.of("FAN")))
                .code()).isEqualTo("user-not-found");
        assertThat(api.put("/api/v1/admin/users/" + fan.userId() + "/roles", admin, Map.of("roles", List.of("KING")))
                .status()).isEqualTo(400);
        assertThat(api.put("/api/v1/admin/users/" + fan.userId() + "/roles", admin, Map.of("roles", List.of()))
                .code()).isEqualTo("validation-failed");
    }

    @Test
    void tokensSignedWithOurKeyButForAnotherIssuerOrAudienceAreRefused() {
        Fans.Person fan = fans.signUp();
        assertThat(api.get("/api/v1/me", token(fan.userId(), settings.issuer(), settings.audience())).status())
                .as("the control token is accepted").isEqualTo(200);
        Api.Response otherIssuer = api.get("/api/v1/me", token(fan.userId(), "someone-else", settings.audience()));
        assertThat(otherIssuer.status()).isEqualTo(401);
        assertThat(otherIssuer.code()).isEqualTo("unauthenticated");
        assertThat(api.get("/api/v1/me", token(fan.userId(), settings.issuer(), "another-service")).status()).isEqualTo(401);
    }

    private String token(String userId, String issuer, String audience) {
        var key = new SecretKeySpec(settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience)).subject(userId)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).claim("roles", List.of("FAN")).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
