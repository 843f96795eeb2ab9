package io.ticketrush.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class ProblemResponsesTest {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void anExhaustedConnectionPoolIsA503BusyWithRetryAfter() {
        var timeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms");
        for (var failure : java.util.List.of(new CannotGetJdbcConnectionException("no connection", timeout),
                new CannotCreateTransactionException("no connection", timeout))) {
            ResponseEntity<ProblemDetail> response = responses.poolExhausted(failure);
            assertThat(response.getStatusCode().value()).isEqualTo(503);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(response.getBody().getProperties()).containsEntry("code", "busy");
        }
    }
}
