// Parent groups (handlers.hpp): groups of a local team or of a setting (a
// service of the service map), their form (new/edit with optimistic
// locking) and page: its meetings, which are journal activities linked here
// and listed as far as the journal lets the reader see them (may_see in SQL),
// and the concerns it raised. The record panel on a journal activity's page
// names the parent groups the activity is a meeting of.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/store.hpp"
#include "parents/handlers.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::parents {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kActivityChoices = 200;

journal::Viewer viewer(const Context& ctx, const core::Network& n) { return journal::viewer_of(me(ctx), n); }

Group group_or_404(store::Connection& c, const std::string& id) {
  auto g = load_group(c, id);
  if (!g) throw HttpError(404, "not_found", "error.not_found");
  return *g;
}

std::string place_of(Context& ctx, store::Connection& c, const core::Network& n, const Group& g) {
  if (!g.service_id.empty()) return service_name(c, g.service_id);
  return team_name(n, g.team_id, ctx.lang);
}

Group read_group(const http::Form& f) {
  Group g;
  g.name = text::trimmed(f.get("name"));
  g.team_id = f.get("team_id");
  g.service_id = text::trimmed(f.get("service_id"));
  g.languages = text::trimmed(f.get("languages"));
  g.description = text::trimmed(f.get("description"));
  return g;
}

void check_group(store::Connection& c, const Group& g) {
  auto n = core::load_network(c);
  std::vector<std::string> teams;
  for (const auto& t : n.teams) teams.push_back(t.id);
  auto errors = validate_group(g, teams, g.service_id.empty() || service_exists(c, g.service_id));
  if (!errors.empty()) throw Invalid{errors};
}

http::Response group_form(Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                          int status, bool stale = false) {
  auto lease = ctx.app.db().acquire();
  auto n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  std::string heading = ctx.t(id.empty() ? "parents.group.new" : "parents.group.edit");
  d.SetValue("HEADING", heading);
  d.SetValue("ACTION", id.empty() ? "/parents/groups/new" : "/parents/groups/" + id + "/edit");
  d.SetValue("CANCEL_HREF", id.empty() ? "/parents/groups" : "/parents/groups/" + id);
  if (!id.empty()) {
    d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
    d.SetValueAndShowSection("GROUP_ID", id, "MAY_ARCHIVE");
  }
  if (stale) d.ShowSection("STALE");
  for (const char* k : {"name", "service_id", "languages", "description"}) {
    std::string key = k;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, f.get(k));
  }
  for (const auto& t : n.teams) add_option(d, "TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.get("team_id") == t.id);
  add_errors(ctx, d, errors, "parents.group.field.");
  return ctx.page("parents_group_form", heading, d, status);
}

}  // namespace

http::Response groups_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto n = core::load_network(*lease);
  web::Dict d = ctx.content_dict();
  if (may_edit(me(ctx).role)) d.ShowSection("MAY_CREATE");
  auto groups = list_groups(*lease);
  for (const auto& g : groups) {
    auto* r = d.AddSectionDictionary("GROUPS");
    r->SetValue("ID", g.id);
    r->SetValue("NAME", g.name);
    r->SetValue("PLACE", place_of(ctx, *lease, n, g));
    r->SetValue("LANGUAGES", g.languages);
  }
  if (groups.empty()) d.ShowSection("EMPTY");
  return ctx.page("parents_groups", ctx.t("parents.groups"), d);
}

http::Response group_new_page(Context& ctx) {
  http::Fields defaults;
  if (auto t = ctx.req.query_param("team")) defaults.emplace_back("team_id", t->substr(0, 100));
  if (auto s = ctx.req.query_param("service")) defaults.emplace_back("service_id", s->substr(0, 100));
  return group_form(ctx, http::Form(defaults), {}, "", 200);
}

http::Response group_create_page(Context& ctx) {
  const auto& f = ctx.form();
  Group g = read_group(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      check_group(change.db, g);
      insert_group(change, g);
    });
  } catch (const Invalid& i) {
    return group_form(ctx, f, i.errors, "", 422);
  }
  return http::Response::redirect("/parents/groups/" + g.id + "?done=parents_group_saved");
}

