-- The epoch of the waiting room's lines in Redis as PostgreSQL last saw it (one row). Redis keeps the
-- same number in queue:epoch; a Redis whose marker is missing or behind lost data: admissions pause
-- until the shoppers with live holds are restored (queue.LineEpoch, docs/redis-keys.md).
CREATE TABLE queue_redis_epoch
(
  id         SMALLINT PRIMARY KEY CHECK (id = 1),
  epoch      BIGINT      NOT NULL,
  changed_at TIMESTAMPTZ NOT NULL
);
