// Transition activities (issue 19): children's visits to the new setting,
// meetings of childcare workers and pre-school teachers, parent information
// sessions and welcome days. Each one IS a journal activity (type
// "transition"), written through the journal's write path (insert_activity:
// its validation, history, audit and search index), so it appears in the
// journal, its calendar and its ICS feeds; transitions_activities links it to
// its kind, school year and the pathway's settings. Here: the calendar page
// per school year and team (/transitions/activities, with the form for those
// who create journal activities), GET/POST /api/v1/transitions/activities,
// the ICS feed GET /api/v1/transitions/activities.ics (events made by the
// journal's activity_event) and the `journal.activity` record panel. Every
// list goes through the journal's visibility (and_visible), so nobody meets
// an activity here they could not see in the journal.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/calendar.hpp"
#include "journal/handlers.hpp"
#include "journal/lookback_handlers.hpp"
#include "transitions/handlers.hpp"
#include "transitions/pathways.hpp"
#include "transitions/store.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::transitions {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

inline const std::vector<std::string> kActivityKinds = {"child_visit", "staff_meeting", "parent_session",
                                                        "welcome_day"};
constexpr const char* kJournalType = "transition";
constexpr std::size_t kMaxListed = 500;

struct Invalid {
  FieldErrors errors;
};

// The link of a journal activity to transitions, with the activity.
struct TransitionActivity {
  std::string kind, sending_id, receiving_id;
  int school_year = 0;
  journal::Activity activity;
};

// The school year of today (Brussels date, school years from 1 September).
int current_school_year(std::int64_t now) {
  std::string today = journal::local_date_time(now).substr(0, 10);
  return school_year_of(today, "09-01").value_or(2026);
}

// Active transition activities the viewer may see, by start; a year and a team ("" = any).
std::vector<TransitionActivity> visible_activities(store::Connection& c, const journal::Viewer& v,
                                                   std::optional<int> year, const std::string& team) {
  store::Params args;
  std::string sql =
      "SELECT ta.activity_id, ta.kind, ta.school_year, COALESCE(ta.sending_setting_id, ''), "
      "COALESCE(ta.receiving_setting_id, '') FROM transitions_activities ta JOIN journal_activities a ON a.id = "
      "ta.activity_id WHERE a.archived_at IS NULL";
  if (year) {
    sql += " AND ta.school_year = ?";
    args.push_back(std::int64_t{*year});
  }
  if (!team.empty()) {
    sql += " AND a.team_id = ?";
    args.push_back(team);
  }
  sql += journal::and_visible(v, args, "a") + " ORDER BY a.starts_at, a.id LIMIT " + std::to_string(kMaxListed);
  std::vector<TransitionActivity> out;
  std::vector<std::string> ids;
  c.each(sql, args, [&](const store::Row& r) {
    ids.push_back(r.text(0));
    out.push_back({r.text(1), r.text(3), r.text(4), static_cast<int>(r.int64(2)), {}});
    return true;
  });
  for (std::size_t i = 0; i < out.size(); ++i)
    if (auto a = journal::load_activity(c, ids[i])) out[i].activity = std::move(*a);
  return out;
}

std::optional<TransitionActivity> link_of(store::Connection& c, const std::string& activity_id) {
  auto r = c.exec("SELECT kind, school_year, COALESCE(sending_setting_id, ''), COALESCE(receiving_setting_id, '') "
                  "FROM transitions_activities WHERE activity_id = ?",
                  {activity_id});
  if (r.empty()) return std::nullopt;
  return TransitionActivity{r.rows[0].text(0), r.rows[0].text(2), r.rows[0].text(3),
                            static_cast<int>(r.rows[0].int64(1)), {}};
}

std::string setting_name(store::Connection& c, const std::string& id) {
  if (id.empty()) return "";
  auto s = service_ref(c, id);
  return s ? s->name : id;
}

// The transitions fields' errors (the journal checks the activity's own).
void check_link(store::Connection& c, const TransitionActivity& t, FieldErrors& e) {
  if (std::find(kActivityKinds.begin(), kActivityKinds.end(), t.kind) == kActivityKinds.end())
    e["kind"] = "transitions.activity.error.kind";
  if (t.school_year == 0) e["school_year"] = "transitions.pathway.error.school_year";
  if (!t.sending_id.empty() && !load_setting(c, t.sending_id)) e["sending_setting_id"] = "transitions.error.setting";
  if (!t.receiving_id.empty() && !load_setting(c, t.receiving_id))
    e["receiving_setting_id"] = "transitions.error.setting";
  if (!t.sending_id.empty() && t.sending_id == t.receiving_id)
    e["receiving_setting_id"] = "transitions.pathway.error.same";
}

