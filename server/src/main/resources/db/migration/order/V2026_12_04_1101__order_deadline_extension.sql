-- A payment gateway incident moves the payment deadline of an order waiting to pay (and its
-- hold's expiry) later, once per order: when it happened, null if never.
ALTER TABLE orders ADD COLUMN deadline_extended_at TIMESTAMPTZ;
-- The orders an opening of the circuit breaker extends, found without scanning every order.
CREATE INDEX orders_pending_unextended ON orders (payment_deadline)
  WHERE status = 'PENDING_PAYMENT' AND deadline_extended_at IS NULL;
