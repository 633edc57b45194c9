-- The expectations register gets the activities' "team" visibility (issue
-- 15): an entry shared with one local team is seen by staff and by the
-- partners and parent representatives whose organisations are members of
-- team_id (journal::may_see, as for activities). team_id is required for
-- "team" (checked by validate_expectation) and set to NULL if the team goes,
-- which leaves the entry to staff only.
ALTER TABLE journal_expectations DROP CONSTRAINT IF EXISTS journal_expectations_visibility_check;
ALTER TABLE journal_expectations ADD CONSTRAINT journal_expectations_visibility_check
  CHECK (visibility IN ('network', 'team', 'facilitators'));
ALTER TABLE journal_expectations ADD COLUMN team_id TEXT REFERENCES teams(id) ON DELETE SET NULL;