http::Response group_page(Context& ctx) {
  std::string id = path_id(ctx);
  auto lease = ctx.app.db().acquire();
  Group g = group_or_404(*lease, id);
  auto n = core::load_network(*lease);
  auto v = viewer(ctx, n);
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", g.id);
  d.SetValue("NAME", g.name);
  d.SetValue("VERSION", std::to_string(g.version));
  d.SetValue("PLACE", place_of(ctx, *lease, n, g));
  d.ShowSection(g.service_id.empty() ? "IS_TEAM" : "IS_SERVICE");
  if (!g.languages.empty()) d.SetValueAndShowSection("LANGUAGES", g.languages, "HAS_LANGUAGES");
  if (!g.description.empty()) d.SetValueAndShowSection("DESCRIPTION", g.description, "HAS_DESCRIPTION");
  if (g.archived_at) d.ShowSection("ARCHIVED");
  bool editor = may_edit(v.role) && !g.archived_at;
  if (editor) d.ShowSection("MAY_EDIT");
  auto meetings = group_meetings(*lease, v, g.id);
  for (const auto& a : meetings) {
    auto* r = d.AddSectionDictionary("MEETINGS");
    r->SetValue("A_ID", a.id);
    r->SetValue("A_TITLE", a.title);
    r->SetValue("A_WHEN", i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::date_time));
    if (editor) r->ShowSection("A_MAY_UNLINK");
  }
  if (meetings.empty()) d.ShowSection("NO_MEETINGS");
  if (editor) {
    journal::ListFilter lf;
    lf.type = "parent_group";
    lf.limit = kActivityChoices;
    for (const auto& a : journal::list_activities(*lease, v, lf).items)
      add_option(d, "ACTIVITY_OPTIONS", a.id, a.title + " (" + journal::local_date_time(a.starts_at).substr(0, 10) + ")",
                 false);
  }
  ConcernFilter cf;
  cf.group_id = g.id;
  cf.limit = 10;
  auto concerns = list_concerns(*lease, cf);
  auto th = themes(*lease, true);
  for (const auto& c : concerns.items) {
    auto* r = d.AddSectionDictionary("CONCERNS");
    r->SetValue("C_ID", c.id);
    r->SetValue("C_TEXT", std::string(text::utf8_prefix(c.text, 160)) + (c.text.size() > 160 ? "…" : ""));
    r->SetValue("C_THEME", theme_label(th, c.theme, ctx.lang));
    r->SetValue("C_STATUS", ctx.t("parents.status." + c.status));
  }
  d.SetValue("CONCERN_COUNT", ctx.tf("parents.count", {{"count", concerns.total}}));
  return ctx.page("parents_group", g.name, d);
}

http::Response group_edit_page(Context& ctx) {
  std::string id = path_id(ctx);
  Group g = [&] {
    auto lease = ctx.app.db().acquire();
    return group_or_404(*lease, id);
  }();
  if (g.archived_at) throw app::ArchivedRecordError();
  return group_form(ctx,
                    http::Form({{"name", g.name}, {"team_id", g.team_id}, {"service_id", g.service_id},
                                {"languages", g.languages}, {"description", g.description},
                                {"version", std::to_string(g.version)}}),
                    {}, id, 200);
}

http::Response group_update_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  auto expected = form_version(f);
  Group next = read_group(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      Group before = group_or_404(change.db, id);
      if (before.archived_at) throw app::ArchivedRecordError();
      check_group(change.db, next);
      update_group(change, before, next, expected);
    });
  } catch (const Invalid& i) {
    return group_form(ctx, f, i.errors, id, 422);
  } catch (const app::StaleVersion&) {
    return group_form(ctx, f, {}, id, 409, true);
  }
  return http::Response::redirect("/parents/groups/" + id + "?done=parents_group_saved");
}

http::Response group_archive_page(Context& ctx) {
  std::string id = path_id(ctx);
  auto expected = form_version(ctx.form());
  app::write(ctx, [&](app::Change& change) {
    group_or_404(change.db, id);
    core::set_archived(change, group_ref(id), true, expected);
  });
  return http::Response::redirect("/parents/groups?done=parents_group_archived");
}

http::Response meeting_link_page(Context& ctx) {
  std::string id = path_id(ctx);
  std::string activity_id = ctx.form().get("activity_id");
  app::write(ctx, [&](app::Change& change) {
    Group g = group_or_404(change.db, id);
    if (g.archived_at) throw app::ArchivedRecordError();
    // Only an activity the caller may see can be linked (404 otherwise: its existence does not leak).
    auto v = viewer(ctx, core::load_network(change.db));
    auto a = activity_id.empty() || activity_id.size() > 100 ? std::nullopt : journal::load_activity(change.db, activity_id);
    if (!a || a->archived_at || !journal::may_see(v, a->visibility, a->team_id))
      throw HttpError(422, "unprocessable", "parents.error.activity_unknown");
    link_meeting(change, g.id, a->id);
  });
  return http::Response::redirect("/parents/groups/" + id + "?done=parents_meeting_linked");
}

http::Response meeting_unlink_page(Context& ctx) {
  std::string id = path_id(ctx);
  std::string activity_id = path_id(ctx, "activity_id");
  app::write(ctx, [&](app::Change& change) {
    group_or_404(change.db, id);
    if (!unlink_meeting(change, id, activity_id)) throw HttpError(404, "not_found", "error.not_found");
  });
  return http::Response::redirect("/parents/groups/" + id + "?done=parents_meeting_unlinked");
}

std::string activity_panel(Context& ctx, store::Connection& c, const std::string& activity_id) {
  // The host page has checked that the caller may see the activity; parent groups are read by every signed-in role.
  if (!ctx.user()) return "";
  auto groups = groups_of_activity(c, activity_id);
  if (groups.empty()) return "";
  web::Dict d("parents_activity_panel");
  for (const auto& g : groups) {
    auto* r = d.AddSectionDictionary("GROUPS");
    r->SetValue("ID", g.id);
    r->SetValue("NAME", g.name);
  }
  return web::render(ctx.lang, "parents_activity_panel", d);
}

}  // namespace samen::parents
