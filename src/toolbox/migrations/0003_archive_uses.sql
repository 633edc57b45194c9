-- A method's use by a journal activity can be archived (hidden from the
-- method page and the catalogue's use count, restorable by coordinators)
-- instead of deleted, like the experiences (record convention).
ALTER TABLE toolbox_method_uses ADD COLUMN archived_at BIGINT;
