-- One row per published event, written in the publishing transaction: the secret seed of the
-- opening draw (its SHA-256, the commitment, is public from publication on; the seed itself is
-- revealed when the pre-queue closes at the sale opening) and the sale window the gatekeeper
-- watches. The line itself lives in Redis (see docs/redis-keys.md).
CREATE TABLE queue_sales
(
  event_id      UUID PRIMARY KEY,
  queue_enabled BOOLEAN     NOT NULL,
  seed          TEXT        NOT NULL,  -- 64 hex characters
  commitment    TEXT        NOT NULL,  -- sha256(seed) in hex
  sales_open_at TIMESTAMPTZ NOT NULL,
  sales_end_at  TIMESTAMPTZ NOT NULL,  -- the last performance's end of sale
  created_at    TIMESTAMPTZ NOT NULL,
  revealed_at   TIMESTAMPTZ,           -- the pre-queue closed and the seed became public
  finished_at   TIMESTAMPTZ            -- the sale ended and the line's keys were set to expire
);
CREATE INDEX queue_sales_live ON queue_sales (sales_open_at) WHERE queue_enabled AND finished_at IS NULL;

-- The random key that signs admission tokens when ticketrush.queue.signing-key is blank, shared
-- by every instance. Tokens live minutes, so a key kept here is enough; a configured key wins.
CREATE TABLE queue_signing_key
(
  id         SMALLINT PRIMARY KEY CHECK (id = 1),
  key        BYTEA       NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
