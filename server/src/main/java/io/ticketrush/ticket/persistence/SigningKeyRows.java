package io.ticketrush.ticket.persistence;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one-row table holding the development signing key. */
@Repository
public class SigningKeyRows {

    private final JdbcClient jdbc;

    SigningKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the stored key, creating a random one first if there is none; safe when instances race. */
    public byte[] loadOrCreate(int length, Instant now) {
        byte[] candidate = new byte[length];
        new SecureRandom().nextBytes(candidate);
        jdbc.sql("""
                INSERT INTO ticket_signing_key (id, key, created_at)
                VALUES (1, :key, :now)
                ON CONFLICT (id) DO NOTHING
                """)
                .param("key", candidate)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT key FROM ticket_signing_key WHERE id = 1").query(byte[].class).single();
    }
}
