package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs people up (as FAN) and creates accounts with given roles for seeding. With
 * {@code ticketrush.account.email-verification} on (the default) a new fan's address is unverified
 * and a verification link is mailed; seeded accounts are verified.
 */
@Component
public class Registration {

    private static final Log log = LogFactory.getLog(Registration.class);

    private final AccountRows rows;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AddressBudgets budgets;
    private final EmailVerification verification;
    private final boolean verify;

    Registration(AccountRows rows, PasswordEncoder passwords, Clock clock, AddressBudgets budgets,
            EmailVerification verification, VerificationSettings settings) {
        this.budgets = budgets;
        this.rows = rows;
        this.passwords = passwords;
        this.clock = clock;
        this.verification = verification;
        this.verify = settings.emailVerification();
        if (!verify) {
            log.warn("Email verification is OFF (ticketrush.account.email-verification=false): new accounts may hold seats"
                    + " without confirming their address. Benchmarks and tests only.");
        }
    }

    /** Signs a fan up, within the address's sign-up budget (429 {@code too-many-attempts} beyond it). */
    public Account signUp(String email, String password, String name, String clientAddress) {
        budgets.takeSignup(clientAddress);
        Account account = create(email, password, name, Set.of(Role.FAN), !verify);
        if (verify) {
            try {
                verification.send(account);
            } catch (RuntimeException mailDown) {
                // the account exists; the person asks for the link again (POST /api/v1/auth/verify-email/resend)
                log.warn("Could not send the verification mail to " + account.email() + ": " + mailDown.getMessage());
            }
        }
        return account;
    }

    /** Whether sign-ups must confirm their address before holding seats. */
    public boolean verificationRequired() {
        return verify;
    }

    private Account create(String email, String password, String name, Set<Role> roles, boolean verified) {
        Account account = new Account(Ids.next(), email.trim(), name.trim(), roles);
        if (!rows.insert(account, passwords.encode(password), clock.instant(), verified)) {
            throw DomainException.conflict("email-taken", "An account with this email already exists");
        }
        return account;
    }

    /** Creates the account (verified) unless the email is already registered; used by the demo seed. */
    void ensure(String email, String password, String name, Set<Role> roles) {
        if (rows.findByEmail(email).isEmpty()) {
            rows.insert(new Account(Ids.next(), email, name, roles), passwords.encode(password), clock.instant(), true);
        }
    }
}
