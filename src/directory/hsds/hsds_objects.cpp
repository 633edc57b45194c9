// Assembly of HSDS JSON objects from the database in batches (see hsds_objects.hpp).
#include "directory/hsds/hsds_objects.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "util/text.hpp"

namespace samen::directory::hsds {

namespace {

constexpr std::size_t kChunk = 500;  // ids per IN (...) list

constexpr Relation kRelations[] = {
    {"services", "phones", "phones", "service_id", true},
    {"services", "schedules", "schedules", "service_id", true},
    {"services", "service_areas", "service_areas", "service_id", true},
    {"services", "service_at_locations", "service_at_location", "service_id", true},
    {"services", "languages", "languages", "service_id", true},
    {"services", "organization", "organizations", "organization_id", false},
    {"services", "funding", "funding", "service_id", true},
    {"services", "cost_options", "cost_options", "service_id", true},
    {"services", "program", "programs", "program_id", false},
    {"services", "required_documents", "required_documents", "service_id", true},
    {"services", "contacts", "contacts", "service_id", true},
    {"organizations", "funding", "funding", "organization_id", true},
    {"organizations", "contacts", "contacts", "organization_id", true},
    {"organizations", "phones", "phones", "organization_id", true},
    {"organizations", "locations", "locations", "organization_id", true},
    {"organizations", "programs", "programs", "organization_id", true},
    {"organizations", "organization_identifiers", "organization_identifiers", "organization_id", true},
    {"organizations", "services", "services", "organization_id", true},
    {"service_at_location", "contacts", "contacts", "service_at_location_id", true},
    {"service_at_location", "phones", "phones", "service_at_location_id", true},
    {"service_at_location", "schedules", "schedules", "service_at_location_id", true},
    {"service_at_location", "location", "locations", "location_id", false},
    {"service_at_location", "service", "services", "service_id", false},
    {"locations", "languages", "languages", "location_id", true},
    {"locations", "addresses", "addresses", "location_id", true},
    {"locations", "contacts", "contacts", "location_id", true},
    {"locations", "accessibility", "accessibility", "location_id", true},
    {"locations", "phones", "phones", "location_id", true},
    {"locations", "schedules", "schedules", "location_id", true},
    {"contacts", "phones", "phones", "contact_id", true},
    {"phones", "languages", "languages", "phone_id", true},
    {"attributes", "taxonomy_term", "taxonomy_terms", "taxonomy_term_id", false},
    {"taxonomy_terms", "taxonomy_detail", "taxonomies", "taxonomy_id", false},
};

const Relation& relation(std::string_view parent, std::string_view key) {
  for (const auto& r : kRelations)
    if (r.parent == parent && r.key == key) return r;
  throw std::logic_error("no HSDS relation " + std::string(parent) + "." + std::string(key));
}

// The public view of the edit history (metadata): when and which field
// changed, not who changed it (staff e-mail addresses) nor the values before
// and after (a deleted contact's phone or e-mail would live on there). The
// full history is for staff: the export (include_archived) keeps it.
void redact_edit_history(const Table& metadata, std::vector<Values>& rows) {
  for (const char* field : {"updated_by", "previous_value", "replacement_value"}) {
    auto at = metadata.index_of(field);
    if (!at) continue;
    for (auto& r : rows)
      if (r[*at]) r[*at] = std::string();
  }
}

// What one object of a shape contains.
struct Spec {
  struct Child {
    const Relation* rel;
    const Spec* spec;
  };
  const Table* table = nullptr;
  std::vector<Child> children;
  bool attributes = false;
  bool metadata = false;
};

struct Specs {
  Spec taxonomy, term, taxonomy_nested, term_nested, attribute, metadata;
  std::map<std::string, Spec> leaf;  // table → plain object with attributes and metadata
  Spec phone, contact, location_full, location_row, organization_row, organization_basic, program_row,
      sal_in_service, service_full, service_in_sal, sal_full, service_row, service_list, organization_full,
      organization_full_services, organization_list, sal_list;

  const Spec& leaf_of(const std::string& t) { return leaf.at(t); }

