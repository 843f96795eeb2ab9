-- The reconciler records every try on an unsettled order (issue #11, item 2): how many times it
-- asked, and when it may ask again (exponential backoff), so orders it cannot settle yet never
-- keep a fresh one from being looked at. MANUAL_REVIEW is the terminal payment state of an order
-- the reconciler gave up on (a refused refund, a payment the gateway cannot account for): an
-- operator settles it by hand (console /console/orders/review, metric, alert).
ALTER TABLE orders
  ADD COLUMN settle_attempts INT NOT NULL DEFAULT 0,
  ADD COLUMN next_settle_at  TIMESTAMPTZ,
  ADD COLUMN settle_note     TEXT;

ALTER TABLE orders
  ADD CONSTRAINT orders_payment_state CHECK (payment_state IN
    ('NONE', 'CONFIRMING', 'UNKNOWN', 'APPROVED', 'DECLINED', 'REFUND_PENDING', 'REFUNDED', 'MANUAL_REVIEW'));

-- The unsettled orders stay few (partial index orders_to_reconcile); operators list the ones to review.
CREATE INDEX orders_manual_review ON orders (ended_at) WHERE payment_state = 'MANUAL_REVIEW';
