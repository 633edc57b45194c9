-- Concerns ↔ the plan's actions: what the network does about a concern.
-- The link is parents' (the later module): a concern's page edits it, the
-- public "you said, we did" page shows the actions' titles and status, and
-- the plan's action page lists the concerns through a record panel. A link
-- goes with its concern or its action (ON DELETE CASCADE); an archived action
-- stays linked (and is left off the public page).
CREATE TABLE parents_concern_actions (
  concern_id TEXT NOT NULL REFERENCES parents_concerns(id) ON DELETE CASCADE,
  action_id TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (concern_id, action_id)
);
CREATE INDEX parents_concern_actions_action ON parents_concern_actions(action_id);
