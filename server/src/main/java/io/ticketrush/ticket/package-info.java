/**
 * Tickets: one per sold seat, with a code signed by the server (verified without a database
 * read), QR images, and check-in at the door by the staff an organizer assigned (door staff), on
 * the performance's day.
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog", "account"})
@NullMarked
package io.ticketrush.ticket;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
