-- Full-text search pages on PostgreSQL without ranking every match
-- (search_postgres.cpp): title matches come from their own GIN index, and
-- the other matches are read newest first along journal_search_recent,
-- checking each row's terms until the page is full, so a word found in a
-- third of 50,000 activities costs a page, not a sort of all its matches.
CREATE INDEX journal_search_title ON journal_search USING GIN (title_doc);
CREATE INDEX journal_search_recent ON journal_search (starts_at DESC, activity_id);
