// Actions ↔ journal activities (handlers.hpp): the link table is the plan's
// (plan_activity_links). An action's page lists the linked activities as its
// evidence, filtered by the journal's own visibility (a partner never sees a
// facilitators-only activity through the plan); a journal activity's page
// shows, through the record panel "journal.activity", the actions it serves.
// Who may edit the action adds and removes links, and only to activities
// they may see.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/store.hpp"
#include "plan/handlers.hpp"
#include "util/text.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kChoosableActivities = 200;

// The activity, if the caller may see it; 404 otherwise (its existence does not leak).
journal::Activity visible_activity(store::Connection& c, const Viewer& v, const std::string& id) {
  std::optional<journal::Activity> a;
  if (!id.empty() && id.size() <= 100) a = journal::load_activity(c, id);
  if (!a || a->archived_at || !journal::may_see(v, a->visibility, a->team_id))
    throw HttpError(404, "not_found", "plan.error.activity_unknown");
  return *a;
}

std::string back_to(Context& ctx, const std::string& item_id, const std::string& activity_id) {
  if (ctx.form().get("back") == "activity") return "/journal/" + activity_id + "?done=plan_link_saved#plan-actions";
  return "/plan/items/" + item_id + "?done=plan_link_saved#evidence";
}

std::string type_label(const Context& ctx, const std::vector<journal::ActivityType>& types, const std::string& code) {
  for (const auto& t : types)
    if (t.code == code) return t.label(ctx.lang);
  return code;
}

}  // namespace

// The item and activity a link form names (404 when one is missing or too long).
static std::string form_id(Context& ctx, const char* name) {
  std::string id = text::trimmed(ctx.form().get(name));
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

http::Response link_activity_page(Context& ctx) {
  std::string id = form_id(ctx, "item_id");
  std::string activity_id = text::trimmed(ctx.form().get("activity_id"));
  if (activity_id.empty()) throw HttpError(422, "validation", "plan.error.activity_required");
  app::write(ctx, [&](app::Change& change) {
    Item item = editable_item(change, id);
    if (item.archived_at) throw app::ArchivedRecordError();
    if (item.kind != "action") throw HttpError(422, "validation", "plan.error.link_action_only");
    visible_activity(change.db, viewer(ctx, core::load_network(change.db)), activity_id);
    link_activity(change, id, activity_id);
  });
  return http::Response::redirect(back_to(ctx, id, activity_id));
}

http::Response unlink_activity_page(Context& ctx) {
  std::string id = form_id(ctx, "item_id"), activity_id = form_id(ctx, "activity_id");
  app::write(ctx, [&](app::Change& change) {
    editable_item(change, id);
    visible_activity(change.db, viewer(ctx, core::load_network(change.db)), activity_id);
    if (!unlink_activity(change, id, activity_id)) throw HttpError(404, "not_found", "error.not_found");
  });
  return http::Response::redirect(back_to(ctx, id, activity_id));
}

std::string evidence_section(Context& ctx, store::Connection& c, const Viewer& v, const Item& item, bool editable) {
  if (item.kind != "action") return "";
  auto linked = linked_activities(c, item.id, v);
  auto types = journal::activity_types(c, true);
  web::Dict d("plan_evidence");
  d.SetValue("ITEM_ID", item.id);
  d.SetValue("CSRF", ctx.csrf);
  for (const auto& a : linked) {
    auto* row = d.AddSectionDictionary("LINKED");
    row->SetValue("A_ID", a.id);
    row->SetValue("A_TITLE", a.title);
    row->SetValue("A_WHEN", i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::medium_date));
    row->SetValue("A_TYPE", type_label(ctx, types, a.type));
    if (editable) row->ShowSection("A_MAY_REMOVE");
  }
  if (linked.empty()) d.ShowSection("NONE");
  if (editable) {
    journal::ListFilter f;
    f.limit = kChoosableActivities;
    auto recent = journal::list_activities(c, v, f);
    web::Dict* add = nullptr;
    for (const auto& a : recent.items) {
      if (std::any_of(linked.begin(), linked.end(), [&](const LinkedActivity& l) { return l.id == a.id; })) continue;
      if (!add) add = d.AddSectionDictionary("ADD");
      auto* o = add->AddSectionDictionary("ACTIVITY_OPTIONS");
      o->SetValue("VALUE", a.id);
      o->SetValue("LABEL", i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::short_date) + " – " + a.title);
    }
  }
  return web::render(ctx.lang, "plan_evidence", d);
}

std::string activity_panel(Context& ctx, store::Connection& c, const std::string& activity_id) {
  if (!ctx.user()) return "";
  core::Network n = core::load_network(c);
  Viewer v = viewer(ctx, n);
  auto served = items_of_activity(c, activity_id);
  auto a = journal::load_activity(c, activity_id);
  bool may_add = a && !a->archived_at && may_create(v.role);
  web::Dict d("plan_activity_panel");
  d.SetValue("ACTIVITY_ID", activity_id);
  d.SetValue("CSRF", ctx.csrf);
  for (const auto& i : served) {
    auto* row = d.AddSectionDictionary("ACTIONS");
    row->SetValue("I_ID", i.id);
    row->SetValue("I_TITLE", i.title);
    row->SetValue("I_LEVEL", level_label(ctx, n, i.team_id));
    row->SetValue("I_STATUS", status_label(ctx, i.status));
    row->SetValue("I_STATUS_CODE", i.status);
    if (may_edit(v, i)) row->ShowSection("I_MAY_REMOVE");
  }
  if (served.empty()) d.ShowSection("NONE");
  int choosable = 0;
  if (may_add) {
    ItemFilter f;
    f.kind = "action";
    web::Dict* add = nullptr;
    for (const auto& i : list_items(c, f).items) {
      if (!may_edit(v, i)) continue;
      if (std::any_of(served.begin(), served.end(), [&](const Item& s) { return s.id == i.id; })) continue;
      if (!add) add = d.AddSectionDictionary("ADD");
      auto* o = add->AddSectionDictionary("ACTION_OPTIONS");
      o->SetValue("VALUE", i.id);
      o->SetValue("LABEL", i.title + " (" + level_label(ctx, n, i.team_id) + ")");
      ++choosable;
    }
  }
  if (served.empty() && !choosable) return "";
  return web::render(ctx.lang, "plan_activity_panel", d);
}

}  // namespace samen::plan
