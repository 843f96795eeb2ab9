package io.ticketrush.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Coupons and presale on pages, in a real Chromium: an organizer creates a campaign in the console
 * (a bad field first), a fan claims it on the event page (and is told when another one ran out),
 * pays less with it at checkout and finds it used in the coupon box; the dashboard's takings are
 * what was paid; the presale page sets a window, makes codes and serves their CSV.
 */
@IntegrationTest
class CouponBrowserTests {

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

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void aFanClaimsACouponOnTheEventPageAndPaysLessWithIt() throws Exception {
        Api api = new Api(port);
        Accounts accounts = new Accounts(jdbc);
        Accounts.Person organizer = accounts.create("쿠폰 기획", "ORGANIZER");
        String organizerToken = login(api, organizer);
        Lineup lineup = new Lineup(api, organizerToken);
        Lineup.Show show = lineup.show(lineup.hall("블루스퀘어 마스터카드홀"), "뮤지컬 〈시카고〉 쿠폰 특가", "MUSICAL", 12, -1, 4);

        // The console: a percentage over 100 is refused on its field, then the campaign is made.
        Page console = browser.desktop();
        console.navigate(api.baseUrl() + "/login?next=/console/coupons");
        Accounts.logIn(console, organizer);
        console.getByLabel("이름", new Page.GetByLabelOptions().setExact(true)).fill("오픈 기념 10% 할인");
        console.getByLabel("할인 방식").selectOption("PERCENT");
        console.getByLabel("할인 값").fill("150");
        console.getByLabel("총 수량").fill("100");
        console.getByLabel("공연", new Page.GetByLabelOptions().setExact(true)).selectOption(show.eventId());
        console.getByRole(AriaRole.BUTTON, named("캠페인 만들기")).click();
        assertThat(console.locator("#discountValue")).hasAttribute("aria-invalid", "true");
        assertThat(console.locator(".field-error")).containsText("1에서 100 사이");
        console.getByLabel("할인 값").fill("10");
        console.getByRole(AriaRole.BUTTON, named("캠페인 만들기")).click();
        assertThat(console.locator(".notice-ok")).containsText("쿠폰 캠페인을 만들었습니다");
        Locator row = console.locator(".campaign-table tbody tr", new Page.LocatorOptions().setHasText("오픈 기념 10% 할인"));
        assertThat(row).containsText("0 / 100");
        assertThat(row).containsText(show.title());

        // A first-come campaign of one coupon, made through the API.
        Api.Response single = api.post("/api/v1/coupon-campaigns", organizerToken, Map.of("name", "선착순 1명 5,000원",
                "discount", Map.of("type", "FIXED", "value", 5000), "totalQuantity", 1, "perPersonLimit", 1,
                "startsAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                "endsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString(), "eventId", show.eventId()));
        assertThat(single.status()).as(single.toString()).isEqualTo(201);

        // The fan sees both on the event page; someone else takes the single coupon before the click.
        Accounts.Person fan = accounts.create("한지우", "FAN");
        Page page = browser.phone();
        page.navigate(api.baseUrl() + "/login?next=/events/" + show.eventId());
        Accounts.logIn(page, fan);
        assertThat(page.locator(".campaign")).hasCount(2);
        People.Person quicker = new People(api, jdbc).fan();
        assertThat(api.post("/api/v1/coupon-campaigns/" + single.json().get("campaignId").asString() + "/claims",
                quicker.token(), Map.of()).status()).isEqualTo(201);
        page.getByRole(AriaRole.BUTTON, named("선착순 1명 5,000원 쿠폰 받기")).click();
        assertThat(page.locator("#coupons .notice-error")).hasText("쿠폰이 모두 소진되었습니다.");
        page.getByRole(AriaRole.BUTTON, named("오픈 기념 10% 할인 쿠폰 받기")).click();
        assertThat(page.locator("#coupons .notice-ok")).containsText("쿠폰을 받았습니다");
        assertThat(page.locator(".campaign", new Page.LocatorOptions().setHasText("오픈 기념"))).containsText("받은 쿠폰");
        Browser.screenshot(page, "fan-coupon-claim");

        // Checkout: the coupon is offered with its discount; the payment is for the rest.
        page.locator(".performance").first().getByRole(AriaRole.LINK).click();
        page.getByLabel("등급", new Page.GetByLabelOptions().setExact(true)).selectOption("VIP");
        page.getByLabel("매수", new Page.GetByLabelOptions().setExact(true)).selectOption("2");
        page.getByRole(AriaRole.BUTTON, named("자동 배정 받기")).click();
        Locator choice = page.locator(".coupon-choice", new Page.LocatorOptions().setHasText("오픈 기념 10% 할인"));
        assertThat(choice.locator(".coupon-off")).hasText("−30,800원");
        assertThat(page.locator(".coupon-choice", new Page.LocatorOptions().setHasText("선착순"))).hasCount(0);
        choice.locator("input").check();
        Browser.screenshot(page, "fan-coupon-checkout");
        page.getByRole(AriaRole.BUTTON, named("결제하기")).click();
        assertThat(page.locator(".seat-table .discount")).hasText("−30,800원");
        assertThat(page.locator(".seat-table .total")).hasText("277,200원");
        page.getByLabel("카드 번호").fill("4000000000000000");
        page.getByRole(AriaRole.BUTTON, named("277,200원 결제하기")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("예매가 완료되었습니다"))).isVisible();

