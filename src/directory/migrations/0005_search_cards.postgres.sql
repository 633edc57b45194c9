-- samen:global-version 7 (its number before migrations were numbered per module)
-- Result cards: what a list of search results shows of a service (see
-- src/directory/service_card.hpp), stored beside its index terms so a
-- results page is built without reading the HSDS tables. Filled by the
-- index rebuild that the search format change triggers.
ALTER TABLE service_search ADD COLUMN card TEXT NOT NULL DEFAULT '';
