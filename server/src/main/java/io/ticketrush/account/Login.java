package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.shared.DomainException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Exchanges email + password for an access token and a refresh token. */
@Component
public class Login {

    // Hash of a random string: unknown emails cost as much as wrong passwords (no user enumeration by timing).
    private final String decoyHash;
    private final AccountRows rows;
    private final PasswordEncoder passwords;
    private final Sessions sessions;
    private final AddressBudgets budgets;
    private final LoginLockout lockout;

    Login(AccountRows rows, PasswordEncoder passwords, Sessions sessions, AddressBudgets budgets, LoginLockout lockout) {
        this.budgets = budgets;
        this.lockout = lockout;
        this.rows = rows;
        this.passwords = passwords;
        this.sessions = sessions;
        this.decoyHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    /** An access token (short-lived) with the refresh token that renews it. */
    public record Token(String accessToken, String refreshToken, long expiresIn) {
    }

    /**
     * Checks the address's budget and the account's lockout first (429 {@code too-many-attempts}),
     * then the password; a failure counts towards the account's lockout.
     *
     * @param clientAddress {@code request.getRemoteAddr()}: after the trusted-proxy valve, never a raw header
     */
    public Token logIn(String email, String password, String clientAddress) {
        budgets.takeLogin(clientAddress);
        lockout.checkAdmitted(email, clientAddress);
        var credentials = rows.findByEmail(email.trim());
        String hash = credentials.map(AccountRows.Credentials::passwordHash).orElse(null);
        boolean matches = passwords.matches(password, hash != null ? hash : decoyHash);
        if (credentials.isEmpty() || hash == null || !matches) {
            lockout.failed(email);
            throw new DomainException(401, "bad-credentials", "Email or password is wrong");
        }
        lockout.succeeded(email, clientAddress);
        return sessions.start(credentials.get().account(), credentials.get().tokenGeneration(),
                credentials.get().emailVerified());
    }
}
