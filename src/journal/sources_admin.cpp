// The admin page of the journal's activity types (sources_handlers.hpp):
// every type with its nl/fr/en labels, order and number of activities; add a
// type (code checked), rename and reorder it, archive or restore it. An
// archived type stays on the activities that have it (its labels still
// show) but is not offered for new ones. Every change is audited.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "journal/handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

struct TypeForm {
  std::string code, label_nl, label_fr, label_en;
  std::int64_t sort_order = 0;
};

// The labels and order of a posted form; the message key of what is wrong, or "".
std::string read_type_form(const http::Form& f, TypeForm& t) {
  t.label_nl = text::trimmed(f.get("label_nl"));
  t.label_fr = text::trimmed(f.get("label_fr"));
  t.label_en = text::trimmed(f.get("label_en"));
  if (t.label_nl.empty() || t.label_fr.empty() || t.label_en.empty()) return "journal.sources.types.error.labels";
  for (const auto* l : {&t.label_nl, &t.label_fr, &t.label_en})
    if (l->size() > 200) return "journal.error.too_long";
  std::string order = text::trimmed(f.get("sort_order"));
  if (!order.empty()) {
    auto n = parse_bounded(order, 0, 100000);
    if (!n) return "journal.sources.types.error.order";
    t.sort_order = *n;
  }
  return "";
}

http::Response types_view(Context& ctx, const std::string& error_key, const http::Form& posted, int status) {
  auto lease = ctx.app.db().acquire();
  web::Dict d = ctx.content_dict();
  if (!error_key.empty()) d.SetValueAndShowSection("ERROR", ctx.t(error_key), "FAILED");
  for (const auto& t : all_activity_types(*lease)) {
    auto* row = d.AddSectionDictionary(t.archived_at ? "ARCHIVED_TYPES" : "TYPES");
    row->SetValue("CODE", t.code);
    row->SetValue("LABEL_NL", t.label_nl);
    row->SetValue("LABEL_FR", t.label_fr);
    row->SetValue("LABEL_EN", t.label_en);
    row->SetValue("SORT_ORDER", std::to_string(t.sort_order));
    row->SetValue("USES", ctx.tf("journal.count", {{"count", t.uses}}));
  }
  for (const char* field : {"code", "label_nl", "label_fr", "label_en", "sort_order"}) {
    std::string key = std::string("NEW_") + field;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, posted.get(field));
  }
  return ctx.page("journal_sources_types", ctx.t("journal.sources.types"), d, status);
}

}  // namespace

http::Response types_page(Context& ctx) { return types_view(ctx, "", http::Form(), 200); }

http::Response type_create_page(Context& ctx) {
  const auto& f = ctx.form();
  TypeForm t;
  t.code = text::trimmed(f.get("code"));
  if (!valid_type_code(t.code)) return types_view(ctx, "journal.sources.types.error.code", f, 422);
  if (auto key = read_type_form(f, t); !key.empty()) return types_view(ctx, key, f, 422);
  bool added = app::write(ctx, [&](app::Change& change) {
    if (!change.db.exec("SELECT 1 FROM journal_activity_types WHERE code = ?", {t.code}).empty()) return false;
    if (f.get("sort_order").empty())
      t.sort_order = change.db.exec("SELECT COALESCE(MAX(sort_order), 0) + 10 FROM journal_activity_types").rows.at(0).int64(0);
    change.db.exec("INSERT INTO journal_activity_types (code, label_nl, label_fr, label_en, sort_order) VALUES (?, ?, ?, ?, ?)",
                   {t.code, t.label_nl, t.label_fr, t.label_en, t.sort_order});
    change.audit("journal.activity_type.create", "journal.activity_type", t.code,
                 t.label_nl + " | " + t.label_fr + " | " + t.label_en);
    return true;
  });
  if (!added) return types_view(ctx, "journal.sources.types.error.exists", f, 409);
  return http::Response::redirect("/admin/journal/activity-types?done=journal_sources_type_saved");
}

http::Response type_update_page(Context& ctx) {
  std::string code = ctx.param("code");
  const auto& f = ctx.form();
  std::string action = f.get("action");
  if (action != "save" && action != "archive" && action != "restore")
    throw HttpError(400, "bad_request", "error.bad_request");
  TypeForm t;
  if (action == "save")
    if (auto key = read_type_form(f, t); !key.empty()) return types_view(ctx, key, http::Form(), 422);
  app::write(ctx, [&](app::Change& change) {
    auto r = change.db.exec("SELECT label_nl, label_fr, label_en, sort_order, archived_at FROM journal_activity_types "
                            "WHERE code = ?", {code});
    if (r.empty()) throw HttpError(404, "not_found", "error.not_found");
    if (action == "save") {
      if (f.get("sort_order").empty()) t.sort_order = r.rows[0].int64(3);
      change.db.exec("UPDATE journal_activity_types SET label_nl = ?, label_fr = ?, label_en = ?, sort_order = ? WHERE code = ?",
                     {t.label_nl, t.label_fr, t.label_en, t.sort_order, code});
      change.audit("journal.activity_type.update", "journal.activity_type", code,
                   r.rows[0].text(0) + " -> " + t.label_nl + " | " + t.label_fr + " | " + t.label_en + " | " +
                       std::to_string(t.sort_order));
      return;
    }
    bool archive = action == "archive";
    if (r.rows[0].is_null(4) != archive) return;  // already so
    if (archive)
      change.db.exec("UPDATE journal_activity_types SET archived_at = ? WHERE code = ?", {change.now(), code});
    else
      change.db.exec("UPDATE journal_activity_types SET archived_at = NULL WHERE code = ?", {code});
    change.audit("journal.activity_type." + action, "journal.activity_type", code);
  });
  return http::Response::redirect("/admin/journal/activity-types?done=journal_sources_type_saved");
}

}  // namespace samen::journal
