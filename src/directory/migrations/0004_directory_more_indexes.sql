-- samen:global-version 6 (its number before migrations were numbered per module)
-- Indexes on the remaining owner references of HSDS tables, so building a
-- full service or organisation object does not scan whole tables.
CREATE INDEX phones_organization ON phones(organization_id);
CREATE INDEX phones_service_at_location ON phones(service_at_location_id);
CREATE INDEX contacts_organization ON contacts(organization_id);
CREATE INDEX contacts_location ON contacts(location_id);
CREATE INDEX contacts_service_at_location ON contacts(service_at_location_id);
CREATE INDEX languages_location ON languages(location_id);
CREATE INDEX languages_phone ON languages(phone_id);
CREATE INDEX funding_organization ON funding(organization_id);
CREATE INDEX funding_service ON funding(service_id);
CREATE INDEX service_areas_service ON service_areas(service_id);
CREATE INDEX programs_organization ON programs(organization_id);
CREATE INDEX organization_identifiers_organization ON organization_identifiers(organization_id);
CREATE INDEX taxonomy_terms_taxonomy ON taxonomy_terms(taxonomy_id);
