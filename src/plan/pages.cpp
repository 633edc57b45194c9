// The plan's pages (handlers.hpp): the roll-up of the whole plan or one level
// (the Brussels-wide partnership or a local team) with its CSV/XLSX export,
// an objective's or action's page (its place in the tree, status history,
// indicators, evidence, methods, later modules' panels, field history), the item form (new and edit, with a
// hidden version), status changes with a reason, archive and restore. Every
// page works without JavaScript; every form carries the CSRF token.
#include <algorithm>
#include <map>
#include <set>

#include "app/app.hpp"
#include "app/routes.hpp"
#include "app/write.hpp"
#include "documents/download.hpp"
#include "documents/markdown.hpp"
#include "i18n/brussels_time.hpp"
#include "journal/store.hpp"
#include "plan/handlers.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;

// ---- shared helpers (handlers.hpp) ----------------------------------------------------------

const accounts::User& me(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  return *ctx.user();
}

Viewer viewer(const Context& ctx, const core::Network& n) { return journal::viewer_of(me(ctx), n); }

std::string path_id(const Context& ctx, const char* name) {
  std::string id = ctx.param(name);
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

std::optional<std::int64_t> form_version(const http::Form& f) {
  if (f.get("version").empty()) return std::nullopt;
  auto v = journal::parse_bounded(f.get("version"), 0, INT64_MAX);
  if (!v) throw HttpError(400, "bad_request", "error.bad_request");
  return v;
}

std::string level_label(const Context& ctx, const core::Network& n, const std::string& team_id) {
  if (team_id.empty()) return ctx.t("plan.level.brussels");
  if (auto t = n.team(team_id)) return t->name.in(ctx.lang);
  return team_id;
}

std::string status_label(const Context& ctx, const std::string& status) { return ctx.t("plan.status." + status); }

std::string budget_label(const Context& ctx, std::int64_t cents) {
  return ctx.tf("plan.budget_amount", {{"amount", static_cast<double>(cents) / 100.0}});
}

std::string date_label(const Context& ctx, const std::string& iso) {
  // A roll-up shows thousands of dates, most of them the same few hundred: each is formatted once per thread.
  thread_local std::map<std::pair<i18n::Lang, std::string>, std::string> formatted;
  auto key = std::make_pair(ctx.lang, iso);
  if (auto it = formatted.find(key); it != formatted.end()) return it->second;
  auto d = dates::parse_iso(iso);
  if (!d) return iso;
  if (formatted.size() > 20000) formatted.clear();
  // Noon UTC is the same calendar day in Brussels.
  return formatted[key] =
             i18n::format_time(ctx.lang, dates::days_since_epoch(*d) * 86400 + 43200, i18n::DateStyle::medium_date);
}

std::string period_label(const Context& ctx, const Item& i) {
  if (i.starts_on.empty() && i.ends_on.empty()) return "";
  return (i.starts_on.empty() ? "…" : date_label(ctx, i.starts_on)) + " – " +
         (i.ends_on.empty() ? "…" : date_label(ctx, i.ends_on));
}

std::string value_label(const Context& ctx, double v) { return i18n::format_number(ctx.lang, v, 2); }

std::string today(const Context& ctx) { return i18n::brussels_time(ctx.now).date; }

Item editable_item(app::Change& change, const std::string& id) {
  core::Network n = core::load_network(change.db);
  Viewer v = viewer(change.ctx, n);
  auto i = load_item(change.db, id);
  if (!i) throw HttpError(404, "not_found", "error.not_found");
  if (!may_edit(v, *i)) throw HttpError(403, "forbidden", "plan.error.not_yours");
  return *i;
}

void show_errors(const Context& ctx, web::Dict& d, const FieldErrors& errors) {
  if (errors.empty()) return;
  d.ShowSection("HAS_ERRORS");
  for (const auto& [field, key] : errors) {
    std::string upper = field;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    d.SetValueAndShowSection("MESSAGE", ctx.t(key), "ERR_" + upper);
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", field);
    e->SetValue("FIELD_LABEL", ctx.t("plan.field." + field));
    e->SetValue("MESSAGE", ctx.t(key));
  }
}

namespace {

constexpr int kMaxDepthClass = 6;

std::string org_names(const Context& ctx, const core::Network& n, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids)
    if (auto o = n.organization(id)) out += (out.empty() ? "" : ", ") + o->name.in(ctx.lang);
  return out;
}

// "5 actions: 2 on track, 1 at risk, ..." for the actions under an item.
std::string counts_text(const Context& ctx, const StatusCounts& counts) {
  std::int64_t total = 0;
  std::string parts;
  for (auto s : kStatuses) {
    std::int64_t n = counts.at(std::string(s));
    total += n;
    if (n) parts += (parts.empty() ? "" : ", ") + ctx.tf("plan.count.status", {{"count", n}, {"status", status_label(ctx, std::string(s))}});
  }
  if (!total) return ctx.t("plan.count.no_actions");
  return ctx.tf("plan.count.actions", {{"count", total}}) + ": " + parts;
}

// The items of a level in tree order with their depth: each objective (or
// item whose parent is elsewhere) followed by everything under it.
std::vector<std::pair<const Item*, int>> flatten(const Tree& tree, const std::vector<const Item*>& roots) {
  std::vector<std::pair<const Item*, int>> out;
  std::set<const Item*> seen;
  std::vector<std::pair<const Item*, int>> stack;
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.push_back({*it, 0});
  while (!stack.empty()) {
    auto [at, depth] = stack.back();
    stack.pop_back();
    if (!seen.insert(at).second) continue;
    out.push_back({at, depth});
    const auto& kids = tree.children(at->id);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back({*it, depth + 1});
  }
  return out;
}

void fill_row(const Context& ctx, const core::Network& n, const Tree& tree, web::Dict* row, const Item& i, int depth,
              const std::string& now) {
  row->SetValue("ID", i.id);
  row->SetValue("TITLE", i.title);
  row->SetValue("KIND", ctx.t("plan.kind." + i.kind));
  row->SetValue("DEPTH", std::to_string(std::min(depth, kMaxDepthClass)));
  row->SetValue("STATUS", status_label(ctx, i.status));
  row->SetValue("STATUS_CODE", i.status);
  if (auto p = period_label(ctx, i); !p.empty()) row->SetValueAndShowSection("PERIOD", p, "HAS_PERIOD");
  if (!i.owner_ids.empty()) row->SetValueAndShowSection("OWNERS", org_names(ctx, n, i.owner_ids), "HAS_OWNERS");
  if (i.budget_cents) row->SetValueAndShowSection("BUDGET", budget_label(ctx, *i.budget_cents), "HAS_BUDGET");
  if (overdue(i, now)) row->ShowSection("OVERDUE");
  if (i.kind == "objective") {
    row->ShowSection("IS_OBJECTIVE");
    std::vector<const Item*> actions;
    for (const Item* d : tree.descendants(i.id))
      if (d->kind == "action") actions.push_back(d);
    row->SetValue("COUNTS", counts_text(ctx, count_statuses(actions)));
  }
}

struct Selection {
  std::string team;  // "", "brussels" or a team id
};

Selection selection_from_query(const Context& ctx, const core::Network& n) {
  Selection s;
  s.team = text::trimmed(ctx.req.query_param("team").value_or(""));
  if (!s.team.empty() && s.team != "brussels" && !n.team(s.team)) throw HttpError(404, "not_found", "plan.error.team_unknown");
  return s;
}

bool in_selection(const Selection& s, const Item& i) {
  if (s.team.empty()) return true;
  if (s.team == "brussels") return i.team_id.empty();
  return i.team_id == s.team;
}

http::Response rollup_download(Context& ctx, const core::Network& n, const Tree& tree,
                               const std::vector<std::pair<const Item*, int>>& rows, documents::TableFormat format) {
  using documents::ColumnType;
  documents::Table table({{ctx.t("plan.field.level"), ColumnType::text},
                          {ctx.t("plan.field.objective"), ColumnType::text},
                          {ctx.t("plan.field.kind"), ColumnType::text},
                          {ctx.t("plan.field.depth"), ColumnType::integer},
                          {ctx.t("plan.field.title"), ColumnType::text},
                          {ctx.t("plan.field.status"), ColumnType::text},
                          {ctx.t("plan.field.status_reason"), ColumnType::text},
                          {ctx.t("plan.field.starts_on"), ColumnType::date},
                          {ctx.t("plan.field.ends_on"), ColumnType::date},
                          {ctx.t("plan.field.owner_ids"), ColumnType::text},
                          {ctx.t("plan.field.budget"), ColumnType::number},
                          {ctx.t("plan.field.description"), ColumnType::text}});
  for (const auto& [i, depth] : rows) {
    const Item* objective = tree.objective_of(i->id);
    table.add_row({level_label(ctx, n, i->team_id), objective ? objective->title : std::string(),
                   ctx.t("plan.kind." + i->kind), static_cast<std::int64_t>(depth), i->title, status_label(ctx, i->status),
                   i->status_reason,
                   i->starts_on.empty() ? documents::Cell{} : documents::Cell{documents::Date{i->starts_on}},
                   i->ends_on.empty() ? documents::Cell{} : documents::Cell{documents::Date{i->ends_on}},
                   org_names(ctx, n, i->owner_ids),
                   i->budget_cents ? documents::Cell{static_cast<double>(*i->budget_cents) / 100.0} : documents::Cell{},
                   i->description});
  }
  return documents::table_download(table, format, "plan");
}

}  // namespace

