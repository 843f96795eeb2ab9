package io.ticketrush.catalog;

public enum EventStatus {
    DRAFT, PUBLISHED
}