        // The coupon box shows it used.
        page.navigate(api.baseUrl() + "/my/coupons");
        Locator card = page.locator(".coupon-card", new Page.LocatorOptions().setHasText("오픈 기념 10% 할인"));
        assertThat(card.locator(".badge")).hasText("사용 완료");
        Browser.screenshot(page, "fan-coupon-box");

        // The organizer's dashboard counts what was paid, after the discount; the campaign shows one issued.
        console.navigate(api.baseUrl() + "/console/events/" + show.eventId() + "/dashboard");
        assertThat(console.locator("[data-stat=revenue]")).hasText("277,200원");
        assertThat(console.locator("[data-stat=sold]")).hasText("2");
        console.navigate(api.baseUrl() + "/console/coupons");
        assertThat(row).containsText("1 / 100");
        Browser.screenshot(console, "console-coupons");

        // Presale: a window before the general sale, five codes, and their CSV.
        console.navigate(api.baseUrl() + "/console/events/" + show.eventId() + "/presale");
        console.getByRole(AriaRole.BUTTON, named("저장")).click();
        assertThat(console.locator(".notice-ok")).containsText("선예매 기간을 저장했습니다");
        console.getByLabel("코드 수").fill("5");
        console.getByRole(AriaRole.BUTTON, named("코드 만들기")).click();
        assertThat(console.locator(".notice-ok")).containsText("접근 코드를 만들었습니다");
        assertThat(console.locator(".data-table tbody tr")).hasCount(1);
        assertThat(console.locator(".data-table tbody tr")).containsText("5");
        Browser.screenshot(console, "console-presale");
        Download download = console.waitForDownload(() -> console.getByRole(AriaRole.LINK, named("CSV 내려받기")).click());
        List<String> lines = Files.readAllLines(download.path());
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).isEqualTo("code,uses_allowed,uses,batch_id,created_at");
        assertThat(lines.get(1)).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4},1,0,[0-9a-f-]{36},.+");
        long stored = jdbc.sql("SELECT count(*) FROM presale_codes WHERE event_id = :e")
                .param("e", UUID.fromString(show.eventId())).query(Long.class).single();
        assertThat(stored).isEqualTo(5);
        console.context().close();
        page.context().close();
    }

    private static String login(Api api, Accounts.Person person) {
        return api.post("/api/v1/auth/login", null, Map.of("email", person.email(), "password", Accounts.PASSWORD))
                .json().get("accessToken").asString();
    }
}
