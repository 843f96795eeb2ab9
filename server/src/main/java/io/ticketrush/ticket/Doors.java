package io.ticketrush.ticket;

import io.ticketrush.shared.Caller;
import java.util.UUID;

/** Which doors a person may work: asked once per scan, after the code's signature checked out. */
public interface Doors {

    Door of(UUID performanceId, Caller scanner);
}
