package io.ticketrush.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waiting room page in a real Chromium: the fan waits with their place shown, is moved on to
 * the seat map by the live stream once admitted, and holds and orders with the admission the page
 * kept; a sold-out line says so.
 */
@IntegrationTest
class WaitingRoomBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aFanInTheWaitingRoomIsMovedOnToSeatSelectionWhenAdmitted() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows.Show show = queued(api, people.organizer().token(), 4, 10, 4);
        // Another fan takes the only shopping slot and holds seats with their admission.
        People.Person first = people.fan();
        String firstAdmission = admitted(api, show.eventId(), first.token());
        Api.Response held = api.post("/api/v1/performances/" + show.performanceId() + "/holds", first.token(),
                Map.of("seatIds", List.of("A-1-1")), Map.of("Admission-Token", firstAdmission));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);

        // Our fan comes from the event page, signs in and lands in the line.
        Accounts.Person fan = new Accounts(jdbc).create("박서준", "FAN");
        Page page = browser.phone();
        page.navigate(api.baseUrl() + "/events/" + show.eventId());
        page.locator(".performance").first().getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(Pattern.compile("/login\\?next="));
        Accounts.logIn(page, fan);
        assertThat(page).hasURL(Pattern.compile("/events/" + show.eventId() + "/queue\\?performance="));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("예매 대기열"))).isVisible();
        assertThat(page.locator("#queue-position")).hasText("1");
        assertThat(page.locator("#queue-ahead")).hasText("0명");
        assertThat(page.locator("#queue-seats")).hasText(Pattern.compile("^\\d+석$"));
        assertThat(page.locator("#queue-eta")).not().hasText("—");
        Browser.screenshotOfScreen(page, "fan-waiting-room");
        String status = api.get("/api/v1/events/" + show.eventId() + "/queue", tokenOf(api, fan)).json().get("status").asString();
        assertThat(status).isEqualTo("WAITING");

        // The slot frees: the page moves on by itself, carrying the admission.
        Api.Response released = api.delete("/api/v1/holds/" + held.json().get("holdId").asString(), first.token());
        assertThat(released.status()).as(released.toString()).isEqualTo(204);
        page.waitForURL(Pattern.compile("/performances/" + show.performanceId() + "/seats"),
                new Page.WaitForURLOptions().setTimeout(20_000));
        assertThat(page.locator("[data-seat='A-1-2']")).hasAttribute("aria-disabled", "false");
        Browser.screenshotOfScreen(page, "fan-waiting-room-admitted");

        // The hold and the order pass the waiting room's guards with the page's admission.
        page.getByLabel("등급", new Page.GetByLabelOptions().setExact(true)).selectOption("VIP");
        page.getByLabel("매수", new Page.GetByLabelOptions().setExact(true)).selectOption("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("자동 배정 받기")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("예매 확인"))).isVisible();
        assertThat(page.locator(".seat-table tbody tr")).hasCount(2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("결제하기")).click();
        assertThat(page).hasURL(Pattern.compile("/orders/[0-9a-f-]{36}/pay$"));
        long orders = jdbc.sql("SELECT count(*) FROM orders WHERE user_id = :u AND event_id = :e")
                .param("u", fan.id()).param("e", UUID.fromString(show.eventId())).query(Long.class).single();
        assertThat(orders).isEqualTo(1);
        page.context().close();
    }

    @Test
    void aSoldOutLineTellsTheFanAdmissionHasStopped() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows.Show show = queued(api, people.organizer().token(), 1, 1, 5); // two seats in all
        People.Person buyer = people.fan();
        String admission = admitted(api, show.eventId(), buyer.token());
        Api.Response held = api.post("/api/v1/performances/" + show.performanceId() + "/holds", buyer.token(),
                Map.of("seatIds", List.of("A-1-1", "B-1-1")), Map.of("Admission-Token", admission));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);

        Accounts.Person fan = new Accounts(jdbc).create("최유나", "FAN");
        Page page = browser.desktop();
        page.navigate(api.baseUrl() + "/login?next=/events/" + show.eventId() + "/queue");
        Accounts.logIn(page, fan);
        assertThat(page.locator("[data-when=CLOSED] [data-reason=sold-out]")).isVisible();
        assertThat(page.locator("[data-when=CLOSED] [data-reason=sold-out]")).containsText("남은 좌석이 없어");
        assertThat(page.locator("[data-when=WAITING]")).isHidden();
        Browser.screenshotOfScreen(page, "fan-waiting-room-sold-out");

        // The seats come back: the same page follows the line again and lets the fan in.
        Api.Response released = api.delete("/api/v1/holds/" + held.json().get("holdId").asString(), buyer.token());
        assertThat(released.status()).as(released.toString()).isEqualTo(204);
        page.waitForURL(Pattern.compile("/performances/" + show.performanceId() + "/seats"),
                new Page.WaitForURLOptions().setTimeout(20_000));
        page.context().close();
    }

    private static Shows.Show queued(Api api, String organizerToken, int rows, int seatsPerRow, int maxPerPerson) {
        Shows shows = new Shows(api);
        String venueId = shows.venue(organizerToken, rows, seatsPerRow);
        Map<String, Object> body = shows.eventBody(venueId, maxPerPerson,
                OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1).withNano(0));
        body.put("title", "2026 윈터 록 페스티벌 — 대기열 예매");
        body.put("queue", Map.of("enabled", true, "outflowPerSecond", 5, "maxActiveShoppers", 1));
        return shows.publish(organizerToken, venueId, body);
    }

    /** Joins the line over the API and waits for the gatekeeper to let the fan in; returns the admission token. */
    private static String admitted(Api api, String eventId, String token) {
        Api.Response joined = api.post("/api/v1/events/" + eventId + "/queue", token, Map.of());
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        String[] admission = new String[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Api.Response place = api.get("/api/v1/events/" + eventId + "/queue", token);
            assertThat(place.json().get("status").asString()).isEqualTo("ADMITTED");
            admission[0] = place.json().get("admissionToken").asString();
        });
        return admission[0];
    }

    private static String tokenOf(Api api, Accounts.Person person) {
        return api.post("/api/v1/auth/login", null, Map.of("email", person.email(), "password", Accounts.PASSWORD))
                .json().get("accessToken").asString();
    }
}
