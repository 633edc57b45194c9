// Staff pages of the flat spreadsheet import (/directory/import, coordinators
// and admins): upload a CSV/XLSX file or paste CSV → map each column to a
// Samen field → dry-run preview of what would be created or updated, with
// per-row errors → import in one transaction (re-planned and compared with
// the preview first), audited, then the search index is brought up to date.
// The parsed sheet travels between the steps as JSON in a hidden field, so
// no server-side state is kept between requests.

#include "accounts/audit.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "directory/import/spreadsheet_import.hpp"
#include "directory/module.hpp"
#include "directory/search/search.hpp"
#include "http/multipart.hpp"
#include "util/text.hpp"

namespace samen::directory {

namespace {

using app::Context;
using app::HttpError;

constexpr std::size_t kUploadLimit = 10u << 20;     // the upload form (file or pasted text)
constexpr std::size_t kStepLimit = 24u << 20;       // later steps carry the sheet as form-encoded JSON
constexpr std::size_t kMaxSheetJson = 8u << 20;     // the parsed sheet, as carried
constexpr std::size_t kExampleChars = 60;
constexpr std::size_t kReindexOneByOne = 500;       // more services: rebuild the index instead

accounts::Access importers() { return accounts::Access::only({accounts::Role::admin, accounts::Role::coordinator}); }

std::string field_label(const Context& ctx, SheetField f) {
  return ctx.t("sheet.field." + std::string(field_code(f)));
}

std::string column_title(const Context& ctx, const SheetTable& t, std::size_t i) {
  if (i < t.header.size() && !t.header[i].empty()) return t.header[i];
  return ctx.tf("sheet.column_untitled", {{"n", static_cast<std::int64_t>(i + 1)}});
}

std::string shorten(const std::string& s, std::size_t chars) {
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == chars) break;
  }
  return i < s.size() ? s.substr(0, i) + "…" : s;
}

std::string safe_filename(std::string name) {
  for (auto& c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return shorten(name, 120);
}

// ---- step 1: upload -------------------------------------------------------------------------

http::Response upload_page(Context& ctx, const std::string& error_key = "", int status = 200) {
  web::Dict d = ctx.content_dict();
  if (!error_key.empty()) d.SetValueAndShowSection("ERROR", ctx.t(error_key), "FAILED");
  return ctx.page("sheet_upload", ctx.t("sheet.title"), d, status);
}

http::Response upload_form(Context& ctx) { return upload_page(ctx); }

// The sheet's bytes and name from a multipart upload (file, else pasted text) or a pasted-only form.
std::pair<std::string, std::string> uploaded_sheet(Context& ctx) {
  std::string type = ctx.req.header("content-type").value_or("");
  if (http::is_multipart_form(type)) {
    std::vector<http::MultipartPart> parts;
    try {
      parts = http::parse_multipart(type, ctx.req.body);
    } catch (const http::FormError&) {
      throw HttpError(400, "bad_form", "error.bad_form");
    }
    for (auto& p : parts)
      if (p.name == "file" && p.has_filename && !p.data.empty())
        return {std::move(p.data), safe_filename(p.filename.empty() ? "upload" : p.filename)};
  }
  std::string pasted = ctx.form().get("pasted");
  return {pasted, pasted.empty() ? "" : ctx.t("sheet.pasted_name")};
}

http::Response mapping_page(Context& ctx, const SheetTable& table, const std::string& json,
                            const std::string& filename, const Mapping& mapping,
                            const std::vector<std::string>& problems, int status = 200) {
  web::Dict d = ctx.content_dict();
  d.SetValue("DATA", json);
  d.SetValue("FILENAME", filename);
  d.SetValue("ROWS_READ", ctx.tf("sheet.rows_read", {{"count", static_cast<std::int64_t>(table.rows.size())},
                                                     {"file", filename}}));
  for (const auto& key : problems) {
    auto* p = d.AddSectionDictionary("PROBLEMS");
    p->SetValue("MESSAGE", ctx.t(key));
  }
  if (!problems.empty()) d.ShowSection("HAS_PROBLEMS");
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    auto* col = d.AddSectionDictionary("COLUMNS");
    col->SetIntValue("INDEX", static_cast<long>(i));
    col->SetValue("TITLE", column_title(ctx, table, i));
    std::string examples;
    int shown = 0;
    for (const auto& r : table.rows) {
      if (shown == 3) break;
      std::string v = text::trimmed(r.cells[i]);
      if (v.empty()) continue;
      examples += (shown++ ? " · " : "") + shorten(v, kExampleChars);
    }
    col->SetValue("EXAMPLES", examples);
    SheetField selected = i < mapping.size() ? mapping[i] : SheetField::ignore;
    auto add_option = [&](SheetField f) {
      auto* o = col->AddSectionDictionary("OPTIONS");
      o->SetValue("CODE", std::string(field_code(f)));
      o->SetValue("LABEL", field_label(ctx, f));
      if (f == selected) o->ShowSection("SELECTED");
    };
    add_option(SheetField::ignore);
    for (auto f : sheet_fields()) add_option(f);
  }
  return ctx.page("sheet_mapping", ctx.t("sheet.mapping_title"), d, status);
}

