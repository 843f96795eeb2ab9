-- Coupon campaigns (선착순 쿠폰). Redis is the gate that issues coupons; PostgreSQL keeps every issued
-- coupon for good, written from the campaign's Redis Stream and repaired by the reconciler.
CREATE TABLE coupon_campaigns
(
  id               UUID PRIMARY KEY,
  organizer_id     UUID        NOT NULL,
  name             TEXT        NOT NULL,
  discount_type    TEXT        NOT NULL CHECK (discount_type IN ('FIXED', 'PERCENT')),
  discount_value   BIGINT      NOT NULL CHECK (discount_value > 0),
  total_quantity   INT         NOT NULL CHECK (total_quantity > 0),
  per_person_limit INT         NOT NULL CHECK (per_person_limit > 0),
  starts_at        TIMESTAMPTZ NOT NULL,
  ends_at          TIMESTAMPTZ NOT NULL,
  usable_until     TIMESTAMPTZ NOT NULL,
  min_order_amount BIGINT      NOT NULL DEFAULT 0 CHECK (min_order_amount >= 0),
  event_id         UUID,
  created_at       TIMESTAMPTZ NOT NULL,
  -- set by the reconciler once the campaign is over and PostgreSQL holds exactly what Redis issued
  settled_at       TIMESTAMPTZ,
  issued           INT,
  CHECK (ends_at > starts_at),
  CHECK (usable_until >= ends_at),
  CHECK (discount_type <> 'PERCENT' OR discount_value <= 100)
);
CREATE INDEX coupon_campaigns_unsettled ON coupon_campaigns (ends_at) WHERE settled_at IS NULL;
CREATE INDEX coupon_campaigns_organizer ON coupon_campaigns (organizer_id, created_at DESC);

CREATE TABLE coupons
(
  id          UUID PRIMARY KEY,
  campaign_id UUID        NOT NULL REFERENCES coupon_campaigns (id),
  user_id     UUID        NOT NULL,
  seq         INT         NOT NULL CHECK (seq > 0),      -- the campaign's n-th coupon, given by Redis
  fan_seq     INT         NOT NULL CHECK (fan_seq > 0),  -- the fan's n-th coupon of the campaign
  claimed_at  TIMESTAMPTZ NOT NULL,
  stored_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  order_id    UUID,                                      -- the order it is reserved for or paid
  discount    BIGINT,                                    -- won taken off that order
  reserved_at TIMESTAMPTZ,
  used_at     TIMESTAMPTZ,                               -- the order was paid: never usable again
  UNIQUE (campaign_id, seq),
  UNIQUE (campaign_id, user_id, fan_seq),
  CHECK (used_at IS NULL OR order_id IS NOT NULL)
);
CREATE INDEX coupons_user ON coupons (user_id, claimed_at DESC);
CREATE UNIQUE INDEX coupons_order ON coupons (order_id) WHERE order_id IS NOT NULL;  -- one coupon per order

-- Presale (선예매): an earlier window before the general sale in which a hold needs an access code.
CREATE TABLE presales
(
  event_id     UUID PRIMARY KEY,
  opens_at     TIMESTAMPTZ NOT NULL,
  organizer_id UUID        NOT NULL,
  updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE presale_codes
(
  event_id     UUID        NOT NULL REFERENCES presales (event_id),
  code         TEXT        NOT NULL,          -- 12 characters, stored without dashes
  batch_id     UUID        NOT NULL,
  uses_allowed INT         NOT NULL CHECK (uses_allowed > 0),
  uses         INT         NOT NULL DEFAULT 0,
  created_at   TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  PRIMARY KEY (event_id, code),
  CHECK (uses >= 0 AND uses <= uses_allowed)
);
