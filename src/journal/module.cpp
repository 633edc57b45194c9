// The journal module's plug (module.hpp): the shared checks of its handlers,
// its route table at the bottom, the "my open follow-ups" home panel and the
// demo history (demo.cpp).
#include "journal/module.hpp"

#include <algorithm>
#include <cstdio>

#include "app/app.hpp"
#include "app/routes.hpp"
#include "app/write.hpp"
#include "core/permissions.hpp"
#include "journal/demo.hpp"
#include "journal/coding_demo.hpp"
#include "journal/coding_handlers.hpp"
#include "journal/coding_import.hpp"
#include "journal/coding_store.hpp"
#include "journal/demo_sources.hpp"
#include "journal/handlers.hpp"
#include "journal/lookback_handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

const accounts::User& me(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  return *ctx.user();
}

Viewer viewer(const Context& ctx, const core::Network& n) { return viewer_of(me(ctx), n); }

std::string id_param(const Context& ctx) {
  std::string id = ctx.param("id");
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

std::optional<std::int64_t> form_version(const http::Form& f) {
  if (f.get("version").empty()) return std::nullopt;
  auto v = parse_bounded(f.get("version"), 0, INT64_MAX);
  if (!v) throw HttpError(400, "bad_request", "error.bad_request");
  return v;
}

Activity visible_activity_or_404(Context& ctx, store::Connection& c, const Viewer& v) {
  std::string id = ctx.param("id");
  std::optional<Activity> a;
  if (!id.empty() && id.size() <= 100) a = load_activity(c, id);
  if (!a || !may_see(v, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
  return *a;
}

Activity editable_activity(store::Connection& c, const Viewer& v, const std::string& id, ArchivedActivity archived) {
  auto a = id.empty() || id.size() > 100 ? std::nullopt : load_activity(c, id);
  if (!a || !may_see(v, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
  if (!may_edit(v, *a)) throw HttpError(403, "forbidden", "journal.error.not_yours");
  if (archived == ArchivedActivity::refused && a->archived_at) throw app::ArchivedRecordError();
  return *a;
}

Activity editable_activity(app::Change& change, const std::string& id, ArchivedActivity archived) {
  return editable_activity(change.db, viewer(change.ctx, core::load_network(change.db)), id, archived);
}

void check_activity(store::Connection& c, const core::Network& n, const Activity& a, const Viewer& v,
                    FieldErrors& errors, const std::string& kept_type) {
  for (const auto& o : a.organization_ids)
    if (!n.organization(o)) errors["organization_ids"] = "journal.error.organization_unknown";
  auto people = choosable_people(c, v);
  auto known = [&](std::int64_t id) {
    return std::any_of(people.begin(), people.end(), [&](const core::Person& p) { return p.id == id; });
  };
  for (auto p : a.person_ids)
    if (!known(p)) errors["person_ids"] = "journal.error.person_unknown";
  if (a.facilitator_id && !known(*a.facilitator_id)) errors["facilitator_id"] = "journal.error.person_unknown";
  std::vector<std::string> teams;
  for (const auto& t : n.teams) teams.push_back(t.id);
  auto codes = type_codes(activity_types(c));
  if (!kept_type.empty()) codes.push_back(kept_type);
  for (auto& [field, key] : validate(a, v, codes, teams)) errors.emplace(field, key);
}

namespace {

class JournalModule final : public app::Module {
 public:
  std::string_view name() const override { return "journal"; }

  void routes(app::Routes& r) const override {
    using accounts::Role;
    const auto readers = core::network_readers();
    // Parent representatives read; the record checks (may_edit) follow in the handlers.
    const auto writers = accounts::Access::only({Role::admin, Role::coordinator, Role::facilitator, Role::partner});
    r.page("GET", "/journal", readers, timeline_page);
    r.page("GET", "/journal/new", writers, new_page);
    r.page("POST", "/journal/new", writers, create_page);
    r.page("POST", "/journal/follow-ups/{id}/status", readers, follow_up_status_page);
    r.page("GET", "/journal/{id}", readers, activity_page);
    r.page("GET", "/journal/{id}/edit", writers, edit_page);
    r.page("POST", "/journal/{id}/edit", writers, update_page);
    r.page("POST", "/journal/{id}/archive", writers, archive_page);
    r.page("POST", "/journal/{id}/restore", writers, restore_page);
    r.page("POST", "/journal/{id}/follow-ups", writers, add_follow_up_page);
    r.api("GET", "/api/v1/activities", readers, api_list);
    r.api("POST", "/api/v1/activities", writers, api_create, 1u << 20);
    r.api("GET", "/api/v1/activities/{id}", readers, api_get);
    r.api("PUT", "/api/v1/activities/{id}", writers, api_put, 1u << 20);
    r.api("PATCH", "/api/v1/activities/{id}", writers, api_patch, 1u << 20);
    r.api("DELETE", "/api/v1/activities/{id}", writers, api_delete);
    r.nav_item({"nav.journal", "/journal", readers, "nav.journal.about", 30});
    r.home_panel(follow_ups_panel);
    // coding: the codebook, coding of notes, code frequencies, /api/v1/codes and /api/v1/codings.
    {
      const auto coders = accounts::Access::only({Role::admin, Role::coordinator, Role::facilitator});
      const auto code_readers = accounts::Access::only({Role::admin, Role::coordinator, Role::facilitator, Role::partner});
      r.page("GET", "/journal/coding/codes", code_readers, codebook_page);
      r.page("GET", "/journal/coding/codes/new", coders, code_new_page);
      r.page("POST", "/journal/coding/codes/new", coders, code_create_page);
      r.page("GET", "/journal/coding/codes/{id}", code_readers, code_page);
      r.page("GET", "/journal/coding/codes/{id}/edit", coders, code_edit_page);
      r.page("POST", "/journal/coding/codes/{id}/edit", coders, code_update_page);
      r.page("POST", "/journal/coding/codes/{id}/archive", coders, code_archive_page);
      r.page("POST", "/journal/coding/codes/{id}/restore", coders, code_restore_page);
      r.page("POST", "/journal/coding/codes/{id}/memos", coders, code_memo_page);
      r.page("GET", "/journal/coding/import", coders, code_import_form_page);
      r.page("POST", "/journal/coding/import", coders, code_import_page, kMaxImportBytes / 3 * 4 + (256u << 10));
      r.api("POST", "/api/v1/codes/import", coders, api_codes_import, kMaxImportBytes);
      r.page("GET", "/journal/coding/frequencies", code_readers, code_frequencies_page);
      r.page("GET", "/journal/coding/review", coders, coding_review_page);
      r.page("GET", "/journal/{id}/code", coders, code_note_page);
      r.page("POST", "/journal/{id}/codings", coders, code_note_post);
      r.page("POST", "/journal/coding/codings/{id}/delete", coders, coding_delete_page);
      r.page("POST", "/journal/coding/codings/{id}/reattach", coders, coding_reattach_page);
      r.api("GET", "/api/v1/codes", code_readers, api_codes_list);
      r.api("POST", "/api/v1/codes", coders, api_code_create, 1u << 20);
      r.api("GET", "/api/v1/codes/{id}", code_readers, api_code_get);
      r.api("PUT", "/api/v1/codes/{id}", coders, api_code_put, 1u << 20);
      r.api("GET", "/api/v1/codings", code_readers, api_codings_list);
      r.api("POST", "/api/v1/codings", coders, api_coding_create, 1u << 20);
      r.api("DELETE", "/api/v1/codings/{id}", coders, api_coding_delete);
      r.api("GET", "/api/v1/project.qdpx", code_readers, qdpx_download);
      r.page("GET", "/journal/coding/project.qdpx", code_readers, qdpx_download);
      r.nav_item({"journal.coding.codebook", "/journal/coding/codes", code_readers, "journal.coding.codebook.about", 31});
    }
    // lookback: calendar and feeds, search, the process report (lookback_handlers.hpp)
    r.page("GET", "/journal/calendar", readers, calendar_page);
    r.page("GET", "/journal/calendar/feeds", readers, feeds_page);
    r.page("POST", "/journal/calendar/feeds", readers, create_feed_page);
    r.page("POST", "/journal/calendar/feeds/{token}/revoke", readers, revoke_feed_page);
    r.page("GET", "/journal/feed/{token}", accounts::Access::anyone(), activities_feed());
    r.page("GET", "/journal/search", readers, search_page);
    r.page("GET", "/journal/report", readers, report_page);
    r.api("GET", "/api/v1/activities.ics", readers, api_calendar);
    // sources: attachments, guides and answer sets, the expectations register, activity
    // types, follow-up edits, restore through the API. The /journal/sources/... pages come
    // before /journal/{id}/guides/{set_id}, which would take them otherwise.
    const auto staff = accounts::Access::only({Role::admin, Role::coordinator, Role::facilitator});
    const auto admins = accounts::Access::only({Role::admin});
    r.page("GET", "/journal/sources/guides", readers, guides_page);
    r.page("GET", "/journal/sources/guides/new", staff, guide_new_page);
    r.page("POST", "/journal/sources/guides/new", staff, guide_create_page);
    r.page("GET", "/journal/sources/guides/{guide_id}", readers, guide_page);
    r.page("GET", "/journal/sources/guides/{guide_id}/edit", staff, guide_edit_page);
    r.page("POST", "/journal/sources/guides/{guide_id}/edit", staff, guide_update_page);
    r.page("POST", "/journal/sources/guides/{guide_id}/archive", staff, guide_archive_page);
    r.page("POST", "/journal/sources/guides/{guide_id}/restore", staff, guide_restore_page);
    r.page("GET", "/journal/sources/expectations", readers, register_page);
    r.page("GET", "/journal/sources/expectations/new", writers, expectation_new_page);
    r.page("POST", "/journal/sources/expectations/new", writers, expectation_create_page);
    r.page("GET", "/journal/sources/expectations/{entry_id}/edit", writers, expectation_edit_page);
    r.page("POST", "/journal/sources/expectations/{entry_id}/edit", writers, expectation_update_page);
    r.page("POST", "/journal/sources/expectations/{entry_id}/archive", writers, expectation_archive_page);
    r.page("GET", "/journal/follow-ups/{id}/edit", writers, follow_up_edit_page);
    r.page("POST", "/journal/follow-ups/{id}/edit", writers, follow_up_update_page);
    r.page("POST", "/journal/{id}/attachments", writers, attachment_upload_page, documents::kUploadBodyLimit);
    r.page("GET", "/journal/{id}/attachments/{attachment_id}", readers, attachment_download_page);
    r.page("POST", "/journal/{id}/attachments/{attachment_id}/archive", writers, attachment_archive_page);
    r.page("POST", "/journal/{id}/attachments/{attachment_id}/restore", writers, attachment_restore_page);
    r.page("POST", "/journal/{id}/guides", writers, answer_set_attach_page);
    r.page("GET", "/journal/{id}/guides/{set_id}", readers, answer_set_page);
    r.page("GET", "/journal/{id}/guides/{set_id}/edit", writers, answer_set_edit_page);
    r.page("POST", "/journal/{id}/guides/{set_id}/edit", writers, answer_set_update_page, 4u << 20);
    r.page("POST", "/journal/{id}/guides/{set_id}/archive", writers, answer_set_archive_page);
    r.page("GET", "/admin/journal/activity-types", admins, types_page);
    r.page("POST", "/admin/journal/activity-types", admins, type_create_page);
    r.page("POST", "/admin/journal/activity-types/{code}", admins, type_update_page);
    r.api("POST", "/api/v1/activities/{id}/restore", writers, api_restore);
    r.api("GET", "/api/v1/activities/{id}/attachments", readers, api_attachments);
    r.api("POST", "/api/v1/activities/{id}/attachments", writers, api_attachment_upload, documents::kUploadBodyLimit);
    r.api("GET", "/api/v1/activities/{id}/attachments/{attachment_id}", readers, api_attachment_download);
    r.api("DELETE", "/api/v1/activities/{id}/attachments/{attachment_id}", writers, api_attachment_delete);
    r.api("GET", "/api/v1/guides", readers, api_guides_list);
    r.api("POST", "/api/v1/guides", staff, api_guide_create, 1u << 20);
    r.api("GET", "/api/v1/guides/{guide_id}", readers, api_guide_get);
    r.api("PUT", "/api/v1/guides/{guide_id}", staff, api_guide_put, 1u << 20);
    r.api("GET", "/api/v1/activities/{id}/answer-sets", readers, api_answer_sets_list);
    r.api("POST", "/api/v1/activities/{id}/answer-sets", writers, api_answer_set_create, 1u << 20);
    r.api("GET", "/api/v1/activities/{id}/answer-sets/{set_id}", readers, api_answer_set_get);
    r.api("PUT", "/api/v1/activities/{id}/answer-sets/{set_id}", writers, api_answer_set_put, 4u << 20);
    r.api("GET", "/api/v1/expectations", readers, api_expectations_list);
    r.api("POST", "/api/v1/expectations", writers, api_expectation_create, 1u << 20);
    r.api("GET", "/api/v1/expectations/{entry_id}", readers, api_expectation_get);
    r.api("PUT", "/api/v1/expectations/{entry_id}", writers, api_expectation_put, 1u << 20);
    r.nav_item({"journal.sources.register", "/journal/sources/expectations", readers, "journal.sources.register.about", 32});
    r.nav_item({"journal.sources.types", "/admin/journal/activity-types", admins, "journal.sources.types.about", 84});
  }

  void start(app::App& app) const override { start_lookback(app); }  // lookback: the search index

  void commands(app::CommandLine& cl) const override {
    add_bench_command(cl);  // lookback: bench/journal.sh
    // coding: recomputes the code frequency counts after codings were loaded by SQL (bench/journal-coding.sh).
    cl.add(nullptr, "journal-coding-recount", "Recompute the journal's code frequency counts from its codings", 1,
           [](store::Database& db, const app::CommandLine::Store&) {
             auto rows = store::in_transaction(db, [](store::Connection& c) { return rebuild_coding_counts(c); });
             std::printf("%lld frequency rows\n", static_cast<long long>(rows));
             return 0;
           });
  }

  void load_demo(const app::DemoLoad& load) const override {
    load_demo_journal(load.db, load.now);
    load_demo_sources(load.db, load.now);  // sources: guides, answers, expectations register
    load_demo_coding(load.db, load.now);   // coding of notes and of the guides' answers
  }
};

}  // namespace

const app::Module& module() {
  static const JournalModule m;
  return m;
}

}  // namespace samen::journal
