-- One row per sellable seat per performance: the unit that is held and sold.
CREATE TABLE seat_inventory
(
  performance_id UUID NOT NULL,
  seat_id        TEXT NOT NULL,
  grade_code     TEXT NOT NULL,
  section_code   TEXT NOT NULL,
  row_label      TEXT NOT NULL,
  seat_number    INT  NOT NULL,
  sort_key       INT  NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD')),
  hold_id        UUID,
  order_id       UUID,
  PRIMARY KEY (performance_id, seat_id),
  CHECK ((status = 'AVAILABLE') = (hold_id IS NULL))
) WITH (fillfactor = 80);
-- best-available search walks this index front to back, skipping rows other claims have locked
CREATE INDEX seat_inventory_available ON seat_inventory (performance_id, grade_code, sort_key) WHERE status = 'AVAILABLE';
CREATE INDEX seat_inventory_hold ON seat_inventory (hold_id) WHERE hold_id IS NOT NULL;

CREATE TABLE holds
(
  id             UUID PRIMARY KEY,
  performance_id UUID        NOT NULL,
  event_id       UUID        NOT NULL,
  user_id        UUID        NOT NULL,
  seat_ids       TEXT[]      NOT NULL,
  grade_codes    TEXT[]      NOT NULL,
  prices         BIGINT[]    NOT NULL,
  total_price    BIGINT      NOT NULL,
  status         TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'SOLD', 'RELEASED', 'EXPIRED', 'RETURNED')),
  created_at     TIMESTAMPTZ NOT NULL,
  expires_at     TIMESTAMPTZ NOT NULL,
  ended_at       TIMESTAMPTZ,
  order_id       UUID
);
CREATE INDEX holds_expiry ON holds (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX holds_user ON holds (user_id, created_at);
CREATE INDEX holds_order ON holds (order_id) WHERE order_id IS NOT NULL;

-- Tickets a person holds or bought per event: the per-person limit, enforced by a conditional upsert.
CREATE TABLE purchase_quotas
(
  event_id UUID NOT NULL,
  user_id  UUID NOT NULL,
  used     INT  NOT NULL CHECK (used >= 0),
  PRIMARY KEY (event_id, user_id)
);
