// Mapping, dry run and import of flat spreadsheets. A row becomes a Service
// record (plus its organisation and one location with the address): new ones
// are created, existing ones (same organisation and name) get the filled
// cells of mapped columns; empty cells never erase what is stored. Checks are
// the records' own validation plus the cell parsers here.
#include "directory/import/spreadsheet_import.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/brussels.hpp"
#include "directory/model/taxonomy.hpp"
#include "util/text.hpp"
#include "util/text_fold.hpp"

namespace samen::directory {

namespace {

struct FieldInfo {
  SheetField field;
  std::string_view code;
};

constexpr FieldInfo kFields[] = {
    {SheetField::service_name_nl, "service_name_nl"}, {SheetField::service_name_fr, "service_name_fr"},
    {SheetField::description_nl, "description_nl"},   {SheetField::description_fr, "description_fr"},
    {SheetField::organization, "organization"},       {SheetField::street, "street"},
    {SheetField::postcode, "postcode"},               {SheetField::municipality, "municipality"},
    {SheetField::phone, "phone"},                     {SheetField::email, "email"},
    {SheetField::website, "website"},                 {SheetField::min_age, "min_age"},
    {SheetField::max_age, "max_age"},                 {SheetField::languages, "languages"},
    {SheetField::category, "category"},               {SheetField::cost, "cost"},
};

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::string folded(std::string_view s) { return text::fold(text::clean_utf8(s, 500)); }

// Splits a list cell on , ; / and line breaks; trims; drops empty items.
std::vector<std::string> split_list(std::string_view cell, bool on_spaces) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string t = text::trimmed(current);
    if (!t.empty()) out.push_back(t);
    current.clear();
  };
  for (char c : cell) {
    if (c == ',' || c == ';' || c == '/' || c == '\n' || c == '\r' || c == '|' || (on_spaces && (c == ' ' || c == '\t')))
      flush();
    else
      current += c;
  }
  flush();
  return out;
}

// Folded language names (nl/fr/en, from ICU) and codes → ISO 639-1 code.
const std::map<std::string, std::string>& language_lookup() {
  static const std::map<std::string, std::string> kLookup = [] {
    std::map<std::string, std::string> m;
    for (const auto& code : known_language_codes()) {
      m[code] = code;
      for (const char* in : {"nl", "fr", "en"}) m.emplace(folded(language_display_name(code, in)), code);
    }
    return m;
  }();
  return kLookup;
}

// Folded term codes, labels and synonyms → taxonomy term id.
const std::map<std::string, std::string>& category_lookup() {
  static const std::map<std::string, std::string> kLookup = [] {
    std::map<std::string, std::string> m;
    for (const auto& t : family_terms())
      for (const auto* label : {&t.code, &t.nl, &t.fr, &t.en}) m.emplace(folded(*label), t.id);
    for (const auto& g : family_synonym_groups()) {
      auto id = family_term_id(g.id);
      if (!id) continue;
      for (const auto* list : {&g.nl, &g.fr, &g.en})
        for (const auto& term : *list) m.emplace(folded(term), *id);
    }
    return m;
  }();
  return kLookup;
}

bool has_word(const std::vector<std::string>& words, std::initializer_list<std::string_view> any) {
  for (const auto& w : words)
    for (auto a : any)
      if (w == a) return true;
  return false;
}

