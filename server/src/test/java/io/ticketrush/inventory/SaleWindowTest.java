package io.ticketrush.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.catalog.EventStatus;
import io.ticketrush.catalog.Grade;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.catalog.QueueSettings;
import io.ticketrush.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sale-window rule without Spring: an instant, a sale and the openings presales contribute. */
class SaleWindowTest {

    private static final Instant OPENS = Instant.parse("2026-12-10T11:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-20T11:00:00Z");
    private static final Instant SHOW = Instant.parse("2026-12-24T10:00:00Z");

    private static PerformanceSale sale(Instant closes, Instant show) {
        return new PerformanceSale(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Show", show, OPENS, closes, 4,
                List.of(new Grade("R", "R석", 150_000, List.of("A"))), QueueSettings.DISABLED, EventStatus.PUBLISHED);
    }

    @Test
    void openFromTheOpeningUntilTheClose() {
        SaleWindow window = new SaleWindow(List.of());
        PerformanceSale sale = sale(CLOSES, SHOW);

        assertThat(window.at(sale, OPENS.minusMillis(1))).isEqualTo(new SaleWindow.NotOpen(OPENS, OPENS));
        assertThat(window.at(sale, OPENS)).isInstanceOf(SaleWindow.Open.class);
        assertThat(window.at(sale, CLOSES.minusMillis(1))).isInstanceOf(SaleWindow.Open.class);
        assertThat(window.at(sale, CLOSES)).isEqualTo(new SaleWindow.Closed(CLOSES));
    }

    @Test
    void theShowStartingClosesTheSaleIfItComesFirst() {
        Instant show = CLOSES.minus(Duration.ofDays(1));
        PerformanceSale sale = sale(CLOSES, show);

        assertThat(new SaleWindow(List.of()).at(sale, show)).isEqualTo(new SaleWindow.Closed(show));
    }

    @Test
    void theEarliestPresaleOpeningOpensTheWindowEarlier() {
        Instant presale = OPENS.minus(Duration.ofDays(2));
        SaleOpening later = s -> Optional.of(OPENS.minus(Duration.ofDays(1)));
        SaleOpening earliest = s -> Optional.of(presale);
        SaleOpening none = s -> Optional.empty();
        SaleWindow window = new SaleWindow(List.of(later, none, earliest));
        PerformanceSale sale = sale(CLOSES, SHOW);

        SaleWindow.Verdict before = window.at(sale, presale.minusSeconds(1));
        assertThat(before).isEqualTo(new SaleWindow.NotOpen(presale, OPENS));
        DomainException problem = ((SaleWindow.NotOpen) before).problem();
        assertThat(problem.code()).isEqualTo("sale-not-open");
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.properties()).containsEntry("salesOpenAt", OPENS.toString())
                .containsEntry("presaleOpensAt", presale.toString());
        assertThat(window.at(sale, presale)).isInstanceOf(SaleWindow.Open.class);
    }

    @Test
    void withoutAPresaleTheProblemNamesOnlyTheGeneralOpening() {
        DomainException problem = new SaleWindow.NotOpen(OPENS, OPENS).problem();
        assertThat(problem.properties()).containsOnlyKeys("salesOpenAt");
        assertThat(new SaleWindow.Closed(CLOSES).problem().code()).isEqualTo("sale-closed");
    }

    @Test
    void openingsAreAskedOnlyBeforeTheGeneralOpening() {
        AtomicInteger asked = new AtomicInteger();
        SaleWindow window = new SaleWindow(List.of(s -> {
            asked.incrementAndGet();
            return Optional.empty();
        }));
        PerformanceSale sale = sale(CLOSES, SHOW);

        window.at(sale, OPENS.plusSeconds(1));
        window.at(sale, CLOSES.plusSeconds(1));
        assertThat(asked).as("no presale lookup once the sale is open").hasValue(0);
        window.at(sale, OPENS.minusSeconds(1));
        assertThat(asked).hasValue(1);
    }
}
