package io.ticketrush.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.shared.DomainException;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.Staffing;
import io.ticketrush.testing.Fans;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Races that must keep the invariants: one admission per ticket, one live ticket per seat. */
@IntegrationTest
class ConcurrentDoorTests {

    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twentySimultaneousScansOfOneCodeAdmitExactlyOnce() throws Exception {
        Api api = new Api(port);
        Fans fans = new Fans(api);
        People people = new People(api, jdbc);
        People.Person organizer = people.organizer();
        UUID performanceId = UUID.fromString(new Shows(api).tonight(organizer.token(), 1, 2).performanceId());
        UUID owner = UUID.fromString(fans.signUp().userId());
        IssuedTicket ticket = tx.execute(s -> tickets.issue(UUID.randomUUID(), owner, performanceId, List.of("A-1")))
                .getFirst();
        String staff = Staffing.staffOf(api, people, organizer.token()).token();

        List<Api.Response> responses = race(20, () -> api.post("/api/v1/check-ins", staff, Map.of("code", ticket.code())));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .hasSize(19)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("already-checked-in"));
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE id = :id AND status = 'CHECKED_IN'")
                .param("id", ticket.ticketId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void ordersRacingForOneSeatGetOneLiveTicket() throws Exception {
        UUID performanceId = UUID.randomUUID();
        List<String> outcomes = race(8, () -> {
            try {
                tx.execute(s -> tickets.issue(UUID.randomUUID(), UUID.randomUUID(), performanceId, List.of("Z-9")));
                return "issued";
            } catch (DomainException e) {
                return e.code();
            }
        });

        assertThat(outcomes).filteredOn("issued"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("seat-already-ticketed"::equals).hasSize(7);
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE performance_id = :p AND seat_id = 'Z-9'")
                .param("p", performanceId).query(Long.class).single()).isEqualTo(1);
    }

    /** Starts all tasks at once behind a gate and collects their results. */
    private static <T> List<T> race(int count, Callable<T> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
