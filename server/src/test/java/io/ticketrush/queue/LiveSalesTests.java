package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.EventPublished;
import io.ticketrush.queue.persistence.SaleRows;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lines the gatekeeper and the fan-out walk ({@link QueuedSales#live()}): read from the database at
 * most once a second by the ticker the test moves, and at once after this instance records a sale.
 */
@IntegrationTest
class LiveSalesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Catalog catalog;
    @Autowired
    SaleRows rows;
    @Autowired
    Clock clock;

    private final AtomicLong nanos = new AtomicLong();
    Api api;
    People people;
    QueuedSales sales;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        sales = new QueuedSales(catalog, rows, clock, nanos::get); // another instance's view of the same stores
    }

    @Test
    void aLineOpenedElsewhereIsSeenOnceTheSecondHasPassed() {
        List<UUID> before = sales.live();
        UUID eventId = publishWithQueue();
        assertThat(rows.live()).as("the database has it").contains(eventId);

        assertThat(sales.live()).as("within the second: from memory").isSameAs(before).doesNotContain(eventId);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(sales.live()).isSameAs(before);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(sales.live()).contains(eventId);
    }

    @Test
    void aSaleThisInstanceRecordsIsLiveAtOnce() {
        List<UUID> before = sales.live();
        UUID eventId = publishWithQueue();
        assertThat(sales.live()).isSameAs(before);

        sales.on(new EventPublished(eventId, List.of()));
        assertThat(sales.live()).as("without the ticker moving").contains(eventId);
    }

    private UUID publishWithQueue() {
        return UUID.fromString(new Queues(api).onSale(people.organizer().token(), 1, 5, 2, 10, 10).eventId());
    }
}