SheetField guess_field(const std::string& title) {
  auto words = text::folded_words(title);
  if (words.empty()) return SheetField::ignore;
  bool fr = has_word(words, {"fr", "frans", "francais", "french"});
  bool nl = has_word(words, {"nl", "nederlands", "neerlandais", "dutch"});
  if (has_word(words, {"organisatie", "organisation", "organization", "organisme", "vzw", "asbl", "partner",
                       "partenaire", "inrichtende", "pouvoir"}))
    return SheetField::organization;
  if (has_word(words, {"email", "mail", "courriel", "mailadres"})) return SheetField::email;
  if (has_word(words, {"website", "site", "web", "url", "internet", "webpagina"})) return SheetField::website;
  if (has_word(words, {"telefoon", "tel", "telephone", "phone", "gsm", "telefoonnummer"})) return SheetField::phone;
  if (has_word(words, {"postcode", "postal", "zip", "cp", "postnummer"})) return SheetField::postcode;
  if (has_word(words, {"gemeente", "commune", "municipality", "stad", "ville", "city", "plaats", "localite"}))
    return SheetField::municipality;
  if (has_word(words, {"leeftijd", "age", "ages", "ans", "jaar", "years"})) {
    if (has_word(words, {"max", "maximum", "tot", "to", "jusqu", "maximaal", "until"})) return SheetField::max_age;
    if (has_word(words, {"min", "minimum", "vanaf", "van", "from", "des", "minimaal"})) return SheetField::min_age;
    return SheetField::ignore;
  }
  if (has_word(words, {"talen", "taal", "langues", "langue", "languages", "language", "gesproken"}))
    return SheetField::languages;
  if (has_word(words, {"categorie", "category", "categories", "soort", "type", "thema", "domaine", "rubriek"}))
    return SheetField::category;
  if (has_word(words, {"kost", "kosten", "prijs", "tarief", "cout", "prix", "tarif", "cost", "price", "fee", "fees"}))
    return SheetField::cost;
  if (has_word(words, {"beschrijving", "omschrijving", "description", "info", "informatie"}))
    return fr && !nl ? SheetField::description_fr : SheetField::description_nl;
  if (has_word(words, {"straat", "adres", "address", "adresse", "rue", "street"})) return SheetField::street;
  if (has_word(words, {"naam", "nom", "name", "dienst", "service", "aanbod", "activiteit", "activite", "titel",
                       "titre"})) {
    bool french_word = words.front() == "nom" || words.front() == "titre" || words.front() == "activite";
    return (fr || french_word) && !nl ? SheetField::service_name_fr : SheetField::service_name_nl;
  }
  return SheetField::ignore;
}

// ---- the dry run --------------------------------------------------------------------------

struct Cells {
  const SheetRow& row;
  const Mapping& mapping;
  // The trimmed cell of a field ("" when unmapped or empty).
  std::string get(SheetField f) const {
    for (std::size_t i = 0; i < mapping.size() && i < row.cells.size(); ++i)
      if (mapping[i] == f) return text::trimmed(row.cells[i]);
    return "";
  }
  bool mapped(SheetField f) const { return std::find(mapping.begin(), mapping.end(), f) != mapping.end(); }
};

std::string key_of(const std::string& organization, const std::string& name) {
  return folded(organization) + "\x1f" + folded(name);
}

bool same_address(const Address& a, const Address& b) {
  return folded(a.address_1) == folded(b.address_1) && a.postal_code == b.postal_code;
}

// One of the linked locations at this address, if any.
std::optional<std::string> find_linked_location(store::Connection& c, const std::vector<std::string>& location_ids,
                                                const Address& address) {
  for (const auto& id : location_ids)
    if (auto l = load_location(c, id); l && !l->stamp.archived_at && same_address(l->address, address)) return id;
  return std::nullopt;
}

// An active location of the organisation at this address, if any.
std::optional<std::string> find_org_location(store::Connection& c, const std::string& organization_id,
                                             const Address& address) {
  auto r = c.exec("SELECT l.id, a.address_1 FROM locations l JOIN addresses a ON a.location_id = l.id "
                  "WHERE l.organization_id = ? AND a.postal_code = ? AND l.archived_at IS NULL ORDER BY l.id",
                  {organization_id, address.postal_code});
  for (const auto& row : r.rows)
    if (folded(row.text(1)) == folded(address.address_1)) return row.text(0);
  return std::nullopt;
}

struct OrgMatch {
  std::string id;
  bool archived = false;
};

class Planner {
 public:
  Planner(store::Connection& c, const Mapping& m) : c_(c), mapping_(m) {}