http::Response upload(Context& ctx) {
  auto [bytes, filename] = uploaded_sheet(ctx);
  if (bytes.empty()) return upload_page(ctx, "sheet.error.no_file", 400);
  SheetTable table;
  try {
    table = parse_spreadsheet(bytes);
  } catch (const SheetError& e) {
    return upload_page(ctx, e.key, 422);
  }
  std::string json = table_to_json(table);
  if (json.size() > kMaxSheetJson) return upload_page(ctx, "sheet.error.too_large", 413);
  return mapping_page(ctx, table, json, filename, guess_mapping(table.header), {});
}

// ---- step 2: preview --------------------------------------------------------------------------

struct Carried {
  SheetTable table;
  std::string json, filename;
  Mapping mapping;
  std::vector<std::string> problems;  // of the mapping
};

Carried carried(Context& ctx) {
  const auto& f = ctx.form();
  Carried c;
  c.json = f.get("data");
  c.filename = safe_filename(f.get("filename"));
  if (c.json.empty() || c.json.size() > kMaxSheetJson) throw HttpError(400, "bad_form", "sheet.error.bad_data");
  try {
    c.table = table_from_json(c.json);
  } catch (const SheetError& e) {
    throw HttpError(400, "bad_form", e.key);
  }
  bool bad = false;
  for (std::size_t i = 0; i < c.table.header.size(); ++i) {
    auto field = parse_field_code(f.get("col" + std::to_string(i)));
    if (!field) bad = true;
    c.mapping.push_back(field.value_or(SheetField::ignore));
  }
  c.problems = mapping_problems(c.mapping, c.table.header.size());
  if (bad) c.problems.insert(c.problems.begin(), "sheet.mapping.bad");
  return c;
}

std::string action_key(RowAction a) {
  switch (a) {
    case RowAction::create: return "sheet.action.create";
    case RowAction::update: return "sheet.action.update";
    case RowAction::unchanged: return "sheet.action.unchanged";
    case RowAction::error: return "sheet.action.error";
  }
  return "";
}

std::string problem_text(const Context& ctx, const RowProblem& p) {
  std::map<std::string, i18n::Arg> args;
  for (const auto& [k, v] : p.args) args.emplace(k, shorten(v, 80));
  std::string message = args.empty() ? ctx.t(p.message_key) : ctx.tf(p.message_key, args);
  if (p.field == SheetField::ignore) return message;
  return ctx.tf("sheet.problem", {{"field", field_label(ctx, p.field)}, {"message", message}});
}

