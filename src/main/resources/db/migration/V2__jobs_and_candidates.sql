-- Seed 002's JobDetails and CandidateDetails. Ids are text, not uuid: the seed's own examples use
-- ids such as "test-candidate"; new rows get a random UUID.
CREATE TABLE jobs (
  id               TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  title            TEXT NOT NULL,
  description      TEXT NOT NULL DEFAULT '',
  requirements     TEXT NOT NULL DEFAULT '',
  company          TEXT NOT NULL DEFAULT '',
  location         TEXT NOT NULL DEFAULT '',
  salary_range     TEXT NOT NULL DEFAULT '',
  experience_level TEXT NOT NULL DEFAULT '',
  skills_required  TEXT[] NOT NULL DEFAULT '{}',
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE candidates (
  id          TEXT PRIMARY KEY DEFAULT gen_random_uuid()::text,
  name        TEXT NOT NULL,
  email       TEXT NOT NULL DEFAULT '',
  resume_text TEXT NOT NULL DEFAULT '',
  resume_url  TEXT NOT NULL DEFAULT '',
  skills      TEXT[] NOT NULL DEFAULT '{}',
  experience  TEXT NOT NULL DEFAULT '',
  education   TEXT NOT NULL DEFAULT '',
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX jobs_created_at_idx ON jobs (created_at DESC);
CREATE INDEX candidates_created_at_idx ON candidates (created_at DESC);
