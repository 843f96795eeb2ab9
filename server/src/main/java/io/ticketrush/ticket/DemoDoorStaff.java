package io.ticketrush.ticket;

import io.ticketrush.account.Account;
import io.ticketrush.account.Accounts;
import io.ticketrush.ticket.persistence.StaffRows;
import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The development mode's demo door: staff@ticketrush.local works the demo organizer's doors. */
@Component
@Order(30)
@ConditionalOnBooleanProperty("ticketrush.seed.demo-data")
class DemoDoorStaff implements ApplicationRunner {

    private final Accounts accounts;
    private final StaffRows rows;
    private final Clock clock;

    DemoDoorStaff(Accounts accounts, StaffRows rows, Clock clock) {
        this.accounts = accounts;
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Account organizer = accounts.findByEmail("organizer@ticketrush.local").orElse(null);
        Account staff = accounts.findByEmail("staff@ticketrush.local").orElse(null);
        if (organizer != null && staff != null && rows.ofOrganizer(organizer.id()).isEmpty()) {
            rows.assign(organizer.id(), staff.id(), null, clock.instant());
        }
    }
}
