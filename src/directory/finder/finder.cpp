// The public service finder (no login): /services (search form, filters in
// the URL, ranked and paged results with highlighted words, "did you mean",
// list or map), /services/suggest (as-you-type, JSON or <option> HTML),
// /services/map.json (points of the results) and /services/{id}, the page of
// one service. Texts a family reads come in their language or a marked fallback.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/ttl_cache.hpp"
#include "directory/finder/finder_params.hpp"
#include "web/highlight.hpp"
#include "directory/finder/service_view.hpp"
#include "directory/model/records.hpp"
#include "directory/model/schedule.hpp"
#include "directory/module.hpp"
#include "directory/search/search.hpp"
#include "directory/search/service_card.hpp"
#include "util/dates.hpp"
#include "util/text_fold.hpp"

namespace samen::directory {

namespace {

using app::Context;
using app::HttpError;
using web::Dict;
using web::excerpt;
using web::highlight_html;

constexpr std::size_t kSuggestions = 8;
constexpr std::size_t kMaxSuggestPrefix = 100;
constexpr std::array<std::string_view, 7> kDayCodes = {"mo", "tu", "we", "th", "fr", "sa", "su"};

std::string lang_code(const Context& ctx) { return std::string(i18n::code(ctx.lang)); }

std::string service_href(const Context& ctx, const std::string& id) {
  return "/services/" + http::url_encode(id) + "?lang=" + lang_code(ctx);
}

std::string number_text(const Context& ctx, double v) { return i18n::format_number(ctx.lang, v, 1); }

// "0–3 years", "from 6 years", "up to 12 years", or "" when the service names no ages.
std::string ages_text(const Context& ctx, std::optional<double> min, std::optional<double> max) {
  if (min && max) return ctx.tf("finder.ages.range", {{"min", number_text(ctx, *min)}, {"max", number_text(ctx, *max)}});
  if (min) return ctx.tf("finder.ages.from", {{"min", number_text(ctx, *min)}});
  if (max) return ctx.tf("finder.ages.until", {{"max", number_text(ctx, *max)}});
  return {};
}

// Shows section `name` with the language code and the fallback note when the text is not in the reader's language.
void mark_fallback(const Context& ctx, Dict& d, const std::string& name, const ShownText& t) {
  if (!t.fallback || t.empty()) return;
  Dict* s = d.AddSectionDictionary(name);
  s->SetValue("CODE", std::string(i18n::code(t.lang)));
  s->SetValue("NOTE", ctx.t("finder.fallback." + std::string(i18n::code(t.lang))));
}

// Paragraphs of a text (line breaks separate them) as PARAS sections.
void add_paragraphs(Dict& d, std::string_view text) {
  std::string para;
  auto flush = [&] {
    auto b = para.find_first_not_of(" \t\r");
    if (b != std::string::npos) d.SetValueAndShowSection("TEXT", para.substr(b), "PARAS");
    para.clear();
  };
  for (char c : text) {
    if (c == '\n') flush();
    else para += c;
  }
  flush();
}

// A family text as a section with paragraphs, or the "missing" section.
void add_text_section(const Context& ctx, Dict& content, const std::string& name, const ShownText& t,
                      const std::string& missing_section = "") {
  if (t.empty()) {
    if (!missing_section.empty()) content.ShowSection(missing_section);
    return;
  }
  Dict* s = content.AddSectionDictionary(name);
  add_paragraphs(*s, t.text);
  mark_fallback(ctx, content, name + "_FALLBACK", t);
}

// ---- the search page ---------------------------------------------------------------

struct FormChoices {
  std::vector<FilterChoice> municipalities, languages, categories;
};

// The filter choices change rarely (a new category, a service in a new
// language): kept ten seconds per database and language (keyed by the
// database's description, so two databases in one process never share an entry).
FormChoices load_choices(Context& ctx) {
  static app::TtlCache<FormChoices> cache(std::chrono::seconds(10), 256);
  const std::string key = ctx.app.db().describe() + '\x1f' + std::string(i18n::code(ctx.lang));
  return cache.get_or_make(key, [&] {
    auto lease = ctx.app.db().acquire();
    return FormChoices{municipality_choices(ctx.lang), language_choices(search(ctx.app).offered_languages(), ctx.lang),
                       category_choices(*lease, ctx.lang)};
  });
}

FinderRequest read_request(Context& ctx, const FormChoices& choices) {
  FinderEnvironment env;
  env.now = ctx.now;
  env.today = brussels_date(ctx.now);
  env.lang = ctx.lang;
  for (const auto& c : choices.categories) env.category_ids.push_back(c.value);
  return parse_finder_request(http::parse_query_lenient(ctx.req.query), has_unreadable_field(ctx.req.query, "q"), env);
}

std::string problem_message(const Context& ctx, const FinderRequest& r, const std::string& field) {
  for (const auto& p : r.problems)
    if (p.field == field) return ctx.t(p.message_key);
  return {};
}

void add_problem_section(const Context& ctx, Dict& d, const FinderRequest& r, const std::string& field,
                         const std::string& section) {
  if (r.has_problem(field)) d.SetValueAndShowSection("MESSAGE", problem_message(ctx, r, field), section);
}

void add_select(const Context& ctx, Dict& content, const FinderRequest& r, const std::string& name,
                const std::string& label_key, const std::string& any_key, const std::vector<FilterChoice>& choices,
                const std::vector<std::string>& selected) {
  Dict* s = content.AddSectionDictionary("SELECTS");
  s->SetValue("NAME", name);
  s->SetValue("LABEL", ctx.t(label_key));
  s->SetValue("ANY", ctx.t(any_key));
  for (const auto& c : choices) {
    Dict* o = s->AddSectionDictionary("OPTIONS");
    o->SetValue("VALUE", c.value);
    o->SetValue("LABEL", c.depth > 0 ? "\xE2\x80\x94 " + c.label : c.label);  // "— " before a sub-category
    if (std::find(selected.begin(), selected.end(), c.value) != selected.end()) o->ShowSection("SELECTED");
  }
  add_problem_section(ctx, *s, r, name, "PROBLEM");
}

std::vector<FilterChoice> open_choices(const Context& ctx) {
  std::vector<FilterChoice> out{{"now", ctx.t("finder.open.now"), 0}};
  for (std::size_t d = 0; d < kDayCodes.size(); ++d)
    out.push_back({std::string(kDayCodes[d]), ctx.t("finder.open.day." + std::to_string(d)), 0});
  return out;
}

void fill_filters(const Context& ctx, Dict& content, const FinderRequest& r, const FormChoices& choices) {
  content.SetValue("Q", r.q);
  content.SetValue("AGE", r.age);
  content.SetValue("BIRTH", r.birth);
  content.SetValue("TODAY", brussels_date(ctx.now));
  add_problem_section(ctx, content, r, "q", "Q_PROBLEM");
  add_problem_section(ctx, content, r, "age", "AGE_PROBLEM");
  add_problem_section(ctx, content, r, "birth", "BIRTH_PROBLEM");
  add_problem_section(ctx, content, r, "cost", "COST_PROBLEM");
  add_select(ctx, content, r, "municipality", "finder.municipality.label", "finder.municipality.any",
             choices.municipalities, r.municipalities);
  add_select(ctx, content, r, "language", "finder.language.label", "finder.language.any", choices.languages,
             r.languages);
  add_select(ctx, content, r, "category", "finder.category.label", "finder.category.any", choices.categories,
             r.categories);
  add_select(ctx, content, r, "open", "finder.open.label", "finder.open.any", open_choices(ctx),
             r.open.empty() ? std::vector<std::string>{} : std::vector<std::string>{r.open});
  for (std::string cost : {"", "free", "paid", "income_related"}) {
    Dict* c = content.AddSectionDictionary("COSTS");
    c->SetValue("VALUE", cost.empty() ? "any" : cost);
    c->SetValue("LABEL", ctx.t(cost.empty() ? "finder.cost.any" : "finder.cost." + cost));
    if (r.cost == cost) c->ShowSection("CHECKED");
  }
  bool filter_problem = std::any_of(r.problems.begin(), r.problems.end(),
                                    [](const FinderProblem& p) { return p.field != "q" && p.field != "page"; });
  if (r.has_filters() || filter_problem) content.ShowSection("FILTERS_OPEN");
  if (r.has_filters()) {
    content.ShowSection("HAS_FILTERS");
    FinderRequest bare;
    bare.q = r.q;
    bare.query.lang = r.query.lang;
    bare.map_view = r.map_view;
    content.SetValue("CLEAR_HREF", "/services?" + bare.query_string());
    content.SetValue("WITHOUT_FILTERS_HREF", "/services?" + bare.query_string());
  }
  // The search box keeps the filters when a new text is searched.
  auto keep = [&](const std::string& name, const std::string& value) {
    if (value.empty()) return;
    Dict* k = content.AddSectionDictionary("KEEP");
    k->SetValue("NAME", name);
    k->SetValue("VALUE", value);
  };
  if (!r.has_problem("age")) keep("age", r.age);
  if (!r.has_problem("birth") && r.age.empty()) keep("birth", r.birth);
  for (const auto& m : r.municipalities) keep("municipality", m);
  for (const auto& l : r.languages) keep("language", l);
  for (const auto& c : r.categories) keep("category", c);
  keep("cost", r.cost);
  keep("open", r.open);
  if (r.map_view) keep("view", "map");
}

std::string facts_line(const Context& ctx, const ServiceSummary& s) {
  std::vector<std::string> parts;
  if (!s.organization.empty()) parts.push_back(s.organization);
  if (!s.municipalities.empty()) {
    std::string m;
    for (const auto& name : s.municipalities) m += (m.empty() ? "" : ", ") + name;
    parts.push_back(m);
  }
  if (auto ages = ages_text(ctx, s.minimum_age, s.maximum_age); !ages.empty()) parts.push_back(ages);
  for (const auto& c : s.costs) parts.push_back(ctx.t("finder.cost." + c));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " \xC2\xB7 ") + p;
  return out;
}

// The hits' result cards as the reader sees them. A hit without a readable
// card (an index written by another version, until its rebuild) is left out.
std::vector<ServiceSummary> summaries_of(const std::vector<SearchHit>& hits, i18n::Lang reader, std::int64_t now) {
  // Decoded cards by their text: the same popular results come back page
  // after page, and a card's text is its content, so an entry is never stale.
  static app::TtlCache<std::shared_ptr<const ServiceCard>> decoded(std::chrono::minutes(5), 5000);
  std::vector<ServiceSummary> out;
  for (const auto& h : hits) {
    auto card = decoded.get_or_make(h.card, [&]() -> std::shared_ptr<const ServiceCard> {
      auto c = decode_card(h.card);
      return c ? std::make_shared<const ServiceCard>(std::move(*c)) : nullptr;
    });
    if (card) out.push_back(summary_of(h.service_id, *card, reader, now));
    else spdlog::warn("search: service {} has no result card in the index", h.service_id);
  }
  return out;
}

void fill_results(const Context& ctx, Dict& content, const std::vector<ServiceSummary>& summaries,
                  const std::vector<std::string>& highlight) {
  if (summaries.empty()) return;
  content.ShowSection("HAS_RESULTS");
  for (const auto& s : summaries) {
    Dict* d = content.AddSectionDictionary("RESULTS");
    d->SetValue("HREF", service_href(ctx, s.id));
    // Escaped by highlight_html before <mark> is added (see the template's note).
    d->SetValue("NAME_HTML", highlight_html(s.name.text, highlight));
    mark_fallback(ctx, *d, "NAME_FALLBACK", s.name);
    if (!s.description.empty()) {
      Dict* desc = d->AddSectionDictionary("HAS_DESCRIPTION");
      desc->SetValue("DESCRIPTION_HTML", highlight_html(s.description.text, highlight));  // an excerpt already
      mark_fallback(ctx, *desc, "DESCRIPTION_FALLBACK", s.description);
    }
    d->SetValue("FACTS", facts_line(ctx, s));
    if (s.open_now) d->ShowSection("OPEN_NOW");
  }
}

void fill_paging(const Context& ctx, Dict& content, const FinderRequest& r, std::int64_t total) {
  const std::int64_t pages = std::min<std::int64_t>((total + kResultsPerPage - 1) / kResultsPerPage, kMaxPage);
  if (pages <= 1 && r.page <= 1) return;
  Dict* p = content.AddSectionDictionary("PAGINATION");
  p->SetValue("PAGE_TEXT", ctx.tf("finder.page_of", {{"page", std::int64_t{r.page}}, {"pages", std::max<std::int64_t>(pages, 1)}}));
  FinderRequest other = r;
  if (r.page > 1) {
    other.page = std::min<std::int64_t>(r.page - 1, std::max<std::int64_t>(pages, 1));
    p->SetValueAndShowSection("HREF", "/services?" + other.query_string(true), "PREV");
  }
  if (r.page < pages) {
    other.page = r.page + 1;
    p->SetValueAndShowSection("HREF", "/services?" + other.query_string(true), "NEXT");
  }
}

void fill_status(const Context& ctx, Dict& content, const FinderRequest& r, const SearchResult& result) {
  const char* count_key = !result.more_than_total ? "finder.results.count"
                          : result.estimated      ? "finder.results.count_more_estimated"
                                                  : "finder.results.count_more";
  content.SetValue("COUNT_TEXT", ctx.tf(count_key, {{"count", result.total}}));
  if (!r.problems.empty()) {
    Dict* list = content.AddSectionDictionary("PROBLEMS");
    for (const auto& pr : r.problems) {
      Dict* d = list->AddSectionDictionary("PROBLEM");
      d->SetValue("FIELD", pr.field == "page" ? "results-heading" : pr.field == "cost" ? "cost-any" : pr.field);
      d->SetValue("MESSAGE", ctx.t(pr.message_key));
    }
  }
  if (result.did_you_mean && !result.did_you_mean->empty()) {
    FinderRequest fixed = r;
    fixed.q = *result.did_you_mean;
    fixed.page = 1;
    Dict* d = content.AddSectionDictionary("DID_YOU_MEAN");
    d->SetValue("HREF", "/services?" + fixed.query_string());
    d->SetValue("TEXT", *result.did_you_mean);
  }
  if (result.total == 0) content.ShowSection("NO_RESULTS");
}

void fill_views(Context& ctx, Dict& content, const FinderRequest& r) {
  FinderRequest other = r;
  other.map_view = !r.map_view;
  content.SetValue("SHARE_HREF", "/services?" + r.query_string(true));
  if (!r.map_view) {
    content.SetValueAndShowSection("MAP_HREF", "/services?" + other.query_string(), "LIST_VIEW");
    return;
  }
  content.ShowSection("MAP_VIEW");
  content.SetValue("LIST_HREF", "/services?" + other.query_string());
  content.SetValue("POINTS_URL", "/services/map.json?" + r.query_string(false, false));
  content.SetValue("TILE_URL", ctx.app.setting("tile-url"));
  content.SetValue("LEAFLET_CSS", web::asset_url("vendor/leaflet.css"));
  content.SetValue("LEAFLET_JS", web::asset_url("vendor/leaflet.js"));
  content.SetValue("MAP_JS", web::asset_url("js/map.js"));
}

// Milliseconds since `since`, for the Server-Timing header.
double ms_since(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

std::string timing_entry(const char* name, double ms) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s;dur=%.2f", name, ms);
  return buf;
}

http::Response search_page(Context& ctx) {
  const auto started = std::chrono::steady_clock::now();
  const FormChoices choices = load_choices(ctx);
  FinderRequest r = read_request(ctx, choices);
  const double choices_ms = ms_since(started);
  const SearchResult result = search(ctx.app).search(r.query);
  if (result.hits.empty() && result.total > 0 && r.page > 1 && !r.has_problem("page"))
    r.problems.push_back({"page", "finder.problem.page_past_end"});  // a page after the last one
  const auto rendering = std::chrono::steady_clock::now();
  const std::vector<ServiceSummary> summaries = summaries_of(result.hits, ctx.lang, ctx.now);
  Dict content = ctx.content_dict();
  fill_filters(ctx, content, r, choices);
  fill_status(ctx, content, r, result);
  fill_results(ctx, content, summaries, result.highlight);
  // "More than N": at least one page beyond the N (this page is full).
  fill_paging(ctx, content, r, result.more_than_total ? result.total + 1 : result.total);
  fill_views(ctx, content, r);
  content.SetValue("FINDER_JS", web::asset_url("js/finder.js"));
  std::string title = r.q.empty() ? ctx.t("finder.title") : ctx.tf("finder.title_for", {{"q", r.q}});
  http::Response res = ctx.page("finder_search", title, content);
  // The engine's own time beside the rest, for bench/directory.sh and browsers' developer tools.
  res.set_header("Server-Timing", timing_entry("choices", choices_ms) + ", " +
                                      timing_entry("search", result.engine_ms) + ", " +
                                      timing_entry("render", ms_since(rendering)) +
                                      (result.cached ? ", cache;desc=hit" : ""));
  return res;
}

// ---- suggestions and map points -------------------------------------------------------

http::Response suggest(Context& ctx) {
  std::string prefix = text::clean_utf8(ctx.req.query_param("q").value_or(""), kMaxSuggestPrefix);
  std::vector<std::string> items;
  if (prefix.find_first_not_of(' ') != std::string::npos)
    items = search(ctx.app).suggest(prefix, ctx.lang, kSuggestions);
  http::Response res;
  if (ctx.req.query_param("format").value_or("") == "html") {
    std::string html;
    for (const auto& s : items) html += "<option value=\"" + web::html_escape(s) + "\"></option>";
    res = http::Response::html(200, std::move(html));
  } else {
    nlohmann::json j = {{"suggestions", items}};
    res = http::Response::json(200, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return res;
}

http::Response map_points(Context& ctx) {
  const FormChoices choices = load_choices(ctx);
  FinderRequest r = read_request(ctx, choices);
  r.query.offset = 0;
  r.query.limit = kMaxMapPoints;
  const SearchResult result = search(ctx.app).search(r.query);
  std::vector<std::string> ids;
  for (const auto& h : result.hits) ids.push_back(h.service_id);
  std::vector<MapPoint> points;
  {
    auto lease = ctx.app.db().acquire();
    points = load_map_points(*lease, ids, ctx.lang);
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : points)
    list.push_back({{"id", p.service_id}, {"name", p.name}, {"lat", p.latitude}, {"lon", p.longitude},
                    {"url", service_href(ctx, p.service_id)}});
  nlohmann::json j = {{"total", result.total}, {"points", list}};
  return http::Response::json(200, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// ---- the service page ----------------------------------------------------------------

// An ISO date in the reader's language ("25 dec. 2025").
std::string date_text(const Context& ctx, const std::string& iso) {
  auto days = dates::days_between("1970-01-01", iso);
  if (!days) return iso;
  return i18n::format_time(ctx.lang, *days * 86400 + 12 * 3600, i18n::DateStyle::medium_date);
}

std::string periods_text(const Context& ctx, const std::vector<OpenPeriod>& periods) {
  if (periods.empty()) return ctx.t("finder.hours.closed");
  std::string out;
  for (const auto& p : periods)
    out += (out.empty() ? "" : ", ") + format_clock(p.opens_minute) + "\xE2\x80\x93" + format_clock(p.closes_minute);
  return out;
}

std::string exception_text(const Context& ctx, const ScheduleException& x) {
  std::string when = date_text(ctx, x.starts_on);
  if (x.ends_on != x.starts_on) when += " \xE2\x80\x93 " + date_text(ctx, x.ends_on);
  std::string what = x.closed ? ctx.t("finder.hours.closed")
                              : periods_text(ctx, {{x.opens_minute, x.closes_minute}});
  std::string out = when + ": " + what;
  if (!x.description.empty()) out += " (" + x.description + ")";
  return out;
}

// The coming seven days, shown Monday to Sunday: regular hours with exceptions applied.
void add_hours_table(const Context& ctx, Dict& content, const std::string& table_id, const std::string& caption,
                     const OpeningHours& h, const std::vector<std::string>& notes) {
  Dict* t = content.AddSectionDictionary("HOURS_TABLES");
  t->SetValue("TABLE_ID", table_id);
  t->SetValue("CAPTION", caption);
  const BrusselsTime now = brussels_time(ctx.now);
  for (int wd = 0; wd < 7; ++wd) {
    const std::string date = dates::add_days(now.date, (wd - now.weekday + 7) % 7);
    Dict* d = t->AddSectionDictionary("DAYS");
    d->SetValue("DAY", ctx.t("finder.day." + std::to_string(wd)));
    d->SetValue("HOURS", periods_text(ctx, periods_on(h, date)));
    for (const auto* x : exceptions_on(h, date))
      d->SetValueAndShowSection("TEXT", date_text(ctx, date) + (x->description.empty() ? "" : ": " + x->description),
                                "EXCEPTION");
    if (wd == now.weekday) d->ShowSection("TODAY");
  }
  for (const auto& n : notes) t->SetValueAndShowSection("TEXT", n, "NOTES");
}

void fill_hours(const Context& ctx, Dict& content, const ServiceDetails& s) {
  const std::string today = brussels_date(ctx.now);
  std::vector<ScheduleException> exceptions;
  if (!s.hours.empty()) {
    add_hours_table(ctx, content, "hours-service", ctx.t("finder.hours.caption"), s.hours, s.schedule_notes);
    exceptions = exceptions_from(s.hours, today);
  } else {
    int n = 0;
    for (const auto& l : s.locations) {
      if (l.hours.empty()) continue;
      std::string caption = ctx.t("finder.hours.caption") + (l.name.empty() ? "" : ": " + l.name.text);
      add_hours_table(ctx, content, "hours-location-" + std::to_string(++n), caption, l.hours, l.schedule_notes);
      for (auto& x : exceptions_from(l.hours, today)) exceptions.push_back(std::move(x));
    }
    if (n == 0) exceptions = exceptions_from(s.effective, today);
  }
  if (s.hours.empty())  // rules Samen could not read still say something
    for (const auto& n : s.schedule_notes) content.SetValueAndShowSection("TEXT", n, "SCHEDULE_NOTES");
  if (s.effective.empty()) {
    if (s.schedule_notes.empty()) content.ShowSection("NO_HOURS");
  } else {
    content.ShowSection(is_open_at(s.effective, ctx.now) ? "OPEN_NOW" : "CLOSED_NOW");
    content.SetValueAndShowSection("TEXT", periods_text(ctx, periods_on(s.effective, today)), "TODAY_HOURS");
  }
  if (!exceptions.empty()) {
    Dict* list = content.AddSectionDictionary("HAS_EXCEPTIONS");
    for (const auto& x : exceptions) list->SetValueAndShowSection("TEXT", exception_text(ctx, x), "EXCEPTIONS");
  }
}

std::string coordinate(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

void add_phone(Dict& d, const std::string& section, const PhoneView& p) {
  Dict* s = d.AddSectionDictionary(section);
  s->SetValue("NUMBER", p.number);
  s->SetValue("TEL", p.tel_href.size() > 4 ? p.tel_href.substr(4) : "");
  if (!p.description.empty()) s->SetValueAndShowSection("TEXT", p.description.text, "DESC");
}

void fill_locations(const Context& ctx, Dict& content, const ServiceDetails& s) {
  if (s.locations.empty()) content.ShowSection("NO_LOCATIONS");
  for (const auto& l : s.locations) {
    Dict* d = content.AddSectionDictionary("LOCATIONS");
    d->SetValue("LOCATION_NAME", l.name.empty() ? ctx.t("finder.service.location") : l.name.text);
    mark_fallback(ctx, *d, "LOCATION_FALLBACK", l.name);
    if (!l.address_1.empty() || !l.city.empty()) {
      Dict* a = d->AddSectionDictionary("HAS_ADDRESS");
      a->SetValue("ADDRESS_1", l.address_1);
      a->SetValue("POSTAL_CODE", l.postal_code);
      a->SetValue("CITY", l.city);
      if (!l.address_2.empty()) a->SetValueAndShowSection("TEXT", l.address_2, "ADDRESS_2");
      if (!l.municipality.empty() && l.municipality != l.city)
        a->SetValueAndShowSection("TEXT", l.municipality, "MUNICIPALITY");
    }
    if (!l.description.empty()) {
      Dict* desc = d->AddSectionDictionary("LOCATION_DESCRIPTION");
      desc->SetValue("TEXT", l.description.text);
      mark_fallback(ctx, *desc, "LOCATION_DESCRIPTION_FALLBACK", l.description);
    }
    if (l.latitude && l.longitude) {
      std::string lat = coordinate(*l.latitude), lon = coordinate(*l.longitude);
      d->SetValueAndShowSection("HREF", "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=17/" +
                                            lat + "/" + lon, "MAP_LINK");
    }
    if (!l.transportation.empty()) d->SetValueAndShowSection("TEXT", l.transportation, "TRANSPORT");
    for (const auto& a : l.accessibility) d->SetValueAndShowSection("TEXT", a, "ACCESSIBILITY");
    for (const auto& p : l.phones) add_phone(*d, "LOCATION_PHONES", p);
  }
}

void fill_contact(const Context& ctx, Dict& content, const ServiceDetails& s) {
  (void)ctx;
  bool any = false;
  for (const auto& p : s.phones) {
    add_phone(content, "PHONES", p);
    any = true;
  }
  std::string email = !s.email.empty() ? s.email : s.organization_email;
  if (!email.empty() && valid_email(email)) {
    content.SetValueAndShowSection("ADDRESS", email, "EMAIL");
    any = true;
  }
  if (!s.url.empty() && valid_url(s.url)) {
    content.SetValueAndShowSection("HREF", s.url, "WEBSITE");
    any = true;
  }
  for (const auto& c : s.contacts) {
    Dict* d = content.AddSectionDictionary("CONTACTS");
    d->SetValue("NAME", c.name.empty() ? c.email : c.name);
    if (!c.title.empty()) d->SetValueAndShowSection("TEXT", c.title, "TITLE");
    if (!c.email.empty() && !c.name.empty() && c.email != email)
      d->SetValueAndShowSection("ADDRESS", c.email, "CONTACT_EMAIL");
    for (const auto& p : c.phones) add_phone(*d, "CONTACT_PHONES", p);
    any = true;
  }
  if (!any) content.ShowSection("NO_CONTACT");
}

void fill_cost(const Context& ctx, Dict& content, const ServiceDetails& s) {
  for (const auto& c : s.costs) {
    const std::string option = ctx.t("finder.cost." + c.option);
    std::string text = option;
    if (c.amount && *c.amount > 0 && std::isfinite(*c.amount)) {
      bool euro = c.currency.empty() || c.currency == "EUR";
      text = euro ? ctx.tf("finder.cost.amount", {{"option", option}, {"amount", *c.amount}})
                  : ctx.tf("finder.cost.amount_other", {{"option", option},
                                                        {"amount", i18n::format_number(ctx.lang, *c.amount, 2)},
                                                        {"currency", c.currency}});
    }
    // The amount's own note is not translated: shown only when the service has no translated fees text.
    if (!c.amount_description.empty() && s.fees_description.empty()) text += " (" + c.amount_description + ")";
    content.SetValueAndShowSection("TEXT", text, "COSTS");
  }
  add_text_section(ctx, content, "FEES", s.fees_description);
  if (s.costs.empty() && s.fees_description.empty()) content.ShowSection("NO_COST");
}

void fill_organization(const Context& ctx, Dict& content, const ServiceDetails& s) {
  if (s.organization_name.empty()) return;
  Dict* o = content.AddSectionDictionary("ORGANIZATION");
  o->SetValue("NAME", s.organization_name.text);
  mark_fallback(ctx, *o, "ORG_NAME_FALLBACK", s.organization_name);
  if (!s.organization_description.empty()) {
    Dict* d = o->AddSectionDictionary("ORG_DESCRIPTION");
    d->SetValue("TEXT", s.organization_description.text);
    mark_fallback(ctx, *d, "ORG_DESCRIPTION_FALLBACK", s.organization_description);
  }
  if (!s.organization_url.empty() && valid_url(s.organization_url))
    o->SetValueAndShowSection("HREF", s.organization_url, "ORG_WEBSITE");
}

void fill_service(const Context& ctx, Dict& content, const ServiceDetails& s) {
  content.SetValue("BACK_HREF", "/services?lang=" + lang_code(ctx));
  content.SetValue("NAME", s.name.text);
  mark_fallback(ctx, content, "NAME_FALLBACK", s.name);
  if (!s.alternate_name.empty()) {
    Dict* a = content.AddSectionDictionary("ALTERNATE_NAME");
    a->SetValue("TEXT", s.alternate_name.text);
    mark_fallback(ctx, *a, "ALTERNATE_NAME_FALLBACK", s.alternate_name);
  }
  if (s.status != "active") {
    std::string key = s.status == "temporarily closed" ? "finder.status.temporarily_closed" : "finder.status.inactive";
    content.SetValueAndShowSection("TEXT", ctx.t(key), "STATUS_NOTICE");
  }
  add_text_section(ctx, content, "DESCRIPTION", s.description, "NO_DESCRIPTION");
  if (!s.categories.empty()) {
    std::string cats;
    for (const auto& c : s.categories) cats += (cats.empty() ? "" : ", ") + c;
    content.SetValueAndShowSection("CATEGORIES", cats, "HAS_CATEGORIES");
  }
  std::string ages = ages_text(ctx, s.minimum_age, s.maximum_age);
  content.SetValue("AGES", ages.empty() ? ctx.t("finder.ages.all") : ages);
  add_text_section(ctx, content, "ELIGIBILITY", s.eligibility);
  fill_locations(ctx, content, s);
  fill_hours(ctx, content, s);
  for (const auto& code : s.language_codes)
    content.SetValueAndShowSection("NAME", language_display_name(code, i18n::code(ctx.lang)), "LANGUAGES");
  content.ShowSection(s.language_codes.empty() ? "NO_LANGUAGES" : "HAS_LANGUAGES");
  fill_cost(ctx, content, s);
  add_text_section(ctx, content, "APPLY", s.application_process, "NO_APPLY");
  if (!s.required_documents.empty()) {
    Dict* d = content.AddSectionDictionary("HAS_DOCUMENTS");
    for (const auto& doc : s.required_documents) d->SetValueAndShowSection("TEXT", doc, "DOCUMENTS");
  }
  fill_contact(ctx, content, s);
  fill_organization(ctx, content, s);
  if (valid_date(s.assured_date.substr(0, 10)))
    content.SetValueAndShowSection("DATE", date_text(ctx, s.assured_date.substr(0, 10)), "ASSURED");
}

http::Response service_page(Context& ctx) {
  const std::string id = ctx.param("id");
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "finder.not_found");
  std::optional<ServiceDetails> s;
  {
    auto lease = ctx.app.db().acquire();
    s = load_service_details(*lease, id, ctx.lang);
  }
  if (!s) throw HttpError(404, "not_found", "finder.not_found");
  Dict content = ctx.content_dict();
  fill_service(ctx, content, *s);
  return ctx.page("service_page", s->name.text, content);
}

}  // namespace

void register_finder(app::Routes& r) {
  const auto anyone = accounts::Access::anyone();
  r.page("GET", "/services", anyone, search_page);
  r.page("GET", "/services/suggest", anyone, suggest);
  r.page("GET", "/services/map.json", anyone, map_points);
  r.page("GET", "/services/{id}", anyone, service_page);
  r.nav_item({"nav.services", "/services", anyone, "nav.services.about", 10});
}

}  // namespace samen::directory
