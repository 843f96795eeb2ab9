package io.ticketrush.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fan on a phone, in a real Chromium: from the home page to QR tickets for two seats. */
@IntegrationTest
class FanJourneyBrowserTests {

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
    void aFanGoesFromTheHomePageToQrTicketsForTwoSeats() throws Exception {
        Api api = new Api(port);
        Lineup lineup = new Lineup(api, new People(api, jdbc).organizer().token());
        String hall = lineup.hall("올림픽공원 올림픽홀");
        Lineup.Show jazz = lineup.show(hall, "2026 겨울 재즈 페스티벌 — Blue Night", "CONCERT", 3, -1, 4);
        lineup.show(hall, "뮤지컬 〈레미제라블〉 서울 공연", "MUSICAL", 5, -1, 4);
        lineup.show(hall, "국립발레단 〈호두까기 인형〉", "CLASSIC", 7, -1, 4);
        lineup.show(hall, "KBL 올스타전 2026", "SPORTS", 9, 26, 4);
        String base = api.baseUrl();
        Page page = browser.phone();

        // Sign up from the header and come back to the home page.
        page.navigate(base + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("회원가입")).first().click();
        String email = "fan-" + UUID.randomUUID() + "@example.com";
        page.getByLabel("이름").fill("김지민");
        page.getByLabel("이메일").fill(email);
        page.getByLabel("비밀번호").fill("correct-horse-9");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("가입하고 시작하기")).click();
        assertThat(page).hasURL(base + "/");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("마이페이지"))).isVisible();
        assertThat(page.locator(".event-card").first()).isVisible();
        Browser.screenshotOfScreen(page, "fan-01-home");

        // Search, open the event.
        page.locator("#q").fill("재즈");
        Locator card = page.locator(".event-card", new Page.LocatorOptions().setHasText(jazz.title()));
        assertThat(page.locator(".event-card")).hasCount(1);
        card.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(jazz.title()))).isVisible();
        assertThat(page.locator(".performance").first()).containsText("VIP석 64석");
        Browser.screenshot(page, "fan-02-event");

        // Seat map: pick A-1-5 by tap, A-1-6 with the keyboard.
        page.locator(".performance").first().getByRole(AriaRole.LINK).click();
        Locator first = page.locator("[data-seat='A-1-5']");
        Locator second = page.locator("[data-seat='A-1-6']");
        assertThat(first).hasAttribute("aria-disabled", "false");
        page.getByLabel("배치도 확대").click();
        first.click();
        assertThat(first).hasAttribute("aria-checked", "true");
        page.keyboard().press("ArrowRight");
        assertThat(second).isFocused();
        page.keyboard().press("Space");
        assertThat(second).hasAttribute("aria-checked", "true");
        assertThat(page.locator("#pick-count")).hasText("2");
        assertThat(page.locator("#pick-total")).hasText("308,000원");
        Browser.screenshot(page, "fan-03-seats");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("좌석 선택 완료")).click();

        // Review with the hold's countdown, then pay with the approving test card.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("예매 확인"))).isVisible();
        assertThat(page.locator(".hold-timer-clock")).hasText(Pattern.compile("^[45]:\\d\\d$"));
        assertThat(page.locator(".seat-table tbody tr")).hasCount(2);
        assertThat(page.locator(".seat-table .total")).hasText("308,000원");
        Browser.screenshot(page, "fan-04-review");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("결제하기")).click();

        assertThat(page.locator(".hold-timer-clock")).hasText(Pattern.compile("^[45]:\\d\\d$"));
        assertThat(page.locator(".test-cards")).containsText("4000-0000-0000-0002");
        // pay.js (deferred) formats the number as it is typed: type only once it has run
        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
        page.getByLabel("카드 번호").fill("4000000000000000");
        assertThat(page.getByLabel("카드 번호")).hasValue("4000-0000-0000-0000");
        Browser.screenshot(page, "fan-05-payment");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("308,000원 결제하기")).click();

        // The result: two tickets whose QR codes carry their signed codes.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("예매가 완료되었습니다"))).isVisible();
        Locator tickets = page.locator(".ticket");
        assertThat(tickets).hasCount(2);
        assertThat(tickets.nth(0)).containsText("플로어 A구역 1열 5번");
        assertThat(tickets.nth(1)).containsText("플로어 A구역 1열 6번");
        Browser.screenshot(page, "fan-06-tickets");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String shown = tickets.nth(i).locator(".ticket-code code").textContent().strip();
            assertThat(decodeQr(tickets.nth(i).locator("svg.qr"))).isEqualTo(shown);
            codes.add(shown);
        }
        List<String> issued = jdbc.sql("""
                SELECT t.code FROM tickets t JOIN accounts a ON a.id = t.owner_id
                WHERE a.email = :email AND t.status = 'VALID' ORDER BY t.seat_id""")
                .param("email", email).query(String.class).list();
        assertThat(codes).containsExactlyElementsOf(issued);

        // My page lists the booking and the tickets.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("마이페이지")).click();
        assertThat(page.locator(".order-card")).hasCount(1);
        assertThat(page.locator(".order-card")).containsText("예매 완료");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("모바일 티켓")).click();
        assertThat(page.locator(".ticket svg.qr")).hasCount(2);

        // The same page in English.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mobile tickets"))).isVisible();
        assertThat(page.locator(".ticket-list")).containsText("플로어 A구역, row 1, seat 5");
        Browser.screenshot(page, "fan-07-tickets-en");
        page.context().close();
    }

    @Test
    void aDeclinedCardEndsTheOrderAndPutsTheBestAvailableSeatsBackOnSale() {
        Api api = new Api(port);
        Lineup lineup = new Lineup(api, new People(api, jdbc).organizer().token());
        Lineup.Show show = lineup.show(lineup.hall("LG아트센터 서울"), "연극 〈햄릿〉", "THEATER", 25, -1, 4);
        Accounts.Person fan = new Accounts(jdbc).create("이서연", "FAN");
        Page page = browser.desktop();

        // A stranger is sent to log in and comes back to the seat map.
        page.navigate(api.baseUrl() + "/performances/" + show.performanceId() + "/seats");
        page.getByLabel("등급", new Page.GetByLabelOptions().setExact(true)).selectOption("R");
        page.getByLabel("매수", new Page.GetByLabelOptions().setExact(true)).selectOption("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("자동 배정 받기")).click();
        assertThat(page).hasURL(Pattern.compile("/login\\?next="));
        Accounts.logIn(page, fan);
        assertThat(page).hasURL(api.baseUrl() + "/performances/" + show.performanceId() + "/seats");
        page.getByLabel("등급", new Page.GetByLabelOptions().setExact(true)).selectOption("R");
        page.getByLabel("매수", new Page.GetByLabelOptions().setExact(true)).selectOption("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("자동 배정 받기")).click();

        // Best available: two neighbours at the front of grade R.
        assertThat(page.locator(".seat-table tbody tr")).hasCount(2);
        assertThat(page.locator(".seat-table tbody")).containsText("1층 B구역 1열 1번");
        assertThat(page.locator(".seat-table tbody")).containsText("1층 B구역 1열 2번");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("결제하기")).click();
        page.locator(".test-card", new Page.LocatorOptions().setHasText("4000-0000-0000-0002")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("242,000원 결제하기")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("결제에 실패했습니다"))).isVisible();
        assertThat(page.locator(".notice-error")).containsText("카드사에서 결제를 거절했습니다");
        Browser.screenshot(page, "fan-08-declined");
        String seats = jdbc.sql("SELECT string_agg(status, ',' ORDER BY seat_id) FROM seat_inventory WHERE performance_id = :p AND seat_id IN ('B-1-1', 'B-1-2')")
                .param("p", UUID.fromString(show.performanceId())).query(String.class).single();
        assertThat(seats).isEqualTo("AVAILABLE,AVAILABLE");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("좌석 다시 고르기")).click();
        assertThat(page.locator("[data-seat='B-1-1']")).hasAttribute("aria-disabled", "false");
        page.context().close();
    }

    private static String decodeQr(Locator qr) throws Exception {
        byte[] png = qr.screenshot();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // The element is the bare code with its quiet zone: PURE_BARCODE reads it reliably (the plain
        // reader misses about 1 in 80 random codes at this size).
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
