package io.ticketrush.catalog;

import java.util.List;

/** A seat grade of an event: its price in won and the venue sections it covers. */
public record Grade(String code, String name, long price, List<String> sections) {
}
