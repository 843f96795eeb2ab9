-- Access tokens carry the account's token generation ("gen"); raising it revokes every token
-- issued before (log-out, role change). tokens_revoked_at lets each instance load only the
-- accounts revoked within one access-token lifetime.
ALTER TABLE accounts
  ADD COLUMN token_generation  INT NOT NULL DEFAULT 0,
  ADD COLUMN tokens_revoked_at TIMESTAMPTZ;
CREATE INDEX accounts_tokens_revoked_idx ON accounts (tokens_revoked_at) WHERE tokens_revoked_at IS NOT NULL;

-- Refresh tokens: random opaque strings, stored as their SHA-256 only. Each use spends the token
-- and issues the next one of the same family; using a spent token again revokes the family.
CREATE TABLE refresh_tokens
(
  token_hash BYTEA PRIMARY KEY,
  family_id  UUID        NOT NULL,
  user_id    UUID        NOT NULL REFERENCES accounts (id),
  issued_at  TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  spent_at   TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
