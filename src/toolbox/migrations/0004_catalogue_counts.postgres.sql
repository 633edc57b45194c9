-- The catalogue's rating and use figures kept on the method's row, so a
-- catalogue page sorted or shown with them reads no experience or use row:
-- the active experiences' count and rating sum and the active uses' count,
-- recounted by triggers on every insert, update and delete of an experience
-- or a use (whatever writes them: the pages, the API, imports, the bench's
-- generator, a cascade), never by hand.
ALTER TABLE toolbox_methods ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE toolbox_methods ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE toolbox_methods ADD COLUMN use_count INTEGER NOT NULL DEFAULT 0;
UPDATE toolbox_methods m SET
  rating_count = (SELECT COUNT(*) FROM toolbox_experiences e WHERE e.method_id = m.id AND e.archived_at IS NULL),
  rating_sum = (SELECT COALESCE(SUM(e.rating), 0) FROM toolbox_experiences e WHERE e.method_id = m.id AND e.archived_at IS NULL),
  use_count = (SELECT COUNT(*) FROM toolbox_method_uses u WHERE u.method_id = m.id AND u.archived_at IS NULL);

CREATE FUNCTION toolbox_recount_ratings(method TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE toolbox_methods m SET
    rating_count = (SELECT COUNT(*) FROM toolbox_experiences e WHERE e.method_id = m.id AND e.archived_at IS NULL),
    rating_sum = (SELECT COALESCE(SUM(e.rating), 0) FROM toolbox_experiences e WHERE e.method_id = m.id AND e.archived_at IS NULL)
  WHERE m.id = method;
$$;
CREATE FUNCTION toolbox_recount_uses(method TEXT) RETURNS void LANGUAGE sql AS $$
  UPDATE toolbox_methods m SET
    use_count = (SELECT COUNT(*) FROM toolbox_method_uses u WHERE u.method_id = m.id AND u.archived_at IS NULL)
  WHERE m.id = method;
$$;
CREATE FUNCTION toolbox_experiences_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM toolbox_recount_ratings(OLD.method_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.method_id <> OLD.method_id) THEN
    PERFORM toolbox_recount_ratings(NEW.method_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE FUNCTION toolbox_uses_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM toolbox_recount_uses(OLD.method_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.method_id <> OLD.method_id) THEN
    PERFORM toolbox_recount_uses(NEW.method_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER toolbox_experiences_counted AFTER INSERT OR DELETE OR UPDATE OF method_id, rating, archived_at
  ON toolbox_experiences FOR EACH ROW EXECUTE FUNCTION toolbox_experiences_counted();
CREATE TRIGGER toolbox_uses_counted AFTER INSERT OR DELETE OR UPDATE OF method_id, archived_at
  ON toolbox_method_uses FOR EACH ROW EXECUTE FUNCTION toolbox_uses_counted();

-- The catalogue's usual filters and sorts among published methods.
CREATE INDEX toolbox_methods_status_duration ON toolbox_methods(status, duration_minutes);
CREATE INDEX toolbox_methods_status_updated ON toolbox_methods(status, updated_at);
-- The name in the reader's language (and the language filter) from the index
-- alone: the translations' rows are wide (every text, the steps as JSON), and
-- reading them for a name read the whole table.
CREATE INDEX toolbox_translations_names ON toolbox_translations(lang, method_id) INCLUDE (name);
DROP INDEX toolbox_translations_lang;
