package io.ticketrush.account;

import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo accounts of the development mode (see API.md); production seeds nothing. */
@Component
@Order(10)
@ConditionalOnBooleanProperty("ticketrush.seed.demo-data")
class DemoAccounts implements ApplicationRunner {

    private final Registration registration;

    DemoAccounts(Registration registration) {
        this.registration = registration;
    }

    @Override
    public void run(ApplicationArguments args) {
        registration.ensure("admin@ticketrush.local", "ticketrush-admin", "Admin", Set.of(Role.ADMIN, Role.ORGANIZER));
        registration.ensure("organizer@ticketrush.local", "ticketrush-organizer", "Demo Organizer", Set.of(Role.ORGANIZER));
        registration.ensure("staff@ticketrush.local", "ticketrush-staff", "Door Staff", Set.of(Role.STAFF));
        registration.ensure("fan@ticketrush.local", "ticketrush-fan", "Demo Fan", Set.of(Role.FAN));
    }
}
