package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import io.ticketrush.shared.DomainException;
import io.ticketrush.shared.Ids;
import java.time.Clock;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Signs people up (as FAN) and creates accounts with given roles for seeding. */
@Component
public class Registration {

    private final AccountRows rows;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Registration(AccountRows rows, PasswordEncoder passwords, Clock clock) {
        this.rows = rows;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Account signUp(String email, String password, String name) {
        return create(email, password, name, Set.of(Role.FAN));
    }

    Account create(String email, String password, String name, Set<Role> roles) {
        Account account = new Account(Ids.next(), email.trim(), name.trim(), roles);
        if (!rows.insert(account, passwords.encode(password), clock.instant())) {
            throw DomainException.conflict("email-taken", "An account with this email already exists");
        }
        return account;
    }

    /** Creates the account unless the email is already registered; used by the demo seed. */
    void ensure(String email, String password, String name, Set<Role> roles) {
        if (rows.findByEmail(email).isEmpty()) {
            rows.insert(new Account(Ids.next(), email, name, roles), passwords.encode(password), clock.instant());
        }
    }
}
