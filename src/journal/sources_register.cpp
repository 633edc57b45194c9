// The expectations register's pages (sources_handlers.hpp): what each
// organisation expects of the cooperation, what it brings and what worries
// it, side by side per round (organisations as rows) or over time per
// organisation (rounds as rows), filtered by team and organisation, as
// CSV/XLSX; the entry form (new/edit with optimistic locking) and archive.
// Admins, coordinators and facilitators edit every entry, partners those of
// their own organisations; entries and linked activities follow may_see().
#include <algorithm>
#include <map>

#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/download.hpp"
#include "documents/markdown.hpp"
#include "journal/handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kActivityChoices = 200;

struct Invalid {
  FieldErrors errors;
};

struct RegisterFilter {
  std::string team_id, organization_id, view = "side";
  bool archived = false;
};

RegisterFilter register_filter(const Context& ctx) {
  RegisterFilter f;
  f.team_id = text::trimmed(ctx.req.query_param("team").value_or("")).substr(0, 100);
  f.organization_id = text::trimmed(ctx.req.query_param("organization").value_or("")).substr(0, 100);
  std::string view = ctx.req.query_param("view").value_or("side");
  if (view != "side" && view != "time") throw HttpError(400, "bad_request", "error.bad_request");
  f.view = view;
  f.archived = ctx.req.query_param("archived").value_or("") == "1";
  return f;
}

std::string org_name(const Context& ctx, const core::Network& n, const std::string& id) {
  if (auto o = n.organization(id)) return o->name.in(ctx.lang);
  return id;
}

// The title of the linked activity, "" when there is none or the viewer may not see it.
std::string activity_title(store::Connection& c, const Viewer& v, const std::string& id) {
  if (id.empty()) return "";
  auto a = load_activity(c, id);
  if (!a || !may_see(v, a->visibility, a->team_id)) return "";
  return a->title;
}

std::vector<Expectation> filtered(store::Connection& c, const core::Network& n, const Viewer& v,
                                  const RegisterFilter& f) {
  ExpectationFilter ef;
  ef.archived = f.archived;
  if (!f.organization_id.empty()) ef.organization_ids.push_back(f.organization_id);
  if (!f.team_id.empty()) {
    auto team = n.team(f.team_id);
    if (!team) return {};
    for (const auto& o : team->member_ids)
      if (f.organization_id.empty() || o == f.organization_id) ef.organization_ids.push_back(o);
    if (ef.organization_ids.empty()) return {};
  }
  auto out = list_expectations(c, v, ef);  // by organisation, then date
  return out;
}

http::Response register_download(Context& ctx, store::Connection& c, const core::Network& n, const Viewer& v,
                                 const std::vector<Expectation>& entries, documents::TableFormat format) {
  using documents::ColumnType;
  documents::Table table({{ctx.t("journal.sources.expectation.field.organization_id"), ColumnType::text},
                          {ctx.t("journal.sources.expectation.field.round"), ColumnType::text},
                          {ctx.t("journal.sources.expectation.field.captured_on"), ColumnType::date},
                          {ctx.t("journal.sources.expectation.field.expects"), ColumnType::text},
                          {ctx.t("journal.sources.expectation.field.brings"), ColumnType::text},
                          {ctx.t("journal.sources.expectation.field.worries"), ColumnType::text},
                          {ctx.t("journal.sources.expectation.field.activity_id"), ColumnType::text},
                          {ctx.t("journal.field.visibility"), ColumnType::text}});
  for (const auto& e : entries)
    table.add_row({org_name(ctx, n, e.organization_id), e.round, documents::Date{e.captured_on}, e.expects, e.brings,
                   e.worries, activity_title(c, v, e.activity_id), ctx.t("journal.visibility." + e.visibility)});
  ctx.audit("journal.expectation.export", "journal.expectation", "",
            std::string(format == documents::TableFormat::csv ? "csv" : "xlsx") + " " + std::to_string(entries.size()));
  return documents::table_download(table, format, "expectations");
}

