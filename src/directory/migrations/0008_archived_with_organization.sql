-- Which services an organisation's archive hid: restoring the organisation
-- brings back exactly those, never a service archived on its own (even in the
-- same second). A service archived before this column existed at the very
-- moment of its organisation counts as hidden by it (the rule until now).
ALTER TABLE services ADD COLUMN archived_with_organization INTEGER NOT NULL DEFAULT 0;
UPDATE services SET archived_with_organization = 1
 WHERE archived_at IS NOT NULL
   AND archived_at = (SELECT o.archived_at FROM organizations o WHERE o.id = services.organization_id);
