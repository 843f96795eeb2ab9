package io.ticketrush.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Creates people through the public API and logs them in. */
public final class Fans {

    private final Api api;

    public Fans(Api api) {
        this.api = api;
    }

    public record Person(String userId, String email, String token) {
    }

    public Person signUp() {
        String email = "fan-" + UUID.randomUUID() + "@example.com";
        Api.Response signup = api.post("/api/v1/auth/signup", null,
                Map.of("email", email, "password", "correct horse battery", "name", "테스트 팬"));
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        return new Person(signup.json().get("userId").asString(), email, login(email, "correct horse battery"));
    }

    public String login(String email, String password) {
        Api.Response login = api.post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().get("accessToken").asString();
    }
}
