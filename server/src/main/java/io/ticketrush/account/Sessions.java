package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.shared.DomainException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A signed-in person's tokens: started by a log-in, renewed with the refresh token, ended by log-out. */
@Component
public class Sessions {

    private final AccountRows accounts;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final TokenRevocations revocations;

    Sessions(AccountRows accounts, AccessTokens accessTokens, RefreshTokens refreshTokens,
            TokenRevocations revocations) {
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
    }

    Login.Token start(Account account, int generation, boolean emailVerified) {
        var access = accessTokens.issue(account.id(), account.roles(), generation, emailVerified);
        return new Login.Token(access.token(), refreshTokens.issue(account.id()), access.expiresInSeconds());
    }

    /**
     * A new pair for a refresh token, which is spent by it; the access token carries the account's
     * roles as they are now. Refused (401 {@code invalid-refresh-token}) when unknown, expired,
     * revoked or already spent; a spent one used again revokes its whole family.
     */
    public Login.Token refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case RefreshTokens.Rotation.Rotated(UUID userId, String next) -> {
                var subject = accounts.findTokenSubject(userId).orElseThrow(Sessions::invalid);
                var access = accessTokens.issue(userId, subject.account().roles(), subject.tokenGeneration(),
                        subject.emailVerified());
                yield new Login.Token(access.token(), next, access.expiresInSeconds());
            }
            case RefreshTokens.Rotation.Refused refused -> throw invalid();
        };
    }

    /** Ends the session: its refresh token family is revoked and the account's access tokens too. */
    public void logOut(String refreshToken) {
        refreshTokens.revoke(refreshToken).ifPresent(revocations::revokeAll);
    }

    private static DomainException invalid() {
        return new DomainException(401, "invalid-refresh-token", "This refresh token is unknown, expired, revoked or spent");
    }
}
