-- The sandbox payment gateway (development, tests and benchmarks only; unused in production).
-- It keeps every checkout, approval, decline and refund it answered, so a benchmark can audit
-- exactly what was charged, and its state survives restarts of the server.

CREATE TABLE sandbox_payments
(
  payment_key     TEXT PRIMARY KEY,
  order_id        TEXT        NOT NULL,
  test_card       TEXT        NOT NULL,                 -- TestCard: what the confirmation does
  status          TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'DONE', 'ABORTED', 'PARTIAL_CANCELED', 'CANCELED')),
  total_amount    BIGINT      NOT NULL CHECK (total_amount > 0),
  balance_amount  BIGINT      NOT NULL CHECK (balance_amount >= 0 AND balance_amount <= total_amount),
  requested_at    TIMESTAMPTZ NOT NULL,
  approved_at     TIMESTAMPTZ,                          -- set when DONE, kept through cancellations
  failure_code    TEXT,                                 -- set when ABORTED
  failure_message TEXT,
  CHECK ((status = 'IN_PROGRESS' OR status = 'ABORTED') = (approved_at IS NULL))
);
CREATE INDEX sandbox_payments_order_idx ON sandbox_payments (order_id, requested_at);
-- The gateway never captures money twice for one order, whichever checkout is confirmed.
CREATE UNIQUE INDEX sandbox_payments_captured_order_uk ON sandbox_payments (order_id)
  WHERE status IN ('DONE', 'PARTIAL_CANCELED', 'CANCELED');

CREATE TABLE sandbox_payment_cancels
(
  transaction_key TEXT PRIMARY KEY,
  payment_key     TEXT        NOT NULL REFERENCES sandbox_payments (payment_key),
  cancel_amount   BIGINT      NOT NULL CHECK (cancel_amount > 0),
  cancel_reason   TEXT        NOT NULL,
  canceled_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX sandbox_payment_cancels_payment_idx ON sandbox_payment_cancels (payment_key, canceled_at);

-- The first reply per Idempotency-Key and endpoint (method and path, as Toss scopes its keys);
-- status and body are filled in the same transaction that claimed the key.
CREATE TABLE sandbox_idempotent_replies
(
  idempotency_key TEXT        NOT NULL,
  endpoint        TEXT        NOT NULL,
  status          INT,
  body            TEXT,
  created_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (idempotency_key, endpoint)
);