http::Response preview_page(Context& ctx, const Carried& c, const ImportPlan& plan, bool stale) {
  web::Dict d = ctx.content_dict();
  d.SetValue("DATA", c.json);
  d.SetValue("FILENAME", c.filename);
  d.SetValue("FINGERPRINT", plan.fingerprint);
  if (stale) d.ShowSection("STALE");
  for (std::size_t i = 0; i < c.mapping.size(); ++i) {
    auto* m = d.AddSectionDictionary("MAPPING");
    m->SetIntValue("INDEX", static_cast<long>(i));
    m->SetValue("CODE", std::string(field_code(c.mapping[i])));
  }
  d.SetIntValue("CREATES", plan.creates);
  d.SetIntValue("UPDATES", plan.updates);
  d.SetIntValue("UNCHANGED", plan.unchanged);
  d.SetIntValue("ERRORS", plan.errors);
  d.SetIntValue("NEW_ORGANIZATIONS", plan.new_organizations);
  if (plan.errors > 0) d.ShowSection("HAS_ERRORS");
  if (plan.creates + plan.updates > 0) {
    d.ShowSection("CAN_IMPORT");
    d.SetValue("IMPORT_LABEL",
               ctx.tf("sheet.apply_submit", {{"count", static_cast<std::int64_t>(plan.creates + plan.updates)}}));
  } else {
    d.ShowSection("NOTHING_TO_IMPORT");
  }
  for (const auto& r : plan.rows) {
    auto* row = d.AddSectionDictionary("ROWS");
    row->SetIntValue("NUMBER", r.row_number);
    row->SetValue("ACTION", ctx.t(action_key(r.action)));
    row->SetValue("ACTION_CLASS", r.action == RowAction::error ? "error" : r.action == RowAction::create ? "create"
                                  : r.action == RowAction::update                                      ? "update"
                                                                                                       : "same");
    row->SetValue("SERVICE", shorten(r.service_name, 120));
    row->SetValue("ORGANIZATION", shorten(r.organization_name, 120));
    if (r.new_organization) row->ShowSection("NEW_ORGANIZATION");
    for (const auto& p : r.problems) {
      auto* x = row->AddSectionDictionary("PROBLEMS");
      x->SetValue("TEXT", problem_text(ctx, p));
    }
    if (!r.changed_fields.empty()) {
      std::string fields;
      for (const auto& f : r.changed_fields) fields += (fields.empty() ? "" : ", ") + f;
      row->SetValueAndShowSection("CHANGED", fields, "HAS_CHANGES");
    }
  }
  return ctx.page("sheet_preview", ctx.t("sheet.preview_title"), d, stale ? 409 : 200);
}

http::Response preview(Context& ctx) {
  Carried c = carried(ctx);
  if (!c.problems.empty() || ctx.form().has("edit_mapping"))
    return mapping_page(ctx, c.table, c.json, c.filename, c.mapping, c.problems, c.problems.empty() ? 200 : 422);
  auto lease = ctx.app.db().acquire();
  ImportPlan plan = plan_import(*lease, c.table, c.mapping);
  return preview_page(ctx, c, plan, false);
}

// ---- step 3: import -----------------------------------------------------------------------------

http::Response apply(Context& ctx) {
  Carried c = carried(ctx);
  if (!c.problems.empty()) return mapping_page(ctx, c.table, c.json, c.filename, c.mapping, c.problems, 422);
  std::string expected = ctx.form().get("fingerprint");
  Actor actor{ctx.user()->email, ctx.now};
  ImportPlan plan;
  std::optional<ImportResult> result;
  app::write(ctx, [&](app::Change& change) {
    plan = plan_import(change.db, c.table, c.mapping);
    if (plan.fingerprint != expected) return;  // the data changed since the preview: show it again
    result = apply_import(change.db, plan, actor);
    // Audited in the same transaction: no import without its record.
    change.audit("directory.import", "spreadsheet", c.filename,
                 "created=" + std::to_string(result->created) + " updated=" + std::to_string(result->updated) +
                     " unchanged=" + std::to_string(result->unchanged) + " skipped=" +
                     std::to_string(result->skipped) + " organizations=" +
                     std::to_string(result->organizations_created));
    // The index follows the committed data.
    change.after_commit([&app = ctx.app, ids = result->service_ids] {
      auto& engine = search(app);
      if (ids.size() > kReindexOneByOne) engine.rebuild();
      else
        for (const auto& id : ids) engine.reindex_service(id);
    });
  });
  if (!result) return preview_page(ctx, c, plan, true);

  web::Dict d = ctx.content_dict();
  d.SetValue("FILENAME", c.filename);
  d.SetIntValue("CREATED", result->created);
  d.SetIntValue("UPDATED", result->updated);
  d.SetIntValue("UNCHANGED", result->unchanged);
  d.SetIntValue("SKIPPED", result->skipped);
  d.SetIntValue("ORGANIZATIONS", result->organizations_created);
  if (result->skipped > 0) d.ShowSection("HAS_SKIPPED");
  return ctx.page("sheet_done", ctx.t("sheet.done_title"), d);
}

}  // namespace

void register_spreadsheet(app::Routes& r) {
  r.page("GET", "/directory/import", importers(), upload_form);
  r.page("POST", "/directory/import", importers(), upload, kUploadLimit);
  r.page("POST", "/directory/import/preview", importers(), preview, kStepLimit);
  r.page("POST", "/directory/import/apply", importers(), apply, kStepLimit);
}

}  // namespace samen::directory