  PlannedRow plan_row(const SheetRow& row) {
    PlannedRow p;
    p.row_number = row.number;
    Cells cells{row, mapping_};
    if (!row.error.empty()) p.problems.push_back({SheetField::ignore, row.error, {}});

    Service draft;
    std::string name_nl = cells.get(SheetField::service_name_nl), name_fr = cells.get(SheetField::service_name_fr);
    std::string desc_nl = cells.get(SheetField::description_nl), desc_fr = cells.get(SheetField::description_fr);
    // The base columns hold Dutch; a French-only row keeps its French text there too.
    p.service_name = name_nl.empty() ? name_fr : name_nl;
    p.organization_name = cells.get(SheetField::organization);
    if (p.service_name.empty()) p.problems.push_back({SheetField::service_name_nl, "sheet.row.name_missing", {}});
    if (p.organization_name.empty())
      p.problems.push_back({SheetField::organization, "sheet.row.organization_missing", {}});

    // Cell parsers.
    std::optional<double> min_age, max_age;
    parse_age(cells, SheetField::min_age, min_age, p);
    parse_age(cells, SheetField::max_age, max_age, p);
    std::optional<std::vector<std::string>> languages, categories;
    if (auto v = cells.get(SheetField::languages); !v.empty()) {
      languages = parse_language_list(v);
      if (!languages) p.problems.push_back({SheetField::languages, "sheet.row.language_unknown", {{"value", v}}});
    }
    if (auto v = cells.get(SheetField::category); !v.empty()) {
      categories = parse_category_list(v);
      if (!categories) p.problems.push_back({SheetField::category, "sheet.row.category_unknown", {{"value", v}}});
    }
    std::optional<CostOption> cost;
    if (auto v = cells.get(SheetField::cost); !v.empty()) {
      cost = parse_cost(v);
      if (!cost) p.problems.push_back({SheetField::cost, "sheet.row.cost_invalid", {{"value", v}}});
    }
    std::string website = cells.get(SheetField::website);
    if (website.starts_with("www.")) website = "https://" + website;
    p.address = parse_address(cells, p);

    // Duplicates within the sheet.
    if (!p.service_name.empty() && !p.organization_name.empty()) {
      auto [it, fresh] = seen_.emplace(key_of(p.organization_name, p.service_name), row.number);
      if (!fresh)
        p.problems.push_back({SheetField::ignore, "sheet.row.duplicate", {{"row", std::to_string(it->second)}}});
    }

    // The organisation and the service, if they exist.
    std::optional<std::string> existing_service;
    if (!p.organization_name.empty()) {
      auto org = find_organization(p.organization_name);
      if (org && org->archived) {
        p.problems.push_back({SheetField::organization, "sheet.row.organization_archived", {}});
      } else if (org) {
        draft.organization_id = org->id;
        if (!p.service_name.empty()) existing_service = find_service(org->id, p.service_name, p);
      }
    }

    // The record as it would be written.
    Service before;
    if (existing_service) {
      auto loaded = load_service(c_, *existing_service);
      if (loaded) before = *loaded, draft = *loaded;
      sort_unique(before.languages);
      sort_unique(before.categories);
    } else {
      draft.name.nl = p.service_name;
      draft.status = "active";
    }
    auto set_text = [](std::string& target, const std::string& value) {
      if (!value.empty()) target = value;
    };
    set_text(draft.name.fr, name_fr);
    set_text(draft.description.nl, desc_nl.empty() && !existing_service ? desc_fr : desc_nl);
    set_text(draft.description.fr, desc_fr);
    set_text(draft.email, cells.get(SheetField::email));
    set_text(draft.url, website);
    if (min_age) draft.minimum_age = min_age;
    if (max_age) draft.maximum_age = max_age;
    if (languages) draft.languages = *languages;
    if (categories) draft.categories = *categories;
    if (cost) {
      std::string kept = draft.cost ? draft.cost->amount_description : "";
      draft.cost = *cost;
      if (draft.cost->amount_description.empty()) draft.cost->amount_description = kept;
    }
    if (auto phone = cells.get(SheetField::phone); !phone.empty()) {
      bool known = std::any_of(draft.phones.begin(), draft.phones.end(), [&](const Phone& x) { return x.number == phone; });
      if (!known) {
        if (draft.phones.empty()) draft.phones.push_back({phone, "voice", ""});
        else draft.phones.front().number = phone;
      }
    }
    sort_unique(draft.languages);
    sort_unique(draft.categories);

    // The records' own checks (lengths, e-mail, URL, phone, ages, required description).
    Service check = draft;
    if (check.organization_id.empty()) check.organization_id = "(new)";
    for (const auto& [field, key] : validate(check)) p.problems.push_back({record_field(field), key, {}});
    if (p.address) {
      Location l;
      l.organization_id = "(new)";
      l.name.nl = p.organization_name.empty() ? "-" : p.organization_name;
      l.address = *p.address;
      for (const auto& [field, key] : validate(l)) p.problems.push_back({record_field(field), key, {}});
    }

    p.service = std::move(draft);
    if (!p.problems.empty()) {
      p.action = RowAction::error;
      return p;
    }
    if (!existing_service) {
      p.action = RowAction::create;
      return p;
    }
    for (const auto& change : diff(snapshot(before), snapshot(p.service))) p.changed_fields.push_back(change.field);
    if (p.address && !find_linked_location(c_, p.service.location_ids, *p.address)) p.changed_fields.push_back("address");
    p.action = p.changed_fields.empty() ? RowAction::unchanged : RowAction::update;
    return p;
  }

