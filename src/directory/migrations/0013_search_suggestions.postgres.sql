-- As-you-type suggestions counted (search_postgres.cpp): one row per
-- language, word-start tail and label with the number of services carrying
-- the label, like search_words and like the Xapian index's suggestion
-- entries. service_search_labels held a row per service, label and tail:
-- 2.3 million rows (555 MB) for 29,000 distinct ones at 100,000 services,
-- a third of a rebuild's time. A service's own labels stay in its
-- service_search row (labels: "lang:label"), so a reindex counts a replaced
-- or deleted service's old labels out; so the row no longer goes with its
-- service by a cascading foreign key (the count-out would miss it): the
-- reindex after a write removes it, as the Xapian index does, and a start
-- catches up rows whose service is gone. The search format changes with it,
-- so the index is rebuilt at the next start and fills both.
DROP TABLE service_search_labels;
CREATE TABLE search_suggestions (
  lang TEXT NOT NULL,
  tail TEXT NOT NULL,
  label TEXT NOT NULL,
  services BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (lang, tail, label)
);
CREATE INDEX search_suggestions_tail ON search_suggestions (lang, tail text_pattern_ops);
ALTER TABLE service_search ADD COLUMN labels TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE service_search DROP CONSTRAINT service_search_service_id_fkey;
