-- Partnership monitoring (issue 18): what the monitoring needs to know about
-- an organisation and the core network does not hold: its sector and its
-- language community, for the survey's groups and the subnetworks of the
-- metrics. Owned by monitoring (the core has no such fields); an organisation
-- without a row counts as sector 'other', language 'other'.

CREATE TABLE monitoring_organization_profiles (
  organization_id TEXT PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  sector TEXT NOT NULL DEFAULT 'other'
    CHECK (sector IN ('childcare','pre_school','out_of_school','health','social','other')),
  language_community TEXT NOT NULL DEFAULT 'other'
    CHECK (language_community IN ('nl','fr','bilingual','other')),
  updated_at BIGINT NOT NULL
);
