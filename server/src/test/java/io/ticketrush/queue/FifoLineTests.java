package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketrush.shared.Caller;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After the opening the line is strictly first come, first served, and joining again keeps one's place. */
@IntegrationTest
class FifoLineTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WaitingRoom room;
    @Autowired
    AdmissionControls controls;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aThousandSequentialJoinsAreAdmittedInJoinOrder() {
        Api api = new Api(port);
        People.Person organizer = new People(api, jdbc).organizer();
        Shows.Show show = new Queues(api).onSale(organizer.token(), 2, 5, 4, 2000, 1000);
        UUID eventId = UUID.fromString(show.eventId());
        Caller operator = new Caller(organizer.userId(), Set.of("ORGANIZER"));
        controls.pause(eventId, operator, true);

        List<UUID> fans = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            UUID fan = UUID.randomUUID();
            fans.add(fan);
            Place place = room.join(eventId, fan);
            assertThat(place.status()).isEqualTo(QueueStatus.WAITING);
            assertThat(place.document().position()).isEqualTo(i + 1L);
            assertThat(place.document().ahead()).isEqualTo((long) i);
        }
        for (int i : new int[] {0, 499, 999}) {
            assertThat(room.join(eventId, fans.get(i)).document().position()).as("joining again keeps place %d", i + 1).isEqualTo(i + 1L);
        }
        assertThat(room.place(eventId, fans.get(999)).document().queueLength()).isEqualTo(1000);
        assertThat(controls.report(eventId, operator).lastTicket()).as("rejoins took no new places").isEqualTo(1000);

        try (Queues.AdmissionLog log = Queues.AdmissionLog.of(show.eventId(), context)) {
            controls.pause(eventId, operator, false);
            await().atMost(Duration.ofSeconds(20)).until(() -> log.fans().size() == 1000);
            assertThat(log.fans()).as("admitted in join order").containsExactlyElementsOf(fans);
            assertThat(log.ticketsInPublicationOrder()).as("and in that order in time")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
        }
        Place admitted = room.place(eventId, fans.get(500));
        assertThat(admitted.status()).isEqualTo(QueueStatus.ADMITTED);
        assertThat(room.join(eventId, fans.get(500)).document().admissionToken()).as("a second tab gets the same admission")
                .isEqualTo(admitted.document().admissionToken());
        assertThat(controls.report(eventId, operator).activeShoppers()).isEqualTo(1000);
    }
}