  Specs() {
    auto T = [](std::string_view n) {
      auto* t = table_named(n);
      if (!t) throw std::logic_error("unknown HSDS table " + std::string(n));
      return t;
    };
    metadata = {T("metadata"), {}, false, false};
    // Inside an attribute, terms and taxonomies come without their own
    // attributes (their translations), which /taxonomy_terms and the export carry.
    taxonomy_nested = {T("taxonomies"), {}, false, true};
    term_nested = {T("taxonomy_terms"), {{&relation("taxonomy_terms", "taxonomy_detail"), &taxonomy_nested}}, false, true};
    taxonomy = {T("taxonomies"), {}, true, true};
    term = {T("taxonomy_terms"), {{&relation("taxonomy_terms", "taxonomy_detail"), &taxonomy_nested}}, true, true};
    attribute = {T("attributes"), {{&relation("attributes", "taxonomy_term"), &term_nested}}, false, true};
    for (auto n : {"languages", "addresses", "schedules", "accessibility", "service_areas", "funding",
                   "required_documents", "cost_options", "programs", "organization_identifiers", "organizations"})
      leaf[n] = Spec{T(n), {}, true, true};
    auto with = [&](std::string_view parent, std::string_view key, const Spec& s) {
      return Spec::Child{&relation(parent, key), &s};
    };
    phone = {T("phones"), {with("phones", "languages", leaf_of("languages"))}, true, true};
    contact = {T("contacts"), {with("contacts", "phones", phone)}, true, true};
    location_full = {T("locations"),
                     {with("locations", "languages", leaf_of("languages")),
                      with("locations", "addresses", leaf_of("addresses")), with("locations", "contacts", contact),
                      with("locations", "accessibility", leaf_of("accessibility")),
                      with("locations", "phones", phone), with("locations", "schedules", leaf_of("schedules"))},
                     true,
                     true};
    location_row = {T("locations"), {}, false, false};
    organization_row = {T("organizations"), {}, false, false};
    organization_basic = leaf_of("organizations");
    program_row = {T("programs"), {}, false, false};
    sal_in_service = {T("service_at_location"),
                      {with("service_at_location", "contacts", contact), with("service_at_location", "phones", phone),
                       with("service_at_location", "schedules", leaf_of("schedules")),
                       with("service_at_location", "location", location_full)},
                      true,
                      true};
    std::vector<Spec::Child> service_children = {
        with("services", "phones", phone),
        with("services", "schedules", leaf_of("schedules")),
        with("services", "service_areas", leaf_of("service_areas")),
        with("services", "service_at_locations", sal_in_service),
        with("services", "languages", leaf_of("languages")),
        with("services", "organization", organization_basic),
        with("services", "funding", leaf_of("funding")),
        with("services", "cost_options", leaf_of("cost_options")),
        with("services", "program", leaf_of("programs")),
        with("services", "required_documents", leaf_of("required_documents")),
        with("services", "contacts", contact),
    };
    service_full = {T("services"), service_children, true, true};
    service_in_sal = service_full;
    std::erase_if(service_in_sal.children, [](const Spec::Child& c) { return c.rel->key == "service_at_locations"; });
    sal_full = sal_in_service;
    sal_full.children.push_back(with("service_at_location", "service", service_in_sal));
    service_row = {T("services"), {}, false, false};
    service_list = {T("services"),
                    {with("services", "organization", organization_row), with("services", "program", program_row)},
                    false,
                    false};
    std::vector<Spec::Child> org_children = {
        with("organizations", "funding", leaf_of("funding")),
        with("organizations", "contacts", contact),
        with("organizations", "phones", phone),
        with("organizations", "locations", location_full),
        with("organizations", "programs", leaf_of("programs")),
        with("organizations", "organization_identifiers", leaf_of("organization_identifiers")),
    };
    organization_full = {T("organizations"), org_children, true, true};
    organization_full.children.push_back(with("organizations", "services", service_row));
    organization_full_services = {T("organizations"), org_children, true, true};
    organization_full_services.children.push_back(with("organizations", "services", service_full));
    organization_list = organization_row;
    sal_list = {T("service_at_location"),
                {with("service_at_location", "location", location_row),
                 with("service_at_location", "service", service_list)},
                false,
                false};
  }
  // Specs point into this object: it must stay where it was built.
  Specs(const Specs&) = delete;
};

Specs& specs() {
  static Specs s;
  return s;
}

const Spec& spec_of(Shape shape) {
  auto& s = specs();
  switch (shape) {
    case Shape::service_full: return s.service_full;
    case Shape::service_list: return s.service_list;
    case Shape::organization_full: return s.organization_full;
    case Shape::organization_full_services: return s.organization_full_services;
    case Shape::organization_list: return s.organization_list;
    case Shape::service_at_location_full: return s.sal_full;
    case Shape::service_at_location_list: return s.sal_list;
    case Shape::taxonomy: return s.taxonomy;
    case Shape::taxonomy_term: return s.term;
  }
  throw std::logic_error("unknown shape");
}

std::string ident(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::string select_list(const Table& t) {
  std::string cols;
  for (const auto& f : t.fields) cols += (cols.empty() ? "" : ", ") + ident(f.name);
  return cols;
}

// Reads rows into Values, in canonical text (see canonical_value).
Values values_of(const Table& t, const store::Row& row) {
  Values v;
  v.reserve(t.fields.size());
  for (std::size_t i = 0; i < t.fields.size(); ++i) {
    auto text = row.opt_text(i);
    if (text) text = canonical_value(t.fields[i], std::move(*text));
    v.push_back(std::move(text));
  }
  return v;
}

void sort_by_id(std::vector<Values>& rows) {
  std::sort(rows.begin(), rows.end(), [](const Values& a, const Values& b) { return a[0].value_or("") < b[0].value_or(""); });
}

// Replaces rows by the rows of `extra` with the same id, adds the others.
void merge_rows(std::vector<Values>& out, std::vector<Values> extra) {
  if (extra.empty()) return;
  std::unordered_set<std::string> replaced;
  for (const auto& v : extra) replaced.insert(*v[0]);
  std::erase_if(out, [&](const Values& v) { return v[0] && replaced.count(*v[0]); });
  for (auto& v : extra) out.push_back(std::move(v));
}

// The translations of records of one type as attribute rows (the primary
// key of translations starts with resource_type, so this is an index lookup).
std::vector<Values> translation_attributes(store::Connection& c, std::string_view resource_type,
                                           const std::vector<std::string>& ids) {
  std::vector<Values> out;
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    std::size_t n = std::min(kChunk, ids.size() - at);
    std::string marks;
    store::Params params{std::string(resource_type)};
    for (std::size_t i = 0; i < n; ++i) {
      marks += i ? ", ?" : "?";
      params.emplace_back(ids[at + i]);
    }
    auto r = c.exec("SELECT resource_type, resource_id, field, lang, value FROM translations WHERE resource_type = ? "
                    "AND resource_id IN (" + marks + ")",
                    params);
    for (const auto& row : r.rows)
      out.push_back(translation_attribute_row(row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)));
  }
  return out;
}

// Adds the synthetic taxonomy and terms that match a lookup by id.
void add_synthetic(const Table& t, std::string_view column, const std::vector<std::string>& keys,
                   std::vector<Values>& out) {
  std::vector<Values> extra;
  if (t.name == "taxonomies" && column == "id") {
    if (std::find(keys.begin(), keys.end(), kTranslationTaxonomyId) != keys.end())
      extra.push_back(translation_taxonomy_row());
  } else if (t.name == "taxonomy_terms" && column == "id") {
    for (auto& row : translation_term_rows())
      if (std::find(keys.begin(), keys.end(), *row[0]) != keys.end()) extra.push_back(std::move(row));
  }
  merge_rows(out, std::move(extra));
}

std::vector<Values> load(store::Connection& c, const Table& t, std::string_view column,
                         const std::vector<std::string>& keys, bool include_archived) {
  std::vector<Values> out;
  if (keys.empty()) return out;
  std::string base = "SELECT " + select_list(t) + " FROM " + ident(t.name) + " WHERE ";
  if (t.has_stamps && !include_archived) base += "archived_at IS NULL AND ";
  base += ident(column) + " IN (";
  for (std::size_t at = 0; at < keys.size(); at += kChunk) {
    std::size_t n = std::min(kChunk, keys.size() - at);
    std::string sql = base;
    store::Params params;
    for (std::size_t i = 0; i < n; ++i) {
      sql += i ? ", ?" : "?";
      params.emplace_back(keys[at + i]);
    }
    sql += ")";
    auto r = c.exec(sql, params);
    for (const auto& row : r.rows) out.push_back(values_of(t, row));
  }
  add_synthetic(t, column, keys, out);
  sort_by_id(out);
  return out;
}

std::vector<std::string> distinct(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// ---- JSON text ------------------------------------------------------------
// Objects are written as compact JSON text straight from the rows (no JSON
// tree): this is the hot path of the ndjson stream.

// A JSON string; bytes that are not UTF-8 become U+FFFD.
void append_escaped(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t run = i;  // plain ASCII, copied as it is
    while (i < s.size()) {
      auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++i;
    }
    out.append(s.data() + run, i - run);
    if (i == s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (auto len = text::utf8_sequence_length(s, i)) {
        out.append(s.data() + i, len);
        i += len;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.push_back('"');
}

// "{" and the row's non-NULL fields, without the closing brace.
std::string open_object(const Table& t, const Values& v) {
  std::size_t size = 2;
  for (std::size_t i = 0; i < t.fields.size() && i < v.size(); ++i)
    if (v[i]) size += t.fields[i].name.size() + v[i]->size() + 6;
  std::string out;
  out.reserve(size + size / 8);
  out.push_back('{');
  for (std::size_t i = 0; i < t.fields.size() && i < v.size(); ++i) {
    if (!v[i]) continue;
    if (out.size() > 1) out.push_back(',');
    out.push_back('"');
    out += t.fields[i].name;  // HSDS field names need no escaping
    out += "\":";
    // Canonical numbers are valid JSON numbers; anything else stored in a number column stays a string.
    if (t.fields[i].type == FieldType::number && parse_number(*v[i])) out += *v[i];
    else append_escaped(out, *v[i]);
  }
  return out;
}

void add_member(std::string& object, std::string_view key, const std::string& value_text) {
  if (object.size() > 1) object.push_back(',');
  append_escaped(object, key);
  object.push_back(':');
  object += value_text;
}

std::vector<std::string> build(store::Connection& c, const Spec& s, const std::vector<Values>& rows,
                               bool include_archived);

// Adds to each parent the list of its children, grouped by the child's link column.
void attach_many(std::vector<std::string>& out, const std::vector<std::string>& ids, std::string_view key,
                 const Table& child_table, std::string_view link, const std::vector<Values>& kids,
                 const std::vector<std::string>& kid_text) {
  auto li = child_table.index_of(link);
  if (!li) throw std::logic_error("no column " + std::string(link));
  std::unordered_map<std::string, std::vector<std::size_t>> by_parent;
  for (std::size_t k = 0; k < kids.size(); ++k)
    if (kids[k][*li]) by_parent[*kids[k][*li]].push_back(k);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto it = by_parent.find(ids[i]);
    if (it == by_parent.end()) continue;
    std::string list = "[";
    for (auto k : it->second) {
      if (list.size() > 1) list.push_back(',');
      list += kid_text[k];
    }
    list.push_back(']');
    add_member(out[i], key, list);
  }
}

std::vector<std::string> build(store::Connection& c, const Spec& s, const std::vector<Values>& rows,
                               bool include_archived) {
  std::vector<std::string> out;
  out.reserve(rows.size());
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back(open_object(*s.table, r));
    ids.push_back(r[0].value_or(""));
  }
  if (!rows.empty()) {
    auto unique_ids = distinct(ids);
    for (const auto& child : s.children) {
      const Table& ct = *table_named(child.rel->table);
      if (child.rel->many) {
        auto kids = load(c, ct, child.rel->link, unique_ids, include_archived);
        auto kid_text = build(c, *child.spec, kids, include_archived);
        attach_many(out, ids, child.rel->key, ct, child.rel->link, kids, kid_text);
      } else {
        auto li = s.table->index_of(child.rel->link);
        std::vector<std::string> keys;
        for (const auto& r : rows)
          if (r[*li]) keys.push_back(*r[*li]);
        auto targets = load(c, ct, "id", distinct(keys), include_archived);
        auto target_text = build(c, *child.spec, targets, include_archived);
        std::unordered_map<std::string, std::size_t> by_id;
        for (std::size_t k = 0; k < targets.size(); ++k) by_id[*targets[k][0]] = k;
        for (std::size_t i = 0; i < rows.size(); ++i) {
          if (!rows[i][*li]) continue;
          auto it = by_id.find(*rows[i][*li]);
          if (it != by_id.end()) add_member(out[i], child.rel->key, target_text[it->second]);
        }
      }
    }
    if (s.attributes) {
      const Table& at = *table_named("attributes");
      auto kids = load(c, at, "link_id", unique_ids, include_archived);
      merge_rows(kids, translation_attributes(c, s.table->resource, unique_ids));
      sort_by_id(kids);
      attach_many(out, ids, "attributes", at, "link_id", kids, build(c, specs().attribute, kids, include_archived));
    }
    if (s.metadata) {
      const Table& mt = *table_named("metadata");
      auto kids = load(c, mt, "resource_id", unique_ids, include_archived);
      if (!include_archived) redact_edit_history(mt, kids);
      attach_many(out, ids, "metadata", mt, "resource_id", kids, build(c, specs().metadata, kids, include_archived));
    }
  }
  for (auto& o : out) o.push_back('}');
  return out;
}

}  // namespace

std::vector<const Relation*> relations_of(std::string_view table) {
  std::vector<const Relation*> out;
  for (const auto& r : kRelations)
    if (r.parent == table) out.push_back(&r);
  return out;
}

bool has_attributes(std::string_view table) {
  return table != "attributes" && table != "metadata" && table != "meta_table_descriptions";
}

bool has_metadata(std::string_view table) { return table != "metadata" && table != "meta_table_descriptions"; }

const Table& shape_table(Shape s) { return *spec_of(s).table; }

Json row_json(const Table& t, const Values& v) {
  Json j = Json::object();
  for (std::size_t i = 0; i < t.fields.size() && i < v.size(); ++i) {
    if (!v[i]) continue;
    const auto& f = t.fields[i];
    if (f.type == FieldType::number) {
      if (auto n = parse_number(*v[i])) {
        double d = *n;
        if (std::trunc(d) == d && std::fabs(d) < 9007199254740992.0)
          j[f.name] = static_cast<std::int64_t>(d);
        else
          j[f.name] = d;
        continue;
      }
    }
    j[f.name] = *v[i];
  }
  return j;
}

std::vector<Values> load_rows(store::Connection& c, const Table& t, std::string_view column,
                              const std::vector<std::string>& keys) {
  return load(c, t, column, keys, true);
}

Values row_values(const Table& t, const store::Row& row) { return values_of(t, row); }

std::vector<std::string> build_json(store::Connection& c, Shape shape, const std::vector<std::string>& ids,
                                    bool include_archived) {
  const Spec& s = spec_of(shape);
  auto rows = load(c, *s.table, "id", distinct(ids), include_archived);
  auto built = build(c, s, rows, include_archived);
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < rows.size(); ++i) at[*rows[i][0]] = i;
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& id : ids)
    if (auto it = at.find(id); it != at.end()) out.push_back(built[it->second]);
  return out;
}

