package io.ticketrush.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console's staff page over HTTP: an organizer lists, adds (by email, for some events) and removes door staff. */
@IntegrationTest
class StaffPageTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOrganizerAddsAndRemovesStaffOnTheStaffPage() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        People.Person organizer = people.organizer();
        Shows.Show show = new Shows(api).tonight(organizer.token(), 1, 2);
        People.Person person = people.fan();

        Api.Response empty = api.get("/console/staff?lang=en", organizer.token());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Door staff", "No staff yet.");
        assertThat(api.get("/console", organizer.token()).body()).contains("href=\"/console/staff\"");

        Api.Response added = api.form("/console/staff", organizer.token(),
                Map.of("email", person.email(), "eventIds", List.of(show.eventId())));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.header("Location")).endsWith("/console/staff?done=added");
        Api.Response listed = api.get("/console/staff", organizer.token());
        assertThat(listed.body()).contains(person.email(), "입장 스태프");
        assertThat(api.get("/api/v1/staff", organizer.token()).json().get("items").get(0).get("eventIds").get(0).asString())
                .isEqualTo(show.eventId());

        Api.Response unknown = api.form("/console/staff?lang=en", organizer.token(), Map.of("email", "nobody@example.com"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("No account has this email.");

        Api.Response removed = api.form("/console/staff/" + person.userId() + "/remove", organizer.token(), Map.of());
        assertThat(removed.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/staff", organizer.token()).json().get("items").size()).isZero();
        assertThat(api.get("/console/staff", people.fan().token()).status()).isEqualTo(403);
    }
}
