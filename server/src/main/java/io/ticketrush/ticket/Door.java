package io.ticketrush.ticket;

import java.time.Instant;
import java.util.UUID;

/** What the door knows about the performance a ticket code names, for the person scanning it. */
public sealed interface Door {

    /** The scanner may admit tickets of this performance (staff of its organizer, the organizer, an ADMIN). */
    record Open(UUID performanceId, UUID eventId, Instant startsAt) implements Door {
    }

    /** The performance belongs to an organizer the scanner does not work for. */
    record NotYours() implements Door {
    }

    /** No such performance: the code is signed but names nothing that exists. */
    record Unknown() implements Door {
    }
}