void fill_entry(Context& ctx, web::Dict* row, store::Connection& c, const Viewer& v, const Expectation& e,
                const std::string& label) {
  row->SetValue("E_ID", e.id);
  row->SetValue("E_LABEL", label);
  row->SetValue("E_DATE", e.captured_on);
  for (auto [field, key] : {std::pair{&e.expects, "E_EXPECTS"}, std::pair{&e.brings, "E_BRINGS"},
                            std::pair{&e.worries, "E_WORRIES"}})
    row->SetValue(key, documents::markdown_to_html(*field));
  if (e.visibility != "network") {
    std::string shown = ctx.t("journal.visibility." + e.visibility);
    if (!e.team_id.empty()) {  // the team's name (a team entry is rare: the network is read for it alone)
      core::Network n = core::load_network(c);
      if (auto t = n.team(e.team_id)) shown += " · " + t->name.in(ctx.lang);
    }
    row->SetValueAndShowSection("E_VISIBILITY", shown, "E_RESTRICTED");
  }
  if (std::string title = activity_title(c, v, e.activity_id); !title.empty()) {
    row->SetValue("E_ACTIVITY_ID", e.activity_id);
    row->SetValueAndShowSection("E_ACTIVITY", title, "E_HAS_ACTIVITY");
  }
  if (may_edit_expectations(v, e.organization_id) && !e.archived_at) row->ShowSection("E_MAY_EDIT");
}

}  // namespace

http::Response register_page(Context& ctx) {
  auto format = documents::table_format(ctx);
  RegisterFilter f = register_filter(ctx);
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto entries = filtered(*lease, n, v, f);
  if (format != documents::TableFormat::html) return register_download(ctx, *lease, n, v, entries, format);

  web::Dict d = ctx.content_dict();
  auto option = [&](const char* section, const std::string& value, const std::string& label, bool selected) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (selected) o->ShowSection("SELECTED");
  };
  for (const auto& t : n.teams) option("TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.team_id == t.id);
  for (const auto& o : n.organizations) option("ORG_OPTIONS", o.id, o.name.in(ctx.lang), f.organization_id == o.id);
  option("VIEW_OPTIONS", "side", ctx.t("journal.sources.register.view.side"), f.view == "side");
  option("VIEW_OPTIONS", "time", ctx.t("journal.sources.register.view.time"), f.view == "time");
  if (f.archived) d.ShowSection("ARCHIVED_CHECKED");
  bool may_add = sees_everything(v.role) || (v.role == accounts::Role::partner && !v.organization_ids.empty());
  if (may_add && !f.archived) d.ShowSection("MAY_CREATE");

  // Groups: per round (side by side: organisations as rows) or per
  // organisation (over time: rounds as rows), in first-seen order.
  std::vector<std::string> group_keys;
  std::map<std::string, std::vector<const Expectation*>> groups;
  std::vector<const Expectation*> ordered;
  for (const auto& e : entries) ordered.push_back(&e);
  if (f.view == "side")
    std::stable_sort(ordered.begin(), ordered.end(), [](const Expectation* a, const Expectation* b) {
      return a->captured_on < b->captured_on;
    });
  for (const auto* e : ordered) {
    std::string key = f.view == "side" ? e->round : e->organization_id;
    if (!groups.count(key)) group_keys.push_back(key);
    groups[key].push_back(e);
  }
  if (f.view == "time")
    std::sort(group_keys.begin(), group_keys.end(), [&](const std::string& a, const std::string& b) {
      return org_name(ctx, n, a) < org_name(ctx, n, b);
    });
  for (const auto& key : group_keys) {
    auto* g = d.AddSectionDictionary("GROUPS");
    g->SetValue("G_TITLE", f.view == "side" ? key : org_name(ctx, n, key));
    g->SetValue("G_ROW_HEADER", ctx.t(f.view == "side" ? "journal.sources.expectation.field.organization_id"
                                                       : "journal.sources.expectation.field.round"));
    auto rows = groups[key];
    if (f.view == "side")
      std::stable_sort(rows.begin(), rows.end(), [&](const Expectation* a, const Expectation* b) {
        return org_name(ctx, n, a->organization_id) < org_name(ctx, n, b->organization_id);
      });
    for (const auto* e : rows)
      fill_entry(ctx, g->AddSectionDictionary("ENTRIES"), *lease, v, *e,
                 f.view == "side" ? org_name(ctx, n, e->organization_id) : e->round);
  }
  if (entries.empty()) d.ShowSection("EMPTY");
  std::string q = "view=" + f.view;
  if (!f.team_id.empty()) q += "&team=" + http::url_encode(f.team_id);
  if (!f.organization_id.empty()) q += "&organization=" + http::url_encode(f.organization_id);
  if (f.archived) q += "&archived=1";
  d.SetValue("CSV_HREF", "/journal/sources/expectations?" + q + "&format=csv");
  d.SetValue("XLSX_HREF", "/journal/sources/expectations?" + q + "&format=xlsx");
  return ctx.page("journal_sources_register", ctx.t("journal.sources.register"), d);
}

// ---- the entry form ------------------------------------------------------------------------

