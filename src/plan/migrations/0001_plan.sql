-- The shared vision and the multi-year plan (issue 17, "Vision and plan").
-- plan_vision: the shared vision text in nl and fr (one record, id
-- 'brussels'), every saved version kept whole in plan_vision_versions for
-- history and comparison. plan_items: objectives and actions in one tree
-- (parent_id; an objective has none, an action hangs under an objective or
-- another action = a sub-action), team_id NULL = the Brussels-wide
-- partnership. plan_contributions: what a local team's objective or action
-- contributes to (Brussels-wide objectives). plan_status_changes: every status
-- change with its reason. Indicators with their measured values, and the
-- links of actions to journal activities (their evidence). Dates are
-- YYYY-MM-DD texts, times unix seconds, budgets euro cents.

CREATE TABLE plan_vision (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  text_nl TEXT NOT NULL DEFAULT '',
  text_fr TEXT NOT NULL DEFAULT ''
);

CREATE TABLE plan_vision_versions (
  vision_id TEXT NOT NULL REFERENCES plan_vision(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  text_nl TEXT NOT NULL,
  text_fr TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  saved_at BIGINT NOT NULL,
  saved_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (vision_id, version)
);

CREATE TABLE plan_items (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  kind TEXT NOT NULL CHECK (kind IN ('objective','action')),
  parent_id TEXT REFERENCES plan_items(id),
  team_id TEXT REFERENCES teams(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('not_started','on_track','at_risk','done','dropped')),
  status_reason TEXT NOT NULL DEFAULT '',
  starts_on TEXT,
  ends_on TEXT,
  budget_cents BIGINT,
  created_by BIGINT REFERENCES users(id)
);
CREATE INDEX plan_items_parent ON plan_items(parent_id);
CREATE INDEX plan_items_team ON plan_items(team_id);

CREATE TABLE plan_item_owners (
  item_id TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, organization_id)
);

CREATE TABLE plan_contributions (
  item_id TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  objective_id TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  PRIMARY KEY (item_id, objective_id)
);
CREATE INDEX plan_contributions_objective ON plan_contributions(objective_id);

CREATE TABLE plan_status_changes (
  id {{ID}},
  item_id TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  changed_at BIGINT NOT NULL,
  previous TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  actor_label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_status_changes_item ON plan_status_changes(item_id, changed_at);

CREATE TABLE plan_indicators (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  item_id TEXT NOT NULL REFERENCES plan_items(id),
  name TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '',
  value_type TEXT NOT NULL CHECK (value_type IN ('integer','decimal','percentage')),
  baseline DOUBLE PRECISION,
  target DOUBLE PRECISION,
  target_on TEXT
);
CREATE INDEX plan_indicators_item ON plan_indicators(item_id);

CREATE TABLE plan_indicator_values (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  indicator_id TEXT NOT NULL REFERENCES plan_indicators(id) ON DELETE CASCADE,
  measured_on TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_indicator_values_indicator ON plan_indicator_values(indicator_id, measured_on);

CREATE TABLE plan_activity_links (
  item_id TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id),
  PRIMARY KEY (item_id, activity_id)
);
CREATE INDEX plan_activity_links_activity ON plan_activity_links(activity_id);