 private:
  void parse_age(const Cells& cells, SheetField f, std::optional<double>& out, PlannedRow& p) {
    std::string v = cells.get(f);
    if (v.empty()) return;
    out = parse_decimal(v);
    if (!out || *out < 0 || *out > 25) {
      p.problems.push_back({f, "sheet.row.age_invalid", {{"value", v}}});
      out.reset();
    }
  }

  std::optional<Address> parse_address(const Cells& cells, PlannedRow& p) {
    std::string street = cells.get(SheetField::street), postcode = cells.get(SheetField::postcode),
                town = cells.get(SheetField::municipality);
    if (street.empty() && postcode.empty() && town.empty()) return std::nullopt;
    const core::Municipality* by_postcode = nullptr;
    const core::Municipality* by_name = nullptr;
    if (!postcode.empty()) {
      by_postcode = core::municipality_for_postcode(postcode);
      if (!by_postcode) p.problems.push_back({SheetField::postcode, "sheet.row.postcode_invalid", {{"value", postcode}}});
    }
    if (!town.empty()) {
      std::string f = folded(town);
      for (const auto& m : core::brussels_municipalities())
        if (f == folded(m.name_nl) || f == folded(m.name_fr) || f == m.nis_code) by_name = &m;
      if (!by_name) by_name = core::municipality_for_postcode(town);
      if (!by_name)
        p.problems.push_back({SheetField::municipality, "sheet.row.municipality_unknown", {{"value", town}}});
    }
    if (by_postcode && by_name && by_postcode != by_name)
      p.problems.push_back({SheetField::postcode, "sheet.row.postcode_mismatch", {{"value", postcode}}});
    if ((!postcode.empty() && !by_postcode) || (!town.empty() && !by_name) || (by_postcode && by_name && by_postcode != by_name))
      return std::nullopt;  // already explained; the address is not usable
    if (street.empty()) {
      // A postcode or municipality alone is no address to show on the map.
      if (cells.mapped(SheetField::street))
        p.problems.push_back({SheetField::street, "sheet.row.street_missing", {}});
      return std::nullopt;
    }
    const core::Municipality* m = by_postcode ? by_postcode : by_name;
    if (!m) {
      if (postcode.empty() && town.empty())
        p.problems.push_back({SheetField::postcode, "sheet.row.postcode_missing", {}});
      return Address{street, "", postcode, town};
    }
    std::string digits;
    for (char ch : postcode)
      if (ch >= '0' && ch <= '9') digits += ch;
    return Address{street, "", by_postcode ? digits : m->postcodes.front(), m->name_nl};
  }

  std::optional<OrgMatch> find_organization(const std::string& name) {
    std::string key = folded(name);
    if (auto it = orgs_.find(key); it != orgs_.end()) return it->second;
    std::optional<OrgMatch> match;
    // Exact name first, then the same letters in another case.
    for (const char* sql : {"SELECT id, archived_at FROM organizations WHERE name = ? ORDER BY archived_at IS NOT NULL, id",
                            "SELECT id, archived_at FROM organizations WHERE lower(name) = lower(?) "
                            "ORDER BY archived_at IS NOT NULL, id"}) {
      auto r = c_.exec(sql, {name});
      if (!r.empty()) {
        match = OrgMatch{r.rows[0].text(0), !r.rows[0].is_null(1)};
        break;
      }
    }
    orgs_[key] = match;
    return match;
  }

  std::optional<std::string> find_service(const std::string& org_id, const std::string& name, PlannedRow& p) {
    auto r = c_.exec("SELECT id, archived_at FROM services WHERE organization_id = ? AND lower(name) = lower(?) "
                     "ORDER BY archived_at IS NOT NULL, id",
                     {org_id, name});
    if (r.empty()) return std::nullopt;
    if (!r.rows[0].is_null(1)) {
      p.problems.push_back({SheetField::service_name_nl, "sheet.row.service_archived", {}});
      return std::nullopt;
    }
    return r.rows[0].text(0);
  }

