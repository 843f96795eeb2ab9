package io.ticketrush.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET never changes state: opening the waiting-room page does not join the line; its form (POST) does. */
@IntegrationTest
class WaitingRoomPageTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF_FIELD.matcher(html);
        assertThat(m.find()).as("the page's form carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void openingTheWaitingRoomPageDoesNotJoinTheLineItsFormDoes() throws Exception {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows shows = new Shows(api);
        String organizer = people.organizer().token();
        Map<String, Object> body = shows.eventBody(shows.venue(organizer, 1, 4), 4,
                OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1).withNano(0));
        body.put("queue", Map.of("enabled", true, "outflowPerSecond", 5, "maxActiveShoppers", 1));
        Shows.Show show = shows.publish(organizer, (String) body.get("venueId"), body);
        Accounts.Person fan = new Accounts(jdbc).create("이도윤", "FAN");
        String token = api.post("/api/v1/auth/login", null, Map.of("email", fan.email(), "password", Accounts.PASSWORD))
                .json().get("accessToken").asString();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> loginForm = send(browser, page("/login"));
        HttpResponse<String> login = send(browser, page("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("_csrf", csrf(loginForm.body()), "email", fan.email(), "password", Accounts.PASSWORD)));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        String queuePage = "/events/" + show.eventId() + "/queue?performance=" + show.performanceId();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> opened = send(browser, page(queuePage));
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).contains("data-auto-submit");
        }
        Api.Response place = api.get("/api/v1/events/" + show.eventId() + "/queue", token);
        assertThat(place.status()).as("a GET joined nobody: " + place).isEqualTo(404);
        assertThat(place.code()).isEqualTo("not-in-queue");

        HttpResponse<String> withoutToken = send(browser, page(queuePage)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(form("x", "y")));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/events/" + show.eventId() + "/queue", token).status()).isEqualTo(404);

        HttpResponse<String> joinPage = send(browser, page(queuePage));
        HttpResponse<String> joined = send(browser, page(queuePage).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("_csrf", csrf(joinPage.body()))));
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        assertThat(api.get("/api/v1/events/" + show.eventId() + "/queue", token).status()).as("the POST joined").isEqualTo(200);
    }
}
