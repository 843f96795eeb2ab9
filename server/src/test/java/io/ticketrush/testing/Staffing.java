package io.ticketrush.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Door staff as an organizer makes them: an account assigned through {@code POST /api/v1/staff}. */
public final class Staffing {

    private Staffing() {
    }

    /** A new STAFF account working the doors of the organizer (of all their events, or only {@code eventIds}). */
    public static People.Person staffOf(Api api, People people, String organizerToken, String... eventIds) {
        People.Person staff = people.withRoles("STAFF");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", staff.email());
        if (eventIds.length > 0) {
            body.put("eventIds", List.of(eventIds));
        }
        Api.Response assigned = api.post("/api/v1/staff", organizerToken, body);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        return staff;
    }
}