  static SheetField record_field(const std::string& f) {
    if (f == "name") return SheetField::service_name_nl;
    if (f == "name.fr") return SheetField::service_name_fr;
    if (f == "description") return SheetField::description_nl;
    if (f == "description.fr") return SheetField::description_fr;
    if (f == "email") return SheetField::email;
    if (f == "url") return SheetField::website;
    if (f == "phones") return SheetField::phone;
    if (f == "minimum_age") return SheetField::min_age;
    if (f == "maximum_age") return SheetField::max_age;
    if (f == "languages") return SheetField::languages;
    if (f == "categories") return SheetField::category;
    if (f.starts_with("cost")) return SheetField::cost;
    if (f == "address_1") return SheetField::street;
    if (f == "postal_code") return SheetField::postcode;
    if (f == "city") return SheetField::municipality;
    return SheetField::ignore;
  }

  store::Connection& c_;
  const Mapping& mapping_;
  std::map<std::string, int> seen_;
  std::map<std::string, std::optional<OrgMatch>> orgs_;
};

std::string action_name(RowAction a) {
  switch (a) {
    case RowAction::create: return "create";
    case RowAction::update: return "update";
    case RowAction::unchanged: return "unchanged";
    case RowAction::error: return "error";
  }
  return "";
}

std::string fingerprint_of(const ImportPlan& plan) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 16);
  auto feed = [&](const std::string& s) {
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>("\x1f"), 1);
  };
  for (const auto& r : plan.rows) {
    feed(std::to_string(r.row_number));
    feed(action_name(r.action));
    feed(r.service.id);
    feed(r.service.organization_id);
    feed(r.new_organization ? "new" : "");
    for (const auto& f : r.changed_fields) feed(f);
    for (const auto& s : {snapshot(r.service)})
      for (const auto& [k, v] : s) feed(k + "=" + v);
    if (r.address) feed(r.address->address_1 + "|" + r.address->postal_code);
  }
  unsigned char out[16];
  crypto_generichash_final(&st, out, sizeof out);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned char b : out) s += hex[b >> 4], s += hex[b & 15];
  return s;
}

}  // namespace

const std::vector<SheetField>& sheet_fields() {
  static const std::vector<SheetField> kAll = [] {
    std::vector<SheetField> v;
    for (const auto& f : kFields) v.push_back(f.field);
    return v;
  }();
  return kAll;
}

std::string_view field_code(SheetField f) {
  for (const auto& i : kFields)
    if (i.field == f) return i.code;
  return "ignore";
}

std::optional<SheetField> parse_field_code(std::string_view code) {
  if (code == "ignore") return SheetField::ignore;
  for (const auto& i : kFields)
    if (i.code == code) return i.field;
  return std::nullopt;
}

Mapping guess_mapping(const std::vector<std::string>& header) {
  Mapping m;
  std::set<SheetField> used;
  for (const auto& title : header) {
    SheetField f = guess_field(title);
    if (f != SheetField::ignore && !used.insert(f).second) f = SheetField::ignore;
    m.push_back(f);
  }
  return m;
}

std::vector<std::string> mapping_problems(const Mapping& m, std::size_t columns) {
  std::vector<std::string> out;
  if (m.size() != columns) out.push_back("sheet.mapping.bad");
  std::set<SheetField> used;
  bool twice = false;
  for (auto f : m)
    if (f != SheetField::ignore && !used.insert(f).second) twice = true;
  if (twice) out.push_back("sheet.mapping.twice");
  if (!used.count(SheetField::service_name_nl) && !used.count(SheetField::service_name_fr))
    out.push_back("sheet.mapping.need_name");
  if (!used.count(SheetField::organization)) out.push_back("sheet.mapping.need_organization");
  return out;
}

