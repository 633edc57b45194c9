// Loads ServiceDocuments for the search engines: one query per HSDS table for
// a whole batch of services (WHERE ... IN (?, ?, ...)), assembled in memory.
// Also the pure helpers: cost normalisation and the opening-hours text form.
#include "directory/search/search_document.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_map>

#include "core/brussels.hpp"
#include "util/text_fold.hpp"

namespace samen::directory::detail {
namespace {

using store::Connection;
using store::Params;
using store::Row;


std::string& text_field(ServiceTexts& t, std::string_view field) {
  static std::string ignored;
  if (field == "name") return t.name;
  if (field == "alternate_name") return t.alternate_name;
  if (field == "description") return t.description;
  if (field == "eligibility_description") return t.eligibility_description;
  if (field == "application_process") return t.application_process;
  if (field == "fees_description") return t.fees_description;
  ignored.clear();
  return ignored;
}

// Labels of every taxonomy term in nl/fr/en (nl from the base column), with parents.
struct TaxonomyLabels {
  struct Term {
    std::string parent_id;
    std::array<std::string, 3> labels;
  };
  std::unordered_map<std::string, Term> terms;

  static TaxonomyLabels load(Connection& c) {
    TaxonomyLabels t;
    for (const auto& r : c.exec("SELECT id, name, parent_id FROM taxonomy_terms").rows) {
      auto& term = t.terms[r.text(0)];
      term.labels[0] = r.text(1);
      term.parent_id = r.text(2);
    }
    for (const auto& r : c.exec("SELECT resource_id, lang, value FROM translations "
                                "WHERE resource_type = 'taxonomy_term' AND field = 'name'").rows) {
      auto it = t.terms.find(r.text(0));
      auto lang = i18n::parse_lang(r.text(1));
      if (it != t.terms.end() && lang) it->second.labels[lang_index(*lang)] = r.text(2);
    }
    return t;
  }

