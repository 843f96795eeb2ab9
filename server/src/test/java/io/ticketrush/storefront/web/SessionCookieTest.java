package io.ticketrush.storefront.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void sameSitePathsAreKept() {
        for (String next : new String[] {"/", "/events/42/queue?performance=7", "/my/tickets", "/orders/1/pay#top",
                "/search?q=%EC%BD%98%EC%84%9C%ED%8A%B8"}) {
            assertThat(SessionCookie.safeNext(next)).as(next).isEqualTo(next);
        }
    }

    @Test
    void anythingThatIsNotASameSitePathGoesHome() {
        for (String next : new String[] {"//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)",
                "evil.example", "", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example",
                "/%09/ok-but-then\u0000", "/path\\..\\..\\evil", "/\u3000/evil.example", "/\uFF0F\uFF0Fevil.example",
                "/login?next=//evil.example", "/signup", "/x\u007f"}) {
            assertThat(SessionCookie.safeNext(next)).as("%s", next.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo("/");
        }
        assertThat(SessionCookie.safeNext(null)).isEqualTo("/");
    }
}
