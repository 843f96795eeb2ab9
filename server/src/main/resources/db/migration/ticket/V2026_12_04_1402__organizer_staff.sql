-- Door staff of an organizer: they check in tickets of that organizer's events only (event_ids NULL:
-- every event of the organizer; otherwise only those events).
CREATE TABLE organizer_staff
(
  organizer_id UUID        NOT NULL,
  user_id      UUID        NOT NULL,
  event_ids    UUID[],
  assigned_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (organizer_id, user_id)
);
CREATE INDEX organizer_staff_user ON organizer_staff (user_id);
