-- The after-transition evaluation (issue 19): per school year three surveys
-- of the surveys module (the parent, the sending setting, the receiving
-- setting), started by a coordinator. Each handover of that year whose
-- transition date has passed gets one link per audience (surveys'
-- link invitations, one response each, labelled with the pathway
-- "<sending>><receiving>:<year>", never with the handover). The link's token
-- is kept here sealed (like the handover's contents) only so the printed
-- parent copy and the handover page can show it again; the row goes with
-- its handover (retention, erasure), after which nothing ties an answer to a
-- child. Answers themselves are the surveys module's (survey_answers).
CREATE TABLE transitions_evaluations (
  school_year INTEGER PRIMARY KEY,
  parent_survey_id TEXT NOT NULL REFERENCES surveys(id),
  sending_survey_id TEXT NOT NULL REFERENCES surveys(id),
  receiving_survey_id TEXT NOT NULL REFERENCES surveys(id),
  started_at BIGINT NOT NULL,
  started_by BIGINT
);

CREATE TABLE transitions_evaluation_links (
  id TEXT PRIMARY KEY,  -- "<handover id>:<audience>"
  handover_id TEXT NOT NULL REFERENCES transitions_handovers(id) ON DELETE CASCADE,
  audience TEXT NOT NULL CHECK (audience IN ('parent', 'sending', 'receiving')),
  token TEXT NOT NULL,  -- sealed
  created_at BIGINT NOT NULL,
  UNIQUE (handover_id, audience)
);
