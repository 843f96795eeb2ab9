package io.ticketrush.inventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The claim of chosen seats must read them by primary key even when the statistics have not yet
 * seen the performance (an event published just before its sale opens), never by walking the
 * partial index of every available seat.
 */
@IntegrationTest
class ClaimPlanTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClaimOnAFreshlyPublishedBigPerformanceReadsTheSeatsByPrimaryKey() {
        Api api = new Api(port);
        String organizer = new People(api, jdbc).organizer().token();
        new Shows(api).onSale(organizer, 2, 5, 4);
        jdbc.sql("ANALYZE seat_inventory").update();
        // 2 sections x 100 rows x 100 seats, published after the statistics were taken
        Shows.Show big = new Shows(api).onSale(organizer, 100, 100, 4);

        List<String> plan = jdbc.sql("EXPLAIN " + SeatRows.CLAIM_SQL)
                .param("p", UUID.fromString(big.performanceId()))
                .param("ids", new String[] {"B-50-10", "B-50-11"})
                .param("hold", UUID.randomUUID())
                .query(String.class).list();

        assertThat(String.join("\n", plan)).as(String.join("\n", plan))
                .doesNotContain("seat_inventory_available")
                .contains("seat_inventory_pkey");
    }
}
