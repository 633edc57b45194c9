-- The toolbox (issue 16): methods for integrated working with their texts per
-- language, every edit kept as a version (a JSON snapshot of the whole method),
-- review comments, the journal activities that used a method and the
-- experiences partners wrote. Times are unix seconds.

CREATE TABLE toolbox_methods (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  status TEXT NOT NULL CHECK (status IN ('draft','in_review','published','archived')),
  phase TEXT NOT NULL CHECK (phase IN ('exploring','shared_vision','planning','acting','evaluating')),
  topics TEXT NOT NULL DEFAULT '',
  group_min INTEGER NOT NULL CHECK (group_min >= 1),
  group_max INTEGER NOT NULL CHECK (group_max >= group_min),
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 10080),
  licence TEXT NOT NULL DEFAULT '',
  adapted_from TEXT REFERENCES toolbox_methods(id),
  adapted_by_team TEXT REFERENCES teams(id),
  adaptation_reason TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id)
);
CREATE INDEX toolbox_methods_status ON toolbox_methods(status, phase);
CREATE INDEX toolbox_methods_adapted ON toolbox_methods(adapted_from);

CREATE TABLE toolbox_translations (
  method_id TEXT NOT NULL REFERENCES toolbox_methods(id) ON DELETE CASCADE,
  lang TEXT NOT NULL CHECK (lang IN ('nl','fr','en')),
  name TEXT NOT NULL,
  aim TEXT NOT NULL DEFAULT '',
  when_to_use TEXT NOT NULL DEFAULT '',
  for_whom TEXT NOT NULL DEFAULT '',
  preparation TEXT NOT NULL DEFAULT '',
  steps TEXT NOT NULL DEFAULT '[]',
  tips TEXT NOT NULL DEFAULT '',
  variations TEXT NOT NULL DEFAULT '',
  pitfalls TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (method_id, lang)
);
CREATE INDEX toolbox_translations_lang ON toolbox_translations(lang, method_id);

CREATE TABLE toolbox_method_versions (
  method_id TEXT NOT NULL REFERENCES toolbox_methods(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  action TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  PRIMARY KEY (method_id, version)
);

CREATE TABLE toolbox_review_comments (
  id TEXT PRIMARY KEY,
  method_id TEXT NOT NULL REFERENCES toolbox_methods(id) ON DELETE CASCADE,
  method_version INTEGER NOT NULL,
  author_id BIGINT REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('comment','submit','approve','send_back','archive','restore')),
  body TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX toolbox_review_comments_method ON toolbox_review_comments(method_id, created_at);

CREATE TABLE toolbox_method_uses (
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  method_id TEXT NOT NULL REFERENCES toolbox_methods(id) ON DELETE CASCADE,
  added_by BIGINT REFERENCES users(id),
  added_at BIGINT NOT NULL,
  PRIMARY KEY (activity_id, method_id)
);
CREATE INDEX toolbox_method_uses_method ON toolbox_method_uses(method_id);

CREATE TABLE toolbox_experiences (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  method_id TEXT NOT NULL REFERENCES toolbox_methods(id) ON DELETE CASCADE,
  activity_id TEXT REFERENCES journal_activities(id) ON DELETE SET NULL,
  author_id BIGINT REFERENCES users(id),
  worked TEXT NOT NULL DEFAULT '',
  changed TEXT NOT NULL DEFAULT '',
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX toolbox_experiences_method ON toolbox_experiences(method_id, created_at);
