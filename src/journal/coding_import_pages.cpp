// The codebook import pages (coding_import.hpp): /journal/coding/import shows
// an upload form (multipart, CSRF by the app); posting a .qdc or .qdpx shows
// what would be created, skipped and warned about, with a confirm button that
// posts the same bytes again (base64 in a hidden field) and is re-parsed and
// re-planned inside the one write transaction. Nothing is stored before that.
// POST /api/v1/codes/import is the same with the file as the body (dry_run).
#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "http/multipart.hpp"
#include "journal/coding_handlers.hpp"
#include "journal/coding_import.hpp"
#include "journal/coding_store.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

// The body may hold the file or its base64 (4/3 of it) plus the form's fields.
constexpr std::size_t kMaxEncodedBytes = (kMaxImportBytes / 3 + 1) * 4;

void require_codebook_manager(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  if (!may_manage_codebook(ctx.user()->role)) throw HttpError(403, "forbidden", "error.forbidden");
}

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}
std::optional<std::string> from_base64(const std::string& text) {
  if (text.size() > kMaxEncodedBytes) return std::nullopt;
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t n = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &n,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(n);
  return out;
}

http::Response import_form(Context& ctx, const std::string& error_key, int status) {
  web::Dict d = ctx.content_dict();
  d.SetValue("MAX_SIZE", std::to_string(kMaxImportBytes >> 20));
  if (!error_key.empty()) d.SetValueAndShowSection("ERROR", ctx.t(error_key), "HAS_ERROR");
  return ctx.page("journal_code_import", ctx.t("journal.coding.import.title"), d, status);
}

void add_problems(Context& ctx, web::Dict& d, const char* section, const std::vector<ImportProblem>& problems) {
  for (const auto& p : problems) {
    auto* row = d.AddSectionDictionary(section);
    row->SetValue("TEXT", p.name.empty() ? ctx.t(p.key) : ctx.t(p.key) + " (" + p.name + ")");
  }
}

http::Response preview(Context& ctx, const std::string& bytes, const std::vector<Code>& codes, const ImportPlan& plan) {
  web::Dict d = ctx.content_dict();
  std::map<std::string, std::string> label_of;  // guid or id → label, to name a parent
  for (const auto& c : codes) label_of[c.id] = c.label(ctx.lang);
  for (const auto& p : plan.create) label_of[p.code.guid] = p.code.label_nl;
  for (const auto& p : plan.create) {
    auto* row = d.AddSectionDictionary("CREATE");
    row->SetValue("LABEL", p.code.label_nl);
    row->SetValue("COLOUR", p.code.colour);
    std::string parent = p.parent_guid.empty() ? p.code.parent_id : p.parent_guid;
    if (!parent.empty()) row->SetValueAndShowSection("PARENT", label_of[parent], "HAS_PARENT");
    if (!p.code.description.empty()) row->SetValueAndShowSection("DESCRIPTION", p.code.description, "HAS_DESCRIPTION");
  }
  for (const auto& s : plan.skip) {
    auto* row = d.AddSectionDictionary("SKIP");
    row->SetValue("LABEL", s.name);
    row->SetValue("ID", s.existing_id);
  }
  add_problems(ctx, d, "WARNINGS", plan.warnings);
  add_problems(ctx, d, "ERRORS", plan.errors);
  d.SetValue("SUMMARY", ctx.tf("journal.coding.import.summary",
                               {{"create", static_cast<std::int64_t>(plan.create.size())},
                                {"skip", static_cast<std::int64_t>(plan.skip.size())}}));
  if (plan.errors.empty() && !plan.create.empty()) d.SetValueAndShowSection("DATA", to_base64(bytes), "MAY_CONFIRM");
  if (plan.create.empty() && plan.errors.empty()) d.ShowSection("NOTHING");
  return ctx.page("journal_code_import_preview", ctx.t("journal.coding.import.title"), d,
                  plan.errors.empty() ? 200 : 422);
}

}  // namespace

http::Response code_import_form_page(Context& ctx) {
  require_codebook_manager(ctx);
  return import_form(ctx, "", 200);
}

