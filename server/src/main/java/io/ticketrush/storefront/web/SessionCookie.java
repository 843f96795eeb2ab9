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
