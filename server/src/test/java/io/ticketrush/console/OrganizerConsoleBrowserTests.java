package io.ticketrush.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ticketrush.storefront.Accounts;
import io.ticketrush.storefront.Browser;
import io.ticketrush.storefront.Lineup;
import io.ticketrush.storefront.Purchases;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Organizers and door staff in a real Chromium: build a venue and an event, publish, watch the sale, check in. */
@IntegrationTest
class OrganizerConsoleBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void anOrganizerCreatesAVenueAndAnEventAndPublishesIt() {
        String base = new Api(port).baseUrl();
        Accounts.Person organizer = new Accounts(jdbc).create("라이브 기획", "ORGANIZER");
        Page page = browser.desktop();
        page.onDialog(dialog -> dialog.accept());

        page.navigate(base + "/console");
        assertThat(page).hasURL(base + "/login?next=%2Fconsole");
        Accounts.logIn(page, organizer);
        assertThat(page).hasURL(base + "/console");

        // Venue: three sections, the third with its own seats per row; the preview follows the typing.
        page.getByRole(AriaRole.LINK, named("공연장 등록")).first().click();
        page.getByLabel("공연장 이름").fill("블루스퀘어 마스터카드홀");
        page.getByLabel("주소").fill("서울특별시 용산구 이태원로 294");
        page.getByLabel("구역 이름").nth(0).fill("1층 A구역");
        page.getByLabel("열 수").nth(0).fill("6");
        page.getByLabel("열당 좌석 수").nth(0).fill("14");
        page.getByRole(AriaRole.BUTTON, named("구역 추가")).click();
        page.getByLabel("구역 이름").nth(1).fill("1층 B구역");
        page.getByLabel("열 수").nth(1).fill("6");
        page.getByLabel("열당 좌석 수").nth(1).fill("14");
        page.getByRole(AriaRole.BUTTON, named("구역 추가")).click();
        assertThat(page.getByLabel("구역 코드").nth(2)).hasValue("C");
        page.getByLabel("구역 이름").nth(2).fill("2층 C구역");
        page.getByLabel("열별 좌석 수 (선택)").nth(2).fill("16, 16, 18, 18, 20");
        assertThat(page.locator("#preview")).containsText("총 256석");
        assertThat(page.locator("#preview rect.seat")).hasCount(256);
        Browser.screenshot(page, "console-01-venue-editor");
        page.getByRole(AriaRole.BUTTON, named("공연장 저장")).click();

        // Event: grades come prefilled from the sections; add a second performance, set a price.
        assertThat(page.locator(".notice-ok")).containsText("256석");
        page.getByLabel("공연명").fill("뮤지컬 〈한여름 밤의 꿈〉");
        page.getByLabel("장르").selectOption("MUSICAL");
        assertThat(page.getByLabel("등급 코드").nth(2)).hasValue("S");
        page.getByLabel("가격 (원)").nth(0).fill("170000");
        page.getByRole(AriaRole.BUTTON, named("회차 추가")).click();
        Locator shows = page.locator(".perf-row input");
        assertThat(shows).hasCount(2);
        LocalDateTime first = LocalDateTime.parse(shows.nth(0).inputValue());
        shows.nth(1).fill(first.plusDays(1).withHour(14).toString());
        page.getByLabel("1인 최대 매수").fill("2");
        Browser.screenshot(page, "console-02-event-editor");
        page.getByRole(AriaRole.BUTTON, named("저장 (비공개)")).click();

        // The draft, then publish.
        assertThat(page.getByRole(AriaRole.HEADING, named("뮤지컬 〈한여름 밤의 꿈〉"))).isVisible();
        assertThat(page.locator(".page-head .badge")).hasText("비공개");
        assertThat(page.locator(".data-table tbody tr")).hasCount(3);
        page.getByRole(AriaRole.BUTTON, named("공개하기")).click();
        assertThat(page.locator(".notice-ok")).containsText("공개되었습니다");
        assertThat(page.locator(".page-head .badge")).hasText("공개");
        Browser.screenshot(page, "console-03-published");
        String status = jdbc.sql("SELECT status FROM events WHERE title = '뮤지컬 〈한여름 밤의 꿈〉'").query(String.class).single();
        assertThat(status).isEqualTo("PUBLISHED");

        // Fans find it, with the countdown to the opening.
        page.navigate(base + "/?q=" + java.net.URLEncoder.encode("한여름", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.locator(".event-card")).hasCount(1);
        page.locator(".event-card a").click();
        assertThat(page.locator(".opening-clock")).hasText(Pattern.compile("^(D-\\d+ )?\\d\\d:\\d\\d:\\d\\d$"));
        assertThat(page.locator(".performance")).hasCount(2);
        assertThat(page.locator(".performance").first()).containsText("오픈 예정");
        Browser.screenshot(page, "console-04-fan-sees-countdown");

        // Door staff for the event: an existing account added by email, for this event only.
        Accounts.Person door = new Accounts(jdbc).create("입장 스태프", "STAFF");
        page.navigate(base + "/console/staff");
        page.getByLabel("이메일").fill(door.email());
        page.getByLabel("뮤지컬 〈한여름 밤의 꿈〉").check();
        page.getByRole(AriaRole.BUTTON, named("추가")).click();
        assertThat(page.locator(".notice-ok")).containsText("스태프를 추가했습니다");
        assertThat(page.locator("tr[data-staff='" + door.email() + "']")).containsText("뮤지컬 〈한여름 밤의 꿈〉");
        Browser.screenshot(page, "console-08-staff");
        page.context().close();
    }

