CREATE TABLE orders
(
  id                    UUID PRIMARY KEY,
  user_id               UUID        NOT NULL,
  hold_id               UUID        NOT NULL UNIQUE,  -- one order per hold
  performance_id        UUID        NOT NULL,
  event_id              UUID        NOT NULL,
  performance_starts_at TIMESTAMPTZ NOT NULL,
  status                TEXT        NOT NULL CHECK (status IN
                          ('PENDING_PAYMENT', 'PAID', 'EXPIRED', 'PAYMENT_FAILED', 'CANCELLED', 'REFUNDED')),
  seat_ids              TEXT[]      NOT NULL,
  grade_codes           TEXT[]      NOT NULL,
  prices                BIGINT[]    NOT NULL,
  subtotal              BIGINT      NOT NULL,
  discount              BIGINT      NOT NULL DEFAULT 0,
  amount                BIGINT      NOT NULL CHECK (amount >= 0),
  coupon_id             UUID,
  payment_deadline      TIMESTAMPTZ NOT NULL,
  -- NONE: no payment tried; CONFIRMING: asked the gateway; UNKNOWN: no trustworthy answer yet;
  -- APPROVED / DECLINED: the gateway's word; REFUND_PENDING: must give money back, not yet done
  payment_state         TEXT        NOT NULL DEFAULT 'NONE',
  payment_key           TEXT,
  payment_attempted_at  TIMESTAMPTZ,
  approved_amount       BIGINT,
  refund_amount         BIGINT,
  cancellation_fee      BIGINT,
  idempotency_key       TEXT,
  created_at            TIMESTAMPTZ NOT NULL,
  paid_at               TIMESTAMPTZ,
  ended_at              TIMESTAMPTZ,
  UNIQUE (user_id, idempotency_key)
);
CREATE INDEX orders_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_to_reconcile ON orders (payment_attempted_at)
  WHERE payment_state IN ('CONFIRMING', 'UNKNOWN', 'REFUND_PENDING');
