-- Read-only links to an interview's report, for a mentor or coach. The token is the only secret: whoever has it
-- may read the report until the candidate revokes it. The report itself lives in the journal.
CREATE TABLE report_shares (
  token      TEXT PRIMARY KEY,
  session_id TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ
);
CREATE INDEX report_shares_session_idx ON report_shares (session_id);
