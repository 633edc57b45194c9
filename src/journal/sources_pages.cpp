// Pages of the journal's sources (sources_handlers.hpp): the activity page's
// section with attachments and answer sets, uploading (multipart form with
// CSRF, at most 25 MB, type checked by content), downloading (attachment,
// nosniff), archiving and restoring files, and the follow-up edit form
// (text, owner, due date; optimistic locking).
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

void fill_attachments(Context& ctx, web::Dict& d, store::Connection& c, const Activity& a, bool editable) {
  auto rows = documents::owned_attachments(c, kActivityFiles, a.id);
  for (const auto& f : rows) {
    auto* row = d.AddSectionDictionary("ATTACHMENTS");
    row->SetValue("AT_ID", f.id);
    row->SetValue("AT_NAME", f.file_name);
    row->SetValue("AT_TYPE", f.media_type);
    row->SetValue("AT_SIZE", documents::file_size_label(ctx, f.size_bytes));
    row->SetValue("AT_SHA256", f.sha256);
    row->SetValue("AT_UPLOADER", f.uploader_name.empty() ? "—" : f.uploader_name);
    row->SetValue("AT_DATE", i18n::format_time(ctx.lang, f.created_at, i18n::DateStyle::date_time));
    if (editable && !a.archived_at) row->ShowSection("AT_MAY_ARCHIVE");
  }
  if (rows.empty()) d.ShowSection("NO_ATTACHMENTS");
  else d.ShowSection("HAS_ATTACHMENTS");
  if (!editable) return;
  for (const auto& f : documents::owned_attachments(c, kActivityFiles, a.id, true)) {
    d.ShowSection("HAS_ARCHIVED");
    auto* row = d.AddSectionDictionary("ARCHIVED_ATTACHMENTS");
    row->SetValue("AT_ID", f.id);
    row->SetValue("AT_NAME", f.file_name);
    if (!a.archived_at) row->ShowSection("AT_MAY_RESTORE");
  }
  if (!a.archived_at) d.ShowSection("MAY_UPLOAD");
}

void fill_answer_sets(Context& ctx, web::Dict& d, store::Connection& c, const Viewer& v, const Activity& a,
                      bool editable) {
  int shown = 0;
  std::vector<std::string> used;
  for (const auto& s : answer_sets_of(c, a.id)) {
    used.push_back(s.guide_id);
    if (!may_see_answers(v, a, s.visibility)) continue;
    auto* row = d.AddSectionDictionary("ANSWER_SETS");
    row->SetValue("SET_ID", s.id);
    row->SetValue("SET_TITLE", s.guide_title);
    row->SetValue("SET_LANGUAGE", ctx.t("journal.language." + s.guide_language));
    row->SetValue("SET_VISIBILITY", ctx.t("journal.visibility." + s.visibility));
    ++shown;
  }
  d.ShowSection(shown ? "HAS_ANSWER_SETS" : "NO_ANSWER_SETS");
  if (!editable || a.archived_at) return;
  auto guides = list_guides(c);
  int offered = 0;
  for (const auto& g : guides) {
    if (std::find(used.begin(), used.end(), g.id) != used.end()) continue;
    auto* o = d.AddSectionDictionary("GUIDE_OPTIONS");
    o->SetValue("VALUE", g.id);
    o->SetValue("LABEL", g.title + " (" + ctx.t("journal.language." + g.language) + ")");
    ++offered;
  }
  if (!offered) return;
  std::string chosen = default_set_visibility(a, v);
  for (auto vis : kVisibilities) {
    if (!valid_set_visibility(vis, a) || !may_choose_visibility(v, vis)) continue;
    auto* o = d.AddSectionDictionary("SET_VISIBILITY_OPTIONS");
    o->SetValue("VALUE", std::string(vis));
    o->SetValue("LABEL", ctx.t("journal.visibility." + std::string(vis)));
    if (vis == chosen) o->ShowSection("SELECTED");
  }
  d.ShowSection("MAY_ATTACH_GUIDE");
}

}  // namespace

