package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Ticker;
import io.ticketrush.catalog.Catalog;
import io.ticketrush.inventory.Availability;
import io.ticketrush.queue.persistence.Lines;
import io.ticketrush.queue.persistence.SaleRows;
import io.ticketrush.shared.Caller;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gatekeepers of several instances (the scheduled one, plus two more built like another
 * instance's, driven as fast as threads go, without the lock) share one Redis: together they
 * never exceed the cap on active shoppers nor the outflow.
 */
@IntegrationTest
class GatekeeperRaceTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingRoom room;
    @Autowired
    AdmissionControls controls;
    @Autowired
    Gatekeeper gatekeeper;
    @Autowired
    Lines lines;
    @Autowired
    SaleRows rows;
    @Autowired
    Catalog catalog;
    @Autowired
    Availability availability;
    @Autowired
    WaitingRoomSettings settings;
    @Autowired
    QueueMetrics metrics;
    @Autowired
    LineEpoch epoch;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Clock clock;
    @Autowired
    Ticker ticker;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void racingGatekeepersNeverLetInMoreThanTheCap() throws Exception {
        Api api = new Api(port);
        People.Person organizer = new People(api, jdbc).organizer();
        Shows.Show show = new Queues(api).onSale(organizer.token(), 2, 10, 4, 100_000, 10);
        UUID eventId = UUID.fromString(show.eventId());
        AtomicLong mostActive = new AtomicLong();
        try (Queues.AdmissionLog log = Queues.AdmissionLog.of(show.eventId(), context)) {
            List<UUID> fans = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                fans.add(UUID.randomUUID());
                room.join(eventId, fans.getLast());
            }
            List<Gatekeeper> gatekeepers = List.of(gatekeeper, anotherInstance(), anotherInstance());
            AtomicBoolean done = new AtomicBoolean();
            List<Runnable> loops = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Gatekeeper g = gatekeepers.get(t % gatekeepers.size());
                loops.add(() -> g.step(eventId));
            }
            Random random = new Random(7);
            Set<UUID> left = ConcurrentHashMap.newKeySet();
            loops.add(() -> { // shoppers finish in random order, freeing their slots
                List<UUID> shopping = new ArrayList<>(log.fans().stream().filter(f -> !left.contains(f)).toList());
                java.util.Collections.shuffle(shopping, random);
                for (UUID fan : shopping.subList(0, (shopping.size() + 1) / 2)) {
                    lines.leave(eventId, fan);
                    left.add(fan);
                }
            });
            loops.add(() -> mostActive.accumulateAndGet(lines.look(eventId, null).line().active(), Math::max));

            race(loops, done, () -> await().atMost(Duration.ofSeconds(30))
                    .until(() -> lines.look(eventId, null).line().serving() == 120));
            assertThat(log.fans()).as("each fan admitted once, by whichever gatekeeper, in line order")
                    .containsExactlyElementsOf(fans);
            long live = fans.stream().filter(f -> room.place(eventId, f).status() == QueueStatus.ADMITTED).count();
            assertThat(live).isLessThanOrEqualTo(10);
        }
        assertThat(mostActive.get()).as("active shoppers seen at any moment").isBetween(1L, 10L);
    }

    @Test
    void racingGatekeepersShareOneOutflow() throws Exception {
        Api api = new Api(port);
        People.Person organizer = new People(api, jdbc).organizer();
        Shows.Show show = new Queues(api).onSale(organizer.token(), 2, 10, 4, 50, 100_000);
        UUID eventId = UUID.fromString(show.eventId());
        Caller operator = new Caller(organizer.userId(), Set.of("ORGANIZER"));
        controls.pause(eventId, operator, true);
        for (int i = 0; i < 400; i++) {
            room.join(eventId, UUID.randomUUID());
        }
        List<Gatekeeper> gatekeepers = List.of(gatekeeper, anotherInstance(), anotherInstance());
        gatekeepers.forEach(g -> g.step(eventId)); // each draws (nothing) and fills its view while paused
        long started = System.nanoTime();
        controls.pause(eventId, operator, false);
        List<Runnable> loops = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Gatekeeper g = gatekeepers.get(t % gatekeepers.size());
            loops.add(() -> g.step(eventId));
        }
        race(loops, new AtomicBoolean(), () -> {
            long left;
            while ((left = 1_500_000_000L - (System.nanoTime() - started)) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(left); // the race lasts 1.5 s
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long admitted = lines.look(eventId, null).line().serving();
        assertThat(admitted).as("50/s for %.2f s plus at most one second of burst", seconds)
                .isPositive()
                .isLessThanOrEqualTo((long) Math.ceil(50 * (seconds + 1)));
    }

    /** Runs every loop on its own thread until {@code until} returns, then stops them all and reports any failure. */
    private static void race(List<Runnable> loops, AtomicBoolean done, Runnable until) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(loops.size());
        List<Future<?>> work = new ArrayList<>();
        try {
            for (Runnable loop : loops) {
                work.add(threads.submit(() -> {
                    while (!done.get()) {
                        loop.run();
                    }
                }));
            }
            until.run();
        } finally {
            done.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> f : work) {
            f.get();
        }
    }

    private Gatekeeper anotherInstance() {
        QueuedSales sales = new QueuedSales(catalog, rows, clock, ticker);
        return new Gatekeeper(sales, lines, rows, new OpeningDraw(lines, rows, clock), availability, settings, epoch,
                metrics, events, clock);
    }
}
