package io.ticketrush.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketrush.catalog.QueueSettings;
import io.ticketrush.queue.persistence.FanEntry;
import io.ticketrush.queue.persistence.LineState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The four states of a fan's place, how the line and the fan's entry lead to each, and their JSON (shared/API.md). */
class PlaceTest {

    private static final Instant OPENS = Instant.parse("2026-12-05T11:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-12-05T19:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-05T11:30:00Z");
    private static final UUID EVENT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID FAN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final QueuedSale SALE = new QueuedSale(EVENT, UUID.randomUUID(), new QueueSettings(true, 10, 100),
            OPENS, ENDS, List.of());
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(i -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    /** serving 10, last ticket 30, 2 per second measured, 50 seats left. */
    private static LineState line(boolean drawn, boolean paused, Long seatsLeft) {
        return new LineState(10, 30, 5, 0, true, drawn, paused, null, null, seatsLeft, 2.0, 10);
    }

    private static Optional<Place> standing(LineState line, FanEntry fan, Instant now) {
        return Standing.of(SALE, line, fan, now,
                at -> new AdmissionToken(EVENT, FAN, at, at.plusSeconds(180), at.plusSeconds(600)), t -> "signed");
    }

    private static String json(Place place) {
        return JSON.writeValueAsString(place);
    }

    @Test
    void aNumberedFanWaitsWithPositionAheadAndEstimate() {
        Place place = standing(line(true, false, 50L), new FanEntry(13L, null, null), NOW).orElseThrow();
        assertThat(place).isEqualTo(new Place.Waiting(3L, 2L, 50L, 20, null, null, false));
        assertThat(json(place)).isEqualTo(
                "{\"status\":\"WAITING\",\"position\":3,\"ahead\":2,\"etaSeconds\":2,\"seatsLeft\":50,\"queueLength\":20}");
    }

    @Test
    void aFanInThePreQueueHasNoNumberButADrawTime() {
        Place place = standing(line(true, false, null), new FanEntry(null, "e-1", null), OPENS.minusSeconds(60))
                .orElseThrow();
        assertThat(place).isInstanceOf(Place.Waiting.class);
        assertThat(((Place.Waiting) place).preQueue()).isTrue();
        assertThat(json(place)).isEqualTo("{\"status\":\"WAITING\",\"etaSeconds\":60,\"queueLength\":20,"
                + "\"entryId\":\"e-1\",\"drawAt\":\"2026-12-05T11:00:00Z\",\"preQueue\":true}");
    }

    @Test
    void aPausedLineGivesNoEstimate() {
        Place place = standing(line(true, true, 50L), new FanEntry(13L, null, null), NOW).orElseThrow();
        assertThat(json(place)).isEqualTo("{\"status\":\"WAITING\",\"position\":3,\"ahead\":2,\"seatsLeft\":50,"
                + "\"queueLength\":20,\"paused\":true}");
    }

    @Test
    void aServedFanWithALiveAdmissionIsAdmittedWithAToken() {
        long admittedAt = NOW.minusSeconds(30).toEpochMilli();
        Place place = standing(line(true, false, 50L), new FanEntry(9L, null, new FanEntry.Session(admittedAt, 'A')), NOW)
                .orElseThrow();
        assertThat(place).isInstanceOf(Place.Admitted.class);
        assertThat(json(place)).isEqualTo("{\"status\":\"ADMITTED\",\"position\":0,\"ahead\":0,\"etaSeconds\":0,"
                + "\"admissionToken\":\"signed\",\"expiresAt\":\"2026-12-05T11:39:30Z\","
                + "\"holdBy\":\"2026-12-05T11:32:30Z\",\"seatsLeft\":50,\"queueLength\":20}");
    }

    @Test
    void aServedFanWhoseAdmissionEndedHasExpiredWithTheReason() {
        long at = NOW.minusSeconds(300).toEpochMilli();
        Place noShow = standing(line(true, false, 50L), new FanEntry(9L, null, new FanEntry.Session(at, 'X')), NOW)
                .orElseThrow();
        Place used = standing(line(true, false, 50L), new FanEntry(9L, null, new FanEntry.Session(at, 'D')), NOW)
                .orElseThrow();
        assertThat(noShow).isEqualTo(new Place.Expired(Place.ExpiredReason.NO_SHOW, 50L, 20, null));
        assertThat(json(used)).isEqualTo(
                "{\"status\":\"EXPIRED\",\"seatsLeft\":50,\"reason\":\"admission-used\",\"queueLength\":20}");
    }

    @Test
    void aSoldOutOrEndedSaleClosesTheLineKeepingTheFansNumber() {
        Place soldOut = standing(line(true, false, 0L), new FanEntry(13L, null, null), NOW).orElseThrow();
        assertThat(json(soldOut)).isEqualTo("{\"status\":\"CLOSED\",\"position\":3,\"ahead\":2,\"seatsLeft\":0,"
                + "\"reason\":\"sold-out\",\"queueLength\":20}");
        Place over = standing(line(false, false, 50L), new FanEntry(null, "e-1", null), ENDS).orElseThrow();
        assertThat(json(over)).isEqualTo("{\"status\":\"CLOSED\",\"seatsLeft\":50,\"reason\":\"sale-over\","
                + "\"queueLength\":20,\"entryId\":\"e-1\",\"preQueue\":true}");
        assertThat(json(Place.Closed.saleOver())).isEqualTo("{\"status\":\"CLOSED\",\"reason\":\"sale-over\"}");
    }

    @Test
    void aFanNotInLineHasNoPlace() {
        assertThat(standing(line(true, false, 50L), FanEntry.NONE, NOW)).isEmpty();
    }

    @Test
    void aWaitingFanHasEitherANumberOrADrawTime() {
        assertThatThrownBy(() -> new Place.Waiting(3L, 2L, 50L, 20, null, OPENS, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Place.Waiting(null, 2L, 50L, 20, "e-1", null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
