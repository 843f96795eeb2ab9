-- The epoch of the coupon stock in Redis as PostgreSQL last saw it (one row). Redis keeps the same
-- number in promotion:epoch; a Redis whose marker is missing or behind lost data and is repaired from
-- the coupons stored here before claims resume (promotion.ClaimEpoch, docs/redis-keys.md).
CREATE TABLE promotion_redis_epoch
(
  id         SMALLINT PRIMARY KEY CHECK (id = 1),
  epoch      BIGINT      NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL
);