std::string sources_section(Context& ctx, store::Connection& c, const Viewer& v, const Activity& a) {
  bool editable = may_edit(v, a);
  web::Dict d("journal_sources_section");
  d.SetValue("CSRF", ctx.csrf);
  d.SetValue("ID", a.id);
  d.SetValue("MAX_SIZE_HINT", ctx.tf("journal.sources.attachment.hint", {{"size", documents::file_size_label(ctx, documents::kMaxAttachmentBytes)}}));
  fill_attachments(ctx, d, c, a, editable);
  fill_answer_sets(ctx, d, c, v, a, editable);
  return web::render(ctx.lang, "journal_sources_section", d);
}

// ---- attachments ---------------------------------------------------------------------------

http::Response attachment_upload_page(Context& ctx) {
  std::string id = ctx.param("id");
  app::write(ctx, [&](app::Change& change) { editable_activity(change, id, ArchivedActivity::refused); });  // 404/403/409 before 415/422
  auto file = documents::uploaded_file(ctx.req, false);  // (name, bytes)
  try {
    app::write(ctx, [&](app::Change& change) {
      editable_activity(change, id, ArchivedActivity::refused);
      documents::add_owned_attachment(change, kActivityFiles, id, file.first, file.second);
    });
  } catch (const documents::AttachmentError& e) {
    throw documents::refused_upload(e);  // rolled back: nothing stored
  }
  return http::Response::redirect("/journal/" + id + "?done=journal_sources_attachment_added#attachments");
}

namespace {

http::Response set_attachment_archived(Context& ctx, bool archive) {
  std::string id = ctx.param("id"), aid = ctx.param("attachment_id");
  app::write(ctx, [&](app::Change& change) {
    editable_activity(change, id, ArchivedActivity::refused);
    documents::set_owned_attachment_archived(change, kActivityFiles, id, aid, archive);
  });
  return http::Response::redirect("/journal/" + id + "?done=" +
                                  (archive ? "journal_sources_attachment_archived" : "journal_sources_attachment_restored") +
                                  "#attachments");
}

}  // namespace

http::Response activity_file_download(Context& ctx, const char* via) {
  auto lease = ctx.app.db().acquire();
  Viewer v = viewer(ctx, core::load_network(*lease));
  Activity a = visible_activity_or_404(ctx, *lease, v);
  // An archived file is the editors' business only.
  auto f = documents::owned_attachment_of(*lease, kActivityFiles, a.id, ctx.param("attachment_id"), may_edit(v, a));
  if (!f) throw HttpError(404, "not_found", "error.not_found");
  auto res = documents::owned_attachment_download(*lease, *f);
  if (a.visibility == "facilitators") ctx.audit("journal.attachment.read", "journal.attachment", f->id, via);
  return res;
}

http::Response attachment_download_page(Context& ctx) { return activity_file_download(ctx, "page"); }

http::Response attachment_archive_page(Context& ctx) { return set_attachment_archived(ctx, true); }
http::Response attachment_restore_page(Context& ctx) { return set_attachment_archived(ctx, false); }

// ---- follow-ups ----------------------------------------------------------------------------

