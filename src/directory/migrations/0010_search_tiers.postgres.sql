-- Search results in relevance tiers on PostgreSQL (search_postgres.cpp,
-- tiers_of): the words in the name, in the headings, anywhere. A tier with
-- few matches is read from these GIN indexes: of rank_doc (the name and
-- heading terms) and of its terms of weight A (the name: ts_filter keeps
-- them), whose statistics also tell the planner how rare a word is in names
-- (rank_doc's count the headings too).
CREATE INDEX service_search_rank ON service_search USING GIN (rank_doc) WITH (fastupdate = off);
CREATE INDEX service_search_name ON service_search USING GIN (ts_filter(rank_doc, '{a}')) WITH (fastupdate = off);
