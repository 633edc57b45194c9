// The plan module's plug (module.hpp): its route table, the record panels on
// a journal activity's page (the actions it serves) and on a toolbox method's
// page (the actions that use it), and the demo plan.
#include "plan/module.hpp"

#include "app/routes.hpp"
#include "core/permissions.hpp"
#include "plan/demo.hpp"
#include "plan/handlers.hpp"

namespace samen::plan {

namespace {

class PlanModule final : public app::Module {
 public:
  std::string_view name() const override { return "plan"; }

  void routes(app::Routes& r) const override {
    using accounts::Role;
    const auto readers = core::network_readers();
    // Parent representatives read; may_edit (plan.hpp) decides per item.
    const auto writers = accounts::Access::only({Role::admin, Role::coordinator, Role::facilitator, Role::partner});
    const auto coordination = core::network_editors();
    r.page("GET", "/plan", readers, rollup_page);
    r.page("GET", "/plan/dashboard", readers, dashboard_page);
    r.page("GET", "/plan/timeline", readers, timeline_page);
    r.page("GET", "/plan/report", readers, report_page);
    r.page("GET", "/plan/vision", readers, vision_page);
    r.page("GET", "/plan/vision/edit", coordination, vision_edit_page);
    r.page("POST", "/plan/vision/edit", coordination, vision_update_page);
    r.page("GET", "/plan/vision/history", readers, vision_history_page);
    r.page("GET", "/plan/new", writers, new_item_page);
    r.page("POST", "/plan/new", writers, create_item_page);
    r.page("GET", "/plan/items/{id}", readers, item_page);
    r.page("GET", "/plan/items/{id}/edit", writers, edit_item_page);
    r.page("POST", "/plan/items/{id}/edit", writers, update_item_page);
    r.page("POST", "/plan/items/{id}/status", writers, status_page);
    r.page("POST", "/plan/items/{id}/archive", writers, archive_item_page);
    r.page("POST", "/plan/items/{id}/restore", writers, restore_item_page);
    r.page("GET", "/plan/items/{id}/indicators/new", writers, new_indicator_page);
    r.page("POST", "/plan/items/{id}/indicators/new", writers, create_indicator_page);
    r.page("GET", "/plan/indicators/{id}", readers, indicator_page);
    r.page("GET", "/plan/indicators/{id}/edit", writers, edit_indicator_page);
    r.page("POST", "/plan/indicators/{id}/edit", writers, update_indicator_page);
    r.page("POST", "/plan/indicators/{id}/values", writers, add_value_page);
    r.page("POST", "/plan/indicators/{id}/values/{value_id}/archive", writers, archive_value_page);
    r.page("POST", "/plan/links", writers, link_activity_page);
    r.page("POST", "/plan/links/remove", writers, unlink_activity_page);
    r.page("POST", "/plan/methods", writers, link_method_page);
    r.page("POST", "/plan/methods/remove", writers, unlink_method_page);
    r.api("GET", "/api/v1/objectives", readers, api_objectives);
    r.api("POST", "/api/v1/objectives", writers, api_create_objective, 1u << 20);
    r.api("GET", "/api/v1/objectives/{id}", readers, api_objective);
    r.api("PUT", "/api/v1/objectives/{id}", writers, api_put_objective, 1u << 20);
    r.api("PATCH", "/api/v1/objectives/{id}", writers, api_patch_objective, 1u << 20);
    r.api("DELETE", "/api/v1/objectives/{id}", writers, api_delete_objective);
    r.api("GET", "/api/v1/actions", readers, api_actions);
    r.api("POST", "/api/v1/actions", writers, api_create_action, 1u << 20);
    r.api("GET", "/api/v1/actions/{id}", readers, api_action);
    r.api("PUT", "/api/v1/actions/{id}", writers, api_put_action, 1u << 20);
    r.api("PATCH", "/api/v1/actions/{id}", writers, api_patch_action, 1u << 20);
    r.api("DELETE", "/api/v1/actions/{id}", writers, api_delete_action);
    r.api("GET", "/api/v1/indicators", readers, api_indicators);
    r.api("POST", "/api/v1/indicators", writers, api_create_indicator, 1u << 20);
    r.api("GET", "/api/v1/indicators/{id}", readers, api_indicator);
    r.api("PUT", "/api/v1/indicators/{id}", writers, api_put_indicator, 1u << 20);
    r.api("DELETE", "/api/v1/indicators/{id}", writers, api_delete_indicator);
    r.api("GET", "/api/v1/indicators/{id}/values", readers, api_values);
    r.api("POST", "/api/v1/indicators/{id}/values", writers, api_add_value, 1u << 20);
    r.record_panel("journal.activity", activity_panel);
    r.record_panel("toolbox.method", method_panel);
    r.nav_item({"plan.nav", "/plan", readers, "plan.nav.about", 40});
    r.nav_item({"plan.vision.title", "/plan/vision", readers, "plan.vision.about", 41});
  }

  void commands(app::CommandLine& cl) const override { add_bench_command(cl); }  // bench/plan.sh

  void load_demo(const app::DemoLoad& load) const override { load_demo_plan(load.db, load.now); }
};

}  // namespace

const app::Module& module() {
  static const PlanModule m;
  return m;
}

}  // namespace samen::plan
