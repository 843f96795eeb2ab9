package io.ticketrush.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The operator's side of the sandbox gateway in tests: its incident switch, with the sandbox's secret key. */
public final class SandboxOperator {

    public static final String SECRET_KEY_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString((PaymentSettings.SANDBOX_SECRET_KEY + ":").getBytes(StandardCharsets.UTF_8));

    private final Api api;

    public SandboxOperator(Api api) {
        this.api = api;
    }

    /** {@code PUT /sandbox-pg/v1/incident {"mode": mode}}, which must succeed. */
    public void incident(String mode) {
        Api.Response switched = api.put("/sandbox-pg/v1/incident", null, Map.of("mode", mode),
                Map.of("Authorization", SECRET_KEY_AUTH));
        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        assertThat(switched.json().get("mode").asString()).isEqualTo(mode);
    }
}
