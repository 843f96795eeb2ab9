package io.ticketrush.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.MutableClock;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import io.ticketrush.testing.Staffing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The door is scoped: staff of the ticket's organizer (and events), on the performance's day. */
@IntegrationTest
class DoorScopeTests {

    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    Api api;
    People people;
    Shows shows;
    People.Person organizer;
    People.Person fan;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        shows = new Shows(api);
        organizer = people.organizer();
        fan = people.fan();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void staffOfAnotherOrganizerGetNotFoundAndTheTicketStaysValid() {
        Shows.Show show = shows.tonight(organizer.token(), 1, 2);
        IssuedTicket ticket = issue(show, "A-1-1");
        People.Person otherOrganizer = people.organizer();
        People.Person theirStaff = Staffing.staffOf(api, people, otherOrganizer.token());
        People.Person unassigned = people.withRoles("STAFF");

        for (People.Person stranger : List.of(theirStaff, unassigned, otherOrganizer)) {
            Api.Response scan = checkIn(stranger, ticket);
            assertThat(scan.status()).as(scan.toString()).isEqualTo(404);
            assertThat(scan.code()).isEqualTo("ticket-not-found");
        }
        assertThat(status(ticket)).isEqualTo("VALID");

        People.Person ours = Staffing.staffOf(api, people, organizer.token());
        assertThat(checkIn(ours, ticket).status()).isEqualTo(200);
        assertThat(status(ticket)).isEqualTo("CHECKED_IN");
    }

    @Test
    void staffAssignedToOneEventAdmitOnlyThatEventsTickets() {
        Shows.Show mine = shows.tonight(organizer.token(), 1, 2);
        Shows.Show other = shows.tonight(organizer.token(), 1, 2);
        People.Person staff = Staffing.staffOf(api, people, organizer.token(), mine.eventId());
        IssuedTicket otherTicket = issue(other, "A-1-1");

        Api.Response refused = checkIn(staff, otherTicket);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("ticket-not-found");
        assertThat(checkIn(staff, issue(mine, "A-1-1")).status()).isEqualTo(200);
        assertThat(status(otherTicket)).isEqualTo("VALID");
    }

    @Test
    void onAnotherDayTheDoorSaysWhichDayAndOnTheDayItAdmits() {
        Shows.Show show = shows.onSale(organizer.token(), 1, 2, 4); // the show is 40 days from now
        Instant startsAt = Instant.parse(api.get("/api/v1/events/" + show.eventId(), null).json()
                .get("performances").get(0).get("startsAt").asString());
        IssuedTicket ticket = issue(show, "A-1-1");
        People.Person staff = Staffing.staffOf(api, people, organizer.token());

        Api.Response early = checkIn(staff, ticket);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.header("Content-Type")).startsWith("application/problem+json");
        assertThat(early.code()).isEqualTo("not-performance-day");
        assertThat(Instant.parse(early.json().get("startsAt").asString())).isEqualTo(startsAt);
        assertThat(early.json().get("performanceDay").asString())
                .isEqualTo(LocalDate.ofInstant(startsAt, ZoneId.of("Asia/Seoul")).toString());
        assertThat(status(ticket)).isEqualTo("VALID");

        clock.advance(Duration.between(clock.instant(), startsAt.minus(Duration.ofHours(1))));
        Api.Response onTheDay = checkIn(staff, ticket);
        assertThat(onTheDay.status()).as(onTheDay.toString()).isEqualTo(200);

