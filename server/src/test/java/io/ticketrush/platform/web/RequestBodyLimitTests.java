package io.ticketrush.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/** A body over the limit is answered 413 payload-too-large problem+json and changes nothing. */
@IntegrationTest
class RequestBodyLimitTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** A valid sign-up with an ignored field that pads it to {@code bytes}. */
    private static String signUp(String email, int bytes) {
        String head = "{\"email\":\"" + email + "\",\"password\":\"long-enough-password\",\"name\":\"Pad\",\"padding\":\"";
        return head + "x".repeat(Math.max(0, bytes - head.length() - 2)) + "\"}";
    }

    private HttpResponse<String> post(String body, boolean chunked) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)) // no Content-Length
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/signup"))
                .header("Content-Type", "application/json").POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long accounts(String email) {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE email = :e").param("e", email).query(Long.class).single();
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413AndNoAccountIsCreated() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            String email = "big-" + UUID.randomUUID() + "@example.com";
            HttpResponse<String> response = post(signUp(email, 1024 * 1024 + 1000), chunked);
            assertThat(response.statusCode()).as("chunked=%s: %s", chunked, response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Api.JSON.readTree(response.body()).get("code").asString()).isEqualTo("payload-too-large");
            assertThat(accounts(email)).as("chunked=%s", chunked).isZero();
        }
    }

    @Test
    void aBodyUnderTheLimitIsServedAsBefore() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            String email = "fits-" + UUID.randomUUID() + "@example.com";
            HttpResponse<String> response = post(signUp(email, 1024 * 1024 - 1000), chunked);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(accounts(email)).isEqualTo(1);
        }
    }

    @Test
    void aRouteCanHaveALimitOfItsOwn() {
        RequestBodyLimit limit = new RequestBodyLimit(new BodyLimitSettings(DataSize.ofMegabytes(1),
                Map.of("/api/v1/events/{id}/poster", DataSize.ofMegabytes(10))));
        assertThat(limit.limitFor("/api/v1/events/42/poster")).isEqualTo(DataSize.ofMegabytes(10).toBytes());
        assertThat(limit.limitFor("/api/v1/events/42")).isEqualTo(DataSize.ofMegabytes(1).toBytes());
    }
}
