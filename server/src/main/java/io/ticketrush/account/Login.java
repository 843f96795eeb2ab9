package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.shared.DomainException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Exchanges email + password for an access token. */
@Component
public class Login {

    // Hash of a random string: unknown emails cost as much as wrong passwords (no user enumeration by timing).
    private final String decoyHash;
    private final AccountRows rows;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;

    Login(AccountRows rows, PasswordEncoder passwords, AccessTokens tokens) {
        this.rows = rows;
        this.passwords = passwords;
        this.tokens = tokens;
        this.decoyHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    public record Token(String accessToken, long expiresIn) {
    }

    public Token logIn(String email, String password) {
        var credentials = rows.findByEmail(email.trim());
        String hash = credentials.map(AccountRows.Credentials::passwordHash).orElse(null);
        boolean matches = passwords.matches(password, hash != null ? hash : decoyHash);
        if (credentials.isEmpty() || hash == null || !matches) {
            throw new DomainException(401, "bad-credentials", "Email or password is wrong");
        }
        var issued = tokens.issue(credentials.get().account().id(), credentials.get().account().roles());
        return new Token(issued.token(), issued.expiresInSeconds());
    }
}