// Writes the journal activity through the journal's write path, then the link, in one transaction.
void create(app::Change& change, Context& ctx, TransitionActivity& t, FieldErrors errors) {
  core::Network n = core::load_network(change.db);
  t.activity.type = kJournalType;
  journal::check_activity(change.db, n, t.activity, journal::viewer(ctx, n), errors);
  check_link(change.db, t, errors);
  if (!errors.empty()) throw Invalid{errors};
  journal::insert_activity(change, t.activity);
  auto opt = [](const std::string& s) { return s.empty() ? store::Param(nullptr) : store::Param(s); };
  change.db.exec("INSERT INTO transitions_activities (activity_id, kind, school_year, sending_setting_id, "
                 "receiving_setting_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                 {t.activity.id, t.kind, std::int64_t{t.school_year}, opt(t.sending_id), opt(t.receiving_id),
                  change.now()});
  change.audit("transitions.activity.create", "journal_activity", t.activity.id,
               t.kind + " " + std::to_string(t.school_year));
}

std::optional<int> year_filter(const Context& ctx, const char* name) {
  std::string y = text::trimmed(ctx.req.query_param(name).value_or("").substr(0, 20));
  if (y.empty()) return std::nullopt;
  auto year = parse_school_year(y);
  if (!year) throw HttpError(400, "bad_request", "transitions.pathway.error.school_year");
  return year;
}

std::string team_filter(const Context& ctx, const core::Network& n) {
  std::string team = ctx.req.query_param("team").value_or("");
  if (!team.empty() && !n.team(team)) throw HttpError(400, "bad_request", "transitions.activity.error.team");
  return team;
}

void options(web::Dict& d, const char* section, const std::vector<std::pair<std::string, std::string>>& items,
             const std::string& selected) {
  for (const auto& [value, label] : items) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == selected) o->ShowSection("SELECTED");
  }
}

http::Response render_page(Context& ctx, const http::Form& form, const FieldErrors& errors, int status) {
  int year = year_filter(ctx, "year").value_or(current_school_year(ctx.now));
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  std::string team = team_filter(ctx, n);
  journal::Viewer v = journal::viewer(ctx, n);
  auto items = visible_activities(*lease, v, year, team);
  web::Dict d = ctx.content_dict();
  d.SetValue("YEAR", std::to_string(year));
  d.SetValue("YEAR_LABEL", school_year_label(year));
  d.SetValue("PREVIOUS", std::to_string(year - 1));
  d.SetValue("NEXT", std::to_string(year + 1));
  d.SetValue("TEAM", team);
  std::vector<std::pair<std::string, std::string>> teams;
  for (const auto& t : n.teams) teams.emplace_back(t.id, t.name.in(ctx.lang));
  options(d, "TEAM_OPTIONS", teams, team);
  // Grouped by Brussels month.
  std::string month;
  web::Dict* group = nullptr;
  for (const auto& t : items) {
    std::string local = journal::local_date_time(t.activity.starts_at);  // 2026-09-14T09:30
    if (local.substr(0, 7) != month || !group) {
      month = local.substr(0, 7);
      group = d.AddSectionDictionary("MONTHS");
      group->SetValue("MONTH", month);
    }
    auto* r = group->AddSectionDictionary("ACTIVITIES");
    r->SetValue("HREF", "/journal/" + http::url_encode(t.activity.id));
    r->SetValue("TITLE", t.activity.title);
    r->SetValue("WHEN", local.substr(0, 10) + " " + local.substr(11, 5));
    r->SetValue("KIND", ctx.t("transitions.activity.kind." + t.kind));
    if (!t.activity.place.empty()) r->SetValueAndShowSection("PLACE", t.activity.place, "HAS_PLACE");
    std::string settings = setting_name(*lease, t.sending_id);
    if (!t.receiving_id.empty()) settings += (settings.empty() ? "" : " → ") + setting_name(*lease, t.receiving_id);
    if (!settings.empty()) r->SetValueAndShowSection("SETTINGS", settings, "HAS_SETTINGS");
  }
  if (items.empty()) d.ShowSection("NONE");
  const accounts::User& u = me(ctx);
  if (journal::may_create(u.role)) {
    d.ShowSection("CAN_CREATE");
    d.SetValue("CSRF", ctx.csrf);
    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto& k : kActivityKinds) kinds.emplace_back(k, ctx.t("transitions.activity.kind." + k));
    options(d, "KIND_OPTIONS", kinds, form.get("kind"));
    std::vector<std::pair<std::string, std::string>> settings;
    for (const auto& s : list_settings(*lease))
      settings.emplace_back(s.id, s.name + " (" + ctx.t("transitions.kind." + s.kind) + ")");
    options(d, "FROM_OPTIONS", settings, form.get("sending_setting_id"));
    options(d, "TO_OPTIONS", settings, form.get("receiving_setting_id"));
    options(d, "FORM_TEAM_OPTIONS", teams, form.get("team_id").empty() ? team : form.get("team_id"));
    std::vector<std::pair<std::string, std::string>> visibilities;
    for (const char* vis : {"network", "team", "facilitators"})
      visibilities.emplace_back(vis, ctx.t(std::string("journal.visibility.") + vis));
    options(d, "VISIBILITY_OPTIONS", visibilities, form.get("visibility").empty() ? "network" : form.get("visibility"));
    d.SetValue("FORM_TITLE", form.get("title"));
    d.SetValue("FORM_STARTS_AT", form.get("starts_at"));
    d.SetValue("FORM_DURATION", form.get("duration_minutes").empty() ? "90" : form.get("duration_minutes"));
    d.SetValue("FORM_PLACE", form.get("place"));
    d.SetValue("FORM_SCHOOL_YEAR", form.get("school_year").empty() ? std::to_string(year) : form.get("school_year"));
    for (const auto& [field, key] : errors) {
      d.ShowSection("HAS_ERRORS");
      auto* e = d.AddSectionDictionary("ERROR_LIST");
      e->SetValue("TARGET", "ta-" + field);
      e->SetValue("MESSAGE", ctx.t(key));
    }
  }
  return ctx.page("transitions_activities", ctx.t("transitions.activities.title") + " " + school_year_label(year), d,
                  status);
}

