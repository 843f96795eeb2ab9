package io.ticketrush.catalog;

import io.ticketrush.account.Account;
import io.ticketrush.account.Accounts;
import io.ticketrush.shared.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo venue and an event on sale now, for the development mode: enough to walk through a
 * purchase right after the first start, door included: the first performance starts three hours after
 * the first start (its tickets pass the door that day), two more are a month later. Seeded once; later
 * starts find it and do nothing.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("ticketrush.seed.demo-data")
class DemoCatalog implements ApplicationRunner {

    static final String DEMO_TITLE = "Ticketrush 데모 콘서트 — 겨울밤의 라이브";
    private static final Log log = LogFactory.getLog(DemoCatalog.class);

    private final Accounts accounts;
    private final Venues venues;
    private final Events events;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCatalog(Accounts accounts, Venues venues, Events events, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.venues = venues;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean seeded = jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE title = :t)").param("t", DEMO_TITLE)
                .query(Boolean.class).single();
        Account organizer = accounts.findByEmail("organizer@ticketrush.local").orElse(null);
        if (seeded || organizer == null) {
            return;
        }
        Venue venue = venues.create(new VenuePlan("Ticketrush 아레나", "서울특별시 송파구 올림픽로 424", List.of(
                section("A", "플로어 A구역", 5, 20),
                section("B", "1층 B구역", 10, 24),
                section("C", "1층 C구역", 10, 24),
                section("D", "2층 D구역", 12, 30))), organizer.id());
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        LocalDate showDay = LocalDate.ofInstant(clock.instant(), seoul).plusDays(30);
        Instant first = ZonedDateTime.of(showDay, LocalTime.of(19, 0), seoul).toInstant();
        Instant second = ZonedDateTime.of(showDay.plusDays(1), LocalTime.of(18, 0), seoul).toInstant();
        Instant tonight = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Event event = events.draft(new EventPlan(DEMO_TITLE, Category.CONCERT, venue.id(),
                "Ticketrush를 처음 실행하면 만들어지는 데모 공연입니다. 좌석을 골라 결제까지 해 보세요.",
                clock.instant().minus(Duration.ofHours(1)), first.minus(Duration.ofHours(3)), 4,
                List.of(new Grade("VIP", "VIP석", 165_000, List.of("A")),
                        new Grade("R", "R석", 143_000, List.of("B", "C")),
                        new Grade("S", "S석", 110_000, List.of("D"))),
                List.of(tonight, first, second), QueueSettings.DISABLED), organizer.id());
        events.publish(event.id(), new Caller(organizer.id(), Set.of("ORGANIZER")));
        log.info("Seeded the demo event %s (%d seats per performance)".formatted(event.id(), venue.seatCount()));
    }

    private static VenuePlan.Section section(String code, String name, int rows, int seatsPerRow) {
        return new VenuePlan.Section(code, name, java.util.stream.IntStream.rangeClosed(1, rows)
                .mapToObj(r -> new VenuePlan.Row(String.valueOf(r), seatsPerRow)).toList());
    }
}