// ---- the roll-up -----------------------------------------------------------------------------

http::Response rollup_page(Context& ctx) {
  auto format = documents::table_format(ctx);
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  Selection sel = selection_from_query(ctx, n);
  auto items = active_items(*lease);
  Tree tree(items);
  const std::string now = today(ctx);

  // Levels in order: the Brussels-wide partnership, then each team with items.
  std::vector<std::string> levels;
  if (sel.team.empty() || sel.team == "brussels") levels.push_back("");
  for (const auto& t : n.teams)
    if (sel.team.empty() ? std::any_of(items.begin(), items.end(), [&](const Item& i) { return i.team_id == t.id; })
                         : sel.team == t.id)
      levels.push_back(t.id);

  // Per Brussels-wide objective, the local teams whose objectives or actions contribute to it.
  std::map<std::string, std::set<std::string>> contributing;
  for (const auto& other : items)
    for (const auto& o : other.contributes_to) contributing[o].insert(level_label(ctx, n, other.team_id));
  std::vector<std::pair<const Item*, int>> all_rows;
  std::vector<const Item*> selected;
  web::Dict d = ctx.content_dict();
  for (const auto& level : levels) {
    std::vector<const Item*> roots;
    for (const Item* top : tree.children(""))
      if (top->team_id == level) roots.push_back(top);
    auto rows = flatten(tree, roots);
    auto* section = d.AddSectionDictionary("LEVELS");
    section->SetValue("LEVEL", level_label(ctx, n, level));
    section->SetValue("LEVEL_ID", level.empty() ? "brussels" : level);
    if (rows.empty()) section->ShowSection("LEVEL_EMPTY");
    for (const auto& [i, depth] : rows) {
      auto* row = section->AddSectionDictionary("ROWS");
      fill_row(ctx, n, tree, row, *i, depth, now);
      if (auto c = contributing.find(i->id); c != contributing.end() && sel.team.empty()) {
        std::string joined;
        for (const auto& t : c->second) joined += (joined.empty() ? "" : ", ") + t;
        row->SetValueAndShowSection("CONTRIBUTING", joined, "HAS_CONTRIBUTING");
      }
    }
    all_rows.insert(all_rows.end(), rows.begin(), rows.end());
  }
  for (const auto& i : items)
    if (in_selection(sel, i) && i.kind == "action") selected.push_back(&i);
  if (format != documents::TableFormat::html) return rollup_download(ctx, n, tree, all_rows, format);

  auto counts = count_statuses(selected);
  for (auto s : kStatuses) {
    auto* c = d.AddSectionDictionary("SUMMARY");
    c->SetValue("STATUS", status_label(ctx, std::string(s)));
    c->SetValue("STATUS_CODE", std::string(s));
    c->SetValue("COUNT", i18n::format_integer(ctx.lang, counts.at(std::string(s))));
  }
  std::int64_t overdue_count = std::count_if(selected.begin(), selected.end(), [&](const Item* i) { return overdue(*i, now); });
  d.SetValue("OVERDUE_COUNT", i18n::format_integer(ctx.lang, overdue_count));
  std::int64_t budget = 0;
  for (const auto& i : items)
    if (in_selection(sel, i) && i.budget_cents) budget += *i.budget_cents;
  d.SetValue("BUDGET_TOTAL", budget_label(ctx, budget));
  auto option = [&](const std::string& value, const std::string& label) {
    auto* o = d.AddSectionDictionary("TEAM_OPTIONS");
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (sel.team == value) o->ShowSection("SELECTED");
  };
  option("brussels", ctx.t("plan.level.brussels"));
  for (const auto& t : n.teams) option(t.id, t.name.in(ctx.lang));
  if (may_create(v.role)) d.ShowSection("MAY_CREATE");
  std::string q = sel.team.empty() ? "" : "team=" + http::url_encode(sel.team) + "&";
  d.SetValue("CSV_HREF", "/plan?" + q + "format=csv");
  d.SetValue("XLSX_HREF", "/plan?" + q + "format=xlsx");
  d.SetValue("HEADING", sel.team.empty() ? ctx.t("plan.title") : ctx.tf("plan.title_level", {{"level", level_label(ctx, n, sel.team == "brussels" ? "" : sel.team)}}));
  return ctx.page("plan_rollup", ctx.t("plan.title"), d);
}

