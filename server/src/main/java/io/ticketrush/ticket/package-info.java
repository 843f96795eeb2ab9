/**
 * Tickets: one per sold seat, with a code signed by the server (verified without a database
 * read), QR images, and check-in at the door.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.ticketrush.ticket;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
