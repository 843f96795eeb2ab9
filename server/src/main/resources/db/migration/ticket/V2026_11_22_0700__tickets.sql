-- One ticket per sold seat. A ticket exists exactly when its order is PAID (issued inside the
-- order's "paid" transaction); cancelling or refunding the order marks it CANCELLED.
CREATE TABLE tickets
(
  id             UUID PRIMARY KEY,
  order_id       UUID        NOT NULL,
  owner_id       UUID        NOT NULL,
  performance_id UUID        NOT NULL,
  seat_id        TEXT        NOT NULL,
  code           TEXT        NOT NULL,  -- signed text the QR image encodes (see TicketCodes)
  status         TEXT        NOT NULL CHECK (status IN ('VALID', 'CHECKED_IN', 'CANCELLED')),
  issued_at      TIMESTAMPTZ NOT NULL,
  checked_in_at  TIMESTAMPTZ,
  checked_in_by  UUID,
  CONSTRAINT tickets_order_seat_uk UNIQUE (order_id, seat_id)
);

-- Second guard that a seat is never sold twice: at most one live ticket per seat and performance.
CREATE UNIQUE INDEX tickets_live_seat_uk ON tickets (performance_id, seat_id) WHERE status <> 'CANCELLED';
CREATE INDEX tickets_owner_idx ON tickets (owner_id, issued_at DESC);

-- Development only: the random key that signs ticket codes when ticketrush.ticket.signing-key
-- is blank, kept so codes stay valid across restarts. Production configures the key instead.
CREATE TABLE ticket_signing_key
(
  id         SMALLINT PRIMARY KEY CHECK (id = 1),
  key        BYTEA       NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