std::vector<std::string> build_json_from_rows(store::Connection& c, Shape shape, const std::vector<Values>& rows,
                                              bool include_archived) {
  return build(c, spec_of(shape), rows, include_archived);
}

std::vector<Json> build_objects(store::Connection& c, Shape shape, const std::vector<std::string>& ids,
                                bool include_archived) {
  std::vector<Json> out;
  for (const auto& text : build_json(c, shape, ids, include_archived)) out.push_back(Json::parse(text));
  return out;
}

Values translation_taxonomy_row() {
  const Table& t = *table_named("taxonomies");
  Values v(t.fields.size());
  v[*t.index_of("id")] = std::string(kTranslationTaxonomyId);
  v[*t.index_of("name")] = std::string(kTranslationTaxonomyName);
  v[*t.index_of("description")] =
      "Texts of Samen records in other languages than the record's own (Dutch) columns: an attribute with "
      "link_entity = record type, link_id = record id, link_type = field name and value = the text.";
  v[*t.index_of("version")] = "1";
  return v;
}

std::vector<Values> translation_term_rows() {
  const Table& t = *table_named("taxonomy_terms");
  std::vector<Values> out;
  for (const auto& term : kTranslationTerms) {
    Values v(t.fields.size());
    v[*t.index_of("id")] = std::string(term.id);
    v[*t.index_of("code")] = std::string(term.code);
    v[*t.index_of("name")] = "Translation (" + std::string(term.lang) + ")";
    v[*t.index_of("description")] = "The text of the field named by link_type, in language " + std::string(term.lang) + ".";
    v[*t.index_of("taxonomy")] = std::string(kTranslationTaxonomyName);
    v[*t.index_of("language")] = std::string(term.lang);
    v[*t.index_of("taxonomy_id")] = std::string(kTranslationTaxonomyId);
    out.push_back(std::move(v));
  }
  sort_by_id(out);
  return out;
}

Values translation_attribute_row(const std::string& resource_type, const std::string& resource_id,
                                 const std::string& field, const std::string& lang, const std::string& value) {
  const Table& t = *table_named("attributes");
  Values v(t.fields.size());
  auto* term = translation_term_for_lang(lang);
  v[*t.index_of("id")] = translation_attribute_id(resource_type, resource_id, field, lang);
  v[*t.index_of("link_id")] = resource_id;
  v[*t.index_of("taxonomy_term_id")] = term ? std::string(term->id) : std::string();
  v[*t.index_of("link_type")] = field;
  v[*t.index_of("link_entity")] = resource_type;
  v[*t.index_of("value")] = value;
  return v;
}

std::string order_by_id(store::Dialect d, std::string_view qualifier) {
  std::string col = std::string(qualifier) + (qualifier.empty() ? "" : ".") + "id";
  return d == store::Dialect::postgres ? "ORDER BY " + col + " COLLATE \"C\"" : "ORDER BY " + col;
}

}  // namespace samen::directory::hsds