http::Response code_import_page(Context& ctx) {
  require_codebook_manager(ctx);
  std::string type = ctx.req.header("content-type").value_or("");
  if (!http::is_multipart_form(type)) throw HttpError(415, "unsupported_media_type", "journal.coding.import.error.multipart");
  std::vector<http::MultipartPart> parts;
  try {
    parts = http::parse_multipart(type, ctx.req.body);
  } catch (const http::FormError&) {
    throw HttpError(400, "bad_form", "error.bad_form");
  }
  // The file chosen, or the bytes the preview carried in its hidden field.
  std::string bytes;
  auto file = std::find_if(parts.begin(), parts.end(), [](const auto& p) { return p.name == "file" && p.has_filename; });
  if (file != parts.end() && !file->data.empty()) {
    bytes = std::move(file->data);
  } else if (const auto& data = ctx.form().get("data"); !data.empty()) {
    auto decoded = from_base64(data);
    if (!decoded) return import_form(ctx, "journal.coding.import.error.empty", 422);
    bytes = std::move(*decoded);
  }
  if (bytes.empty()) return import_form(ctx, "journal.coding.import.error.empty", 422);
  std::vector<ImportedCode> imported;
  try {
    imported = parse_codebook_file(bytes);
  } catch (const CodebookFileError& e) {
    return import_form(ctx, e.key, 422);
  }
  if (ctx.form().get("confirm") != "1") {
    auto codes = load_codes(*ctx.app.db().acquire());
    return preview(ctx, bytes, codes, plan_codebook_import(imported, codes));
  }
  // Planned again on the codebook as it is now, in the transaction that writes it.
  bool refused = false;
  std::vector<Code> codes;
  ImportPlan plan;
  app::write(ctx, [&](app::Change& change) {
    codes = load_codes(change.db);
    plan = plan_codebook_import(imported, codes);
    if (!plan.errors.empty()) {
      refused = true;
      return;
    }
    apply_codebook_import(change, plan);
  });
  if (refused) return preview(ctx, bytes, codes, plan);
  return http::Response::redirect("/journal/coding/codes?done=journal_coding_imported");
}

}  // namespace samen::journal

namespace samen::journal {

namespace {

nlohmann::json plan_json(Context& ctx, const ImportPlan& plan) {
  nlohmann::json create = nlohmann::json::array(), skip = nlohmann::json::array(), warnings = nlohmann::json::array(),
                 errors = nlohmann::json::array();
  for (const auto& p : plan.create)
    create.push_back({{"guid", p.code.guid},
                      {"name", p.code.label_nl},
                      {"parent_guid", p.parent_guid.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.parent_guid)},
                      {"parent_id", p.code.parent_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.code.parent_id)},
                      {"colour", p.code.colour},
                      {"description", p.code.description}});
  for (const auto& s : plan.skip) skip.push_back({{"guid", s.guid}, {"name", s.name}, {"existing_id", s.existing_id}});
  for (const auto& w : plan.warnings) warnings.push_back({{"code", w.key}, {"message", ctx.t(w.key)}, {"name", w.name}});
  for (const auto& e : plan.errors) errors.push_back({{"code", e.key}, {"message", ctx.t(e.key)}, {"name", e.name}});
  return {{"create", create}, {"skip", skip}, {"warnings", warnings}, {"errors", errors}};
}

}  // namespace

// POST /api/v1/codes/import: the body is the .qdc or .qdpx itself; ?dry_run=true answers the plan only.
http::Response api_codes_import(Context& ctx) {
  require_codebook_manager(ctx);
  std::vector<ImportedCode> imported;
  try {
    imported = parse_codebook_file(ctx.req.body);
  } catch (const CodebookFileError& e) {
    return app::json_response(422, {{"error", {{"code", "bad_codebook"}, {"message", ctx.t(e.key)}, {"reason", e.key}}}});
  }
  bool dry_run = ctx.req.query_param("dry_run").value_or("") == "true";
  ImportPlan plan;
  std::vector<std::string> ids;
  app::write(ctx, [&](app::Change& change) {
    plan = plan_codebook_import(imported, load_codes(change.db));
    if (plan.errors.empty() && !dry_run && !plan.create.empty()) ids = apply_codebook_import(change, plan);
  });
  auto j = plan_json(ctx, plan);
  j["dry_run"] = dry_run;
  j["created_ids"] = ids;
  if (!plan.errors.empty())  // the shared error shape, with the plan that was refused
    return app::json_response(
        422, {{"error", {{"code", "codebook_refused"}, {"message", ctx.t(plan.errors[0].key)}, {"plan", j}}}});
  return app::json_response(dry_run ? 200 : 201, j);
}

}  // namespace samen::journal
