/**
 * Accounts: people and their roles (FAN, ORGANIZER, STAFF, ADMIN), sign-up and log-in with
 * hashed passwords, signed JWT access tokens, the HTTP security rules, and synthetic fans
 * for on-sale rehearsals.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.ticketrush.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
