package io.ticketrush.ticket.code;

import io.ticketrush.ticket.TicketSettings;
import io.ticketrush.ticket.persistence.SigningKeyRows;
import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class TicketCodeConfiguration {

    private static final Log log = LogFactory.getLog(TicketCodeConfiguration.class);

    @Bean
    @DependsOnDatabaseInitialization
    TicketCodes ticketCodes(TicketSettings settings, Environment environment, SigningKeyRows keys, Clock clock) {
        return new TicketCodes(SigningKey.choose(settings.signingKey(), environment.acceptsProfiles(Profiles.of("prod")),
                () -> {
                    log.warn("No " + SigningKey.PROPERTY + " configured: signing ticket codes with the development key "
                            + "stored in the database (set the property in production)");
                    return keys.loadOrCreate(TicketCodes.MIN_KEY_BYTES, clock.instant());
                }));
    }
}
