package io.ticketrush.inventory;

/** ACTIVE holds claim seats; SOLD became an order's tickets; the rest gave their seats back. */
public enum HoldStatus {
    ACTIVE, SOLD, RELEASED, EXPIRED, RETURNED
}
