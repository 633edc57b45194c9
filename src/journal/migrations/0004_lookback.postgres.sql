-- Looking back (calendar feeds, search, report) on PostgreSQL; see
-- 0004_lookback.sqlite.sql for the feed filter.

CREATE TABLE journal_feed_teams (
  token_id BIGINT PRIMARY KEY REFERENCES documents_feed_tokens(id) ON DELETE CASCADE,
  team_id TEXT NOT NULL
);

-- Full-text search over activities: Samen computes the terms (folded words
-- and their Dutch and French stems, journal/search.cpp) and stores them as
-- tsvectors; doc holds every term of the title, agenda, notes and
-- decisions, title_doc those of the title (ranked first). `version` is the
-- activity's version the row was made from (a stale row is re-indexed).
-- Visibility, team and start are copied from the activity so a search
-- reads this table alone (no join to the activities' large rows).
CREATE TABLE journal_search (
  activity_id TEXT PRIMARY KEY REFERENCES journal_activities(id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  visibility TEXT NOT NULL,
  team_id TEXT,
  starts_at BIGINT NOT NULL,
  doc TSVECTOR NOT NULL,
  title_doc TSVECTOR NOT NULL
);
CREATE INDEX journal_search_doc ON journal_search USING GIN (doc);

-- The timeline's count and pages of active activities read this index
-- alone for their filters (visibility, team, type), not the rows with notes.
CREATE INDEX journal_activities_visible ON journal_activities (starts_at, visibility, team_id, type)
  WHERE archived_at IS NULL;
