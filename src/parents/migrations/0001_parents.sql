-- Parents' voice (issue 17, second half): parent groups of a team or a
-- setting (a directory service) and their meetings (journal activities),
-- the register of concerns and needs with its themes, and the public
-- anonymous suggestions waiting for moderation. No personal data of parents
-- is stored anywhere here: no names, no contact details, no addresses.
-- Times are unix seconds; dates are YYYY-MM-DD text.

CREATE TABLE parents_groups (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  name TEXT NOT NULL,
  team_id TEXT REFERENCES teams(id),
  service_id TEXT REFERENCES services(id),
  languages TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  CHECK (team_id IS NOT NULL OR service_id IS NOT NULL)
);
CREATE INDEX parents_groups_team ON parents_groups(team_id);

-- A meeting of a parent group is a journal activity; the link is ours.
CREATE TABLE parents_group_meetings (
  group_id TEXT NOT NULL REFERENCES parents_groups(id) ON DELETE CASCADE,
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (group_id, activity_id)
);
CREATE INDEX parents_group_meetings_activity ON parents_group_meetings(activity_id);

-- Themes coordinators extend (a code, labels in three languages).
CREATE TABLE parents_themes (
  code TEXT PRIMARY KEY,
  label_nl TEXT NOT NULL,
  label_fr TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  archived_at BIGINT
);

INSERT INTO parents_themes (code, label_nl, label_fr, label_en, sort_order) VALUES
  ('opening_hours', 'Openingsuren', 'Heures d''ouverture', 'Opening hours', 10),
  ('waiting_lists', 'Wachtlijsten en plaatsen', 'Listes d''attente et places', 'Waiting lists and places', 20),
  ('language_information', 'Informatie in andere talen', 'Information dans d''autres langues', 'Information in other languages', 30),
  ('costs', 'Kosten', 'Coûts', 'Costs', 40),
  ('accessibility', 'Bereikbaarheid en toegankelijkheid', 'Accès et accessibilité', 'Access and accessibility', 50),
  ('parenting_support', 'Opvoedingsondersteuning', 'Soutien à la parentalité', 'Parenting support', 60),
  ('school_transition', 'Overgang naar school', 'Passage à l''école', 'Starting school', 70),
  ('meeting_places', 'Ontmoetingsplaatsen', 'Lieux de rencontre', 'Meeting places', 80);

CREATE TABLE parents_concerns (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  text TEXT NOT NULL,
  theme TEXT NOT NULL REFERENCES parents_themes(code),
  language TEXT NOT NULL,
  municipality TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('parent_group','anonymous_form','survey','staff_observation')),
  status TEXT NOT NULL CHECK (status IN ('heard','being_discussed','action_planned','done','not_possible')),
  status_note TEXT NOT NULL DEFAULT '',
  team_id TEXT REFERENCES teams(id),
  group_id TEXT REFERENCES parents_groups(id),
  raised_on TEXT NOT NULL,
  -- The public wording (anonymised) and what the network did, per language,
  -- written by a coordinator; published_at set when a coordinator approved it.
  public_text_nl TEXT NOT NULL DEFAULT '',
  public_text_fr TEXT NOT NULL DEFAULT '',
  public_text_en TEXT NOT NULL DEFAULT '',
  response_nl TEXT NOT NULL DEFAULT '',
  response_fr TEXT NOT NULL DEFAULT '',
  response_en TEXT NOT NULL DEFAULT '',
  published_at BIGINT,
  published_by BIGINT REFERENCES users(id),
  created_by BIGINT REFERENCES users(id)
);
CREATE INDEX parents_concerns_raised ON parents_concerns(raised_on, id);
CREATE INDEX parents_concerns_status ON parents_concerns(status, raised_on);
CREATE INDEX parents_concerns_theme ON parents_concerns(theme, raised_on);
CREATE INDEX parents_concerns_team ON parents_concerns(team_id, raised_on);
CREATE INDEX parents_concerns_published ON parents_concerns(published_at, theme);

-- Suggestions sent through the public anonymous form, waiting for a
-- moderator. Bounded: at most a fixed number wait (the form says when it is
-- full) and the expiry job removes those older than 90 days.
CREATE TABLE parents_suggestions (
  id TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  municipality TEXT NOT NULL DEFAULT '',
  team_id TEXT REFERENCES teams(id) ON DELETE SET NULL
);
CREATE INDEX parents_suggestions_created ON parents_suggestions(created_at);
