package io.ticketrush.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Keeps a signed-in person's access token in an HttpOnly, SameSite=Lax cookie (Secure over
 * https). The security configuration reads the same cookie, for page routes only.
 */
final class SessionCookie {

    /** Must match {@code account.security.SecurityConfiguration.PAGE_TOKEN_COOKIE}. */
    static final String NAME = "ticketrush_session";
    /** Spring Security's CSRF cookie: renewed at sign-in so a token planted earlier is worthless. */
    private static final String CSRF = "XSRF-TOKEN";

    private SessionCookie() {
    }

    static void signIn(HttpServletRequest request, HttpServletResponse response, String token, long ttlSeconds) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, NAME, token, Duration.ofSeconds(ttlSeconds)));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, CSRF, "", Duration.ZERO));
    }

    private static String cookie(HttpServletRequest request, String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build()
                .toString();
    }

    /** A local path to go back to after signing in; anything else (other hosts, odd schemes) is "/". */
    static String safeNext(@org.jspecify.annotations.Nullable String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/login") || next.startsWith("/signup")) {
            return "/";
        }
        return next;
    }
}
