package io.ticketrush.order;

import io.ticketrush.order.persistence.OrderRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Saves a transition: a moved order is written only if it is still in the state the move started
 * from, and then its event is published (in the caller's transaction, if there is one).
 */
@Component
class OrderTransitions {

    private final OrderRows rows;
    private final ApplicationEventPublisher events;

    OrderTransitions(OrderRows rows, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
    }

    /** @return whether the order moved; false if the move was refused or another writer moved it first */
    boolean apply(Transition transition) {
        return switch (transition) {
            case Transition.Refused refused -> false;
            case Transition.Moved moved -> {
                if (!rows.save(moved)) {
                    yield false;
                }
                if (moved.event() != null) {
                    events.publishEvent(moved.event());
                }
                yield true;
            }
        };
    }
}
