package io.ticketrush.catalog;

public enum Category {
    CONCERT, MUSICAL, THEATER, CLASSIC, SPORTS, EXHIBITION, FAMILY
}
