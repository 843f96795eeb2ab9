package io.ticketrush.queue;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tick               how often the gatekeeper admits (one instance at a time)
 * @param pushInterval       how often each instance reads every line once and pushes changes to its SSE clients
 * @param admissionWindow    an admitted fan must place a hold within this time, or the admission EXPIRES
 *                           (no-show) and the slot goes to the next fan
 * @param holdAttemptGrace   a hold attempted just before the window closes keeps the admission this long, so a
 *                           hold that is being placed is not taken for a no-show
 * @param signingKey         HMAC key of admission tokens (at least 32 bytes); blank = a random key kept in the
 *                           database and shared by all instances
 * @param streamTimeout      an SSE stream is closed after this time (the browser's EventSource reconnects)
 * @param heartbeat          an SSE stream that had nothing new for this long gets a comment line
 * @param maxStreams         SSE streams one instance holds at most (each costs about 100 KB of heap, mostly the
 *                           web server's connection buffers); beyond it a stream request gets 503 and the client
 *                           polls GET instead
 * @param maxAdmissionsPerTick upper bound of fans admitted by one gatekeeper step
 * @param longestPoll        the longest {@code Retry-After} a waiting fan is given (far back in a long line)
 * @param rateHalfLife       half-life of the measured admission rate behind the ETA
 * @param retention          how long a line's Redis keys are kept after its sale ended
 */
@ConfigurationProperties("ticketrush.queue")
public record WaitingRoomSettings(
        @DefaultValue("PT0.2S") Duration tick,
        @DefaultValue("PT1S") Duration pushInterval,
        @DefaultValue("PT3M") Duration admissionWindow,
        @DefaultValue("PT30S") Duration holdAttemptGrace,
        @Nullable String signingKey,
        @DefaultValue("PT30M") Duration streamTimeout,
        @DefaultValue("PT15S") Duration heartbeat,
        @DefaultValue("10000") int maxStreams,
        @DefaultValue("5000") int maxAdmissionsPerTick,
        @DefaultValue("PT3M") Duration longestPoll,
        @DefaultValue("PT10S") Duration rateHalfLife,
        @DefaultValue("P1D") Duration retention) {
}
