package io.ticketrush.account.persistence;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Replaces an account's password hash (the published demo passwords are retired this way). */
@Repository
public class PasswordRows {

    private final JdbcClient jdbc;

    PasswordRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void replaceHash(UUID accountId, String passwordHash) {
        int changed = jdbc.sql("UPDATE accounts SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash).param("id", accountId).update();
        if (changed != 1) {
            throw new IllegalStateException("No account " + accountId + " to retire the password of");
        }
    }
}
