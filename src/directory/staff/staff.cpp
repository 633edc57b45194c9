// The staff pages of the service map (/directory): lists, record pages with
// their change history, create / edit / archive / restore forms for
// organisations, services, locations and teams, "mark as verified", and the
// work lists (needs review, missing translations). Permissions per record
// come from permissions.hpp; writes go through editing.hpp.
#include <algorithm>

#include "app/api.hpp"
#include "core/brussels.hpp"
#include "documents/download.hpp"
#include "directory/model/editing.hpp"
#include "directory/model/link_requests.hpp"
#include "directory/module.hpp"
#include "directory/staff/staff_view.hpp"
#include "util/text.hpp"

namespace samen::directory {

namespace {

using app::Context;
using app::HttpError;

// ---- small helpers ------------------------------------------------------------------

std::string list_href(RecordKind k) { return "/directory/" + std::string(kind_plural(k)); }
std::string record_href(RecordKind k, const std::string& id) { return list_href(k) + "/" + http::url_encode(id); }
std::string kind_label(const Context& ctx, RecordKind k) { return ctx.t("staff.kind." + std::string(kind_name(k))); }
std::string kinds_label(const Context& ctx, RecordKind k) { return ctx.t("staff.kinds." + std::string(kind_plural(k))); }
std::string new_label(const Context& ctx, RecordKind k) { return ctx.t("staff.new." + std::string(kind_name(k))); }

std::string id_param(Context& ctx) {
  std::string id = ctx.param("id");
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

const accounts::User& me(const Context& ctx) { return *ctx.user(); }

// "temporarily closed" → "staff.status.temporarily_closed"
std::string status_key(std::string status) {
  std::replace(status.begin(), status.end(), ' ', '_');
  return "staff.status." + status;
}

std::string date_text(const Context& ctx, std::int64_t t) {
  return i18n::format_time(ctx.lang, t, i18n::DateStyle::medium_date);
}

std::string number_text(const Context& ctx, double v) { return i18n::format_number(ctx.lang, v, 2); }

// The name of an active-or-archived record of a kind, or the id when gone.
std::string name_of(store::Connection& c, const std::string& table, const std::string& id) {
  auto r = c.exec("SELECT name FROM " + table + " WHERE id = ?", {id});
  return r.empty() ? id : r.rows[0].text(0);
}

std::vector<Option> to_options(const std::vector<Choice>& choices) {
  std::vector<Option> out;
  for (const auto& ch : choices) out.push_back({ch.id, ch.name});
  return out;
}

// Adds options for chosen values that the list lacks (a link to another
// organisation's location stays when a partner saves the form).
void keep_chosen(store::Connection& c, std::vector<Option>& options, const std::vector<std::string>& chosen,
                 const std::string& table) {
  for (const auto& v : chosen)
    if (!v.empty() && std::none_of(options.begin(), options.end(), [&](const Option& o) { return o.value == v; }))
      options.push_back({v, name_of(c, table, v)});
}

// ---- forms per kind ---------------------------------------------------------------------

Organization read_form(const http::Form& f, FieldErrors& e, const Organization*) { return organization_from_form(f, e); }
Service read_form(const http::Form& f, FieldErrors& e, const Service*) { return service_from_form(f, e); }
Location read_form(const http::Form& f, FieldErrors& e, const Location*) { return location_from_form(f, e); }
Team read_form(const http::Form& f, FieldErrors& e, const Team*) { return team_from_form(f, e); }

// What the form does not edit stays as it was: the verification is its own
// button, not a form field.
Team keep_unedited(const Team&, Team next) { return next; }
template <class R>  // Organization, Service, Location
R keep_unedited(const R& current, R next) {
  next.assured_date = current.assured_date;
  next.assurer_email = current.assurer_email;
  return next;
}

std::vector<Option> organization_options(Context& ctx, store::Connection& c, const http::Form& values) {
  std::vector<Option> options{{"", ctx.t("staff.choose")}};
  for (auto& o : to_options(record_choices(c, RecordKind::organization, core::own_organizations(me(ctx))))) options.push_back(o);
  keep_chosen(c, options, {values.get("organization_id")}, "organizations");
  return options;
}

void describe(FormView& v, Context& ctx, store::Connection& c, const http::Form& values, const Organization*) {
  (void)c;
  (void)values;
  (void)ctx;
  v.heading("staff.section.basics");
  v.translated("name", false, true);
  v.translated("description", true, false);
  v.input("alternate_name");
  v.input("legal_status");
  v.heading("staff.section.contact");
  v.input("email", "email");
  v.input("website", "url", false, "staff.hint.url");
  v.rows(phone_rows(), {});
}

void describe(FormView& v, Context& ctx, store::Connection& c, const http::Form& values, const Service*) {
  v.heading("staff.section.basics");
  v.select("organization_id", organization_options(ctx, c, values), true);
  v.translated("name", false, true, "staff.hint.fr_wanted");
  v.translated("description", true, true, "staff.hint.fr_wanted");
  v.input("alternate_name");
  std::vector<Option> statuses;
  for (auto s : kServiceStatuses) statuses.push_back({std::string(s), ctx.t(status_key(std::string(s)))});
  v.select("status", statuses, true);
  v.heading("staff.section.who");
  v.input("minimum_age", "number", false, "staff.hint.age");
  v.input("maximum_age", "number", false, "staff.hint.age");
  v.translated("eligibility_description", true, false);
  std::vector<Option> languages;
  for (const auto& code : known_language_codes())
    languages.push_back({code, language_display_name(code, i18n::code(ctx.lang))});
  for (const auto& code : values.all("languages"))
    if (std::none_of(languages.begin(), languages.end(), [&](const Option& o) { return o.value == code; }))
      languages.push_back({code, language_display_name(code, i18n::code(ctx.lang))});
  v.checks("languages", languages);
  std::vector<Option> categories;
  for (const auto& t : term_choices(c, ctx.lang)) categories.push_back({t.id, t.label, !t.parent_id.empty()});
  v.checks("categories", categories);
  v.heading("staff.section.access");
  v.translated("application_process", true, false);
  std::vector<Option> costs{{"", ctx.t("staff.cost.unknown")}};
  for (auto o : kCostOptions) costs.push_back({std::string(o), ctx.t("staff.cost." + std::string(o))});
  v.select("cost", costs);
  v.input("cost_amount", "number", false, "staff.hint.amount");
  v.input("cost_amount_description");
  v.translated("fees_description", true, false);
  v.heading("staff.section.where");
  auto own = core::own_organizations(me(ctx));
  auto locations = to_options(record_choices(c, RecordKind::location, own));
  keep_chosen(c, locations, values.all("locations"), "locations");
  // A partner may also ask for another organisation's location: the link
  // then waits for that organisation's consent (link_requests.hpp).
  if (own)
    for (auto& o : to_options(record_choices(c, RecordKind::location, std::nullopt)))
      if (std::none_of(locations.begin(), locations.end(), [&](const Option& l) { return l.value == o.value; }))
        locations.push_back({o.value, o.label + " (" + ctx.t("staff.link_requests.needs_consent") + ")"});
  v.checks("locations", locations, "staff.hint.locations");
  v.rows(hours_rows(), {}, 4);
  v.rows(exception_rows(), {}, 2);
  v.heading("staff.section.contact");
  v.input("url", "url", false, "staff.hint.url");
  v.input("email", "email");
  v.rows(contact_rows(), {}, 2);
  v.rows(phone_rows(), {}, 2);
}

void describe(FormView& v, Context& ctx, store::Connection& c, const http::Form& values, const Location*) {
  v.heading("staff.section.basics");
  v.select("organization_id", organization_options(ctx, c, values), true);
  v.translated("name", false, true);
  v.translated("description", true, false);
  v.input("alternate_name");
  v.heading("staff.section.address");
  v.input("address_1", "text", false, "staff.hint.address_1");
  v.input("address_2");
  v.input("postal_code", "text", false, "staff.hint.postcode");
  v.input("city", "text", false, "staff.hint.city");
  v.input("latitude", "number", false, "staff.hint.coordinates");
  v.input("longitude", "number", false, "staff.hint.coordinates");
  v.input("transportation");
  v.heading("staff.section.contact");
  v.input("url", "url", false, "staff.hint.url");
  v.rows(phone_rows(), {}, 2);
}

void describe(FormView& v, Context& ctx, store::Connection& c, const http::Form& values, const Team*) {
  v.heading("staff.section.basics");
  v.translated("name", false, true);
  v.translated("description", true, false);
  std::vector<Option> kinds;
  for (auto k : kTeamKinds) kinds.push_back({std::string(k), ctx.t("staff.team_kind." + std::string(k))});
  v.select("kind", kinds, true);
  std::vector<Option> parents{{"", ctx.t("staff.none")}};
  for (auto& o : to_options(record_choices(c, RecordKind::team))) parents.push_back(o);
  keep_chosen(c, parents, {values.get("parent_id")}, "teams");
  v.select("parent_id", parents, false, "staff.hint.parent");
  v.heading("staff.section.area");
  v.rows(area_rows(), municipality_options(ctx, true), 3);
  auto members = to_options(record_choices(c, RecordKind::organization));
  keep_chosen(c, members, values.all("members"), "organizations");
  v.checks("members", members);
}

template <class R>
http::Response form_page(Context& ctx, const http::Form& values, const FieldErrors& errors, const std::string& id,
                         int status, bool stale = false) {
  constexpr RecordKind kind = Traits<R>::kind;
  web::Dict d = ctx.content_dict();
  std::string title;
  if (id.empty()) {
    title = new_label(ctx, kind);
    d.SetValue("ACTION", list_href(kind));
    d.SetValue("BACK_HREF", list_href(kind));
    d.SetValue("BACK_LABEL", kinds_label(ctx, kind));
  } else {
    title = ctx.tf("staff.edit_title", {{"name", values.get("name")}});
    d.SetValue("ACTION", record_href(kind, id));
    d.SetValue("BACK_HREF", record_href(kind, id));
    d.SetValue("BACK_LABEL", ctx.t("staff.back_to_record"));
  }
  d.SetValue("HEADING", title);
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", record_href(kind, id), "STALE");
  auto lease = ctx.app.db().acquire();
  FormView v(ctx, d, values, errors);
  describe(v, ctx, *lease, values, static_cast<const R*>(nullptr));
  v.finish();
  return ctx.page("directory_form", title, d, status);
}

// ---- record pages -----------------------------------------------------------------------

void translated_fact(Facts& f, const Context& ctx, const std::string& field, const Translated& t) {
  if (t.nl.empty() && t.fr.empty() && t.en.empty()) return;
  f.add(field_label(ctx, field));
  for (auto l : i18n::kLangs) {
    const std::string& text = t.in(l);
    if (text.empty()) continue;
    std::string code(i18n::code(l));
    f.line(ctx.t("lang." + code) + ": " + text, "", code);
  }
}

void phones_fact(Facts& f, const Context& ctx, const std::vector<Phone>& phones) {
  if (phones.empty()) return;
  f.add(field_label(ctx, "phones"));
  for (const auto& p : phones)
    f.line(p.number + (p.type.empty() ? "" : " (" + p.type + ")") + (p.description.empty() ? "" : " — " + p.description),
           "tel:" + p.number);
}

void link_fact(Facts& f, const Context& ctx, const std::string& field, const std::string& url) {
  if (url.empty()) return;
  f.add(field_label(ctx, field)).line(url, valid_url(url) ? url : "");
}

void related(web::Dict& d, const Context& ctx, const std::string& title, RecordKind k, store::Result rows) {
  if (rows.empty()) return;
  d.ShowSection("HAS_RELATED");
  d.SetValue("RELATED_TITLE", title);
  for (const auto& row : rows.rows) {
    web::Dict* r = d.AddSectionDictionary("RELATED");
    r->SetValue("HREF", record_href(k, row.text(0)));
    r->SetValue("TEXT", row.text(1));
    if (!row.is_null(2)) r->SetValueAndShowSection("ARCHIVED_TEXT", ctx.t("staff.archived"), "RELATED_ARCHIVED");
  }
}

// Last verified, and by whom (organisations, services, locations).
template <class R>
void verified_fact(Facts& f, const Context& ctx, const R& r) {
  f.add(field_label(ctx, "assured_date"))
      .line(r.assured_date.empty() ? ctx.t("staff.review.never")
                                   : r.assured_date + (r.assurer_email.empty() ? "" : " (" + r.assurer_email + ")"));
}

void facts(Context& ctx, store::Connection& c, const Organization& o, web::Dict& d) {
  Facts f(d);
  translated_fact(f, ctx, "name", o.name);
  translated_fact(f, ctx, "description", o.description);
  f.text(field_label(ctx, "alternate_name"), o.alternate_name);
  f.text(field_label(ctx, "legal_status"), o.legal_status);
  if (!o.email.empty()) f.add(field_label(ctx, "email")).line(o.email, "mailto:" + o.email);
  link_fact(f, ctx, "website", o.website);
  phones_fact(f, ctx, o.phones);
  verified_fact(f, ctx, o);
  related(d, ctx, kinds_label(ctx, RecordKind::service), RecordKind::service,
          c.exec("SELECT id, name, archived_at FROM services WHERE organization_id = ? ORDER BY LOWER(name)", {o.id}));
  auto locations = c.exec("SELECT id, name FROM locations WHERE organization_id = ? ORDER BY LOWER(name)", {o.id});
  if (!locations.empty()) {
    f.add(kinds_label(ctx, RecordKind::location));
    for (const auto& row : locations.rows) f.line(row.text(1), record_href(RecordKind::location, row.text(0)));
  }
}

void facts(Context& ctx, store::Connection& c, const Service& s, web::Dict& d) {
  Facts f(d);
  f.add(field_label(ctx, "organization_id"))
      .line(name_of(c, "organizations", s.organization_id), record_href(RecordKind::organization, s.organization_id));
  f.text(field_label(ctx, "status"), ctx.t(status_key(s.status)));
  translated_fact(f, ctx, "name", s.name);
  translated_fact(f, ctx, "description", s.description);
  f.text(field_label(ctx, "alternate_name"), s.alternate_name);
  if (s.minimum_age || s.maximum_age)
    f.add(ctx.t("staff.field.ages"))
        .line((s.minimum_age ? number_text(ctx, *s.minimum_age) : "…") + " – " +
              (s.maximum_age ? number_text(ctx, *s.maximum_age) : "…"));
  translated_fact(f, ctx, "eligibility_description", s.eligibility_description);
  if (!s.languages.empty()) {
    f.add(field_label(ctx, "languages"));
    for (const auto& code : s.languages) f.line(language_display_name(code, i18n::code(ctx.lang)));
  }
  if (!s.categories.empty()) {
    f.add(field_label(ctx, "categories"));
    auto terms = term_choices(c, ctx.lang);
    for (const auto& id : s.categories) {
      auto it = std::find_if(terms.begin(), terms.end(), [&](const TermChoice& t) { return t.id == id; });
      f.line(it == terms.end() ? id : it->label);
    }
  }
  translated_fact(f, ctx, "application_process", s.application_process);
  if (s.cost) {
    std::string text = ctx.t("staff.cost." + s.cost->option);
    if (s.cost->amount) text += ": " + number_text(ctx, *s.cost->amount) + " EUR";
    if (!s.cost->amount_description.empty()) text += " (" + s.cost->amount_description + ")";
    f.add(field_label(ctx, "cost")).line(text);
  }
  translated_fact(f, ctx, "fees_description", s.fees_description);
  if (!s.location_ids.empty()) {
    f.add(field_label(ctx, "locations"));
    for (const auto& id : s.location_ids) f.line(name_of(c, "locations", id), record_href(RecordKind::location, id));
  }
  if (!s.hours.empty()) {
    f.add(field_label(ctx, "hours"));
    for (const auto& h : s.hours) f.line(weekday_label(ctx, h.weekday) + " " + h.opens_at + "–" + h.closes_at);
  }
  if (!s.exceptions.empty()) {
    f.add(field_label(ctx, "exceptions"));
    for (const auto& x : s.exceptions)
      f.line(x.starts_on + (x.ends_on != x.starts_on ? " – " + x.ends_on : "") + ": " +
             (x.closed ? ctx.t("staff.exception.closed") : x.opens_at + "–" + x.closes_at) +
             (x.description.empty() ? "" : " (" + x.description + ")"));
  }
  link_fact(f, ctx, "url", s.url);
  if (!s.email.empty()) f.add(field_label(ctx, "email")).line(s.email, "mailto:" + s.email);
  if (!s.contacts.empty()) {
    f.add(field_label(ctx, "contacts"));
    for (const auto& ct : s.contacts)
      f.line(ct.name + (ct.title.empty() ? "" : ", " + ct.title) + (ct.email.empty() ? "" : " <" + ct.email + ">"));
  }
  phones_fact(f, ctx, s.phones);
  verified_fact(f, ctx, s);
}

void facts(Context& ctx, store::Connection& c, const Location& l, web::Dict& d) {
  Facts f(d);
  f.add(field_label(ctx, "organization_id"))
      .line(name_of(c, "organizations", l.organization_id), record_href(RecordKind::organization, l.organization_id));
  translated_fact(f, ctx, "name", l.name);
  translated_fact(f, ctx, "description", l.description);
  f.text(field_label(ctx, "alternate_name"), l.alternate_name);
  if (!l.address.empty()) {
    f.add(ctx.t("staff.field.address")).line(l.address.address_1);
    if (!l.address.address_2.empty()) f.line(l.address.address_2);
    std::string place = l.address.postal_code + " " + l.address.city;
    if (const core::Municipality* m = core::municipality_for_postcode(l.address.postal_code))
      if (m->name(ctx.lang) != l.address.city) place += " (" + m->name(ctx.lang) + ")";
    f.line(place);
  }
  if (l.latitude && l.longitude)
    f.add(ctx.t("staff.field.coordinates"))
        .line(number_text(ctx, *l.latitude) + ", " + number_text(ctx, *l.longitude));
  f.text(field_label(ctx, "transportation"), l.transportation);
  link_fact(f, ctx, "url", l.url);
  phones_fact(f, ctx, l.phones);
  verified_fact(f, ctx, l);
  related(d, ctx, ctx.t("staff.related.services_here"), RecordKind::service,
          c.exec("SELECT s.id, s.name, s.archived_at FROM services s JOIN service_at_location sal ON sal.service_id = "
                 "s.id WHERE sal.location_id = ? ORDER BY LOWER(s.name)",
                 {l.id}));
}

void facts(Context& ctx, store::Connection& c, const Team& t, web::Dict& d) {
  Facts f(d);
  f.text(field_label(ctx, "kind"), ctx.t("staff.team_kind." + t.kind));
  if (!t.parent_id.empty())
    f.add(field_label(ctx, "parent_id")).line(name_of(c, "teams", t.parent_id), record_href(RecordKind::team, t.parent_id));
  translated_fact(f, ctx, "name", t.name);
  translated_fact(f, ctx, "description", t.description);
  if (!t.areas.empty()) {
    f.add(field_label(ctx, "areas"));
    for (const auto& a : t.areas) {
      const core::Municipality* m = core::municipality_by_nis(a.municipality);
      f.line((m ? m->name(ctx.lang) : a.municipality) + (a.neighbourhood.empty() ? "" : " — " + a.neighbourhood));
    }
  }
  if (!t.member_ids.empty()) {
    f.add(field_label(ctx, "members"));
    for (const auto& id : t.member_ids)
      f.line(name_of(c, "organizations", id), record_href(RecordKind::organization, id));
  }
  related(d, ctx, ctx.t("staff.related.subteams"), RecordKind::team,
          c.exec("SELECT id, name, archived_at FROM teams WHERE parent_id = ? ORDER BY LOWER(name)", {t.id}));
}

std::string shorten(const std::string& s, std::size_t max = 300) {
  if (s.size() <= max) return s;
  return std::string(text::utf8_prefix(s, max)) + "…";
}

void history_rows(Context& ctx, store::Connection& c, RecordKind k, const std::string& id, web::Dict& d) {
  auto rows = history(c, k, id);
  if (rows.empty()) d.ShowSection("NO_HISTORY");
  else d.ShowSection("HAS_HISTORY");
  for (const auto& h : rows) {
    web::Dict* r = d.AddSectionDictionary("HISTORY");
    r->SetValue("DATE", h.date);
    std::string action_key = "staff.action." + h.action;
    r->SetValue("ACTION", ctx.app.catalog().has(ctx.lang, action_key) ? ctx.t(action_key) : h.action);
    std::string base = h.field.substr(0, h.field.find('.'));
    r->SetValue("FIELD", ctx.app.catalog().has(ctx.lang, "staff.field." + base) ? field_label(ctx, h.field) : h.field);
    r->SetValue("PREVIOUS", shorten(h.previous));
    r->SetValue("REPLACEMENT", shorten(h.replacement));
    r->SetValue("BY", h.updated_by);
  }
}

template <class R>  // Organization, Service, Location
bool review_due(const Context& ctx, const R& r) { return r.assured_date.empty() || r.assured_date < review_cutoff(ctx.now); }
bool review_due(const Context&, const Team&) { return false; }
bool lacks_french(const Service& s) { return !missing_french(s).empty(); }
bool lacks_french(const Organization&) { return false; }
bool lacks_french(const Location&) { return false; }
bool lacks_french(const Team&) { return false; }

template <class R>
http::Response view(Context& ctx) {
  constexpr RecordKind kind = Traits<R>::kind;
  std::string id = id_param(ctx);
  auto lease = ctx.app.db().acquire();
  R r = load_or_404<R>(*lease, id);
  web::Dict d = ctx.content_dict();
  d.SetValue("NAME", r.name.best(ctx.lang));
  d.SetValue("KIND_LABEL", kind_label(ctx, kind));
  d.SetValue("BACK_HREF", list_href(kind));
  d.SetValue("BACK_LABEL", kinds_label(ctx, kind));
  d.SetValue("UPDATED_AT", std::to_string(r.stamp.updated_at));
  d.SetValue("ARCHIVED_TEXT", ctx.t("staff.archived"));
  const auto& user = me(ctx);
  std::string owner = Traits<R>::owner(r);
  bool active = !r.stamp.archived_at;
  if (!active) d.ShowSection("ARCHIVED");
  bool can_edit = active && may_edit(user, kind, owner);
  bool can_archive = may_archive(user, kind, owner);
  if (can_edit) d.SetValueAndShowSection("EDIT_HREF", record_href(kind, id) + "/edit", "CAN_EDIT");
  if (can_edit && verified_kind(kind) && may_verify(user))
    d.SetValueAndShowSection("VERIFY_HREF", record_href(kind, id) + "/verify", "CAN_VERIFY");
  if (can_archive && active) d.SetValueAndShowSection("ARCHIVE_HREF", record_href(kind, id) + "/archive", "CAN_ARCHIVE");
  if (can_archive && !active) d.SetValueAndShowSection("RESTORE_HREF", record_href(kind, id) + "/restore", "CAN_RESTORE");
  if (!can_edit && !can_archive) d.ShowSection("READ_ONLY");
  if (active && review_due(ctx, r)) d.ShowSection("REVIEW_DUE");
  if (active && lacks_french(r)) d.ShowSection("MISSING_FR");
  facts(ctx, *lease, r, d);
  history_rows(ctx, *lease, kind, id, d);
  // Later modules' parts of this record's page (e.g. a setting's transitions on a service).
  for (auto& html : ctx.app.routes().render_record_panels("directory." + std::string(kind_name(kind)), ctx, *lease, id))
    d.SetValueAndShowSection("PANEL_HTML", html, "RECORD_PANELS");
  return ctx.page("directory_record", r.name.best(ctx.lang), d);
}

// ---- writes ---------------------------------------------------------------------------------

template <class R>
http::Response new_page(Context& ctx) {
  constexpr RecordKind kind = Traits<R>::kind;
  http::Fields defaults;
  if constexpr (kind == RecordKind::service || kind == RecordKind::location) {
    auto own = core::own_organizations(me(ctx));
    if (own && own->empty()) throw HttpError(403, "forbidden", "staff.error.no_organizations");
    if (own && own->size() == 1) defaults.emplace_back("organization_id", own->front());
    if (kind == RecordKind::service) defaults.emplace_back("status", "active");
  }
  if constexpr (kind == RecordKind::team) defaults.emplace_back("kind", "local_team");
  return form_page<R>(ctx, http::Form(defaults), {}, "", 200);
}

// The notice after a save: a link that waits for another organisation's consent is said so.
std::string saved_notice(const WriteOutcome& out) {
  bool asked = std::any_of(out.changes.begin(), out.changes.end(),
                           [](const FieldChange& c) { return c.field == "location_requests"; });
  return asked ? "?done=link_requested" : "?done=saved";
}

template <class R>
http::Response create(Context& ctx) {
  constexpr RecordKind kind = Traits<R>::kind;
  const auto& f = ctx.form();
  FieldErrors parse_errors;
  R record = read_form(f, parse_errors, static_cast<const R*>(nullptr));
  try {
    auto out = create_checked(ctx, std::move(record), parse_errors);
    return http::Response::redirect(record_href(kind, out.id) + saved_notice(out));
  } catch (const ValidationFailed& e) {
    return form_page<R>(ctx, f, e.errors, "", 422);
  }
}

template <class R>
http::Response edit_page(Context& ctx) {
  constexpr RecordKind kind = Traits<R>::kind;
  std::string id = id_param(ctx);
  R r = [&] {
    auto lease = ctx.app.db().acquire();
    return load_or_404<R>(*lease, id);
  }();
  if (!may_edit(me(ctx), kind, Traits<R>::owner(r))) throw HttpError(403, "forbidden", "staff.error.not_yours");
  if (r.stamp.archived_at) throw HttpError(409, "archived", "error.archived_record");
  return form_page<R>(ctx, http::Form(form_fields(r)), {}, id, 200);
}

template <class R>
http::Response update(Context& ctx) {
  constexpr RecordKind kind = Traits<R>::kind;
  std::string id = id_param(ctx);
  const auto& f = ctx.form();
  FieldErrors parse_errors;
  R posted = read_form(f, parse_errors, static_cast<const R*>(nullptr));
  try {
    auto out = update_checked<R>(
        ctx, id,
        [&](const R& current) {
          if (!parse_errors.empty()) {
            // Shape errors first, with the rest of the validation.
            FieldErrors all = parse_errors;
            for (auto& [k, v] : validate(posted)) all.emplace(k, v);
            throw ValidationFailed(all);
          }
          return keep_unedited(current, posted);
        },
        form_updated_at(f));
    return http::Response::redirect(record_href(kind, id) + saved_notice(out));
  } catch (const ValidationFailed& e) {
    return form_page<R>(ctx, f, e.errors, id, 422);
  } catch (const StaleRecord&) {
    return form_page<R>(ctx, f, {}, id, 409, true);
  } catch (const ArchivedRecord&) {
    throw HttpError(409, "archived", "error.archived_record");
  }
}

template <class R>
http::Response set_archive(Context& ctx, bool archive) {
  constexpr RecordKind kind = Traits<R>::kind;
  std::string id = id_param(ctx);
  try {
    archive_checked<R>(ctx, id, archive, form_updated_at(ctx.form()));
  } catch (const StaleRecord&) {
    throw HttpError(409, "conflict", "error.stale_record");
  }
  return http::Response::redirect(record_href(kind, id) + (archive ? "?done=staff_archived" : "?done=staff_restored"));
}

template <class R>  // Organization, Service, Location
http::Response verify(Context& ctx) {
  std::string id = id_param(ctx);
  std::string today = iso_date(ctx.now);
  try {
    update_checked<R>(
        ctx, id,
        [&](const R& current) {
          R next = current;
          next.assured_date = today;
          next.assurer_email = me(ctx).email;
          return next;
        },
        std::nullopt, "verify");
  } catch (const ValidationFailed&) {
    // A record that no longer passes today's rules must be corrected first.
    throw HttpError(422, "validation", "staff.error.verify_invalid");
  } catch (const ArchivedRecord&) {
    throw HttpError(409, "archived", "error.archived_record");
  }
  return http::Response::redirect(record_href(Traits<R>::kind, id) + "?done=staff_verified");
}

// ---- lists --------------------------------------------------------------------------------

struct ListPage {
  std::string heading, intro, context_label, base_href;
  bool search = true, assured = false;
};

// At most this many rows leave in one CSV/XLSX export of a list.
constexpr std::int64_t kMaxExportRows = 100000;

http::Response list_page(Context& ctx, const ListPage& p, RecordKind k, const SummaryPage& page,
                         const app::PageRequest& req, const ListQuery& q, bool can_create) {
  web::Dict d = ctx.content_dict();
  d.SetValue("HEADING", p.heading);
  if (!p.intro.empty()) d.SetValueAndShowSection("INTRO", p.intro, "HAS_INTRO");
  if (can_create) {
    d.ShowSection("CAN_CREATE");
    d.SetValue("NEW_HREF", list_href(k) + "/new");
    d.SetValue("NEW_LABEL", new_label(ctx, k));
  }
  if (p.search) {
    d.ShowSection("HAS_SEARCH");
    d.SetValue("SEARCH_ACTION", p.base_href);
    d.SetValue("Q", q.text);
    d.ShowSection(q.archived ? "SHOWING_ARCHIVED" : "SHOWING_ACTIVE");
    d.SetValue("ACTIVE_HREF", p.base_href);
    d.SetValue("ARCHIVED_HREF", p.base_href + "?archived=1");
  }
  d.SetValue("CONTEXT_LABEL", p.context_label);
  d.SetValue("TOTAL", ctx.tf("staff.list.total", {{"count", page.total}}));
  if (!page.items.empty()) d.ShowSection("HAS_ITEMS");
  if (auto cut = documents::export_cut_notice(ctx, page.total, kMaxExportRows); !cut.empty())
    d.SetValueAndShowSection("EXPORT_CUT_TEXT", cut, "EXPORT_CUT");
  if (p.assured) d.ShowSection("SHOW_ASSURED");
  for (const auto& item : page.items) {
    web::Dict* r = d.AddSectionDictionary("ITEMS");
    r->SetValue("HREF", record_href(k, item.id));
    r->SetValue("NAME", item.name);
    r->SetValue("CONTEXT", item.organization_name.empty() ? "—" : item.organization_name);
    if (p.assured) {
      r->ShowSection("SHOW_ASSURED");
      r->SetValue("ASSURED", item.assured_date.empty() ? ctx.t("staff.review.never") : item.assured_date);
    }
    r->SetValue("UPDATED", date_text(ctx, item.updated_at));
  }
  std::string query = p.base_href + "?q=" + http::url_encode(q.text) + (q.archived ? "&archived=1" : "");
  if (!page.items.empty()) {
    d.SetValue("CSV_HREF", query + "&format=csv");
    d.SetValue("XLSX_HREF", query + "&format=xlsx");
  }
  std::string base = query + "&page=";
  if (req.page > 1) d.SetValueAndShowSection("PREV_HREF", base + std::to_string(req.page - 1), "PREV");
  if (req.offset() + req.per_page < page.total)
    d.SetValueAndShowSection("NEXT_HREF", base + std::to_string(req.page + 1), "NEXT");
  return ctx.page("directory_list", p.heading, d);
}

// The ?format=csv|xlsx answer of a list: every record the list's query
// matches (not only the page shown), in the columns the page shows; nullopt
// for the HTML page.
template <class Fetch>
std::optional<http::Response> list_download(Context& ctx, const ListPage& p, ListQuery q, const Fetch& fetch) {
  auto format = documents::table_format(ctx);
  if (format == documents::TableFormat::html) return std::nullopt;
  using documents::ColumnType;
  std::vector<documents::Column> columns{{ctx.t("staff.field.name"), ColumnType::text}, {p.context_label, ColumnType::text}};
  if (p.assured) columns.push_back({ctx.t("staff.field.assured_date"), ColumnType::text});
  columns.push_back({ctx.t("staff.list.updated"), ColumnType::date_time});
  documents::Table table(std::move(columns));
  q.offset = 0;
  q.limit = kMaxExportRows;
  auto fetched = fetch(q);
  for (const auto& item : fetched.items) {
    std::vector<documents::Cell> cells{item.name, item.organization_name};
    if (p.assured) cells.push_back(item.assured_date);
    cells.push_back(documents::DateTime{item.updated_at});
    table.add_row(std::move(cells));
  }
  documents::note_if_cut(table, ctx, fetched.total);
  std::string stem = p.base_href.substr(std::string_view("/directory/").size());  // "review/locations"
  std::replace(stem.begin(), stem.end(), '/', '-');
  return documents::table_download(table, format, stem);
}

ListQuery list_query(Context& ctx, const app::PageRequest& req) {
  ListQuery q;
  q.text = text::trimmed(ctx.req.query_param("q").value_or("")).substr(0, 200);
  q.archived = ctx.req.query_param("archived").value_or("") == "1";
  q.offset = req.offset();
  q.limit = req.per_page;
  return q;
}

template <class R>
http::Response list(Context& ctx) {
  constexpr RecordKind kind = Traits<R>::kind;
  auto req = app::page_request(ctx, 50, 200);
  ListQuery q = list_query(ctx, req);
  auto lease = ctx.app.db().acquire();
  ListPage p;
  p.heading = kinds_label(ctx, kind);
  p.base_href = list_href(kind);
  p.context_label = kind == RecordKind::team ? field_label(ctx, "parent_id")
                    : kind == RecordKind::organization ? "—" : field_label(ctx, "organization_id");
  p.assured = verified_kind(kind);
  if (auto file = list_download(ctx, p, q, [&](const ListQuery& all) { return list_records(*lease, kind, all); }))
    return std::move(*file);
  auto page = list_records(*lease, kind, q);  // only the page shown (the export reads every row)
  const auto& user = me(ctx);
  return list_page(ctx, p, kind, page, req, q, may_create_some(user, kind));
}

// The needs-review list of a kind: services at /directory/review (where it
// has always been), organisations and locations at /directory/review/<kind>.
std::string review_href(RecordKind k) {
  return k == RecordKind::service ? "/directory/review" : "/directory/review/" + std::string(kind_plural(k));
}
std::string review_key(RecordKind k) {
  return k == RecordKind::service ? "staff.review" : "staff.review." + std::string(kind_plural(k));
}

template <RecordKind K>
http::Response review(Context& ctx) {
  auto req = app::page_request(ctx, 50, 200);
  ListQuery q = list_query(ctx, req);
  q.organizations = core::own_organizations(me(ctx));
  auto lease = ctx.app.db().acquire();
  ListPage p{ctx.t(review_key(K) + ".title"), ctx.t(review_key(K) + ".intro"),
             K == RecordKind::organization ? "—" : field_label(ctx, "organization_id"), review_href(K), false, true};
  if (auto file = list_download(ctx, p, q, [&](const ListQuery& all) { return needs_review(*lease, K, ctx.now, all); }))
    return std::move(*file);
  auto page = needs_review(*lease, K, ctx.now, q);
  return list_page(ctx, p, K, page, req, q, false);
}

http::Response translations(Context& ctx) {
  auto req = app::page_request(ctx, 50, 200);
  ListQuery q = list_query(ctx, req);
  q.organizations = core::own_organizations(me(ctx));
  auto lease = ctx.app.db().acquire();
  ListPage p{ctx.t("staff.translations.title"), ctx.t("staff.translations.intro"), field_label(ctx, "organization_id"),
             "/directory/translations", false, false};
  if (auto file = list_download(ctx, p, q, [&](const ListQuery& all) { return missing_translations(*lease, all); }))
    return std::move(*file);
  auto page = missing_translations(*lease, q);
  return list_page(ctx, p, RecordKind::service, page, req, q, false);
}

http::Response home(Context& ctx) {
  web::Dict d = ctx.content_dict();
  const auto& user = me(ctx);
  auto lease = ctx.app.db().acquire();
  ListQuery count_only;
  count_only.limit = 0;
  for (auto k : kRecordKinds) {
    web::Dict* s = d.AddSectionDictionary("KINDS");
    s->SetValue("KIND", std::string(kind_plural(k)));
    s->SetValue("HREF", list_href(k));
    s->SetValue("LABEL", kinds_label(ctx, k));
    s->SetValue("COUNT", ctx.tf("staff.list.total", {{"count", list_records(*lease, k, count_only).total}}));
    if (may_create_some(user, k)) {
      s->ShowSection("CAN_CREATE");
      s->SetValue("NEW_HREF", list_href(k) + "/new");
      s->SetValue("NEW_LABEL", new_label(ctx, k));
    }
  }
  if (core::partner_editors().allows(user.role)) {
    ListQuery own = count_only;
    own.organizations = core::own_organizations(user);
    web::Dict* w = d.AddSectionDictionary("WORKLISTS");
    w->SetValue("REVIEW_COUNT", ctx.tf("staff.list.total", {{"count", needs_review(*lease, ctx.now, own).total}}));
    for (auto k : {RecordKind::organization, RecordKind::location}) {
      web::Dict* rv = w->AddSectionDictionary("REVIEWS");
      rv->SetValue("KIND", std::string(kind_plural(k)));
      rv->SetValue("HREF", review_href(k));
      rv->SetValue("TITLE", ctx.t(review_key(k) + ".title"));
      rv->SetValue("COUNT", ctx.tf("staff.list.total", {{"count", needs_review(*lease, k, ctx.now, own).total}}));
    }
    w->SetValue("TRANSLATION_COUNT", ctx.tf("staff.list.total", {{"count", missing_translations(*lease, own).total}}));
    auto asked = pending_link_requests(*lease, own.organizations);
    w->SetValue("LINK_REQUEST_COUNT", ctx.tf("staff.list.total", {{"count", static_cast<std::int64_t>(asked.size())}}));
  }
  return ctx.page("directory_home", ctx.t("staff.home.title"), d);
}

// Routes of one kind. `creators` and `archivers` are the route-level roles
// (record-level checks follow inside the handlers).
template <class R>
void register_kind(app::Routes& r, accounts::Access creators, accounts::Access editors, accounts::Access archivers) {
  std::string base = list_href(Traits<R>::kind);
  r.page("GET", base, core::network_readers(), list<R>);
  r.page("GET", base + "/new", creators, new_page<R>);
  r.page("POST", base, creators, create<R>);
  r.page("GET", base + "/{id}", core::network_readers(), view<R>);
  r.page("GET", base + "/{id}/edit", editors, edit_page<R>);
  r.page("POST", base + "/{id}", editors, update<R>);
  r.page("POST", base + "/{id}/archive", archivers, [](Context& ctx) { return set_archive<R>(ctx, true); });
  r.page("POST", base + "/{id}/restore", archivers, [](Context& ctx) { return set_archive<R>(ctx, false); });
}

}  // namespace

void register_staff(app::Routes& r) {
  r.page("GET", "/directory", core::network_readers(), home);
  r.page("GET", "/directory/review", core::partner_editors(), review<RecordKind::service>);
  r.page("GET", "/directory/review/organizations", core::partner_editors(), review<RecordKind::organization>);
  r.page("GET", "/directory/review/locations", core::partner_editors(), review<RecordKind::location>);
  r.page("GET", "/directory/translations", core::partner_editors(), translations);
  register_kind<Organization>(r, core::network_editors(), core::partner_editors(), core::network_editors());
  register_kind<Service>(r, core::partner_editors(), core::partner_editors(), core::partner_editors());
  r.page("POST", "/directory/organizations/{id}/verify", core::partner_editors(), verify<Organization>);
  r.page("POST", "/directory/services/{id}/verify", core::partner_editors(), verify<Service>);
  r.page("POST", "/directory/locations/{id}/verify", core::partner_editors(), verify<Location>);
  register_kind<Location>(r, core::partner_editors(), core::partner_editors(), core::partner_editors());
  register_kind<Team>(r, core::network_editors(), core::network_editors(), core::network_editors());
  r.nav_item({"nav.directory", "/directory", core::network_readers(), "nav.directory.about", 20});
}

}  // namespace samen::directory
