package io.ticketrush.ticket.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketrush.testing.IntegrationTest;
import io.ticketrush.ticket.persistence.SigningKeyRows;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The test profile sets no signing key, so it runs on the development key kept in the database. */
@IntegrationTest
class DevelopmentSigningKeyTests {

    @Autowired
    SigningKeyRows keys;
    @Autowired
    TicketCodes codes;

    @Test
    void theStoredKeyIsCreatedOnceAndSignsTheRunningServersCodes() {
        byte[] stored = keys.loadOrCreate(TicketCodes.MIN_KEY_BYTES, Instant.now());

        assertThat(stored).hasSize(TicketCodes.MIN_KEY_BYTES);
        assertThat(keys.loadOrCreate(TicketCodes.MIN_KEY_BYTES, Instant.now())).isEqualTo(stored);
        TicketCodes afterRestart = new TicketCodes(stored);
        UUID ticketId = UUID.randomUUID();
        UUID performanceId = UUID.randomUUID();
        String code = codes.sign(ticketId, performanceId);
        assertThat(afterRestart.verify(code)).contains(new TicketCodes.Verified(ticketId, performanceId));
    }
}
