-- The expectations register gets the activities' "team" visibility (issue
-- 15): an entry shared with one local team is seen by staff and by the
-- partners and parent representatives whose organisations are members of
-- team_id (journal::may_see, as for activities). team_id is required for
-- "team" (checked by validate_expectation) and set to NULL if the team goes,
-- which leaves the entry to staff only. SQLite cannot change a CHECK
-- constraint in place: the table is made anew and its rows copied.
CREATE TABLE journal_expectations_new (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  round TEXT NOT NULL,
  captured_on TEXT NOT NULL,
  activity_id TEXT REFERENCES journal_activities(id) ON DELETE SET NULL,
  visibility TEXT NOT NULL DEFAULT 'network' CHECK (visibility IN ('network','team','facilitators')),
  expects TEXT NOT NULL DEFAULT '',
  brings TEXT NOT NULL DEFAULT '',
  worries TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  team_id TEXT REFERENCES teams(id) ON DELETE SET NULL
);
INSERT INTO journal_expectations_new (id, version, created_at, updated_at, archived_at, organization_id, round,
  captured_on, activity_id, visibility, expects, brings, worries, created_by)
  SELECT id, version, created_at, updated_at, archived_at, organization_id, round, captured_on, activity_id,
         visibility, expects, brings, worries, created_by FROM journal_expectations;
DROP TABLE journal_expectations;
ALTER TABLE journal_expectations_new RENAME TO journal_expectations;
CREATE INDEX journal_expectations_org ON journal_expectations(organization_id, captured_on);
