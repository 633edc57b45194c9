-- Search on SQLite: the index itself is a Xapian database in DATA_DIR/search
-- (its generation is kept in the settings table, so a restored database
-- file triggers a rebuild). The indexer walks category parents.
CREATE INDEX taxonomy_terms_parent ON taxonomy_terms(parent_id);
