-- Surveys (issue 17, "Parents' voice"): multilingual questionnaires for
-- parents or partners. A survey's questions are its `definition` (JSON, see
-- src/surveys/definition.hpp); answers are stored one row per question (a
-- multiple choice: one row per chosen option), so results are SQL aggregates.
-- Invitation tokens are stored as digests only; a public (anonymous) link's
-- token is stored as is, since it is meant to be published; an anonymous
-- respondent's browser keeps a draft token whose digest names its response.
-- No personal data of parents is asked. Times are unix seconds.

CREATE TABLE surveys (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT,
  audience TEXT NOT NULL CHECK (audience IN ('parents', 'partners')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  title TEXT NOT NULL,
  definition TEXT NOT NULL,
  public_token TEXT UNIQUE,
  opened_at BIGINT,
  closed_at BIGINT,
  created_by BIGINT
);

CREATE TABLE survey_invitations (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'nl',
  organization_id TEXT REFERENCES organizations(id),
  token_digest TEXT NOT NULL UNIQUE,
  invited_at BIGINT NOT NULL,
  reminded_at BIGINT,
  reminders INTEGER NOT NULL DEFAULT 0,
  UNIQUE (survey_id, email)
);
CREATE INDEX survey_invitations_organization ON survey_invitations(organization_id);

-- One response per invitation; an anonymous one is found again by its draft token's digest.
CREATE TABLE survey_responses (
  id TEXT PRIMARY KEY,
  survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  invitation_id TEXT UNIQUE REFERENCES survey_invitations(id) ON DELETE CASCADE,
  draft_digest TEXT UNIQUE,
  lang TEXT NOT NULL DEFAULT 'nl',
  started_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  submitted_at BIGINT,
  CHECK (invitation_id IS NOT NULL OR draft_digest IS NOT NULL)
);
CREATE INDEX survey_responses_survey ON survey_responses(survey_id, submitted_at);

-- item: the option code (a Likert point "1".."7") for choices, '' otherwise.
CREATE TABLE survey_answers (
  response_id TEXT NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  survey_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  item TEXT NOT NULL DEFAULT '',
  number DOUBLE PRECISION,
  text_value TEXT,
  submitted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (response_id, question_id, item)
);
-- The results' GROUP BY reads only submitted rows of one survey.
CREATE INDEX survey_answers_results ON survey_answers(survey_id, submitted, question_id, item);
