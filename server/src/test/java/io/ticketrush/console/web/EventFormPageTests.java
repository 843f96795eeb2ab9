package io.ticketrush.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console's event form over HTTP: its waiting-room settings say what they do, in both languages. */
@IntegrationTest
class EventFormPageTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theWaitingRoomSettingsSayTheyApplyFromPublication() {
        Api api = new Api(port);
        People.Person organizer = new People(api, jdbc).organizer();

        Api.Response english = api.get("/console/events/new?lang=en", organizer.token());
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("Waiting room", "In effect from publication")
                .doesNotContain("is connected");

        Api.Response korean = api.get("/console/events/new?lang=ko", organizer.token());
        assertThat(korean.status()).isEqualTo(200);
        assertThat(korean.body()).contains("공개하는 순간부터 적용됩니다")
                .doesNotContain("연결되면");
    }
}
