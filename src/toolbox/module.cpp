// The toolbox module's plug (module.hpp): its route table (methods, review,
// versions, attachments, experiences, packages, the API), the "methods used"
// panel on a journal activity, its commands and its demo content.
#include "toolbox/module.hpp"

#include "app/routes.hpp"
#include "core/permissions.hpp"
#include "toolbox/archive.hpp"
#include "toolbox/attachments.hpp"
#include "toolbox/handlers.hpp"
#include "toolbox/package.hpp"

namespace samen::toolbox {

namespace {

class ToolboxModule final : public app::Module {
 public:
  std::string_view name() const override { return "toolbox"; }

  void routes(app::Routes& r) const override {
    using accounts::Role;
    const auto readers = core::network_readers();
    // Parent representatives read; the record checks (may_edit, next_status) follow in the handlers.
    const auto staff = accounts::Access::only({Role::admin, Role::coordinator, Role::facilitator, Role::partner});
    const auto managers = accounts::Access::only({Role::admin, Role::coordinator});
    r.page("GET", "/toolbox", readers, catalogue_page);
    r.page("GET", "/toolbox/new", staff, new_page);
    r.page("POST", "/toolbox/new", staff, create_page);
    r.page("GET", "/toolbox/export", readers, export_page);
    r.page("GET", "/toolbox/import", managers, import_form_page);
    r.page("POST", "/toolbox/import", managers, import_page, kMaxPackageBytes / 3 * 4 + (256u << 10));
    r.page("POST", "/toolbox/starter", managers, starter_page);
    r.page("GET", "/toolbox/booklet", readers, booklet_page);
    r.page("POST", "/toolbox/activity-methods/{activity_id}", staff, activity_methods_page);
    r.page("GET", "/toolbox/{id}", readers, method_page);
    r.page("GET", "/toolbox/{id}/card", readers, card_page);
    r.page("GET", "/toolbox/{id}/edit", staff, edit_page);
    r.page("POST", "/toolbox/{id}/edit", staff, update_page);
    r.page("POST", "/toolbox/{id}/status", staff, status_page);
    r.page("POST", "/toolbox/{id}/comments", staff, comment_page);
    r.page("GET", "/toolbox/{id}/translations", readers, translations_page);
    r.page("GET", "/toolbox/{id}/versions", readers, versions_page);
    r.page("POST", "/toolbox/{id}/versions/{version}/restore", staff, restore_page);
    r.page("POST", "/toolbox/{id}/experiences", staff, experience_page);
    r.page("POST", "/toolbox/{id}/experiences/{experience_id}/archive", staff, experience_archive_page);
    r.page("POST", "/toolbox/{id}/experiences/{experience_id}/restore", managers, experience_restore_page);
    r.page("POST", "/toolbox/{id}/uses/{activity_id}/archive", staff, use_archive_page);
    r.page("POST", "/toolbox/{id}/uses/{activity_id}/restore", managers, use_restore_page);
    r.page("POST", "/toolbox/{id}/attachments", staff, attachment_upload_page, documents::kUploadBodyLimit);
    r.page("GET", "/toolbox/{id}/attachments/{attachment_id}", readers, attachment_download_page);
    r.page("POST", "/toolbox/{id}/attachments/{attachment_id}/archive", staff, attachment_archive_page);
    r.page("POST", "/toolbox/{id}/attachments/{attachment_id}/restore", staff, attachment_restore_page);
    r.api("GET", "/api/v1/methods", readers, api_list);
    r.api("POST", "/api/v1/methods", staff, api_create, 1u << 20);
    r.api("GET", "/api/v1/methods/{id}", readers, api_get);
    r.api("PUT", "/api/v1/methods/{id}", staff, api_put, 1u << 20);
    r.api("GET", "/api/v1/methods/{id}/versions", readers, api_versions);
    r.api("GET", "/api/v1/methods/{id}/experiences", readers, api_experiences);
    r.api("POST", "/api/v1/methods/{id}/experiences", staff, api_add_experience, 1u << 20);
    r.api("GET", "/api/v1/methods/{id}/attachments", readers, api_attachments);
    r.api("POST", "/api/v1/methods/{id}/attachments", staff, api_attachment_upload, documents::kUploadBodyLimit);
    r.api("GET", "/api/v1/methods/{id}/attachments/{attachment_id}", readers, api_attachment_download);
    r.api("GET", "/api/v1/methods/{id}/comments", readers, api_comments);
    r.api("POST", "/api/v1/methods/{id}/comments", staff, api_add_comment, 64u << 10);
    r.nav_item({"toolbox.nav", "/toolbox", readers, "toolbox.nav.about", 35});
    r.record_panel("journal.activity", activity_panel);
  }

  void commands(app::CommandLine& cl) const override { add_commands(cl); }

  void load_demo(const app::DemoLoad& load) const override { load_demo_toolbox(load.db, load.now); }
};

}  // namespace

const app::Module& module() {
  static const ToolboxModule m;
  return m;
}

}  // namespace samen::toolbox
