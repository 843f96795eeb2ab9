CREATE TABLE accounts
(
  id            UUID PRIMARY KEY,
  email         TEXT        NOT NULL,
  name          TEXT        NOT NULL,
  password_hash TEXT,                     -- NULL for synthetic rehearsal fans: they cannot log in
  roles         TEXT[]      NOT NULL,
  synthetic     BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX accounts_email_uk ON accounts (lower(email));