    @Test
    void theSaleDashboardFollowsHoldsAndSalesLive() {
        Api api = new Api(port);
        Accounts.Person organizer = new Accounts(jdbc).create("라이브 기획", "ORGANIZER");
        String token = api.post("/api/v1/auth/login", null, Map.of("email", organizer.email(), "password", Accounts.PASSWORD))
                .json().get("accessToken").asString();
        Lineup lineup = new Lineup(api, token);
        Lineup.Show show = lineup.show(lineup.hall("잠실실내체육관"), "2026 겨울 재즈 페스티벌 — 대시보드", "CONCERT", 20, -1, 4);
        People people = new People(api, jdbc);
        Page page = browser.desktop();
        page.navigate(api.baseUrl() + "/login?next=/console/events/" + show.eventId() + "/dashboard");
        Accounts.logIn(page, organizer);
        assertThat(page.locator("[data-stat=sold]")).hasText("0");
        assertThat(page.locator("[data-stat=available]")).hasText("560");

        new Purchases(api).buy(people.fan().token(), show.performanceId(), List.of("A-1-7", "A-1-8"));
        new Purchases(api).hold(people.fan().token(), show.performanceId(), List.of("B-2-1", "B-2-2", "B-2-3"));

        // No reload: the figures refresh by themselves.
        assertThat(page.locator("[data-stat=sold]")).hasText("2");
        assertThat(page.locator("[data-stat=held]")).hasText("3");
        assertThat(page.locator("[data-stat=available]")).hasText("555");
        assertThat(page.locator("[data-stat=revenue]")).hasText("308,000원");
        Locator vip = page.locator("section").first().locator("tr[data-grade=VIP]");
        assertThat(vip.locator("[data-col=sold]")).hasText("2");
        Browser.screenshot(page, "console-05-dashboard");
        page.context().close();
    }

    @Test
    void doorStaffCheckATicketInOnceAndOnlyOnce() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        String organizer = people.organizer().token();
        Lineup lineup = new Lineup(api, organizer);
        Lineup.Show show = lineup.show(lineup.hall("세종문화회관 대극장"), "국립발레단 〈지젤〉", "CLASSIC", 22, -1, 4);
        String code = new Purchases(api).buy(people.fan().token(), show.performanceId(), List.of("C-3-9")).getFirst();
        Accounts.Person staff = new Accounts(jdbc).create("입장 스태프", "STAFF");
        assertThat(api.post("/api/v1/staff", organizer, Map.of("email", staff.email())).status()).isEqualTo(201);
        // the door opens on the performance's day: an hour before the start
        Instant startsAt = Instant.parse(api.get("/api/v1/events/" + show.eventId(), null).json()
                .get("performances").get(0).get("startsAt").asString());
        clock.advance(Duration.between(clock.instant(), startsAt.minus(Duration.ofHours(1))));
        Page page = browser.phone();

        page.navigate(api.baseUrl() + "/console/check-in");
        Accounts.logIn(page, staff);
        assertThat(page).hasURL(api.baseUrl() + "/console/check-in");
        page.getByLabel("티켓 코드").fill(code);
        page.getByRole(AriaRole.BUTTON, named("확인")).click();
        assertThat(page.locator(".verdict-ok")).containsText("입장 확인 완료");
        assertThat(page.locator(".verdict-ok .verdict-seat")).hasText("C-3-9");
        assertThat(page.getByLabel("티켓 코드")).isFocused();
        assertThat(page.getByLabel("티켓 코드")).hasValue("");
        Browser.screenshot(page, "console-06-check-in");

        page.getByLabel("티켓 코드").fill(code);
        page.getByRole(AriaRole.BUTTON, named("확인")).click();
        assertThat(page.locator(".verdict-no")).containsText("이미 입장한 티켓입니다");
        Browser.screenshot(page, "console-07-check-in-refused");
        String ticketStatus = jdbc.sql("SELECT status FROM tickets WHERE code = :c").param("c", code).query(String.class).single();
        assertThat(ticketStatus).isEqualTo("CHECKED_IN");

        // Staff are not organizers: the console says so instead of showing it.
        page.navigate(api.baseUrl() + "/console");
        assertThat(page.getByRole(AriaRole.HEADING, named("이 페이지를 볼 수 있는 권한이 없습니다"))).isVisible();
        page.context().close();
    }
}
