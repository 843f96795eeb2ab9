package io.ticketrush.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An organizer uses their own venues and the ones an ADMIN shared; another organizer's venue is unknown to them. */
@IntegrationTest
class VenueOwnershipTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherOrganizersVenueIsUnknownUntilAnAdminSharesIt() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows shows = new Shows(api);
        People.Person owner = people.organizer();
        People.Person other = people.organizer();
        String venueId = shows.venue(owner.token(), 1, 4);
        Map<String, Object> event = shows.eventBody(venueId, 4, OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1));

        assertThat(api.get("/api/v1/venues/" + venueId, owner.token()).json().get("own").asBoolean()).isTrue();
        Api.Response hidden = api.get("/api/v1/venues/" + venueId, other.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("unknown-venue");
        assertThat(api.get("/api/v1/venues", other.token()).json().findValuesAsString("venueId")).doesNotContain(venueId);
        Api.Response refused = api.post("/api/v1/events", other.token(), event);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("validation-failed");
        assertThat(refused.body()).contains("venueId");
        assertThat(jdbc.sql("SELECT count(*) FROM events WHERE venue_id = :v::uuid").param("v", venueId)
                .query(Integer.class).single()).isZero();

        Api.Response notAdmin = api.put("/api/v1/venues/" + venueId + "/shared", owner.token(), Map.of("shared", true));
        assertThat(notAdmin.status()).isEqualTo(403);
        People.Person admin = people.withRoles("ADMIN", "ORGANIZER");
        Api.Response shared = api.put("/api/v1/venues/" + venueId + "/shared", admin.token(), Map.of("shared", true));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
        assertThat(shared.json().get("shared").asBoolean()).isTrue();

        assertThat(api.get("/api/v1/venues", other.token()).json().findValuesAsString("venueId")).contains(venueId);
        assertThat(api.get("/api/v1/venues/" + venueId, other.token()).json().get("own").asBoolean()).isFalse();
        Api.Response created = api.post("/api/v1/events", other.token(), event);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void anAdminUsesEveryVenue() {
        Api api = new Api(port);
        People people = new People(api, jdbc);
        Shows shows = new Shows(api);
        String venueId = shows.venue(people.organizer().token(), 1, 4);
        People.Person admin = people.withRoles("ADMIN", "ORGANIZER");

        assertThat(api.get("/api/v1/venues/" + venueId, admin.token()).status()).isEqualTo(200);
        Api.Response created = api.post("/api/v1/events", admin.token(),
                shows.eventBody(venueId, 4, OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
