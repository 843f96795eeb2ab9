package io.ticketrush.queue;

import io.ticketrush.queue.persistence.SaleRows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdmissionTokenConfiguration {

    private static final Log log = LogFactory.getLog(AdmissionTokenConfiguration.class);

    /** A configured key wins; without one, a random key kept in the database is shared by all instances. */
    @Bean
    @DependsOnDatabaseInitialization
    AdmissionTokens admissionTokens(WaitingRoomSettings settings, SaleRows rows, Clock clock) {
        String configured = settings.signingKey();
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < AdmissionTokens.MIN_KEY_BYTES) {
                throw new IllegalStateException("ticketrush.queue.signing-key must be at least "
                        + AdmissionTokens.MIN_KEY_BYTES + " bytes long (it has " + key.length + ")");
            }
            return new AdmissionTokens(key);
        }
        log.info("No ticketrush.queue.signing-key configured: admission tokens are signed with the key kept in the database");
        return new AdmissionTokens(rows.signingKey(AdmissionTokens.MIN_KEY_BYTES, clock.instant()));
    }
}
