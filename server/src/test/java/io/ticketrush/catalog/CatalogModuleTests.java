package io.ticketrush.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.account.Account;
import io.ticketrush.account.Accounts;
import io.ticketrush.account.Registration;
import io.ticketrush.account.Role;
import io.ticketrush.shared.Caller;
import io.ticketrush.shared.mail.OutgoingMail;
import io.ticketrush.testing.TestClockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The catalog module on its own (with the account module it depends on, and the embedded PostgreSQL
 * and Redis every test JVM starts): no inventory, queue or order bean exists, and publishing an
 * event announces its performances as an {@link EventPublished} for whoever listens. The one port
 * another module implements, {@link OutgoingMail} (the platform's SMTP), is an in-memory outbox here
 * (the test profile sends no mail: email verification is off).
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CatalogModuleTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Outbox {

        @Bean
        OutgoingMail outbox() {
            List<OutgoingMail.Mail> sent = new CopyOnWriteArrayList<>();
            return sent::add;
        }
    }

    @Autowired
    Venues venues;
    @Autowired
    Events events;
    @Autowired
    Registration registration;
    @Autowired
    Accounts accounts;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    @Test
    void runsWithoutTheModulesThatBuildOnIt() {
        assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType)
                .filter(type -> type != null && type.getPackageName().startsWith("io.ticketrush."))
                .map(type -> type.getPackageName().split("\\.")[2]))
                .contains("catalog", "account")
                .doesNotContainAnyElementsOf(List.of("inventory", "queue", "order", "payment", "promotion", "ticket",
                        "storefront", "console", "benchmark"));
    }

    @Test
    void publishingAnEventAnnouncesItsPerformances(Scenario scenario) {
        Account organizer = registration.signUp("organizer-" + UUID.randomUUID() + "@example.com",
                "a-long-enough-password", "Organizer", "127.0.0.1");
        accounts.grant(organizer.id(), Role.ORGANIZER);
        Venue venue = venues.create(new VenuePlan("Hall", "Seoul", List.of(new VenuePlan.Section("A", "Floor",
                List.of(new VenuePlan.Row("1", 4))))), organizer.id());
        Instant now = clock.instant();
        Event draft = events.draft(new EventPlan("Module test", Category.CONCERT, venue.id(), "",
                now, now.plus(Duration.ofDays(7)), 4, List.of(new Grade("R", "R석", 99_000, List.of("A"))),
                List.of(now.plus(Duration.ofDays(8)), now.plus(Duration.ofDays(9))), QueueSettings.DISABLED),
                organizer.id());
        Caller caller = new Caller(organizer.id(), Set.of("ORGANIZER"));

        scenario.stimulate(() -> events.publish(draft.id(), caller))
                .andWaitForEventOfType(EventPublished.class)
                .matching(published -> published.eventId().equals(draft.id()))
                .toArriveAndVerify(published -> assertThat(published.performanceIds())
                        .hasSize(2)
                        .containsExactlyInAnyOrderElementsOf(draft.performances().stream()
                                .map(Event.Performance::performanceId).toList()));
    }
}
