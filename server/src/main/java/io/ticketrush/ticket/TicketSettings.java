package io.ticketrush.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKey HMAC key for ticket codes (at least 32 bytes); required in production, in
 *                   development a random key is created once and kept in the database when blank
 * @param qrSize     width and height of a ticket's QR image in pixels
 */
@ConfigurationProperties("ticketrush.ticket")
public record TicketSettings(@DefaultValue("") String signingKey, @DefaultValue("300") int qrSize) {
}