        Instant noonNextDay = LocalDate.ofInstant(startsAt, ZoneId.of("Asia/Seoul")).plusDays(1)
                .atTime(12, 0).atZone(ZoneId.of("Asia/Seoul")).toInstant();
        clock.advance(Duration.between(clock.instant(), noonNextDay));
        Api.Response dayAfter = checkIn(staff, issue(show, "A-1-2"));
        assertThat(dayAfter.code()).as(dayAfter.toString()).isEqualTo("not-performance-day");
    }

    @Test
    void organizersAssignListAndRemoveTheirStaffWhoLoseTheDoorAndTheRole() {
        Shows.Show show = shows.tonight(organizer.token(), 1, 2);
        People.Person person = people.fan();
        People.Person otherOrganizer = people.organizer();

        Api.Response assigned = api.post("/api/v1/staff", organizer.token(), Map.of("email", person.email()));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        assertThat(assigned.json().get("userId").asString()).isEqualTo(person.userId().toString());
        assertThat(assigned.json().has("eventIds")).as("all events").isFalse();
        assertThat(roles(person.userId())).contains("STAFF", "FAN");
        String staffToken = login(person);
        assertThat(api.post("/api/v1/check-ins", staffToken, Map.of("code", issue(show, "A-1-1").code())).status())
                .isEqualTo(200);

        assertThat(api.get("/api/v1/staff", organizer.token()).json().get("items").findValuesAsString("email"))
                .containsExactly(person.email());
        assertThat(api.get("/api/v1/staff", otherOrganizer.token()).json().get("items").size()).isZero();
        Api.Response notTheirs = api.delete("/api/v1/staff/" + person.userId(), otherOrganizer.token());
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.code()).isEqualTo("unknown-staff");

        Api.Response removed = api.delete("/api/v1/staff/" + person.userId(), organizer.token());
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/staff", organizer.token()).json().get("items").size()).isZero();
        assertThat(roles(person.userId())).as("no organizer left: no STAFF role").doesNotContain("STAFF").contains("FAN");
        Api.Response afterRemoval = api.post("/api/v1/check-ins", staffToken, Map.of("code", issue(show, "A-1-2").code()));
        assertThat(afterRemoval.status()).as("the old token still says STAFF; the door does not")
                .isEqualTo(404);
    }

    @Test
    void badAssignmentsChangeNothing() {
        Shows.Show theirs = shows.tonight(people.organizer().token(), 1, 2);
        People.Person person = people.fan();

        Api.Response unknown = api.post("/api/v1/staff", organizer.token(), Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("unknown-account");
        Api.Response otherEvent = api.post("/api/v1/staff", organizer.token(),
                Map.of("email", person.email(), "eventIds", List.of(theirs.eventId())));
        assertThat(otherEvent.status()).isEqualTo(400);
        assertThat(otherEvent.code()).isEqualTo("validation-failed");
        Api.Response badEmail = api.post("/api/v1/staff", organizer.token(), Map.of("email", "not an email"));
        assertThat(badEmail.status()).isEqualTo(400);
        Api.Response byFan = api.post("/api/v1/staff", fan.token(), Map.of("email", person.email()));
        assertThat(byFan.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/staff", organizer.token()).json().get("items").size()).isZero();
        assertThat(roles(person.userId())).doesNotContain("STAFF");
    }

    private IssuedTicket issue(Shows.Show show, String seat) {
        UUID performanceId = UUID.fromString(show.performanceId());
        return tx.execute(s -> tickets.issue(UUID.randomUUID(), fan.userId(), performanceId, List.of(seat))).getFirst();
    }

    private Api.Response checkIn(People.Person scanner, IssuedTicket ticket) {
        return api.post("/api/v1/check-ins", scanner.token(), Map.of("code", ticket.code()));
    }

    private String status(IssuedTicket ticket) {
        return jdbc.sql("SELECT status FROM tickets WHERE id = :id").param("id", ticket.ticketId()).query(String.class).single();
    }

    private List<String> roles(UUID userId) {
        return List.of(jdbc.sql("SELECT roles FROM accounts WHERE id = :id").param("id", userId)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single());
    }

    private String login(People.Person person) {
        Api.Response login = api.post("/api/v1/auth/login", null, Map.of("email", person.email(), "password", "people-password-1"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.json().get("accessToken").asString();
    }
}