namespace {

struct FollowUpForm {
  FollowUp fu;  // as stored
  Activity activity;
};

// The follow-up of the path and its activity, if the caller may edit that activity.
FollowUpForm editable_follow_up(Context& ctx, store::Connection& c) {
  std::string id = ctx.param("id");
  auto fu = id.empty() || id.size() > 100 ? std::nullopt : load_follow_up(c, id);
  if (!fu) throw HttpError(404, "not_found", "error.not_found");
  Viewer v = viewer(ctx, core::load_network(c));
  auto a = load_activity(c, fu->activity_id);
  if (!a || !may_see(v, a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
  if (!may_edit(v, *a)) throw HttpError(403, "forbidden", "journal.error.not_yours");
  if (a->archived_at) throw app::ArchivedRecordError();
  return {*fu, *a};
}

http::Response follow_up_form(Context& ctx, const std::string& id, const http::Form& f, const FieldErrors& errors,
                              int status, bool stale = false) {
  auto lease = ctx.app.db().acquire();
  FollowUpForm current = editable_follow_up(ctx, *lease);
  Viewer v = viewer(ctx, core::load_network(*lease));
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", id);
  d.SetValue("ACTIVITY_ID", current.activity.id);
  d.SetValue("ACTIVITY_TITLE", current.activity.title);
  d.SetValue("TEXT", f.get("text"));
  d.SetValue("DUE_DATE", f.get("due_date"));
  d.SetValue("VERSION", f.get("version"));
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", "/journal/" + current.activity.id + "#follow-ups", "STALE");
  for (const auto& [field, key] : errors) {
    d.ShowSection("HAS_ERRORS");
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", "fu-" + field);
    e->SetValue("MESSAGE", ctx.t(key));
  }
  for (const auto& p : choosable_people(*lease, v)) {
    auto* o = d.AddSectionDictionary("OWNER_OPTIONS");
    o->SetValue("VALUE", std::to_string(p.id));
    o->SetValue("LABEL", p.name);
    if (f.get("owner_id") == std::to_string(p.id)) o->ShowSection("SELECTED");
  }
  return ctx.page("journal_sources_follow_up", ctx.t("journal.sources.follow_up.edit"), d, status);
}

}  // namespace

http::Response follow_up_edit_page(Context& ctx) {
  FollowUp fu = [&] {
    auto lease = ctx.app.db().acquire();
    return editable_follow_up(ctx, *lease).fu;
  }();
  http::Fields fields{{"text", fu.text}, {"due_date", fu.due_date}, {"version", std::to_string(fu.version)},
                      {"owner_id", fu.owner_id ? std::to_string(*fu.owner_id) : ""}};
  return follow_up_form(ctx, fu.id, http::Form(fields), {}, 200);
}

http::Response follow_up_update_page(Context& ctx) {
  std::string id = ctx.param("id");
  const auto& f = ctx.form();
  FieldErrors errors;
  FollowUpEdit next;
  next.text = text::trimmed(f.get("text"));
  next.due_date = text::trimmed(f.get("due_date"));
  if (next.text.empty() || next.text.size() > 2000) errors["text"] = "journal.error.follow_up_text";
  if (!next.due_date.empty() && !dates::valid_iso(next.due_date)) errors["due_date"] = "journal.error.due_date";
  if (std::string owner = text::trimmed(f.get("owner_id")); !owner.empty()) {
    if (auto oid = parse_bounded(owner, 1, INT64_MAX)) next.owner_id = *oid;
    else errors["owner_id"] = "journal.error.person_unknown";
  }
  std::optional<std::int64_t> expected;
  if (!f.get("version").empty()) {
    expected = parse_bounded(f.get("version"), 0, INT64_MAX);
    if (!expected) throw HttpError(400, "bad_request", "error.bad_request");
  }
  struct Invalid {};
  std::string activity_id;
  try {
    app::write(ctx, [&](app::Change& change) {
      FollowUpForm current = editable_follow_up(ctx, change.db);
      activity_id = current.activity.id;
      if (next.owner_id) {
        auto people = choosable_people(change.db, viewer(ctx, core::load_network(change.db)));
        if (std::none_of(people.begin(), people.end(), [&](const core::Person& p) { return p.id == *next.owner_id; }))
          errors["owner_id"] = "journal.error.person_unknown";
      }
      if (!errors.empty()) throw Invalid{};
      FollowUpEdit before{current.fu.text, current.fu.due_date, current.fu.owner_id};
      update_follow_up(change, id, before, next, expected);
    });
  } catch (const Invalid&) {
    return follow_up_form(ctx, id, f, errors, 422);
  } catch (const app::StaleVersion&) {
    return follow_up_form(ctx, id, f, {}, 409, true);  // the input stays in the form
  }
  return http::Response::redirect("/journal/" + activity_id + "?done=journal_follow_up_saved#follow-ups");
}

}  // namespace samen::journal
