package io.ticketrush.catalog;

/** How the waiting room of an event's sale behaves (used by the queue module). */
public record QueueSettings(boolean enabled, int outflowPerSecond, int maxActiveShoppers) {

    public static final QueueSettings DISABLED = new QueueSettings(false, 100, 500);
}