  // Adds a term and its ancestors (guarding against cycles in imported data).
  void add_with_ancestors(const std::string& term_id, ServiceDocument& d) const {
    std::string id = term_id;
    for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
      auto it = terms.find(id);
      if (it == terms.end() || !d.category_ids.insert(id).second) return;
      for (std::size_t l = 0; l < 3; ++l) {
        const std::string& label = it->second.labels[l].empty() ? it->second.labels[0] : it->second.labels[l];
        if (!label.empty()) d.category_labels[l].push_back(label);
      }
      id = it->second.parent_id;
    }
  }
};

void load_services(Connection& c, const std::vector<std::string>& ids,
                   std::map<std::string, ServiceDocument>& docs) {
  auto rows = c.exec(
      "SELECT id, organization_id, name, alternate_name, description, eligibility_description, "
      "application_process, fees_description, status, archived_at, minimum_age, maximum_age, updated_at "
      "FROM services WHERE id IN (" + store::placeholder_list(ids.size()) + ")",
      store::text_params(ids));
  for (const auto& r : rows.rows) {
    ServiceDocument& d = docs[r.text(0)];
    d.id = r.text(0);
    d.organization_id = r.text(1);
    ServiceTexts& nl = d.texts[0];
    nl.name = r.text(2);
    nl.alternate_name = r.text(3);
    nl.description = r.text(4);
    nl.eligibility_description = r.text(5);
    nl.application_process = r.text(6);
    nl.fees_description = r.text(7);
    d.searchable = r.text(8) == "active" && r.is_null(9);
    d.min_age = r.opt_real(10);
    d.max_age = r.opt_real(11);
    d.updated_at = r.opt_int64(12).value_or(0);
  }
}

void load_translations(Connection& c, const std::vector<std::string>& ids,
                       std::map<std::string, ServiceDocument>& docs) {
  auto rows = c.exec("SELECT resource_id, field, lang, value FROM translations "
                     "WHERE resource_type = 'service' AND resource_id IN (" + store::placeholder_list(ids.size()) + ")",
                     store::text_params(ids));
  for (const auto& r : rows.rows) {
    auto it = docs.find(r.text(0));
    auto lang = i18n::parse_lang(r.text(2));
    if (it == docs.end() || !lang || *lang == i18n::Lang::nl) continue;
    text_field(it->second.texts[lang_index(*lang)], r.text(1)) = r.text(3);
  }
  // A text not translated reads in Dutch in that language too.
  for (auto& [id, d] : docs) {
    for (std::size_t l = 0; l < 3; ++l) {
      d.own_name[l] = d.texts[l].name;
      d.own_description[l] = d.texts[l].description;
    }
    for (std::size_t l = 1; l < 3; ++l) {
      for (std::string_view f : {"name", "alternate_name", "description", "eligibility_description",
                                 "application_process", "fees_description"}) {
        std::string& v = text_field(d.texts[l], f);
        if (v.empty()) v = text_field(d.texts[0], f);
      }
    }
  }
}

void load_organizations(Connection& c, const std::vector<std::string>& ids,
                        std::map<std::string, ServiceDocument>& docs) {
  const std::string in = store::placeholder_list(ids.size());
  for (const auto& r : c.exec("SELECT s.id, o.name FROM services s JOIN organizations o ON o.id = s.organization_id "
                              "WHERE s.id IN (" + in + ")", store::text_params(ids)).rows) {
    auto it = docs.find(r.text(0));
    if (it != docs.end()) it->second.organization_name.fill(r.text(1));
  }
  for (const auto& r : c.exec("SELECT s.id, t.lang, t.value FROM services s JOIN translations t "
                              "ON t.resource_type = 'organization' AND t.resource_id = s.organization_id "
                              "AND t.field = 'name' WHERE s.id IN (" + in + ")", store::text_params(ids)).rows) {
    auto it = docs.find(r.text(0));
    auto lang = i18n::parse_lang(r.text(1));
    if (it != docs.end() && lang && !r.text(2).empty()) it->second.organization_name[lang_index(*lang)] = r.text(2);
  }
}

void load_categories(Connection& c, const std::vector<std::string>& ids,
                     std::map<std::string, ServiceDocument>& docs) {
  auto rows = c.exec("SELECT link_id, taxonomy_term_id FROM attributes WHERE link_entity = 'service' "
                     "AND link_id IN (" + store::placeholder_list(ids.size()) + ") ORDER BY link_id, id", store::text_params(ids));
  if (rows.rows.empty()) return;
  const TaxonomyLabels taxonomy = TaxonomyLabels::load(c);
  for (const auto& r : rows.rows) {
    auto it = docs.find(r.text(0));
    if (it != docs.end()) taxonomy.add_with_ancestors(r.text(1), it->second);
  }
}

void load_places_languages_costs(Connection& c, const std::vector<std::string>& ids,
                                 std::map<std::string, ServiceDocument>& docs) {
  const std::string in = store::placeholder_list(ids.size());
  for (const auto& r : c.exec("SELECT sal.service_id, a.postal_code FROM service_at_location sal "
                              "JOIN locations l ON l.id = sal.location_id "
                              "JOIN addresses a ON a.location_id = l.id "
                              "WHERE l.archived_at IS NULL AND sal.service_id IN (" + in + ")", store::text_params(ids)).rows) {
    auto it = docs.find(r.text(0));
    if (it == docs.end()) continue;
    if (const core::Municipality* m = core::municipality_for_postcode(r.text(1))) {
      it->second.municipalities.insert(m->nis_code);
      std::string digits;
      for (char ch : r.text(1))
        if (ch >= '0' && ch <= '9') digits += ch;
      it->second.postcodes.insert(digits);
    }
  }
  for (const auto& r : c.exec("SELECT service_id, code FROM languages WHERE service_id IN (" + in + ")",
                              store::text_params(ids)).rows) {
    auto it = docs.find(r.text(0));
    std::string code = text::fold(text::clean_utf8(r.text(1), 16));
    if (it != docs.end() && !code.empty()) it->second.languages.insert(code.substr(0, code.find_first_of("-_")));
  }
  for (const auto& r : c.exec("SELECT service_id, option, amount FROM cost_options WHERE service_id IN (" + in + ")",
                              store::text_params(ids)).rows) {
    auto it = docs.find(r.text(0));
    if (it != docs.end()) it->second.costs.insert(classify_cost(r.text(1), r.opt_real(2)));
  }
}

void load_hours(Connection& c, const std::vector<std::string>& ids, std::map<std::string, ServiceDocument>& docs) {
  const std::string in = store::placeholder_list(ids.size());
  // Service-level rules win; a service without any uses its locations' rules.
  // The location-level rows are reached from the batch's service_at_location
  // rows (CROSS JOIN keeps that order in SQLite; a plain join in PostgreSQL):
  // SQLite's planner otherwise started from "schedules ... IS NULL", a walk
  // over every service's rules per batch (a fifth of a rebuild's time).
  std::map<std::string, std::vector<ScheduleRow>> own, at_locations;
  auto read_row = [](const Row& r) {
    return ScheduleRow{r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
  };
  for (const auto& r : c.exec(
           "SELECT service_id, freq, byday, opens_at, closes_at, valid_from, valid_to FROM schedules "
           "WHERE service_id IN (" + in + ") "
           "UNION ALL SELECT sal.service_id, sc.freq, sc.byday, sc.opens_at, sc.closes_at, sc.valid_from, "
           "sc.valid_to FROM service_at_location sal CROSS JOIN schedules sc WHERE sc.service_at_location_id = sal.id "
           "AND sc.service_id IS NULL AND sal.service_id IN (" + in + ")", store::text_params(ids, 2)).rows)
    own[r.text(0)].push_back(read_row(r));
  for (const auto& r : c.exec(
           "SELECT sal.service_id, sc.freq, sc.byday, sc.opens_at, sc.closes_at, sc.valid_from, sc.valid_to "
           "FROM service_at_location sal CROSS JOIN schedules sc WHERE sc.location_id = sal.location_id "
           "AND sc.service_id IS NULL AND sc.service_at_location_id IS NULL "
           "AND sal.service_id IN (" + in + ")", store::text_params(ids)).rows)
    at_locations[r.text(0)].push_back(read_row(r));
  std::map<std::string, std::vector<ScheduleException>> exceptions;
  for (const auto& r : c.exec(
           "SELECT sal.service_id, e.starts_on, e.ends_on, e.closed, e.opens_at, e.closes_at, e.description "
           "FROM service_at_location sal CROSS JOIN schedule_exceptions e "
           "WHERE e.service_id IS NULL AND e.location_id = sal.location_id "
           "AND sal.service_id IN (" + in + ") "
           "UNION SELECT e.service_id, e.starts_on, e.ends_on, e.closed, e.opens_at, e.closes_at, e.description "
           "FROM schedule_exceptions e WHERE e.service_id IN (" + in + ")", store::text_params(ids, 2)).rows) {
    const auto opens = parse_clock(r.text(4)), closes = parse_clock(r.text(5));
    ScheduleException x{r.text(1), r.text(2), r.boolean(3), opens.value_or(0), closes.value_or(0), r.text(6)};
    if (!x.closed && (!opens || !closes)) continue;  // special hours nobody can read
    exceptions[r.text(0)].push_back(std::move(x));
  }
  for (auto& [id, d] : docs) {
    auto rules = own.contains(id) ? own[id] : at_locations[id];
    d.hours = opening_hours_from(rules, exceptions[id]);
  }
}

}  // namespace

void for_each_batch(const std::vector<std::string>& ids, const std::function<bool(std::vector<std::string>)>& f,
                    std::size_t size) {
  size = std::max<std::size_t>(1, size);
  for (std::size_t at = 0; at < ids.size(); at += size) {
    std::vector<std::string> batch(ids.begin() + static_cast<std::ptrdiff_t>(at),
                                   ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), at + size)));
    if (!f(std::move(batch))) return;
  }
}

