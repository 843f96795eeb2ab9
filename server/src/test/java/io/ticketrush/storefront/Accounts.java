package io.ticketrush.storefront;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** People with roles (organizer, staff) who sign in through the log-in page like anyone else. */
public final class Accounts {

    public static final String PASSWORD = "browser-password-1";
    private static final String HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Person(UUID id, String email, String name) {
    }

    public Person create(String name, String... roles) {
        UUID id = UUID.randomUUID();
        String email = "web-" + id + "@example.com";
        jdbc.sql("INSERT INTO accounts (id, email, name, password_hash, roles, created_at) VALUES (:id, :e, :n, :h, :r, :t)")
                .param("id", id).param("e", email).param("n", name).param("h", HASH).param("r", roles)
                .param("t", Timestamp.from(Instant.now()))
                .update();
        return new Person(id, email, name);
    }

    /** Fills in the log-in page (the page must be showing it) and submits. */
    public static void logIn(Page page, Person person) {
        page.getByLabel("이메일").fill(person.email());
        page.getByLabel("비밀번호").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("로그인").setExact(true)).click();
    }
}
