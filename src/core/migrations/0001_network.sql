-- The core of the network every module uses: partner organisations, the
-- Brussels-wide partnership and the local teams they form (with their areas
-- and member organisations), the organisations people work for, and texts
-- in other languages than a record's own (nl) columns.
--
-- Databases made before the core module existed already have these tables
-- (accounts' 0001 and the directory's 0001 created them): IF NOT EXISTS
-- leaves them as they are. The service map extends `organizations` with its
-- Open Referral HSDS columns in its own migrations.

CREATE TABLE IF NOT EXISTS organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  website TEXT,
  email TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);

CREATE TABLE IF NOT EXISTS teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('partnership','local_team','cluster')),
  parent_id TEXT REFERENCES teams(id),
  description TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  archived_at BIGINT
);

CREATE TABLE IF NOT EXISTS team_members (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  PRIMARY KEY (team_id, organization_id)
);

-- The area of a local team: municipalities (NIS code) and optionally neighbourhoods.
CREATE TABLE IF NOT EXISTS team_areas (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  municipality TEXT NOT NULL,
  neighbourhood TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (team_id, municipality, neighbourhood)
);

-- Organisations a user works for (partner staff).
CREATE TABLE IF NOT EXISTS user_organizations (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, organization_id)
);

-- Texts in other languages than the record's own columns (which hold the
-- Dutch text): (resource, field, language) → text.
CREATE TABLE IF NOT EXISTS translations (
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  field TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('nl','fr','en')),
  value TEXT NOT NULL,
  PRIMARY KEY (resource_type, resource_id, field, lang)
);
