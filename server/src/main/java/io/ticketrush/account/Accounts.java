package io.ticketrush.account;

import io.ticketrush.account.persistence.AccountRows;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Read access to accounts for other modules, and the role changes they make. */
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

    /** Adds a role (the ticket module grants STAFF to the people an organizer assigns to its doors). */
    public void grant(UUID id, Role role) {
        rows.addRole(id, role);
    }

    /** Takes a role away; the person's other roles stay. */
    public void revoke(UUID id, Role role) {
        rows.removeRole(id, role);
    }
}
