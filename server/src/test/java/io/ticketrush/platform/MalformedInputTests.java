package io.ticketrush.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Garbage in gets a 4xx problem with a code — never a 500 — and writes nothing. */
@IntegrationTest
class MalformedInputTests {

    private static final List<String> GARBAGE = List.of("", "{}", "[]", "\"text\"", "{\"a\":", "null", "{\"seatIds\":[null]}",
            "{\"holdId\":\"not-a-uuid\"}", "{\"amount\":1e400,\"paymentKey\":7}", "{\"count\":\"many\"}",
            "{\"name\":" + "\"x\"".repeat(3) + "}", "{\"gradeCode\":\"R\",\"quantity\":99999999999}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWriteEndpointAnswersGarbageWithACodedClientError() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        People.Person organizer = people.organizer();
        Shows.Show show = new Shows(api).onSale(organizer.token(), 1, 5, 4);
        People.Person admin = people.withRoles("ADMIN", "ORGANIZER", "STAFF");
        String before = snapshot();

        List<String> paths = List.of("/api/v1/auth/signup", "/api/v1/auth/login", "/api/v1/venues", "/api/v1/events",
                "/api/v1/performances/" + show.performanceId() + "/holds", "/api/v1/orders",
                "/api/v1/orders/" + UUID.randomUUID() + "/payments/confirm", "/api/v1/orders/" + UUID.randomUUID() + "/cancel",
                "/api/v1/check-ins", "/api/v1/rehearsal/fans", "/sandbox-pg/v1/checkout");
        for (String path : paths) {
            for (String body : GARBAGE) {
                Api.Response response = api.post(path, admin.token(), body);
                assertThat(response.status()).as(path + " " + body + " → " + response).isBetween(400, 499);
                assertThat(response.code()).as(path + " " + body + " → " + response).isNotBlank();
            }
        }
        assertThat(api.get("/api/v1/performances/not-a-uuid/seats", null).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/performances/" + UUID.randomUUID() + "/seats", null).code()).isEqualTo("unknown-performance");
        assertThat(api.get("/api/v1/events?from=yesterday", null).code()).isEqualTo("bad-parameter");
        assertThat(api.get("/api/v1/nothing-here", admin.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/events", admin.token()).status()).isEqualTo(405);
        assertThat(snapshot()).as("nothing was written").isEqualTo(before);
    }

    /** What the corpus (corpus.MalformedCorpusTests) found: each was a 500, an HTML page or JSON without a code. */
    @Test
    void malformedUrlsAreCodedProblemsWhoeverRefusesThem() {
        Api api = new Api(port);
        // a query parameter that is not UTF-8: Tomcat throws when the controller reads it (was a 500)
        Api.Response undecodable = api.get("/api/v1/events?q=%FF%FE", null);
        assertThat(undecodable.status()).as(undecodable.toString()).isEqualTo(400);
        assertThat(undecodable.header("Content-Type")).startsWith("application/problem+json");
        assertThat(undecodable.code()).isEqualTo("bad-parameter");
        // a path Tomcat refuses before any filter runs (was Tomcat's HTML error page)
        for (String path : List.of("/api/v1/events/%FF%FE", "/api/v1/holds/%00", "/api/v1/orders/a%2Fb")) {
            Api.Response refused = api.get(path, null);
            assertThat(refused.status()).as(path + " → " + refused).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(refused.code()).as(path).isEqualTo("bad-request");
        }
        // a path Spring Security's firewall refuses (was the servlet error page's JSON, without a code)
        Api.Response rejected = api.get("/api/v1/events/%25", null);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
        assertThat(rejected.code()).isEqualTo("malformed-url");
    }

    private String snapshot() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM accounts) || '/' || (SELECT count(*) FROM venues) || '/' ||
                       (SELECT count(*) FROM events) || '/' || (SELECT count(*) FROM holds) || '/' ||
                       (SELECT count(*) FROM orders) || '/' || (SELECT count(*) FROM sandbox_payments) || '/' ||
                       (SELECT count(*) FROM tickets WHERE checked_in_at IS NOT NULL)""")
                .query(String.class).single();
    }
}
