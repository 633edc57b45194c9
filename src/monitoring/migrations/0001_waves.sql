-- Partnership monitoring (issue 18), survey waves: a wave asks one respondent
-- per organisation (an invitation with a token link) about every other
-- organisation of the wave (a tie answer) and about the partnership as a
-- whole (self-assessment factors). One file for both databases. Times are unix
-- seconds; team_id NULL is the Brussels-wide partnership.

CREATE TABLE monitoring_waves (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  name TEXT NOT NULL,
  team_id TEXT REFERENCES teams(id),
  opened_at BIGINT NOT NULL,
  closed_at BIGINT,
  created_by BIGINT REFERENCES users(id)
);

-- The organisations a wave is about (its nodes, answered or not).
CREATE TABLE monitoring_wave_organizations (
  wave_id TEXT NOT NULL REFERENCES monitoring_waves(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (wave_id, organization_id)
);

-- One respondent per organisation and wave; the token is stored as its digest.
-- submitted_at: the answer set is final (one per invitation).
CREATE TABLE monitoring_invitations (
  id TEXT PRIMARY KEY,
  wave_id TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'nl',
  token_digest TEXT NOT NULL UNIQUE,
  invited_at BIGINT NOT NULL,
  reminded_at BIGINT,
  reminders INTEGER NOT NULL DEFAULT 0,
  submitted_at BIGINT,
  UNIQUE (wave_id, organization_id),
  FOREIGN KEY (wave_id, organization_id)
    REFERENCES monitoring_wave_organizations(wave_id, organization_id) ON DELETE CASCADE
);

-- What a respondent says about one other organisation of the wave (source:
-- the invitation's organisation). The composite keys keep both ends inside
-- the wave; a tie to itself is refused by the CHECK as well as by the code.
CREATE TABLE monitoring_ties (
  invitation_id TEXT NOT NULL REFERENCES monitoring_invitations(id) ON DELETE CASCADE,
  wave_id TEXT NOT NULL,
  source_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  contact_frequency TEXT CHECK (contact_frequency IN ('never','yearly','quarterly','monthly','weekly')),
  integration TEXT CHECK (integration IN ('none','networking','coordinating','cooperating','collaborating')),
  trust_reliability INTEGER CHECK (trust_reliability BETWEEN 1 AND 4),
  trust_openness INTEGER CHECK (trust_openness BETWEEN 1 AND 4),
  trust_mission INTEGER CHECK (trust_mission BETWEEN 1 AND 4),
  value_influence INTEGER CHECK (value_influence BETWEEN 1 AND 4),
  value_involvement INTEGER CHECK (value_involvement BETWEEN 1 AND 4),
  value_resources INTEGER CHECK (value_resources BETWEEN 1 AND 4),
  resources TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (invitation_id, target_id),
  CHECK (source_id <> target_id),
  FOREIGN KEY (wave_id, source_id) REFERENCES monitoring_wave_organizations(wave_id, organization_id),
  FOREIGN KEY (wave_id, target_id) REFERENCES monitoring_wave_organizations(wave_id, organization_id)
);
CREATE INDEX monitoring_ties_wave ON monitoring_ties(wave_id);

-- The self-assessment of the partnership as a whole, 1-5 per factor.
CREATE TABLE monitoring_self_assessments (
  invitation_id TEXT NOT NULL REFERENCES monitoring_invitations(id) ON DELETE CASCADE,
  factor TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (invitation_id, factor)
);
