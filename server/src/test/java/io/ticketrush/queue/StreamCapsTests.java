package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One fan cannot hold more than its cap of live streams; other fans are not held back by it. */
@IntegrationTest
class StreamCapsTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StreamCaps caps;

    @Test
    void aFansStreamPastItsCapIsAnswered429TooManyStreamsAndOtherFansStillGetTheirs() throws Exception {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Queues queues = new Queues(api);
        Shows.Show show = queues.onSale(people.organizer().token(), 1, 4, 4, 100, 10);
        People.Person fan = people.fan();
        People.Person other = people.fan();
        queues.join(show.eventId(), fan.token());
        queues.join(show.eventId(), other.token());
        HttpClient http = HttpClient.newHttpClient();
        List<InputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < caps.perFan(); i++) {
                HttpResponse<InputStream> stream = stream(http, api, show.eventId(), fan.token());
                open.add(stream.body());
                assertThat(stream.statusCode()).as("stream %d of %d", i + 1, caps.perFan()).isEqualTo(200);
            }
            HttpResponse<InputStream> oneTooMany = stream(http, api, show.eventId(), fan.token());
            String body = new String(oneTooMany.body().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(oneTooMany.statusCode()).as(body).isEqualTo(429);
            assertThat(oneTooMany.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Api.JSON.readTree(body).get("code").asString()).isEqualTo("too-many-streams");
            assertThat(oneTooMany.headers().firstValue("Retry-After")).isPresent();

            HttpResponse<InputStream> others = stream(http, api, show.eventId(), other.token());
            open.add(others.body());
            assertThat(others.statusCode()).isEqualTo(200);
            assertThat(api.get("/api/v1/events/" + show.eventId() + "/queue", fan.token()).status())
                    .as("the capped fan still polls its place").isEqualTo(200);
        } finally {
            for (InputStream stream : open) {
                stream.close();
            }
        }
    }

    private static HttpResponse<InputStream> stream(HttpClient http, Api api, String eventId, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/events/" + eventId + "/queue/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
