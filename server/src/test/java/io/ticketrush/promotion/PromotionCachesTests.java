package io.ticketrush.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.catalog.Catalog;
import io.ticketrush.catalog.PerformanceSale;
import io.ticketrush.promotion.persistence.CampaignRows;
import io.ticketrush.promotion.persistence.PresaleRows;
import io.ticketrush.testing.Api;
import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.testing.People;
import io.ticketrush.testing.Shows;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The promotion module's two in-process caches, each built here as another instance would hold it and
 * aged by a ticker the test moves: the unsettled campaigns (re-read after a second, however often this
 * instance updated them) and the presale windows (re-read after {@code presale-cache-ttl}, at once when
 * forgotten).
 */
@IntegrationTest
class PromotionCachesTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CampaignRows campaignRows;
    @Autowired
    PresaleRows presaleRows;
    @Autowired
    PromotionSettings settings;
    @Autowired
    PromotionMetrics metrics;
    @Autowired
    Catalog catalog;
    @Autowired
    Clock clock;

    private final AtomicLong nanos = new AtomicLong();
    Api api;
    People people;
    String organizer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        people = new People(api, jdbc);
        organizer = people.organizer().token();
    }

    @Test
    void aCampaignOpenedElsewhereIsSeenOnceTheSecondHasPassed() {
        LiveCampaigns live = new LiveCampaigns(campaignRows, nanos::get);
        List<CouponCampaign> before = live.current();
        UUID campaign = UUID.fromString(new Campaigns(api).active(organizer, 10, 1));

        assertThat(live.current()).as("within the second: from memory").isSameAs(before);
        advance(Duration.ofSeconds(1));
        assertThat(live.ids()).contains(campaign);
    }

    @Test
    void updatesFromThisInstanceShowAtOnceButDoNotPostponeTheNextRead() {
        UUID campaign = UUID.fromString(new Campaigns(api).active(organizer, 10, 1));
        LiveCampaigns live = new LiveCampaigns(campaignRows, nanos::get);
        assertThat(live.ids()).contains(campaign);

        advance(Duration.ofMillis(600));
        live.settled(campaign);
        assertThat(live.ids()).as("settled here: gone at once").doesNotContain(campaign);

        advance(Duration.ofMillis(400));
        assertThat(live.ids()).as("a second after the read, the database again (where it is not settled)")
                .contains(campaign);
    }

    @Test
    void aPresaleWindowIsReadAgainAfterItsCacheTimeOrAtOnceWhenForgotten() {
        Shows shows = new Shows(api);
        String venue = shows.venue(organizer, 1, 5);
        Shows.Show show = shows.publish(organizer, venue, shows.eventBody(venue, 4, Campaigns.now().plusHours(2)));
        PerformanceSale sale = catalog.performance(UUID.fromString(show.performanceId())).orElseThrow();
        PresaleGate gate = new PresaleGate(presaleRows, settings, metrics, clock, nanos::get);
        assertThat(gate.opensEarly(sale)).isEmpty();

        OffsetDateTime opensAt = Campaigns.now().minusMinutes(10);
        presale(show, opensAt);
        assertThat(gate.opensEarly(sale)).as("within presale-cache-ttl: from memory").isEmpty();
        advance(settings.presaleCacheTtl());
        assertThat(gate.opensEarly(sale)).contains(opensAt.toInstant());

        OffsetDateTime moved = Campaigns.now().plusHours(1);
        presale(show, moved);
        assertThat(gate.opensEarly(sale)).contains(opensAt.toInstant());
        gate.forget(sale.eventId());
        assertThat(gate.opensEarly(sale)).as("forgotten: read at once").contains(moved.toInstant());
    }

    private void presale(Shows.Show show, OffsetDateTime opensAt) {
        Api.Response saved = api.post("/api/v1/events/" + show.eventId() + "/presale", organizer,
                Map.of("opensAt", opensAt.toString()));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
