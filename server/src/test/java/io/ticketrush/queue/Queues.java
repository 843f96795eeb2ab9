package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.Api;
import io.ticketrush.testing.Shows;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Events with a waiting room, and a recorder of the gatekeeper's admissions, for the queue tests. */
final class Queues {

    private final Api api;
    private final Shows shows;

    Queues(Api api) {
        this.api = api;
        this.shows = new Shows(api);
    }

    /** A published event with a waiting room whose sale opened an hour ago. */
    Shows.Show onSale(String organizerToken, int rows, int seatsPerRow, int maxPerPerson, int outflow, int maxActive) {
        return opening(organizerToken, rows, seatsPerRow, maxPerPerson, outflow, maxActive,
                OffsetDateTime.now(ZoneOffset.ofHours(9)).minusHours(1).withNano(0));
    }

    Shows.Show opening(String organizerToken, int rows, int seatsPerRow, int maxPerPerson, int outflow, int maxActive,
            OffsetDateTime salesOpenAt) {
        String venueId = shows.venue(organizerToken, rows, seatsPerRow);
        Map<String, Object> body = shows.eventBody(venueId, maxPerPerson, salesOpenAt);
        body.put("queue", Map.of("enabled", true, "outflowPerSecond", outflow, "maxActiveShoppers", maxActive));
        return shows.publish(organizerToken, venueId, body);
    }

    Api.Response join(String eventId, String token) {
        Api.Response response = api.post("/api/v1/events/" + eventId + "/queue", token, Map.of());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** Collects the fans the gatekeeper admits for one event, in admission order. */
    static final class AdmissionLog implements ApplicationListener<ApplicationEvent>, AutoCloseable {

        private final UUID eventId;
        private final ConfigurableApplicationContext context;
        private final List<FansAdmitted> batches = Collections.synchronizedList(new ArrayList<>());
        private volatile java.util.function.Consumer<UUID> onAdmitted = fan -> { };

        private AdmissionLog(UUID eventId, ConfigurableApplicationContext context) {
            this.eventId = eventId;
            this.context = context;
        }

        static AdmissionLog of(String eventId, ConfigurableApplicationContext context) {
            AdmissionLog log = new AdmissionLog(UUID.fromString(eventId), context);
            context.addApplicationListener(log);
            return log;
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof FansAdmitted admitted
                    && admitted.eventId().equals(eventId)) {
                batches.add(admitted);
                admitted.fanIds().forEach(onAdmitted);
            }
        }

        /** Every fan admitted so far, ordered by line number (batches may come from racing gatekeepers). */
        List<UUID> fans() {
            synchronized (batches) {
                return batches.stream().sorted(java.util.Comparator.comparingLong(FansAdmitted::firstTicket))
                        .flatMap(b -> b.fanIds().stream()).toList();
            }
        }

        /** Also tells {@code action} of every fan admitted from now on (on the gatekeeper's thread: keep it short). */
        AdmissionLog onAdmitted(java.util.function.Consumer<UUID> action) {
            onAdmitted = action;
            return this;
        }

        /** Fans admitted so far, in the order the batches were published (matches {@link #ticketsInPublicationOrder()}). */
        List<UUID> fansInPublicationOrder() {
            synchronized (batches) {
                return batches.stream().flatMap(b -> b.fanIds().stream()).toList();
            }
        }

        /** Line numbers admitted so far, in the order the batches were published. */
        List<Long> ticketsInPublicationOrder() {
            synchronized (batches) {
                List<Long> tickets = new ArrayList<>();
                batches.forEach(b -> {
                    for (int i = 0; i < b.fanIds().size(); i++) {
                        tickets.add(b.firstTicket() + i);
                    }
                });
                return tickets;
            }
        }

        @Override
        public void close() {
            context.removeApplicationListener(this);
        }
    }
}
