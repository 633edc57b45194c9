-- samen:global-version 2 (its number before migrations were numbered per module)
-- The service map: Open Referral HSDS 3.0 tables with HSDS column names and
-- UUID ids, so data moves in and out losslessly (one table per HSDS CSV file),
-- plus what Samen adds: translations of family-facing texts, archiving,
-- team areas and search synonyms. Times (created_at, ...) are unix seconds;
-- HSDS dates stay ISO text as in the standard.

ALTER TABLE organizations ADD COLUMN alternate_name TEXT;
ALTER TABLE organizations ADD COLUMN tax_status TEXT;
ALTER TABLE organizations ADD COLUMN tax_id TEXT;
ALTER TABLE organizations ADD COLUMN year_incorporated DOUBLE PRECISION;
ALTER TABLE organizations ADD COLUMN legal_status TEXT;
ALTER TABLE organizations ADD COLUMN logo TEXT;
ALTER TABLE organizations ADD COLUMN uri TEXT;
ALTER TABLE organizations ADD COLUMN parent_organization_id TEXT;

CREATE TABLE programs (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id),
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id),
  program_id TEXT REFERENCES programs(id),
  name TEXT NOT NULL,
  alternate_name TEXT,
  description TEXT,
  url TEXT,
  email TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  interpretation_services TEXT,
  application_process TEXT,
  fees_description TEXT,
  wait_time TEXT,
  fees TEXT,
  accreditations TEXT,
  eligibility_description TEXT,
  minimum_age DOUBLE PRECISION,
  maximum_age DOUBLE PRECISION,
  assured_date TEXT,
  assurer_email TEXT,
  licenses TEXT,
  alert TEXT,
  last_modified TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX services_org ON services(organization_id);
CREATE INDEX services_updated ON services(updated_at);

CREATE TABLE locations (
  id TEXT PRIMARY KEY,
  location_type TEXT NOT NULL DEFAULT 'physical',
  url TEXT,
  organization_id TEXT REFERENCES organizations(id),
  name TEXT,
  alternate_name TEXT,
  description TEXT,
  transportation TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  external_identifier TEXT,
  external_identifier_type TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);
CREATE INDEX locations_org ON locations(organization_id);

CREATE TABLE addresses (
  id TEXT PRIMARY KEY,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  attention TEXT,
  address_1 TEXT NOT NULL,
  address_2 TEXT,
  city TEXT NOT NULL,
  region TEXT,
  state_province TEXT NOT NULL,
  postal_code TEXT NOT NULL,
  country TEXT NOT NULL,
  address_type TEXT NOT NULL
);
CREATE INDEX addresses_location ON addresses(location_id);
CREATE INDEX addresses_postcode ON addresses(postal_code);

CREATE TABLE service_at_location (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  description TEXT
);
CREATE INDEX sal_service ON service_at_location(service_id);
CREATE INDEX sal_location ON service_at_location(location_id);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  name TEXT,
  title TEXT,
  department TEXT,
  email TEXT
);

CREATE TABLE phones (
  id TEXT PRIMARY KEY,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  contact_id TEXT REFERENCES contacts(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  number TEXT NOT NULL,
  extension DOUBLE PRECISION,
  type TEXT,
  description TEXT
);

CREATE TABLE schedules (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  service_at_location_id TEXT REFERENCES service_at_location(id) ON DELETE CASCADE,
  valid_from TEXT,
  valid_to TEXT,
  dtstart TEXT,
  timezone DOUBLE PRECISION,
  until TEXT,
  count DOUBLE PRECISION,
  wkst TEXT,
  freq TEXT,
  interval DOUBLE PRECISION,
  byday TEXT,
  byweekno TEXT,
  bymonthday TEXT,
  byyearday TEXT,
  description TEXT,
  opens_at TEXT,
  closes_at TEXT,
  schedule_link TEXT,
  attending_type TEXT,
  notes TEXT
);
CREATE INDEX schedules_service ON schedules(service_id);
CREATE INDEX schedules_location ON schedules(location_id);

-- Closures and special openings (holidays, exceptions) that HSDS schedules
-- cannot express: a date range with either closed=1 or other hours.
CREATE TABLE schedule_exceptions (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  closed INTEGER NOT NULL DEFAULT 1,
  opens_at TEXT,
  closes_at TEXT,
  description TEXT
);

CREATE TABLE languages (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  phone_id TEXT REFERENCES phones(id) ON DELETE CASCADE,
  name TEXT,
  code TEXT,
  note TEXT
);
CREATE INDEX languages_service ON languages(service_id);

CREATE TABLE cost_options (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  valid_from TEXT,
  valid_to TEXT,
  option TEXT,
  currency TEXT,
  amount DOUBLE PRECISION,
  amount_description TEXT
);
CREATE INDEX cost_options_service ON cost_options(service_id);

CREATE TABLE accessibility (
  id TEXT PRIMARY KEY,
  location_id TEXT REFERENCES locations(id) ON DELETE CASCADE,
  description TEXT,
  details TEXT,
  url TEXT
);

CREATE TABLE service_areas (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  name TEXT,
  description TEXT,
  extent TEXT,
  extent_type TEXT,
  uri TEXT
);

CREATE TABLE funding (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  source TEXT
);

CREATE TABLE required_documents (
  id TEXT PRIMARY KEY,
  service_id TEXT REFERENCES services(id) ON DELETE CASCADE,
  document TEXT,
  uri TEXT
);

CREATE TABLE organization_identifiers (
  id TEXT PRIMARY KEY,
  organization_id TEXT REFERENCES organizations(id) ON DELETE CASCADE,
  identifier_scheme TEXT,
  identifier_type TEXT NOT NULL,
  identifier TEXT NOT NULL
);

CREATE TABLE taxonomies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  uri TEXT,
  version TEXT
);

CREATE TABLE taxonomy_terms (
  id TEXT PRIMARY KEY,
  code TEXT,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  parent_id TEXT REFERENCES taxonomy_terms(id),
  taxonomy TEXT,
  language TEXT,
  taxonomy_id TEXT REFERENCES taxonomies(id),
  term_uri TEXT
);

-- HSDS attributes link any record to a taxonomy term (the categories of a
-- service are attributes with link_entity 'service').
CREATE TABLE attributes (
  id TEXT PRIMARY KEY,
  link_id TEXT NOT NULL,
  taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_terms(id),
  link_type TEXT,
  link_entity TEXT NOT NULL,
  value TEXT
);
CREATE INDEX attributes_link ON attributes(link_id);
CREATE INDEX attributes_term ON attributes(taxonomy_term_id);

-- HSDS metadata: the change history, one row per changed field.
CREATE TABLE metadata (
  id TEXT PRIMARY KEY,
  resource_id TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  last_action_date TEXT NOT NULL,
  last_action_type TEXT NOT NULL,
  field_name TEXT NOT NULL,
  previous_value TEXT NOT NULL,
  replacement_value TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX metadata_resource ON metadata(resource_id);

CREATE TABLE meta_table_descriptions (
  id TEXT PRIMARY KEY,
  name TEXT,
  language TEXT,
  character_set TEXT
);

-- The translations table (fr/en texts of records) and the teams' areas
-- (team_areas) were created here until the core module existed; its first
-- migration creates them now, with the same definitions, before this one.

-- Words that mean the same across languages (kinderopvang ↔ crèche ↔ childcare).
CREATE TABLE search_synonyms (
  group_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (group_id, lang, term)
);
