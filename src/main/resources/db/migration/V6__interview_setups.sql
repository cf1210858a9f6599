-- Seed 004 sets an interview up over REST before its WebSocket starts it: what the candidate uploaded, and whether
-- they consented to it being remembered. The interview itself lives in the journal under the same session id.
CREATE TABLE interview_setups (
  session_id       TEXT PRIMARY KEY,
  resume_text      TEXT,
  resume_file_name TEXT,
  job_text         TEXT,
  role             TEXT,
  memory_opt_in    BOOLEAN NOT NULL DEFAULT false,
  -- voice_toggle before the interview started: it begins spoken
  voice_enabled    BOOLEAN NOT NULL DEFAULT false,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
