-- Invitations handed over as a link (on paper, by a person) instead of by
-- e-mail: another module (the warm transitions' evaluation) makes them with
-- surveys::invite_link. They have no address; `email` holds 'link:' and the
-- invitation's id only because the column is unique per survey, and is never
-- shown or mailed. `segment` is the calling module's label of the group an
-- invitation belongs to (a transition pathway and school year), so results
-- can be read per group (surveys::results_by_segment); NULL for e-mail invitations.
ALTER TABLE survey_invitations ADD COLUMN segment TEXT;
CREATE INDEX survey_invitations_segment ON survey_invitations(survey_id, segment);
