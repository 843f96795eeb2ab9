package io.ticketrush.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates people with any roles (organizers, staff) straight in the accounts table, then logs them in over HTTP. */
public final class People {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String PASSWORD = "people-password-1";
    private static final String HASH = ENCODER.encode(PASSWORD);

    private final Api api;
    private final JdbcClient jdbc;

    public People(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public record Person(UUID userId, String email, String token) {
    }

    public Person withRoles(String... roles) {
        UUID id = UUID.randomUUID();
        String email = "person-" + id + "@example.com";
        jdbc.sql("INSERT INTO accounts (id, email, name, password_hash, roles, created_at) VALUES (:id, :e, :n, :h, :r, :t)")
                .param("id", id).param("e", email).param("n", "Test " + String.join("/", roles)).param("h", HASH)
                .param("r", roles).param("t", Timestamp.from(Instant.now()))
                .update();
        Api.Response login = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Person(id, email, login.json().get("accessToken").asString());
    }

    public Person fan() {
        return withRoles("FAN");
    }

    public Person organizer() {
        return withRoles("ORGANIZER");
    }
}