json activity_json(const TransitionActivity& t) {
  const auto& a = t.activity;
  return {{"activity_id", a.id},
          {"kind", t.kind},
          {"school_year", t.school_year},
          {"sending_setting_id", t.sending_id.empty() ? json(nullptr) : json(t.sending_id)},
          {"receiving_setting_id", t.receiving_id.empty() ? json(nullptr) : json(t.receiving_id)},
          {"title", a.title},
          {"starts_at", app::rfc3339(a.starts_at)},
          {"ends_at", app::rfc3339(a.ends_at())},
          {"place", a.place},
          {"team_id", a.team_id.empty() ? json(nullptr) : json(a.team_id)},
          {"visibility", a.visibility},
          {"version", a.version},
          {"created_at", app::rfc3339(a.created_at)},
          {"updated_at", app::rfc3339(a.updated_at)},
          {"archived_at", app::rfc3339_or_null(a.archived_at)}};
}

}  // namespace

http::Response transition_activities_page(Context& ctx) {
  return render_page(ctx, http::Form(http::Fields{}), {}, 200);
}

http::Response create_transition_activity_page(Context& ctx) {
  const auto& f = ctx.form();
  if (!journal::may_create(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  TransitionActivity t;
  FieldErrors errors;
  t.kind = f.get("kind");
  t.school_year = parse_school_year(f.get("school_year")).value_or(0);
  t.sending_id = f.get("sending_setting_id");
  t.receiving_id = f.get("receiving_setting_id");
  auto& a = t.activity;
  a.title = text::trimmed(f.get("title"));
  if (auto s = journal::parse_local_date_time(f.get("starts_at"))) a.starts_at = *s;
  else errors["starts_at"] = "journal.error.starts_at";
  if (auto d = journal::parse_bounded(f.get("duration_minutes"), 1, 1440)) a.duration_minutes = *d;
  else errors["duration_minutes"] = "journal.error.duration";
  a.place = text::trimmed(f.get("place"));
  a.team_id = f.get("team_id");
  a.visibility = f.get("visibility").empty() ? "network" : f.get("visibility");
  try {
    app::write(ctx, [&](app::Change& change) { create(change, ctx, t, errors); });
  } catch (const Invalid& e) {
    return render_page(ctx, f, e.errors, 422);
  }
  return http::Response::redirect("/transitions/activities?year=" + std::to_string(t.school_year) +
                                  (a.team_id.empty() ? "" : "&team=" + http::url_encode(a.team_id)));
}

http::Response api_transition_activities(Context& ctx) {
  auto page = app::page_request(ctx);
  auto year = year_filter(ctx, "school_year");
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  std::string team = team_filter(ctx, n);
  auto all = visible_activities(*lease, journal::viewer(ctx, n), year, team);
  json items = json::array();
  for (auto i = static_cast<std::size_t>(page.offset());
       i < all.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(activity_json(all[i]));
  return app::json_response(200, app::page_json(page, static_cast<std::int64_t>(all.size()), std::move(items)));
}

http::Response api_create_transition_activity(Context& ctx) {
  json j = app::json_body(ctx);
  if (!j.is_object()) throw HttpError(400, "bad_request", "error.bad_request");
  if (!journal::may_create(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  FieldErrors errors;
  TransitionActivity t;
  t.kind = journal::string_of(j, "kind", errors);
  if (auto it = j.find("school_year"); it != j.end() && it->is_number_integer())
    t.school_year = parse_school_year(std::to_string(it->get<std::int64_t>())).value_or(0);
  else if (it != j.end() && it->is_string())
    t.school_year = parse_school_year(it->get<std::string>()).value_or(0);
  t.sending_id = journal::string_of(j, "sending_setting_id", errors);
  t.receiving_id = journal::string_of(j, "receiving_setting_id", errors);
  auto& a = t.activity;
  a.title = journal::string_of(j, "title", errors);
  if (auto s = journal::parse_rfc3339(journal::string_of(j, "starts_at", errors))) a.starts_at = *s;
  else errors["starts_at"] = "journal.error.starts_at_rfc3339";
  if (auto it = j.find("duration_minutes"); it != j.end() && it->is_number_integer())
    a.duration_minutes = it->get<std::int64_t>();
  else if (it != j.end())
    errors["duration_minutes"] = "journal.error.duration";
  a.place = journal::string_of(j, "place", errors);
  a.team_id = journal::string_of(j, "team_id", errors);
  a.visibility = journal::string_of(j, "visibility", errors);
  if (a.visibility.empty()) a.visibility = "network";
  try {
    app::write(ctx, [&](app::Change& change) { create(change, ctx, t, errors); });
  } catch (const Invalid& e) {
    return journal::validation_error(ctx, e.errors);
  }
  auto res = app::json_response(201, activity_json(t));
  res.set_header("Location", "/api/v1/activities/" + t.activity.id);
  return res;
}

http::Response api_transition_activities_ics(Context& ctx) {
  auto year = year_filter(ctx, "school_year");
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  std::string team = team_filter(ctx, n);
  auto types = journal::activity_types(*lease, true);
  documents::Calendar cal;
  cal.name = ctx.t("transitions.activities.title") + (year ? " " + school_year_label(*year) : "");
  for (const auto& t : visible_activities(*lease, journal::viewer(ctx, n), year, team)) {
    auto e = journal::activity_event(ctx.app, t.activity, types, n, ctx.lang);
    e.description = ctx.t("transitions.activity.kind." + t.kind) + " · " + e.description;
    cal.events.push_back(std::move(e));
  }
  auto res = http::Response::text(200, documents::write_icalendar(cal, ctx.now), "text/calendar; charset=utf-8");
  res.set_header("Content-Disposition", "inline; filename=\"transition-activities.ics\"");
  res.set_header("Cache-Control", "private, no-store");
  return res;
}

std::string activity_panel(Context& ctx, store::Connection& c, const std::string& activity_id) {
  auto t = link_of(c, activity_id);
  if (!t) return "";
  web::Dict d("panel");
  d.SetValue("KIND", ctx.t("transitions.activity.kind." + t->kind));
  d.SetValue("YEAR_LABEL", school_year_label(t->school_year));
  d.SetValue("CALENDAR_HREF", "/transitions/activities?year=" + std::to_string(t->school_year));
  d.SetValue("PATHWAYS_HREF", "/transitions/pathways?year=" + std::to_string(t->school_year));
  if (!t->sending_id.empty()) d.SetValueAndShowSection("FROM", setting_name(c, t->sending_id), "HAS_FROM");
  if (!t->receiving_id.empty()) d.SetValueAndShowSection("TO", setting_name(c, t->receiving_id), "HAS_TO");
  return web::render(ctx.lang, "transitions_activity_panel", d);
}

}  // namespace samen::transitions
