package io.ticketrush.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caps on the waiting room's live streams per instance, besides {@code ticketrush.queue.max-streams}: one
 * fan, or one network address, cannot hold the streams that other fans need. Beyond a cap the stream
 * answers 429 {@code too-many-streams} and the page polls its place instead (the place is kept).
 *
 * @param perFan     streams one fan holds at once on one instance (a few tabs or devices)
 * @param perAddress streams one client address holds at once on one instance (fans behind one NAT share it)
 */
@ConfigurationProperties("ticketrush.queue.stream-caps")
public record StreamCaps(@DefaultValue("3") int perFan, @DefaultValue("100") int perAddress) {
}
