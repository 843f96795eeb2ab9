package io.ticketrush.storefront.web;


/**
 * The page session's cookie name and where to go after signing in. The cookies themselves are
 * written by {@link io.ticketrush.account.PageCookies} (access + refresh token).
 */
final class SessionCookie {

    /** Must match {@code account.security.SecurityConfiguration.PAGE_TOKEN_COOKIE}. */
    static final String NAME = "ticketrush_session";

    private SessionCookie() {
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
