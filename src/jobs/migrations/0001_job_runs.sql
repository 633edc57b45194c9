-- The shared schedule of periodic jobs: one row per job, claimed by the
-- server that moves next_due forward first, so every job runs once per
-- period however many servers share the database. Times are unix seconds.
CREATE TABLE job_runs (
  name TEXT PRIMARY KEY,
  next_due BIGINT NOT NULL,
  runs BIGINT NOT NULL DEFAULT 0,
  last_started_at BIGINT,
  last_finished_at BIGINT,
  last_error TEXT
);
