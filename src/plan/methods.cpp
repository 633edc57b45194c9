// Actions ↔ toolbox methods (handlers.hpp): the methods an action works with.
// The link table is the plan's (plan_action_methods; the toolbox comes
// before the plan). The action's page lists the linked methods (names in the
// reader's language) and, for who may edit the action, adds one from the
// published catalogue or removes one; the method's page lists the actions
// through the record panel "toolbox.method". Methods are read by every
// signed-in role once published (drafts cannot be linked), so no list here
// needs more than the routes' own check.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "plan/handlers.hpp"
#include "toolbox/store.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;

namespace {

std::string lang_code(const Context& ctx) { return std::string(i18n::code(ctx.lang)); }

std::string form_value(Context& ctx, const char* name, const char* missing_key) {
  std::string v = text::trimmed(ctx.form().get(name));
  if (v.empty()) throw HttpError(422, "validation", missing_key);
  if (v.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return v;
}

std::string back_to(Context& ctx, const std::string& item_id, const std::string& method_id) {
  if (ctx.form().get("back") == "method") return "/toolbox/" + method_id + "?done=plan_link_saved#plan-method-actions";
  return "/plan/items/" + item_id + "?done=plan_link_saved#methods";
}

}  // namespace

http::Response link_method_page(Context& ctx) {
  std::string id = form_value(ctx, "item_id", "error.not_found");
  std::string method_id = form_value(ctx, "method_id", "plan.error.method_required");
  app::write(ctx, [&](app::Change& change) {
    Item item = editable_item(change, id);
    if (item.archived_at) throw app::ArchivedRecordError();
    if (item.kind != "action") throw HttpError(422, "validation", "plan.error.methods_action_only");
    if (auto e = method_ids_error(change.db, {method_id}, {}); !e.empty()) throw HttpError(422, "validation", e);
    link_method(change, id, method_id);
  });
  return http::Response::redirect(back_to(ctx, id, method_id));
}

http::Response unlink_method_page(Context& ctx) {
  std::string id = form_value(ctx, "item_id", "error.not_found");
  std::string method_id = form_value(ctx, "method_id", "plan.error.method_required");
  app::write(ctx, [&](app::Change& change) {
    editable_item(change, id);
    if (!unlink_method(change, id, method_id)) throw HttpError(404, "not_found", "error.not_found");
  });
  return http::Response::redirect(back_to(ctx, id, method_id));
}

std::string methods_section(Context& ctx, store::Connection& c, const Item& item, bool editable) {
  if (item.kind != "action") return "";
  web::Dict d("plan_methods");
  d.SetValue("ITEM_ID", item.id);
  d.SetValue("CSRF", ctx.csrf);
  const std::string lang = lang_code(ctx);
  for (const auto& m : toolbox::load_methods(c, item.method_ids)) {
    auto* row = d.AddSectionDictionary("LINKED");
    row->SetValue("M_ID", m.id);
    row->SetValue("M_NAME", m.name_in(lang));
    if (m.status != "published") row->SetValueAndShowSection("M_STATUS", ctx.t("toolbox.status." + m.status), "M_HAS_STATUS");
    if (editable) row->ShowSection("M_MAY_REMOVE");
  }
  if (item.method_ids.empty()) d.ShowSection("NONE");
  if (editable) {
    const auto& u = me(ctx);
    toolbox::Reader r{u.role, u.id, viewer(ctx, core::load_network(c))};
    toolbox::CatalogueFilter f;  // published methods, by name
    f.limit = 0;
    web::Dict* add = nullptr;
    for (const auto& m : toolbox::list_methods(c, r, lang, f).rows) {
      if (std::find(item.method_ids.begin(), item.method_ids.end(), m.id) != item.method_ids.end()) continue;
      if (!add) add = d.AddSectionDictionary("ADD");
      auto* o = add->AddSectionDictionary("METHOD_OPTIONS");
      o->SetValue("VALUE", m.id);
      o->SetValue("LABEL", m.name);
    }
  }
  return web::render(ctx.lang, "plan_methods", d);
}

std::string method_panel(Context& ctx, store::Connection& c, const std::string& method_id) {
  if (!ctx.user()) return "";
  auto items = items_of_method(c, method_id);
  if (items.empty()) return "";
  core::Network n = core::load_network(c);
  Viewer v = viewer(ctx, n);
  web::Dict d("plan_method_panel");
  d.SetValue("METHOD_ID", method_id);
  d.SetValue("CSRF", ctx.csrf);
  for (const auto& i : items) {
    auto* row = d.AddSectionDictionary("ACTIONS");
    row->SetValue("I_ID", i.id);
    row->SetValue("I_TITLE", i.title);
    row->SetValue("I_LEVEL", level_label(ctx, n, i.team_id));
    row->SetValue("I_STATUS", status_label(ctx, i.status));
    row->SetValue("I_STATUS_CODE", i.status);
    if (may_edit(v, i)) row->ShowSection("I_MAY_REMOVE");
  }
  return web::render(ctx.lang, "plan_method_panel", d);
}

}  // namespace samen::plan