std::vector<ServiceDocument> load_service_documents(Connection& c, const std::vector<std::string>& ids) {
  std::vector<ServiceDocument> out;
  for_each_batch(ids, [&](std::vector<std::string> batch) {
    std::map<std::string, ServiceDocument> docs;
    load_services(c, batch, docs);
    if (docs.empty()) return true;
    load_translations(c, batch, docs);
    load_organizations(c, batch, docs);
    load_categories(c, batch, docs);
    load_places_languages_costs(c, batch, docs);
    load_hours(c, batch, docs);
    for (auto& entry : docs) out.push_back(std::move(entry.second));
    return true;
  });
  return out;
}

std::vector<std::string> all_service_ids(Connection& c) {
  std::vector<std::string> ids;
  for (const auto& r : c.exec("SELECT id FROM services ORDER BY id").rows) ids.push_back(r.text(0));
  return ids;
}

CostFilter classify_cost(std::string_view option, std::optional<double> amount) {
  const std::string o = text::fold(text::clean_utf8(option, 200));
  auto has = [&](std::string_view w) { return o.find(w) != std::string::npos; };
  if (has("income") || has("inkomen") || has("revenu")) return CostFilter::income_related;
  if (has("free") || has("gratis") || has("gratuit") || (amount && *amount == 0.0)) return CostFilter::free;
  return CostFilter::paid;
}

