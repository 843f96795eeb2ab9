package io.ticketrush.ticket;

import io.ticketrush.testing.Fans;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** People with door roles: inserted as account rows (only the account module can create them), then logged in. */
final class Staff {

    private static final String PASSWORD = "door staff password";

    private Staff() {
    }

    /** Returns an access token for a new account holding {@code role}. */
    static String token(JdbcClient jdbc, Fans fans, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("""
                INSERT INTO accounts (id, email, name, password_hash, roles, synthetic, created_at)
                VALUES (:id, :email, :name, :hash, :roles, FALSE, :now)
                """)
                .param("id", UUID.randomUUID())
                .param("email", email)
                .param("name", "Door " + role)
                .param("hash", PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD))
                .param("roles", new String[] {role})
                .param("now", Timestamp.from(Instant.now()))
                .update();
        return fans.login(email, PASSWORD);
    }
}
