-- The journal of the cooperation (issue 15, first increment): activity types
-- (a table admins extend, seeded with the issue's list in nl/fr/en),
-- activities following the record convention, the organisations and people
-- taking part, and follow-up actions. Times are unix seconds; team_id NULL
-- is the Brussels-wide level.

CREATE TABLE journal_activity_types (
  code TEXT PRIMARY KEY,
  label_nl TEXT NOT NULL,
  label_fr TEXT NOT NULL,
  label_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  archived_at BIGINT
);

INSERT INTO journal_activity_types (code, label_nl, label_fr, label_en, sort_order) VALUES
  ('partner_meeting', 'Partneroverleg', 'Réunion des partenaires', 'Partner meeting', 10),
  ('interview', 'Semigestructureerd interview', 'Entretien semi-directif', 'Semi-structured interview', 20),
  ('focus_group', 'Focusgroep', 'Groupe focal', 'Focus group', 30),
  ('intervision', 'Intervisie (lerend netwerk)', 'Intervision (réseau apprenant)', 'Intervision (learning network)', 40),
  ('learning_community', 'Kritische leergemeenschap', 'Communauté critique d''apprentissage', 'Critical learning community', 50),
  ('study_visit', 'Studiebezoek', 'Visite d''étude', 'Study visit', 60),
  ('inspiration_day', 'Inspiratiedag', 'Journée d''inspiration', 'Inspiration day', 70),
  ('training', 'Vorming', 'Formation', 'Training', 80),
  ('parent_group', 'Oudergroep', 'Groupe de parents', 'Parent group meeting', 90);

CREATE TABLE journal_activities (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  type TEXT NOT NULL REFERENCES journal_activity_types(code),
  title TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  place TEXT NOT NULL DEFAULT '',
  online_url TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  team_id TEXT REFERENCES teams(id),
  visibility TEXT NOT NULL CHECK (visibility IN ('network','team','facilitators')),
  facilitator_id BIGINT REFERENCES users(id),
  external_participants INTEGER NOT NULL DEFAULT 0,
  agenda TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  decisions TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id)
);
CREATE INDEX journal_activities_start ON journal_activities(starts_at);
CREATE INDEX journal_activities_team ON journal_activities(team_id, starts_at);

CREATE TABLE journal_activity_organizations (
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, organization_id)
);

CREATE TABLE journal_activity_people (
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, user_id)
);

CREATE TABLE journal_follow_ups (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  activity_id TEXT NOT NULL REFERENCES journal_activities(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  owner_id BIGINT REFERENCES users(id),
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done'))
);
CREATE INDEX journal_follow_ups_owner ON journal_follow_ups(owner_id, status);
CREATE INDEX journal_follow_ups_activity ON journal_follow_ups(activity_id);
