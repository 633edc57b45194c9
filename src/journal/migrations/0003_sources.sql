-- The journal's sources (issue 15, the "sources" part): files attached to
-- activities, interview and focus-group guides with the answers or
-- transcript per question, and the expectations register of the partners.
-- Every editable table follows the record convention (core/history.hpp):
-- id TEXT, version, created_at, updated_at, archived_at (unix seconds).

-- A file on an activity: the bytes, checksum and detected type live in
-- documents_attachments (owner_type 'journal.activity'); this row makes it a
-- record of the activity that editors archive and restore.
CREATE TABLE journal_attachments (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  attachment_id BIGINT NOT NULL UNIQUE REFERENCES documents_attachments(id) ON DELETE CASCADE,
  uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX journal_attachments_activity ON journal_attachments(activity_id);

-- A reusable question list in one language.
CREATE TABLE journal_guides (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  kind TEXT NOT NULL CHECK (kind IN ('interview','focus_group')),
  title TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('nl','fr','en')),
  introduction TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);

-- The guide's questions in order. A question keeps its id when its text or
-- place changes (answers point at it); a removed one is archived, never
-- deleted, so the answers given to it stay readable.
CREATE TABLE journal_guide_questions (
  id TEXT PRIMARY KEY,
  guide_id TEXT NOT NULL REFERENCES journal_guides(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX journal_guide_questions_guide ON journal_guide_questions(guide_id, position);

-- A guide used in an activity: one answer set, with its own visibility
-- (equal to or stricter than the activity's; both are checked on reading).
CREATE TABLE journal_activity_guides (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  guide_id TEXT NOT NULL REFERENCES journal_guides(id),
  visibility TEXT NOT NULL CHECK (visibility IN ('network','team','facilitators')),
  UNIQUE (activity_id, guide_id)
);

-- The answer or transcript to one question in one answer set (Markdown).
-- The id is stable for the life of the answer, so a later coding part can
-- anchor passages to (answer id, character offsets in text).
CREATE TABLE journal_answers (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  activity_guide_id TEXT NOT NULL REFERENCES journal_activity_guides(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL REFERENCES journal_guide_questions(id),
  text TEXT NOT NULL DEFAULT '',
  UNIQUE (activity_guide_id, question_id)
);

-- The expectations register: per organisation and round (kick-off, a later
-- round), what it expects of the cooperation, what it brings, its worries.
CREATE TABLE journal_expectations (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  round TEXT NOT NULL,
  captured_on TEXT NOT NULL,
  activity_id TEXT REFERENCES journal_activities(id) ON DELETE SET NULL,
  visibility TEXT NOT NULL DEFAULT 'network' CHECK (visibility IN ('network','facilitators')),
  expects TEXT NOT NULL DEFAULT '',
  brings TEXT NOT NULL DEFAULT '',
  worries TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX journal_expectations_org ON journal_expectations(organization_id, captured_on);