namespace {

http::Fields entry_fields(const Expectation& e) {
  return {{"organization_id", e.organization_id}, {"round", e.round},       {"captured_on", e.captured_on},
          {"activity_id", e.activity_id},         {"visibility", e.visibility}, {"team_id", e.team_id},
          {"expects", e.expects},
          {"brings", e.brings},                   {"worries", e.worries},   {"version", std::to_string(e.version)}};
}

Expectation read_entry(const http::Form& f) {
  Expectation e;
  e.organization_id = text::trimmed(f.get("organization_id"));
  e.round = text::trimmed(f.get("round"));
  e.captured_on = text::trimmed(f.get("captured_on"));
  e.activity_id = text::trimmed(f.get("activity_id"));
  e.visibility = f.get("visibility").empty() ? "network" : f.get("visibility");
  e.team_id = e.visibility == "team" ? text::trimmed(f.get("team_id")) : "";
  e.expects = f.get("expects");
  e.brings = f.get("brings");
  e.worries = f.get("worries");
  return e;
}

// Field checks that need the database: the organisation and the activity exist and are visible.
void check_entry(store::Connection& c, const core::Network& n, const Viewer& v, const Expectation& e, FieldErrors& errors) {
  if (!e.organization_id.empty() && !n.organization(e.organization_id))
    errors["organization_id"] = "journal.error.organization_unknown";
  if (!e.activity_id.empty()) {
    auto a = e.activity_id.size() > 100 ? std::nullopt : load_activity(c, e.activity_id);
    if (!a || !may_see(v, a->visibility, a->team_id)) errors["activity_id"] = "journal.sources.error.activity_unknown";
  }
  std::vector<std::string> org_teams;
  for (const auto& t : n.teams)
    if (std::find(t.member_ids.begin(), t.member_ids.end(), e.organization_id) != t.member_ids.end())
      org_teams.push_back(t.id);
  for (auto& [field, key] : validate_expectation(e, v, org_teams)) errors.emplace(field, key);
}

http::Response entry_form(Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                          int status, bool stale = false) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  web::Dict d = ctx.content_dict();
  d.SetValue("HEADING", ctx.t(id.empty() ? "journal.sources.expectation.new" : "journal.sources.expectation.edit"));
  d.SetValue("ACTION", id.empty() ? "/journal/sources/expectations/new" : "/journal/sources/expectations/" + id + "/edit");
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  if (!id.empty()) d.SetValueAndShowSection("ENTRY_ID", id, "MAY_ARCHIVE");
  if (stale) d.ShowSection("STALE");
  for (const char* field : {"round", "captured_on", "expects", "brings", "worries"}) {
    std::string key = field;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, f.get(field));
  }
  if (!errors.empty()) d.ShowSection("HAS_ERRORS");
  for (const auto& [field, key] : errors) {
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", field);
    e->SetValue("FIELD_LABEL", ctx.t("journal.sources.expectation.field." + field));
    e->SetValue("MESSAGE", ctx.t(key));
  }
  auto option = [&](const char* section, const std::string& value, const std::string& label, bool selected) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (selected) o->ShowSection("SELECTED");
  };
  for (const auto& o : n.organizations)
    if (may_edit_expectations(v, o.id))
      option("ORG_OPTIONS", o.id, o.name.in(ctx.lang), f.get("organization_id") == o.id);
  for (const char* vis : {"network", "team", "facilitators"})
    if (may_choose_visibility(v, vis))
      option("VISIBILITY_OPTIONS", vis, ctx.t(std::string("journal.visibility.") + vis), f.get("visibility") == vis);
  for (const auto& t : n.teams)
    if (may_choose_team(v, t.id)) option("TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.get("team_id") == t.id);
  // The most recent activities the viewer may see (and the linked one, wherever it is).
  ListFilter lf;
  lf.limit = kActivityChoices;
  bool linked_listed = f.get("activity_id").empty();
  for (const auto& a : list_activities(*lease, v, lf).items) {
    option("ACTIVITY_OPTIONS", a.id, a.title + " (" + local_date_time(a.starts_at).substr(0, 10) + ")",
           f.get("activity_id") == a.id);
    linked_listed |= f.get("activity_id") == a.id;
  }
  if (!linked_listed)
    if (std::string title = activity_title(*lease, v, f.get("activity_id")); !title.empty())
      option("ACTIVITY_OPTIONS", f.get("activity_id"), title, true);
  std::vector<std::string> rounds;
  for (const auto& e : list_expectations(*lease, v, {}))
    if (std::find(rounds.begin(), rounds.end(), e.round) == rounds.end()) rounds.push_back(e.round);
  for (const auto& r : rounds) d.AddSectionDictionary("ROUND_SUGGESTIONS")->SetValue("VALUE", r);
  return ctx.page("journal_sources_expectation_form", ctx.t(id.empty() ? "journal.sources.expectation.new"
                                                                       : "journal.sources.expectation.edit"),
                  d, status);
}

