package io.ticketrush.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The rehearsal endpoint that mints synthetic fans; off in production. */
@ConfigurationProperties("ticketrush.rehearsal")
public record RehearsalSettings(@DefaultValue("false") boolean enabled, @DefaultValue("10000") int maxBatch) {
}