// ---- the form --------------------------------------------------------------------------------

namespace {

http::Fields form_fields(const Item& i) {
  http::Fields f{{"kind", i.kind},
                 {"parent_id", i.parent_id},
                 {"team_id", i.team_id},
                 {"title", i.title},
                 {"description", i.description},
                 {"status", i.status},
                 {"status_reason", i.status_reason},
                 {"starts_on", i.starts_on},
                 {"ends_on", i.ends_on},
                 {"budget", i.budget_cents ? budget_decimal(*i.budget_cents) : ""},
                 {"version", std::to_string(i.version)}};
  for (const auto& o : i.owner_ids) f.emplace_back("owner_ids", o);
  for (const auto& o : i.contributes_to) f.emplace_back("contributes_to", o);
  return f;
}

std::vector<std::string> unique_values(const std::vector<std::string>& all) {
  std::vector<std::string> out;
  for (const auto& v : all)
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  return out;
}

// The posted form as an item; a budget that is no amount goes to `errors`.
Item read_form(const http::Form& f, FieldErrors& errors) {
  Item i;
  i.kind = text::trimmed(f.get("kind"));
  i.parent_id = text::trimmed(f.get("parent_id"));
  i.team_id = text::trimmed(f.get("team_id"));
  i.title = text::trimmed(f.get("title"));
  i.description = f.get("description");
  i.status = f.get("status").empty() ? "not_started" : f.get("status");
  i.status_reason = text::trimmed(f.get("status_reason"));
  i.starts_on = text::trimmed(f.get("starts_on"));
  i.ends_on = text::trimmed(f.get("ends_on"));
  if (std::string b = text::trimmed(f.get("budget")); !b.empty()) {
    if (auto cents = parse_budget(b)) i.budget_cents = *cents;
    else errors["budget"] = "plan.error.budget";
  }
  i.owner_ids = unique_values(f.all("owner_ids"));
  i.contributes_to = unique_values(f.all("contributes_to"));
  if (i.kind == "objective") i.parent_id.clear();
  return i;
}

http::Response form_page(Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                         int status, bool stale = false) {
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  auto items = active_items(*lease);
  Tree tree(items);
  web::Dict d = ctx.content_dict();
  bool objective = f.get("kind") == "objective";
  d.SetValue("HEADING", ctx.t(!id.empty() ? "plan.edit" : objective ? "plan.new_objective" : "plan.new_action"));
  d.SetValue("ACTION", id.empty() ? "/plan/new" : "/plan/items/" + id + "/edit");
  d.SetValue("BACK_HREF", id.empty() ? "/plan" : "/plan/items/" + id);
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  else d.ShowSection("IS_NEW");
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", "/plan/items/" + id, "STALE");
  for (const char* field : {"title", "description", "starts_on", "ends_on", "budget", "status_reason"}) {
    std::string key = field;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, f.get(field));
  }
  show_errors(ctx, d, errors);
  auto option = [&](const char* section, const std::string& value, const std::string& label, bool selected) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (selected) o->ShowSection("SELECTED");
  };
  auto in = [](const std::vector<std::string>& all, const std::string& v) {
    return std::find(all.begin(), all.end(), v) != all.end();
  };
  for (auto k : kKinds) option("KIND_OPTIONS", std::string(k), ctx.t("plan.kind." + std::string(k)), f.get("kind") == k);
  for (auto s : kStatuses) option("STATUS_OPTIONS", std::string(s), status_label(ctx, std::string(s)), f.get("status") == s);
  for (const auto& t : n.teams) option("TEAM_OPTIONS", t.id, t.name.in(ctx.lang), f.get("team_id") == t.id);
  auto owners = f.all("owner_ids");
  for (const auto& o : n.organizations) option("ORG_OPTIONS", o.id, o.name.in(ctx.lang), in(owners, o.id));
  // Parents: every active item but the item itself and what hangs under it, in tree order.
  std::set<std::string> excluded;
  if (!id.empty()) {
    excluded.insert(id);
    for (const Item* d2 : tree.descendants(id)) excluded.insert(d2->id);
  }
  for (const auto& [i, depth] : flatten(tree, tree.children(""))) {
    if (excluded.count(i->id)) continue;
    option("PARENT_OPTIONS", i->id, std::string(static_cast<std::size_t>(depth) * 2, '-') + (depth ? " " : "") + i->title +
                                        " (" + level_label(ctx, n, i->team_id) + ")",
           f.get("parent_id") == i->id);
  }
  auto contributes = f.all("contributes_to");
  for (const Item* top : tree.children(""))
    if (top->kind == "objective" && top->team_id.empty())
      option("CONTRIB_OPTIONS", top->id, top->title, in(contributes, top->id));
  return ctx.page("plan_form", ctx.t(!id.empty() ? "plan.edit" : objective ? "plan.new_objective" : "plan.new_action"), d,
                  status);
}

}  // namespace

