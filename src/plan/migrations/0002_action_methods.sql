-- Actions ↔ toolbox methods: the methods an action works with. The link is
-- the plan's (the toolbox comes before it): the action's page and the API
-- (`method_ids`) edit it, the method's page lists the actions through the
-- record panel "toolbox.method". New links go to published methods only; a
-- method archived later stays linked.
CREATE TABLE plan_action_methods (
  item_id TEXT NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  method_id TEXT NOT NULL REFERENCES toolbox_methods(id) ON DELETE CASCADE,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (item_id, method_id)
);
CREATE INDEX plan_action_methods_method ON plan_action_methods(method_id);
