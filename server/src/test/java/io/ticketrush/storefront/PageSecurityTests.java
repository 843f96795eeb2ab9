package io.ticketrush.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.IntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages' session cookie and CSRF protection, over plain HTTP: the cookie signs a person in
 * on pages only (never on the JSON API), page posts need the CSRF token, role pages redirect or refuse.
 */
@IntegrationTest
class PageSecurityTests {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static HttpClient client(CookieManager cookies) {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(HttpClient client, String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Logs in through the page form; returns the Set-Cookie header of the session cookie. */
    private String logIn(HttpClient client, Accounts.Person person) throws Exception {
        HttpResponse<String> form = get(client, "/login?next=/my");
        Matcher csrf = CSRF_FIELD.matcher(form.body());
        assertThat(csrf.find()).as("the log-in form carries a CSRF token").isTrue();
        HttpResponse<String> login = postForm(client, "/login?next=/my",
                "_csrf=" + enc(csrf.group(1)) + "&email=" + enc(person.email()) + "&password=" + enc(Accounts.PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/my"));
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ticketrush_session=")).findFirst()
                .orElseThrow();
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSignsInOnPagesButNeverOnTheApi() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = client(cookies);
        Accounts.Person fan = new Accounts(jdbc).create("쿠키 팬", "FAN");

        String session = logIn(client, fan);
        assertThat(session).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");

        HttpResponse<String> myPage = get(client, "/my");
        assertThat(myPage.statusCode()).isEqualTo(200);
        assertThat(myPage.body()).contains("쿠키 팬");

        HttpResponse<String> styles = get(client, "/css/app.css");
        assertThat(styles.headers().allValues("Set-Cookie")).as("sub-resources keep the CSRF cookie")
                .noneMatch(c -> c.startsWith("XSRF-TOKEN="));

        HttpResponse<String> api = get(client, "/api/v1/me");
        assertThat(api.statusCode()).as("the API ignores the page cookie").isEqualTo(401);
    }

    @Test
    void pagePostsWithoutTheCsrfTokenAreRefused() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = client(cookies);
        Accounts.Person fan = new Accounts(jdbc).create("CSRF 팬", "FAN");
        logIn(client, fan);

        HttpResponse<String> forged = postForm(client, "/performances/" + java.util.UUID.randomUUID() + "/holds", "seatIds=A-1-1");
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> loginWithoutToken = postForm(HttpClient.newBuilder().build(), "/login",
                "email=" + enc(fan.email()) + "&password=" + enc(Accounts.PASSWORD));
        assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
        assertThat(loginWithoutToken.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("ticketrush_session="));
    }

    @Test
    void onlyABearerTokenExemptsAPagePostFromCsrfNotAnyAuthorizationHeader() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = client(cookies);
        logIn(client, new Accounts(jdbc).create("Basic 팬", "FAN"));
        for (String header : List.of("Basic Zm9vOmJhcg==", "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag", "Digest username=\"x\"")) {
            HttpResponse<String> forged = client.send(HttpRequest.newBuilder(
                            URI.create(base() + "/performances/" + java.util.UUID.randomUUID() + "/holds"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", header)
                    .POST(HttpRequest.BodyPublishers.ofString("seatIds=A-1-1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as(header).isEqualTo(403);
            assertThat(forged.body()).as(header).contains("권한이 없습니다");
        }
    }

    @Test
    void aPageSessionOutlivesItsShortAccessTokenThroughTheRefreshCookieAndLogOutEndsIt() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = client(cookies);
        logIn(client, new Accounts(jdbc).create("갱신 팬", "FAN"));
        String refresh = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ticketrush_refresh"))
                .findFirst().orElseThrow().getValue();

        // the access cookie has expired (it lives as long as its token): only the refresh cookie is sent
        CookieManager freshCookies = new CookieManager();
        HttpClient fresh = client(freshCookies);
        HttpResponse<String> myPage = fresh.send(HttpRequest.newBuilder(URI.create(base() + "/my"))
                .header("Accept", "text/html").header("Cookie", "ticketrush_refresh=" + refresh).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(myPage.statusCode()).isEqualTo(200);
        assertThat(myPage.body()).contains("갱신 팬");
        assertThat(myPage.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("ticketrush_session="))
                .anyMatch(c -> c.startsWith("ticketrush_refresh=") && !c.contains("ticketrush_refresh=" + refresh + ";"));
        String renewed = myPage.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ticketrush_refresh="))
                .findFirst().orElseThrow().split(";")[0];

        HttpResponse<String> again = get(fresh, "/my");
        Matcher csrf = CSRF_FIELD.matcher(again.body());
        assertThat(csrf.find()).as("signed in on the renewed cookies").isTrue();
        HttpResponse<String> logout = postForm(fresh, "/logout", "_csrf=" + enc(csrf.group(1)));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = client(new CookieManager()).send(HttpRequest.newBuilder(URI.create(base() + "/my"))
                .header("Accept", "text/html").header("Cookie", renewed).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("the logged-out refresh token renews nothing").isEqualTo(302);
    }

    @Test
    void rolePagesRedirectStrangersToLogInAndRefuseTheWrongRole() throws Exception {
        HttpResponse<String> anonymous = get(client(new CookieManager()), "/console/events/new");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login?next=%2Fconsole%2Fevents%2Fnew");

        CookieManager cookies = new CookieManager();
        HttpClient client = client(cookies);
        logIn(client, new Accounts(jdbc).create("팬", "FAN"));
        HttpResponse<String> console = get(client, "/console");
        assertThat(console.statusCode()).isEqualTo(403);
        assertThat(console.body()).contains("권한이 없습니다");
        HttpResponse<String> door = get(client, "/console/check-in");
        assertThat(door.statusCode()).isEqualTo(403);
    }

    @Test
    void logInGoesBackOnlyToLocalPages() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = client(cookies);
        Accounts.Person fan = new Accounts(jdbc).create("팬", "FAN");
        for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example")) {
            Matcher csrf = CSRF_FIELD.matcher(get(client, "/login").body());
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> login = postForm(client, "/login?next=" + enc(next),
                    "_csrf=" + enc(csrf.group(1)) + "&email=" + enc(fan.email()) + "&password=" + enc(Accounts.PASSWORD));
            String location = login.headers().firstValue("Location").orElseThrow();
            assertThat(location.startsWith(base()) ? location.substring(base().length()) : location).as(next).isEqualTo("/");
        }
    }

    @Test
    void pagesSpeakKoreanByDefaultAndEnglishOnRequest() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = client(cookies);
        assertThat(get(client, "/").body()).contains("지금 예매할 수 있는 공연").contains("lang=\"ko\"");
        HttpResponse<String> english = get(client, "/?lang=en");
        assertThat(english.body()).contains("On sale now").contains("lang=\"en\"");
        assertThat(get(client, "/").body()).as("the choice is kept in a cookie").contains("On sale now");
        assertThat(get(client, "/?lang=ko").body()).contains("지금 예매할 수 있는 공연");
    }

    @Test
    void unknownPageAddressesGetTheHtml404PageWhileTheApiKeepsProblemJson() throws Exception {
        HttpClient client = client(new CookieManager());

        HttpResponse<String> page = get(client, "/no-such-page/here");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("찾으시는 페이지가 없습니다").contains("<header");

        String token = new io.ticketrush.testing.People(new io.ticketrush.testing.Api(port), jdbc).fan().token();
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/no-such-thing"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"code\":\"not-found\"");

        HttpResponse<String> publicApi = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/no-such"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(publicApi.body()).doesNotContain("<html");
    }

    @Test
    void theWaitingRoomStreamIsAPageRouteThatNeedsTheSessionCookie() throws Exception {
        HttpResponse<String> stranger = get(client(new CookieManager()), "/events/" + java.util.UUID.randomUUID() + "/queue/stream");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?next="));
    }
}
