/**
 * Cross-cutting runtime: embedded PostgreSQL and Redis for the zero-configuration mode,
 * problem+json error mapping, OpenAPI description, clock and scheduling locks.
 * No business rule lives here; no module depends on it. It reads the queue module's API only to
 * verify an admission token's signature at the front door.
 */
@ApplicationModule(allowedDependencies = {"shared", "queue"})
@NullMarked
package io.ticketrush.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