std::string entry_param(const Context& ctx) {
  std::string id = ctx.param("entry_id");
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

// The entry of the path for a change: visible (404) and editable by the caller (403).
Expectation editable_entry(app::Change& change, const std::string& id) {
  Viewer v = viewer(change.ctx, core::load_network(change.db));
  auto e = load_expectation(change.db, id);
  if (!e || !may_see_expectation(v, *e)) throw HttpError(404, "not_found", "error.not_found");
  if (!may_edit_expectations(v, e->organization_id)) throw HttpError(403, "forbidden", "journal.sources.error.not_your_organization");
  return *e;
}

std::optional<std::int64_t> version_of(const http::Form& f) {
  if (f.get("version").empty()) return std::nullopt;
  auto v = parse_bounded(f.get("version"), 0, INT64_MAX);
  if (!v) throw HttpError(400, "bad_request", "error.bad_request");
  return v;
}

void require_writer(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  auto r = ctx.user()->role;
  if (!sees_everything(r) && r != accounts::Role::partner) throw HttpError(403, "forbidden", "error.forbidden");
}

}  // namespace

http::Response expectation_new_page(Context& ctx) {
  require_writer(ctx);
  http::Fields defaults{{"visibility", "network"}, {"captured_on", local_date_time(ctx.now).substr(0, 10)}};
  if (auto o = ctx.req.query_param("organization")) defaults.emplace_back("organization_id", o->substr(0, 100));
  if (auto a = ctx.req.query_param("activity")) defaults.emplace_back("activity_id", a->substr(0, 100));
  return entry_form(ctx, http::Form(defaults), {}, "", 200);
}

http::Response expectation_create_page(Context& ctx) {
  require_writer(ctx);
  const auto& f = ctx.form();
  Expectation e = read_entry(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      core::Network n = core::load_network(change.db);
      FieldErrors errors;
      check_entry(change.db, n, viewer(ctx, n), e, errors);
      if (!errors.empty()) throw Invalid{errors};
      insert_expectation(change, e);
    });
  } catch (const Invalid& i) {
    return entry_form(ctx, f, i.errors, "", 422);
  }
  return http::Response::redirect("/journal/sources/expectations?organization=" + http::url_encode(e.organization_id) +
                                  "&view=time&done=journal_sources_expectation_saved");
}

http::Response expectation_edit_page(Context& ctx) {
  std::string id = entry_param(ctx);
  Expectation e = [&] {
    auto lease = ctx.app.db().acquire();
    Viewer v = viewer(ctx, core::load_network(*lease));
    auto found = load_expectation(*lease, id);
    if (!found || !may_see_expectation(v, *found)) throw HttpError(404, "not_found", "error.not_found");
    if (!may_edit_expectations(v, found->organization_id))
      throw HttpError(403, "forbidden", "journal.sources.error.not_your_organization");
    return *found;
  }();
  if (e.archived_at) throw app::ArchivedRecordError();
  return entry_form(ctx, http::Form(entry_fields(e)), {}, id, 200);
}

http::Response expectation_update_page(Context& ctx) {
  std::string id = entry_param(ctx);
  const auto& f = ctx.form();
  auto expected = version_of(f);
  Expectation next = read_entry(f);
  try {
    app::write(ctx, [&](app::Change& change) {
      Expectation before = editable_entry(change, id);
      core::Network n = core::load_network(change.db);
      FieldErrors errors;
      check_entry(change.db, n, viewer(ctx, n), next, errors);
      if (!errors.empty()) throw Invalid{errors};
      update_expectation(change, before, next, expected);
    });
  } catch (const Invalid& i) {
    return entry_form(ctx, f, i.errors, id, 422);
  } catch (const app::StaleVersion&) {
    return entry_form(ctx, f, {}, id, 409, true);  // the input stays in the form
  }
  return http::Response::redirect("/journal/sources/expectations?organization=" + http::url_encode(next.organization_id) +
                                  "&view=time&done=journal_sources_expectation_saved");
}

http::Response expectation_archive_page(Context& ctx) {
  std::string id = entry_param(ctx);
  auto expected = version_of(ctx.form());
  app::write(ctx, [&](app::Change& change) {
    editable_entry(change, id);
    core::set_archived(change, expectation_ref(id), true, expected);
  });
  return http::Response::redirect("/journal/sources/expectations?done=journal_sources_expectation_archived");
}

}  // namespace samen::journal
