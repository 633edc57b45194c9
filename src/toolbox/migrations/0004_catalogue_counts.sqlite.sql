-- The catalogue's rating and use figures kept on the method's row, so a
-- catalogue page sorted or shown with them reads no experience or use row:
-- the active experiences' count and rating sum and the active uses' count,
-- recounted by triggers on every insert, update and delete of an experience
-- or a use (whatever writes them: the pages, the API, imports, the bench's
-- generator, a cascade), never by hand.
ALTER TABLE toolbox_methods ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE toolbox_methods ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE toolbox_methods ADD COLUMN use_count INTEGER NOT NULL DEFAULT 0;
UPDATE toolbox_methods SET
  rating_count = (SELECT COUNT(*) FROM toolbox_experiences e WHERE e.method_id = toolbox_methods.id AND e.archived_at IS NULL),
  rating_sum = (SELECT COALESCE(SUM(e.rating), 0) FROM toolbox_experiences e WHERE e.method_id = toolbox_methods.id AND e.archived_at IS NULL),
  use_count = (SELECT COUNT(*) FROM toolbox_method_uses u WHERE u.method_id = toolbox_methods.id AND u.archived_at IS NULL);

CREATE TRIGGER toolbox_experiences_counted_insert AFTER INSERT ON toolbox_experiences BEGIN
  UPDATE toolbox_methods SET
    rating_count = (SELECT COUNT(*) FROM toolbox_experiences e WHERE e.method_id = NEW.method_id AND e.archived_at IS NULL),
    rating_sum = (SELECT COALESCE(SUM(e.rating), 0) FROM toolbox_experiences e WHERE e.method_id = NEW.method_id AND e.archived_at IS NULL)
  WHERE id = NEW.method_id;
END;
CREATE TRIGGER toolbox_experiences_counted_update AFTER UPDATE OF method_id, rating, archived_at ON toolbox_experiences BEGIN
  UPDATE toolbox_methods SET
    rating_count = (SELECT COUNT(*) FROM toolbox_experiences e WHERE e.method_id = toolbox_methods.id AND e.archived_at IS NULL),
    rating_sum = (SELECT COALESCE(SUM(e.rating), 0) FROM toolbox_experiences e WHERE e.method_id = toolbox_methods.id AND e.archived_at IS NULL)
  WHERE id IN (OLD.method_id, NEW.method_id);
END;
CREATE TRIGGER toolbox_experiences_counted_delete AFTER DELETE ON toolbox_experiences BEGIN
  UPDATE toolbox_methods SET
    rating_count = (SELECT COUNT(*) FROM toolbox_experiences e WHERE e.method_id = OLD.method_id AND e.archived_at IS NULL),
    rating_sum = (SELECT COALESCE(SUM(e.rating), 0) FROM toolbox_experiences e WHERE e.method_id = OLD.method_id AND e.archived_at IS NULL)
  WHERE id = OLD.method_id;
END;

CREATE TRIGGER toolbox_uses_counted_insert AFTER INSERT ON toolbox_method_uses BEGIN
  UPDATE toolbox_methods SET use_count = (SELECT COUNT(*) FROM toolbox_method_uses u
    WHERE u.method_id = NEW.method_id AND u.archived_at IS NULL) WHERE id = NEW.method_id;
END;
CREATE TRIGGER toolbox_uses_counted_update AFTER UPDATE OF method_id, archived_at ON toolbox_method_uses BEGIN
  UPDATE toolbox_methods SET use_count = (SELECT COUNT(*) FROM toolbox_method_uses u
    WHERE u.method_id = toolbox_methods.id AND u.archived_at IS NULL) WHERE id IN (OLD.method_id, NEW.method_id);
END;
CREATE TRIGGER toolbox_uses_counted_delete AFTER DELETE ON toolbox_method_uses BEGIN
  UPDATE toolbox_methods SET use_count = (SELECT COUNT(*) FROM toolbox_method_uses u
    WHERE u.method_id = OLD.method_id AND u.archived_at IS NULL) WHERE id = OLD.method_id;
END;

-- The catalogue's usual filters and sorts among published methods.
CREATE INDEX toolbox_methods_status_duration ON toolbox_methods(status, duration_minutes);
CREATE INDEX toolbox_methods_status_updated ON toolbox_methods(status, updated_at);
-- The name in the reader's language (and the language filter) from the index
-- alone: the translations' rows are wide (every text, the steps as JSON), and
-- reading them for a name read the whole table.
CREATE INDEX toolbox_translations_names ON toolbox_translations(lang, method_id, name);
DROP INDEX toolbox_translations_lang;
