-- Looking back (calendar feeds, search, report) on SQLite; see
-- 0004_lookback.postgres.sql. The search index is a Xapian database in the
-- data directory, so only the feed filter is a table here.

-- A private calendar feed token (documents_feed_tokens, feed
-- "journal.activities") limited to one level: a team id, or 'brussels' for
-- the Brussels-wide level. A token without a row gives every visible activity.
CREATE TABLE journal_feed_teams (
  token_id BIGINT PRIMARY KEY REFERENCES documents_feed_tokens(id) ON DELETE CASCADE,
  team_id TEXT NOT NULL
);

-- The timeline's count and pages of active activities read this index
-- alone for their filters (visibility, team, type), not the rows with notes.
CREATE INDEX journal_activities_visible ON journal_activities (starts_at, visibility, team_id, type)
  WHERE archived_at IS NULL;
