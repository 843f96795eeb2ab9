package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Read access to accounts for other modules. */
@Component
public class Accounts {

    private final AccountRows rows;

    Accounts(AccountRows rows) {
        this.rows = rows;
    }

    public Optional<Account> findById(UUID id) {
        return rows.findById(id);
    }

    public Optional<Account> findByEmail(String email) {
        return rows.findByEmail(email).map(AccountRows.Credentials::account);
    }
}
