package io.ticketrush.storefront.web;

import java.util.Set;
import java.util.UUID;

/** The signed-in person as the page header shows them. */
public record Viewer(UUID id, String name, Set<String> roles) {

    public boolean organizer() {
        return roles.contains("ORGANIZER");
    }

    public boolean admin() {
        return roles.contains("ADMIN");
    }

    public boolean staff() {
        return roles.contains("STAFF") || organizer();
    }
}
