package io.ticketrush.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.Fans;
import io.ticketrush.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AccountFlowTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registration registration;

    Api api;
    Fans fans;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fans = new Fans(api);
    }

    @Test
    void signUpLogInAndReadMe() {
        Fans.Person fan = fans.signUp();
        Api.Response me = api.get("/api/v1/me", fan.token());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(fan.email());
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("FAN");
        String hash = jdbc.sql("SELECT password_hash FROM accounts WHERE id = :id::uuid").param("id", fan.userId())
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("correct horse battery");
    }

    @Test
    void emailIsTakenCaseInsensitively() {
        Fans.Person fan = fans.signUp();
        Api.Response again = api.post("/api/v1/auth/signup", null,
                Map.of("email", fan.email().toUpperCase(), "password", "another password", "name", "x"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("email-taken");
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSame401() {
        Fans.Person fan = fans.signUp();
        Api.Response wrong = api.post("/api/v1/auth/login", null, Map.of("email", fan.email(), "password", "nope-nope"));
        Api.Response unknown = api.post("/api/v1/auth/login", null, Map.of("email", "nobody@example.com", "password", "nope-nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("bad-credentials");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("bad-credentials");
    }

    @Test
    void badSignUpInputListsFieldsAndWritesNothing() {
        long before = jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single();
        Api.Response bad = api.post("/api/v1/auth/signup", null, Map.of("email", "not-an-email", "password", "short", "name", ""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("validation-failed");
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("email", "password", "name");
        assertThat(api.post("/api/v1/auth/signup", null, "{not json").code()).isEqualTo("malformed-request");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void protectedEndpointsNeedAValidToken() {
        assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
        Api.Response forged = api.get("/api/v1/me", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("unauthenticated");
    }

    @Test
    void rehearsalFansNeedAdminAndComeWithWorkingTokens() {
        Fans.Person fan = fans.signUp();
        assertThat(api.post("/api/v1/rehearsal/fans", fan.token(), Map.of("count", 3)).status()).isEqualTo(403);

        registration.ensure("rehearsal-admin@example.com", "admin-password", "Admin", java.util.Set.of(Role.ADMIN));
        String admin = fans.login("rehearsal-admin@example.com", "admin-password");
        Api.Response created = api.post("/api/v1/rehearsal/fans", admin, Map.of("count", 500));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("fans").size()).isEqualTo(500);
        String syntheticToken = created.json().get("fans").get(0).get("accessToken").asString();
        assertThat(api.get("/api/v1/me", syntheticToken).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/rehearsal/fans", admin, Map.of("count", 0)).code()).isEqualTo("validation-failed");
    }
}
