package io.ticketrush.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without the benchmark profile the baselines do not exist. */
@IntegrationTest
class BaselinesAbsentTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutTheBenchmarkProfileTheBaselineEndpointsAreNotThere() {
        Api api = new Api(port);
        String token = new People(api, jdbc).withRoles("ADMIN").token();
        for (String baseline : List.of("pessimistic", "redisson")) {
            Api.Response response = api.post("/benchmark/baseline/" + baseline + "/performances/" + UUID.randomUUID() + "/holds",
                    token, Map.of("seatIds", List.of("A-1-1")));
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
        }
    }
}
