// Concerns ↔ the plan's actions (handlers.hpp): what the network does about
// a concern. The link table is parents' (parents_concern_actions, the later
// module's). The concern's page lists the linked actions with their level and
// status, and staff (who edit concerns) add and remove links there; the
// plan's action page shows the concerns that led to it through the record
// panel "plan.item". Every signed-in role reads both concerns and the plan,
// so neither list needs a filter beyond the routes' own.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "parents/handlers.hpp"
#include "plan/store.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::parents {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kPanelTextBytes = 200;  // a concern's text in the action's panel

std::string level_of(const Context& ctx, const core::Network& n, const std::string& team_id) {
  return team_id.empty() ? ctx.t("plan.level.brussels") : team_name(n, team_id, ctx.lang);
}

std::string form_action_id(Context& ctx) {
  std::string id = text::trimmed(ctx.form().get("action_id"));
  if (id.empty()) throw HttpError(422, "validation", "parents.error.action_required");
  if (id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

// The concern a link form names, for a change: it exists (404), is active (409) and the caller is staff (403).
Concern linkable_concern(app::Change& change, const std::string& id) {
  if (!may_edit(change.user().role)) throw HttpError(403, "forbidden", "error.forbidden");
  auto c = load_concern(change.db, id);
  if (!c) throw HttpError(404, "not_found", "error.not_found");
  if (c->archived_at) throw app::ArchivedRecordError();
  return *c;
}

}  // namespace

http::Response concern_link_action_page(Context& ctx) {
  std::string id = path_id(ctx);
  std::string action_id = form_action_id(ctx);
  app::write(ctx, [&](app::Change& change) {
    Concern c = linkable_concern(change, id);
    if (auto e = action_ids_error(change.db, {action_id}, {}); !e.empty()) throw HttpError(422, "validation", e);
    if (link_action(change, id, action_id) && c.published())
      change.after_commit([&app = ctx.app] { forget_public_pages(app); });
  });
  return http::Response::redirect("/parents/concerns/" + id + "?done=parents_link_saved#linked-actions");
}

http::Response concern_unlink_action_page(Context& ctx) {
  std::string id = path_id(ctx);
  std::string action_id = form_action_id(ctx);
  app::write(ctx, [&](app::Change& change) {
    Concern c = linkable_concern(change, id);
    if (!unlink_action(change, id, action_id)) throw HttpError(404, "not_found", "error.not_found");
    if (c.published()) change.after_commit([&app = ctx.app] { forget_public_pages(app); });
  });
  return http::Response::redirect("/parents/concerns/" + id + "?done=parents_link_removed#linked-actions");
}

std::string linked_actions_section(Context& ctx, store::Connection& c, const Concern& concern) {
  auto n = core::load_network(c);
  bool editable = ctx.user() && may_edit(ctx.user()->role) && !concern.archived_at;
  auto linked = linked_actions(c, concern.id);
  web::Dict d("parents_linked_actions");
  d.SetValue("ID", concern.id);
  d.SetValue("CSRF", ctx.csrf);
  for (const auto& a : linked) {
    auto* row = d.AddSectionDictionary("LINKED");
    row->SetValue("A_ID", a.id);
    row->SetValue("A_TITLE", a.title);
    row->SetValue("A_LEVEL", level_of(ctx, n, a.team_id));
    row->SetValue("A_STATUS", ctx.t("plan.status." + a.status));
    row->SetValue("A_STATUS_CODE", a.status);
    if (a.archived) row->ShowSection("A_ARCHIVED");
    if (editable) row->ShowSection("A_MAY_REMOVE");
  }
  if (linked.empty()) d.ShowSection("NONE");
  if (editable) {
    plan::ItemFilter f;
    f.kind = "action";
    web::Dict* add = nullptr;
    for (const auto& i : plan::list_items(c, f).items) {
      if (std::any_of(linked.begin(), linked.end(), [&](const LinkedAction& l) { return l.id == i.id; })) continue;
      if (!add) add = d.AddSectionDictionary("ADD");
      auto* o = add->AddSectionDictionary("ACTION_OPTIONS");
      o->SetValue("VALUE", i.id);
      o->SetValue("LABEL", i.title + " (" + level_of(ctx, n, i.team_id) + ")");
    }
  }
  return web::render(ctx.lang, "parents_linked_actions", d);
}

std::string action_panel(Context& ctx, store::Connection& c, const std::string& item_id) {
  if (!ctx.user()) return "";
  auto concerns = concerns_of_action(c, item_id);
  if (concerns.empty()) return "";
  auto th = themes(c, true);
  web::Dict d("parents_action_panel");
  for (const auto& x : concerns) {
    auto* row = d.AddSectionDictionary("CONCERNS");
    row->SetValue("C_ID", x.id);
    row->SetValue("C_TEXT", std::string(text::utf8_prefix(x.text, kPanelTextBytes)) + (x.text.size() > kPanelTextBytes ? "…" : ""));
    row->SetValue("C_THEME", theme_label(th, x.theme, ctx.lang));
    row->SetValue("C_RAISED_ON", x.raised_on);
    row->SetValue("C_STATUS", ctx.t("parents.status." + x.status));
    row->SetValue("C_STATUS_CODE", x.status);
  }
  return web::render(ctx.lang, "parents_action_panel", d);
}

}  // namespace samen::parents