std::optional<std::vector<std::string>> parse_language_list(std::string_view cell) {
  std::vector<std::string> codes;
  const auto& lookup = language_lookup();
  for (const auto& item : split_list(cell, false)) {
    std::string f = folded(item);
    auto it = lookup.find(f);
    if (it == lookup.end()) {
      // "nl fr en": several codes separated by spaces.
      bool all = true;
      std::vector<std::string> parts;
      for (const auto& w : split_list(item, true)) {
        auto jt = lookup.find(folded(w));
        if (jt == lookup.end()) all = false;
        else parts.push_back(jt->second);
      }
      if (!all || parts.empty()) return std::nullopt;
      codes.insert(codes.end(), parts.begin(), parts.end());
      continue;
    }
    codes.push_back(it->second);
  }
  if (codes.empty()) return std::nullopt;
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

std::optional<std::vector<std::string>> parse_category_list(std::string_view cell) {
  std::vector<std::string> ids;
  const auto& lookup = category_lookup();
  for (const auto& item : split_list(cell, false)) {
    auto it = lookup.find(folded(item));
    if (it == lookup.end()) return std::nullopt;
    ids.push_back(it->second);
  }
  if (ids.empty()) return std::nullopt;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::optional<CostOption> parse_cost(std::string_view cell) {
  std::string f = folded(cell);
  auto words = text::split_words(f);
  if (words.empty()) return std::nullopt;
  auto has = [&](std::initializer_list<std::string_view> any) { return has_word(words, any); };
  if (has({"gratis", "gratuit", "gratuite", "free", "kosteloos"})) return CostOption{"free", std::nullopt, ""};
  if (has({"inkomen", "inkomensgerelateerd", "revenu", "revenus", "income"}))
    return CostOption{"income_related", std::nullopt, text::trimmed(cell)};
  // An amount: "€ 5,50", "5.50 EUR", "12 euro per maand".
  std::string number;
  bool seen_digit = false;
  for (char c : cell) {
    if (c >= '0' && c <= '9') number += c, seen_digit = true;
    else if ((c == ',' || c == '.') && seen_digit && number.find_first_of(",.") == std::string::npos) number += c;
    else if (seen_digit) break;
  }
  if (seen_digit) {
    auto amount = parse_decimal(number);
    if (!amount || *amount < 0 || *amount > 100000) return std::nullopt;
    if (*amount == 0) return CostOption{"free", std::nullopt, ""};
    return CostOption{"paid", *amount, text::trimmed(cell)};
  }
  if (has({"betalend", "betaald", "betalen", "payant", "payante", "paid", "fee"}))
    return CostOption{"paid", std::nullopt, text::trimmed(cell)};
  return std::nullopt;
}

ImportPlan plan_import(store::Connection& c, const SheetTable& table, const Mapping& mapping) {
  ImportPlan plan;
  Planner planner(c, mapping);
  std::set<std::string> new_organizations;
  for (const auto& row : table.rows) {
    PlannedRow p = planner.plan_row(row);
    // The first row that needs a new organisation creates it.
    if (p.action != RowAction::error && p.service.organization_id.empty())
      p.new_organization = new_organizations.insert(folded(p.organization_name)).second;
    switch (p.action) {
      case RowAction::create: ++plan.creates; break;
      case RowAction::update: ++plan.updates; break;
      case RowAction::unchanged: ++plan.unchanged; break;
      case RowAction::error: ++plan.errors; break;
    }
    if (p.new_organization && p.action != RowAction::error) ++plan.new_organizations;
    plan.rows.push_back(std::move(p));
  }
  plan.fingerprint = fingerprint_of(plan);
  return plan;
}

ImportResult apply_import(store::Connection& c, ImportPlan& plan, const Actor& actor) {
  ImportResult result;
  std::map<std::string, std::string> created_organizations;  // folded name → id
  for (auto& row : plan.rows) {
    if (row.action == RowAction::error) {
      ++result.skipped;
      continue;
    }
    if (row.action == RowAction::unchanged) {
      ++result.unchanged;
      continue;
    }
    Service s = row.service;
    if (s.organization_id.empty()) {
      std::string key = folded(row.organization_name);
      auto it = created_organizations.find(key);
      if (it == created_organizations.end()) {
        Organization o;
        o.name.nl = row.organization_name;
        create_record(c, o, actor);
        it = created_organizations.emplace(key, o.id).first;
        ++result.organizations_created;
      }
      s.organization_id = it->second;
    }
    // The address: a location of the organisation at that address (found or
    // created), linked instead of the others; other services keep theirs.
    if (row.address && !find_linked_location(c, s.location_ids, *row.address)) {
      auto location_id = find_org_location(c, s.organization_id, *row.address);
      if (!location_id) {
        Location l;
        l.organization_id = s.organization_id;
        l.name.nl = row.organization_name;
        l.address = *row.address;
        create_record(c, l, actor);
        location_id = l.id;
      }
      s.location_ids = {*location_id};
    }
    if (row.action == RowAction::create) {
      create_record(c, s, actor);
      ++result.created;
    } else {
      update_record(c, s, s.stamp.updated_at, actor);
      ++result.updated;
    }
    result.service_ids.push_back(s.id);
  }
  return result;
}

}  // namespace samen::directory
