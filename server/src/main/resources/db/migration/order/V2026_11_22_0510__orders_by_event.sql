-- The organizer dashboard sums an event's paid orders every few seconds.
CREATE INDEX orders_event_status ON orders (event_id, status);