std::string cost_name(CostFilter f) {
  switch (f) {
    case CostFilter::free: return "free";
    case CostFilter::income_related: return "income_related";
    case CostFilter::paid:
    case CostFilter::any: break;
  }
  return "paid";
}

// ---- opening hours as text ------------------------------------------------------
// "w<weekday>,<opens>,<closes>,<valid_from>,<valid_to>;" per weekly rule and
// "x<starts_on>,<ends_on>,<closed 0/1>,<opens>,<closes>;" per exception.

namespace {

std::string date_only(std::string_view s) {
  std::string out;
  for (char ch : s.substr(0, 10))
    if ((ch >= '0' && ch <= '9') || ch == '-') out += ch;
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (;;) {
    auto at = s.find(sep);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

int to_int(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

std::string encode_hours(const OpeningHours& h) {
  std::string out;
  for (const auto& w : h.weekly)
    out += "w" + std::to_string(w.weekday) + "," + std::to_string(w.opens_minute) + "," +
           std::to_string(w.closes_minute) + "," + date_only(w.valid_from) + "," + date_only(w.valid_to) + ";";
  for (const auto& x : h.exceptions)
    out += "x" + date_only(x.starts_on) + "," + date_only(x.ends_on) + "," + (x.closed ? "1" : "0") + "," +
           std::to_string(x.opens_minute) + "," + std::to_string(x.closes_minute) + ";";
  return out;
}

OpeningHours decode_hours(std::string_view s) {
  OpeningHours h;
  for (std::string_view item : split(s, ';')) {
    if (item.size() < 2) continue;
    auto f = split(item.substr(1), ',');
    if (f.size() != 5) continue;
    if (item[0] == 'w')
      h.weekly.push_back({to_int(f[0]), to_int(f[1]), to_int(f[2]), std::string(f[3]), std::string(f[4])});
    else if (item[0] == 'x')
      h.exceptions.push_back({std::string(f[0]), std::string(f[1]), f[2] == "1", to_int(f[3]), to_int(f[4]), ""});
  }
  return h;
}

std::vector<int> open_weekdays(const OpeningHours& h) {
  std::vector<int> days;
  for (int d = 0; d < 7; ++d)
    if (is_open_on_weekday(h, d)) days.push_back(d);
  return days;
}

}  // namespace samen::directory::detail
