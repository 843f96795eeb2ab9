package io.ticketrush.platform.web;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest request body accepted (JSON and forms alike); a larger one is answered 413
 *                {@code payload-too-large} before any work is done
 * @param routes  larger (or smaller) limits for some routes, by path pattern (Spring's {@code PathPattern}
 *                syntax), e.g. {@code ticketrush.body-limit.routes[/api/v1/events/*&#47;poster]=10MB} for uploads
 */
@ConfigurationProperties("ticketrush.body-limit")
record BodyLimitSettings(@DefaultValue("1MB") DataSize maxSize, @DefaultValue Map<String, DataSize> routes) {
}
