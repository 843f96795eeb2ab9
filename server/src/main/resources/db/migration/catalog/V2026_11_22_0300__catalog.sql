CREATE TABLE venues
(
  id         UUID PRIMARY KEY,
  name       TEXT        NOT NULL,
  address    TEXT        NOT NULL,
  seat_count INT         NOT NULL,
  created_by UUID        NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE venue_sections
(
  venue_id UUID NOT NULL REFERENCES venues (id),
  code     TEXT NOT NULL,
  name     TEXT NOT NULL,
  position INT  NOT NULL,
  PRIMARY KEY (venue_id, code)
);

-- seat ids are <section>-<row>-<number>; sort_key orders seats front to back (best first)
CREATE TABLE venue_seats
(
  venue_id     UUID NOT NULL REFERENCES venues (id),
  seat_id      TEXT NOT NULL,
  section_code TEXT NOT NULL,
  row_label    TEXT NOT NULL,
  seat_number  INT  NOT NULL,
  sort_key     INT  NOT NULL,
  PRIMARY KEY (venue_id, seat_id)
);

CREATE TABLE events
(
  id                        UUID PRIMARY KEY,
  organizer_id              UUID        NOT NULL,
  title                     TEXT        NOT NULL,
  category                  TEXT        NOT NULL,
  venue_id                  UUID        NOT NULL REFERENCES venues (id),
  description               TEXT        NOT NULL DEFAULT '',
  sales_open_at             TIMESTAMPTZ NOT NULL,
  sales_close_at            TIMESTAMPTZ NOT NULL,
  max_tickets_per_person    INT         NOT NULL,
  queue_enabled             BOOLEAN     NOT NULL,
  queue_outflow_per_second  INT         NOT NULL,
  queue_max_active_shoppers INT         NOT NULL,
  status                    TEXT        NOT NULL,
  created_at                TIMESTAMPTZ NOT NULL,
  published_at              TIMESTAMPTZ,
  CHECK (sales_close_at > sales_open_at),
  CHECK (max_tickets_per_person > 0)
);
CREATE INDEX events_listing ON events (status, sales_open_at);

CREATE TABLE event_grades
(
  event_id UUID   NOT NULL REFERENCES events (id),
  code     TEXT   NOT NULL,
  name     TEXT   NOT NULL,
  price    BIGINT NOT NULL CHECK (price > 0),
  position INT    NOT NULL,
  PRIMARY KEY (event_id, code)
);

-- a section belongs to at most one grade of an event
CREATE TABLE grade_sections
(
  event_id     UUID NOT NULL,
  grade_code   TEXT NOT NULL,
  section_code TEXT NOT NULL,
  PRIMARY KEY (event_id, section_code),
  FOREIGN KEY (event_id, grade_code) REFERENCES event_grades (event_id, code)
);

CREATE TABLE performances
(
  id        UUID PRIMARY KEY,
  event_id  UUID        NOT NULL REFERENCES events (id),
  starts_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX performances_event ON performances (event_id, starts_at);
