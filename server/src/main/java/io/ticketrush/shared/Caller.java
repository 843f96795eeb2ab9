package io.ticketrush.shared;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The authenticated person making the current request, read from the verified access token. */
public record Caller(UUID userId, Set<String> roles) {

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new DomainException(401, "unauthenticated", "Sign in first");
        }
        return new Caller(UUID.fromString(jwt.getSubject()), roles(authentication.getAuthorities()));
    }

    /** The caller when the request carries a valid token; empty for anonymous requests. */
    public static java.util.Optional<Caller> ifAuthenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt
                ? java.util.Optional.of(current()) : java.util.Optional.empty();
    }

    /**
     * Refuses (403 {@code email-not-verified}) a signed-in person whose access token does not say
     * they confirmed their email address (claim {@code ev}). Seat holds call this first.
     */
    public static void requireVerifiedEmail() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new DomainException(401, "unauthenticated", "Sign in first");
        }
        if (!Boolean.TRUE.equals(jwt.getClaimAsBoolean("ev"))) {
            throw new DomainException(403, "email-not-verified",
                    "Confirm your email address first: open the link we mailed you (or ask for a new one)");
        }
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
    }
}
