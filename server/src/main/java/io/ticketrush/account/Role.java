package io.ticketrush.account;

/** What a person may do. FAN is everyone's; the others are granted by an administrator. */
public enum Role {
    FAN, ORGANIZER, STAFF, ADMIN
}
