-- A person confirms their email address before holding seats. Accounts that exist already, and
-- rows written without the column (synthetic rehearsal fans, seeds), count as verified; a sign-up
-- with verification on writes NULL explicitly.
ALTER TABLE accounts ADD COLUMN email_verified_at TIMESTAMPTZ DEFAULT now();

-- Single-use links: a random token, stored as its SHA-256, expiring.
CREATE TABLE email_verifications
(
  token_hash BYTEA PRIMARY KEY,
  user_id    UUID        NOT NULL REFERENCES accounts (id),
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at    TIMESTAMPTZ
);
CREATE INDEX email_verifications_user_idx ON email_verifications (user_id);
