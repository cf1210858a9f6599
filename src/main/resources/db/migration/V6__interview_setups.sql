-- Seed 004 sets an interview up over REST before its WebSocket starts it: what the candidate uploaded, and whether
-- they consented to it being remembered. The interview itself lives in the journal under the same session id.
-- Without consent, the retention job keeps only report_json (no answer in it) once the period is over: it empties the
-- resume columns and candidate_email, and deletes the session's journal, snapshots and recordings.
CREATE TABLE interview_setups (
  session_id       TEXT PRIMARY KEY,
  resume_text      TEXT,
  resume_file_name TEXT,
  job_text         TEXT,
  role             TEXT,
  memory_opt_in    BOOLEAN NOT NULL DEFAULT false,
  -- voice_toggle before the interview started: it begins spoken
  voice_enabled    BOOLEAN NOT NULL DEFAULT false,
  -- the resume's email, lower-cased: a later session of the same candidate is remembered through it (with consent)
  candidate_email  TEXT,
  report_json      TEXT,
  purged_at        TIMESTAMPTZ,
  -- the purge deleted a resume: the session had one
  resume_purged    BOOLEAN NOT NULL DEFAULT false,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX interview_setups_email_idx ON interview_setups (candidate_email, created_at DESC) WHERE memory_opt_in;
CREATE INDEX interview_setups_due_idx ON interview_setups (created_at) WHERE NOT memory_opt_in AND purged_at IS NULL;
