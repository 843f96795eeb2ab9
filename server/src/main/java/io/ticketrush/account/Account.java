package io.ticketrush.account;

import java.util.Set;
import java.util.UUID;

/** A person who can sign in (or a synthetic rehearsal fan, who cannot). */
public record Account(UUID id, String email, String name, Set<Role> roles) {
}
