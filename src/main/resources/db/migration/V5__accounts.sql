-- Seed 000's accounts. Emails are unique whatever their case: the index is on lower(email).
CREATE TABLE users (
  id            TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  email         TEXT NOT NULL,
  name          TEXT,
  password_hash TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

-- Which user an interview belongs to; anonymous interviews have no row. The interview itself lives in the journal.
CREATE TABLE interview_owners (
  session_id TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX interview_owners_user_idx ON interview_owners (user_id, created_at DESC);

-- Secrets the nodes of a cluster must share and no one configured, such as the token signing key.
CREATE TABLE node_secrets (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
