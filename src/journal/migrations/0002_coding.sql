-- Qualitative coding of the journal (issue 15, coding part): the codebook
-- (codes in a tree, record convention, labels nl/fr/en, #rrggbb colour),
-- memos on codes, and codings: a passage [start_offset, end_offset) of an
-- activity's notes, counted in Unicode code points (REFI-QDA's unit), with
-- the passage's text as it was coded. text_changed = 1 when the note was
-- edited and the passage's text is no longer in it (kept for review).

CREATE TABLE journal_codes (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  parent_id TEXT REFERENCES journal_codes(id),
  label_nl TEXT NOT NULL,
  label_fr TEXT NOT NULL,
  label_en TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL DEFAULT '#1f6feb'
);
CREATE INDEX journal_codes_parent ON journal_codes(parent_id);

CREATE TABLE journal_code_memos (
  id TEXT PRIMARY KEY,
  code_id TEXT NOT NULL REFERENCES journal_codes(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  author_id BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX journal_code_memos_code ON journal_code_memos(code_id, created_at);

CREATE TABLE journal_codings (
  id TEXT PRIMARY KEY,
  code_id TEXT NOT NULL REFERENCES journal_codes(id),
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  field TEXT NOT NULL DEFAULT 'notes' CHECK (field = 'notes'),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  passage TEXT NOT NULL,
  text_changed INTEGER NOT NULL DEFAULT 0,
  author_id BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  CHECK (start_offset >= 0 AND end_offset > start_offset)
);
CREATE INDEX journal_codings_code ON journal_codings(code_id, activity_id);
CREATE INDEX journal_codings_activity ON journal_codings(activity_id, code_id);
CREATE INDEX journal_codings_changed ON journal_codings(text_changed) WHERE text_changed = 1;

-- Code frequencies kept up to date by every write that changes them (a
-- coding added or removed, an activity's start, team, type or visibility
-- changed), so the chart reads a few thousand rows instead of joining every
-- coding with its activity. Two dimensions: dim 'quarter' (bucket "2014-Q2",
-- the Brussels quarter of the activity's start) and dim 'type' (the activity
-- type). visibility/team_id ('' = Brussels-wide) are the activity's, so the
-- reader's visibility applies here as on the activities. Archived activities
-- are still counted here and taken off when reading.
CREATE TABLE journal_coding_counts (
  code_id TEXT NOT NULL REFERENCES journal_codes(id),
  visibility TEXT NOT NULL,
  team_id TEXT NOT NULL DEFAULT '',
  dim TEXT NOT NULL CHECK (dim IN ('quarter', 'type')),
  bucket TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (dim, code_id, visibility, team_id, bucket)
);
CREATE INDEX journal_activities_archived ON journal_activities(archived_at) WHERE archived_at IS NOT NULL;
