-- Search results in relevance tiers on PostgreSQL (search_postgres.cpp,
-- tiers_of): the words in the name, in the headings, anywhere, each tier
-- listed by name. A tier's page is read along the name index when its
-- matches are many, or, when they are few, from this index of rank_doc (the
-- name and heading terms), intersected with doc's for the filters, so no
-- search ranks every one of its matches.
CREATE INDEX service_search_rank ON service_search USING GIN (rank_doc) WITH (fastupdate = off);
