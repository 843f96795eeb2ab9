-- Benchmark baselines for first-come coupons (io.ticketrush.benchmark, used only under the
-- `benchmark` profile by loadtest/run.sh): a campaign's stock as one counter row, and the coupons the
-- baselines issue. The tables exist everywhere (so the migration history does not depend on the
-- profile) and stay empty unless a benchmark runs. Nothing on the production path reads or writes
-- them. Deliberately no unique (campaign, fan) constraint: in the baselines the lock is the guard,
-- as in the projects they stand for; the harness audits that they never over-issue.
CREATE TABLE benchmark_coupon_campaigns
(
  id               UUID PRIMARY KEY,
  total_quantity   INT         NOT NULL CHECK (total_quantity > 0),
  per_person_limit INT         NOT NULL CHECK (per_person_limit > 0),
  starts_at        TIMESTAMPTZ NOT NULL,
  ends_at          TIMESTAMPTZ NOT NULL,
  issued           INT         NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ NOT NULL,
  CHECK (ends_at > starts_at)
);

CREATE TABLE benchmark_coupons
(
  id          UUID PRIMARY KEY,
  campaign_id UUID        NOT NULL REFERENCES benchmark_coupon_campaigns (id),
  user_id     UUID        NOT NULL,
  seq         INT         NOT NULL,
  claimed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX benchmark_coupons_fan ON benchmark_coupons (campaign_id, user_id);
