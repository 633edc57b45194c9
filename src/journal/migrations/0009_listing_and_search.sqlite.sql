-- The timeline's count and pages on SQLite (search is Xapian here; the
-- .postgres.sql twin has PostgreSQL's search indexes). SQLite did not use
-- the partial index journal_activities_visible (0004) for them, since the
-- queries name archived_at, which that index does not hold, so a count read
-- every row, notes and all (150 ms at 50,000 activities against 9 ms here).
-- With archived_at leading, "archived_at IS NULL" is an equality on this
-- index, which covers the count and the filters and gives pages their order.
DROP INDEX journal_activities_visible;
CREATE INDEX journal_activities_listing ON journal_activities (archived_at, starts_at, visibility, team_id, type);
