/**
 * Cross-cutting runtime: embedded PostgreSQL and Redis for the zero-configuration mode,
 * problem+json error mapping, OpenAPI description, clock and scheduling locks.
 * No business rule lives here; no module depends on it.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.ticketrush.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
