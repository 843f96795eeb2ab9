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

    /**
     * A same-site path to go back to after signing in; anything else is "/": other hosts and schemes
     * ({@code //host}, {@code /\\host}, {@code https:}), control characters, spaces and backslashes anywhere
     * (a browser drops a tab or newline in {@code /\t/host} and lands on {@code //host}), non-ASCII
     * characters, and the sign-in pages themselves.
     */
    static String safeNext(@org.jspecify.annotations.Nullable String next) {
        if (next == null || next.isEmpty() || next.length() > 2048 || next.charAt(0) != '/') {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return "/";
            }
        }
        try {
            java.net.URI uri = new java.net.URI(next);
            String path = uri.getRawPath();
            if (uri.getScheme() != null || uri.getRawAuthority() != null || path == null || !path.startsWith("/")
                    || path.startsWith("//") || path.startsWith("/login") || path.startsWith("/signup")) {
                return "/";
            }
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
        return next;
    }
}