http::Response new_item_page(Context& ctx) {
  if (!may_create(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  std::string kind = ctx.req.query_param("kind").value_or("action") == "objective" ? "objective" : "action";
  http::Fields defaults{{"kind", kind}, {"status", "not_started"}};
  std::string parent = text::trimmed(ctx.req.query_param("parent").value_or(""));
  std::string team = text::trimmed(ctx.req.query_param("team").value_or(""));
  if (!parent.empty() && parent.size() <= 100) {
    auto lease = ctx.app.db().acquire();
    if (auto p = load_item(*lease, parent)) {
      defaults.emplace_back("parent_id", p->id);
      team = p->team_id;
      defaults.emplace_back("starts_on", p->starts_on);
      defaults.emplace_back("ends_on", p->ends_on);
    }
  }
  if (team != "brussels") defaults.emplace_back("team_id", team);
  return form_page(ctx, http::Form(defaults), {}, "", 200);
}

http::Response create_item_page(Context& ctx) {
  if (!may_create(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  const auto& f = ctx.form();
  FieldErrors errors;
  Item item = read_form(f, errors);
  try {
    std::string id = app::write(ctx, [&](app::Change& change) {
      for (auto& [k, v] : validate(item)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      check_references(change.db, item);
      core::Network n = core::load_network(change.db);
      if (!may_edit(viewer(ctx, n), item)) throw Invalid{{{"team_id", "plan.error.not_yours_new"}}};
      insert_item(change, item);
      return item.id;
    });
    return http::Response::redirect("/plan/items/" + id + "?done=plan_saved");
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, "", 422);
  }
}

http::Response edit_item_page(Context& ctx) {
  std::string id = path_id(ctx);
  Item i = [&] {
    auto lease = ctx.app.db().acquire();
    core::Network n = core::load_network(*lease);
    auto found = load_item(*lease, id);
    if (!found) throw HttpError(404, "not_found", "error.not_found");
    if (!may_edit(viewer(ctx, n), *found)) throw HttpError(403, "forbidden", "plan.error.not_yours");
    return *found;
  }();
  if (i.archived_at) throw app::ArchivedRecordError();
  return form_page(ctx, http::Form(form_fields(i)), {}, id, 200);
}

http::Response update_item_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  auto expected = form_version(f);
  FieldErrors errors;
  Item next = read_form(f, errors);
  try {
    app::write(ctx, [&](app::Change& change) {
      Item before = editable_item(change, id);
      next.id = id;
      next.status = before.status;  // status changes go through the status form, with a reason
      next.status_reason = before.status_reason;
      next.method_ids = before.method_ids;  // the form edits no links: the page's methods section does
      for (auto& [k, v] : validate(next)) errors.emplace(k, v);
      if (!errors.empty()) throw Invalid{errors};
      check_references(change.db, next);
      // A partner cannot move an item where they could not edit it any more.
      if (!may_edit(viewer(ctx, core::load_network(change.db)), next)) throw Invalid{{{"team_id", "plan.error.not_yours_new"}}};
      update_item(change, before, next, expected);
    });
    return http::Response::redirect("/plan/items/" + id + "?done=plan_saved");
  } catch (const Invalid& e) {
    return form_page(ctx, f, e.errors, id, 422);
  } catch (const app::StaleVersion&) {
    return form_page(ctx, f, {}, id, 409, true);
  }
}

http::Response status_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  auto expected = form_version(f);
  std::string status = f.get("status"), reason = text::trimmed(f.get("status_reason"));
  auto errors = check_status(status, reason);
  if (!errors.empty()) throw HttpError(422, "validation", errors.begin()->second);
  app::write(ctx, [&](app::Change& change) {
    Item before = editable_item(change, id);
    if (before.archived_at) throw app::ArchivedRecordError();
    change_status(change, before, status, reason, expected);
  });
  return http::Response::redirect("/plan/items/" + id + "?done=plan_status_saved#status-history");
}

namespace {

http::Response set_archive(Context& ctx, bool archive) {
  std::string id = path_id(ctx);
  auto expected = form_version(ctx.form());
  app::write(ctx, [&](app::Change& change) {
    Item i = editable_item(change, id);
    if (archive && change.db.exec("SELECT COUNT(*) FROM plan_items WHERE parent_id = ? AND archived_at IS NULL", {id})
                           .rows.at(0).int64(0) > 0)
      throw HttpError(409, "conflict", "plan.error.has_children");
    if (!archive && !i.parent_id.empty()) {
      auto parent = load_item(change.db, i.parent_id);
      if (!parent || parent->archived_at) throw HttpError(409, "conflict", "plan.error.parent_archived");
    }
    core::set_archived(change, item_ref(id), archive, expected);
  });
  return http::Response::redirect("/plan/items/" + id + (archive ? "?done=plan_archived" : "?done=plan_restored"));
}

}  // namespace

http::Response archive_item_page(Context& ctx) { return set_archive(ctx, true); }
http::Response restore_item_page(Context& ctx) { return set_archive(ctx, false); }

// ---- one objective or action -----------------------------------------------------------------

http::Response item_page(Context& ctx) {
  std::string id = path_id(ctx);
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto found = load_item(*lease, id);
  if (!found) throw HttpError(404, "not_found", "error.not_found");
  const Item& i = *found;
  auto items = active_items(*lease);
  Tree tree(items);
  const std::string now = today(ctx);

  web::Dict d = ctx.content_dict();
  d.SetValue("ID", i.id);
  d.SetValue("TITLE", i.title);
  d.SetValue("KIND", ctx.t("plan.kind." + i.kind));
  d.SetValue("LEVEL", level_label(ctx, n, i.team_id));
  d.SetValue("LEVEL_ID", i.team_id.empty() ? "brussels" : i.team_id);
  d.SetValue("STATUS", status_label(ctx, i.status));
  d.SetValue("STATUS_CODE", i.status);
  d.SetValue("VERSION", std::to_string(i.version));
  if (!i.status_reason.empty()) d.SetValueAndShowSection("STATUS_REASON", i.status_reason, "HAS_STATUS_REASON");
  if (auto p = period_label(ctx, i); !p.empty()) d.SetValueAndShowSection("PERIOD", p, "HAS_PERIOD");
  if (overdue(i, now)) d.ShowSection("OVERDUE");
  if (i.budget_cents) d.SetValueAndShowSection("BUDGET", budget_label(ctx, *i.budget_cents), "HAS_BUDGET");
  if (!i.owner_ids.empty()) d.SetValueAndShowSection("OWNERS", org_names(ctx, n, i.owner_ids), "HAS_OWNERS");
  if (!i.description.empty()) d.SetValueAndShowSection("DESCRIPTION_HTML", documents::markdown_to_html(i.description), "HAS_DESCRIPTION");
  // Where it hangs: the chain of parents up to its objective.
  std::vector<const Item*> chain;
  for (const Item* p = tree.find(i.parent_id); p && chain.size() < 100; p = tree.find(p->parent_id)) chain.push_back(p);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    auto* c = d.AddSectionDictionary("PARENTS");
    c->SetValue("P_ID", (*it)->id);
    c->SetValue("P_TITLE", (*it)->title);
  }
  if (!chain.empty()) d.ShowSection("HAS_PARENTS");
  for (const auto& o : i.contributes_to)
    if (const Item* target = tree.find(o)) {
      auto* c = d.AddSectionDictionary("CONTRIBUTES");
      c->SetValue("C_ID", target->id);
      c->SetValue("C_TITLE", target->title);
    }
  if (!i.contributes_to.empty()) d.ShowSection("HAS_CONTRIBUTES");
  // What hangs under it, and (a Brussels-wide objective) what the local teams contribute.
  auto under = flatten(tree, tree.children(i.id));
  for (const auto& [child, depth] : under) fill_row(ctx, n, tree, d.AddSectionDictionary("CHILDREN"), *child, depth, now);
  if (under.empty()) d.ShowSection("NO_CHILDREN");
  else {
    std::vector<const Item*> actions;
    for (const auto& [child, depth] : under)
      if (child->kind == "action") actions.push_back(child);
    d.SetValueAndShowSection("CHILD_COUNTS", counts_text(ctx, count_statuses(actions)), "HAS_CHILD_COUNTS");
  }
  if (i.kind == "objective" && i.team_id.empty()) {
    d.ShowSection("IS_BRUSSELS_OBJECTIVE");
    auto contributors = contributors_of(*lease, i.id);
    for (const auto& c : contributors) {
      auto* row = d.AddSectionDictionary("CONTRIBUTORS");
      row->SetValue("CT_ID", c.id);
      row->SetValue("CT_TITLE", c.title);
      row->SetValue("CT_LEVEL", level_label(ctx, n, c.team_id));
      row->SetValue("CT_KIND", ctx.t("plan.kind." + c.kind));
      row->SetValue("CT_STATUS", status_label(ctx, c.status));
      row->SetValue("CT_STATUS_CODE", c.status);
    }
    if (contributors.empty()) d.ShowSection("NO_CONTRIBUTORS");
  }
  bool editable = may_edit(v, i);
  if (i.archived_at) {
    d.ShowSection("ARCHIVED");
    if (editable) d.ShowSection("MAY_RESTORE");
  } else if (editable) {
    d.ShowSection("MAY_EDIT");
    for (auto s : kStatuses) {
      auto* o = d.AddSectionDictionary("STATUS_OPTIONS");
      o->SetValue("VALUE", std::string(s));
      o->SetValue("LABEL", status_label(ctx, std::string(s)));
      if (s == i.status) o->ShowSection("SELECTED");
    }
  }
  for (const auto& sc : status_changes_of(*lease, i.id)) {
    auto* row = d.AddSectionDictionary("STATUS_HISTORY");
    row->SetValue("SH_AT", i18n::format_time(ctx.lang, sc.at, i18n::DateStyle::date_time));
    row->SetValue("SH_PREVIOUS", sc.previous.empty() ? "" : status_label(ctx, sc.previous));
    row->SetValue("SH_STATUS", status_label(ctx, sc.status));
    row->SetValue("SH_REASON", sc.reason);
    row->SetValue("SH_ACTOR", sc.actor_label);
  }
  d.SetValue("INDICATORS_HTML", indicators_section(ctx, *lease, i, editable && !i.archived_at));
  d.SetValue("EVIDENCE_HTML", evidence_section(ctx, *lease, v, i, editable && !i.archived_at));
  d.SetValue("METHODS_HTML", methods_section(ctx, *lease, i, editable && !i.archived_at));
  // Later modules' parts of this page (parents' concerns that led to an action), behind the same read check.
  for (auto& html : ctx.app.routes().render_record_panels("plan.item", ctx, *lease, i.id))
    d.SetValueAndShowSection("PANEL_HTML", html, "RECORD_PANELS");
  for (const auto& h : core::history_of(*lease, "plan.item", i.id)) {
    auto* row = d.AddSectionDictionary("HISTORY");
    row->SetValue("AT", i18n::format_time(ctx.lang, h.at, i18n::DateStyle::date_time));
    row->SetValue("ACTION", ctx.t("plan.history." + h.action));
    row->SetValue("FIELD", h.field.empty() ? "" : ctx.t("plan.field." + h.field));
    row->SetValue("PREVIOUS", std::string(text::utf8_prefix(h.previous, 300)));
    row->SetValue("REPLACEMENT", std::string(text::utf8_prefix(h.replacement, 300)));
    row->SetValue("ACTOR", h.actor_label);
  }
  return ctx.page("plan_item", i.title, d);
}

}  // namespace samen::plan
