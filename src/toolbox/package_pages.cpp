// The toolbox's sharing pages (package.hpp): the export of the catalogue's
// selection as a JSON package, the import (an upload form; the preview lists
// what is new, unchanged and in conflict and writes nothing; its confirm
// form carries the bytes as base64 and is planned again in the transaction
// that writes), loading the starter methods into a new network, and the PDF
// booklet per language with a table of contents.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/book_pdf.hpp"
#include "documents/pdf.hpp"
#include "http/multipart.hpp"
#include "toolbox/attachments.hpp"
#include "toolbox/booklet.hpp"
#include "toolbox/handlers.hpp"
#include "toolbox/package.hpp"
#include "toolbox/render.hpp"
#include "util/text.hpp"
#include "web/render.hpp"

namespace samen::toolbox {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kMaxEncodedBytes = (kMaxPackageBytes / 3 + 1) * 4;
constexpr std::int64_t kMaxBookletMethods = 500;

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

void require_manager(const Context& ctx) {
  auto role = me(ctx).role;
  if (role != accounts::Role::admin && role != accounts::Role::coordinator)
    throw HttpError(403, "forbidden", "error.forbidden");
}

// The methods a filter selects (the catalogue's query params, or ?ids=a,b), those the reader may see.
std::vector<Method> selected_methods(Context& ctx, store::Connection& c, const Reader& r, std::int64_t cap) {
  CatalogueFilter f;
  auto q = [&](const char* name) { return text::trimmed(ctx.req.query_param(name).value_or("")); };
  f.phase = q("phase");
  f.topic = q("topic");
  f.lang = q("language");
  f.status = q("status");
  f.q = std::string(text::utf8_prefix(q("q"), 200));
  if ((!f.phase.empty() && !is_phase(f.phase)) || (!f.topic.empty() && !is_topic(f.topic)) ||
      (!f.lang.empty() && !is_language(f.lang)) ||
      (!f.status.empty() && f.status != "all" &&
       std::find(std::begin(kStatuses), std::end(kStatuses), f.status) == std::end(kStatuses)))
    throw HttpError(400, "bad_request", "toolbox.error.filter");
  if (std::string s = q("size"); !s.empty() && !(f.group_size = parse_count(s, 1, 1000)))
    throw HttpError(400, "bad_request", "toolbox.error.group_size");
  if (std::string s = q("duration"); !s.empty() && !(f.max_duration = parse_count(s, 1, 10080)))
    throw HttpError(400, "bad_request", "toolbox.error.duration");
  f.limit = cap;
  if (std::string s = q("limit"); !s.empty()) {  // the first N of the selection (the booklet's bench takes 200)
    auto n = parse_count(s, 1, cap > 0 ? cap : 100000);
    if (!n) throw HttpError(400, "bad_request", "toolbox.error.filter");
    f.limit = *n;
  }
  std::vector<std::string> ids;
  std::string wanted = q("ids");
  auto chosen = split_list(wanted);
  for (const auto& row : list_methods(c, r, lang_code(ctx), f).rows)
    if (chosen.empty() || std::find(chosen.begin(), chosen.end(), row.id) != chosen.end()) ids.push_back(row.id);
  return load_methods(c, ids);
}

http::Response import_form(Context& ctx, const std::string& error_key, int status) {
  web::Dict d = ctx.content_dict();
  d.SetValue("MAX_SIZE", std::to_string(kMaxPackageBytes >> 20));
  if (!error_key.empty()) d.SetValueAndShowSection("ERROR", ctx.t(error_key), "HAS_ERROR");
  return ctx.page("toolbox_import", ctx.t("toolbox.import.title"), d, status);
}

http::Response preview(Context& ctx, const std::string& bytes, const ImportPlan& plan, int status) {
  web::Dict d = ctx.content_dict();
  for (const auto& e : plan.errors) {
    auto* row = d.AddSectionDictionary("ERRORS");
    row->SetValue("MESSAGE", ctx.t(e.key));
    row->SetValue("SUBJECT", e.subject);
  }
  if (!plan.errors.empty()) d.ShowSection("HAS_ERRORS");
  for (const auto& w : plan.warnings) {
    auto* row = d.AddSectionDictionary("WARNINGS");
    row->SetValue("MESSAGE", ctx.t(w.key));
    row->SetValue("SUBJECT", w.subject);
  }
  std::string lang = lang_code(ctx);
  for (const auto& item : plan.items) {
    auto* row = d.AddSectionDictionary("ITEMS");
    row->SetValue("ID", item.method.id);
    row->SetValue("NAME", item.method.name_in(lang));
    row->SetValue("PHASE", ctx.t("toolbox.phase." + item.method.phase));
    std::string kind = item.kind == PlanItem::Kind::create      ? "new"
                       : item.kind == PlanItem::Kind::unchanged ? "unchanged"
                                                                : item.conflict;
    row->SetValue("KIND", ctx.t("toolbox.import.kind." + kind));
    if (!item.local_id.empty()) row->SetValueAndShowSection("LOCAL_ID", item.local_id, "HAS_LOCAL");
  }
  d.SetValue("SUMMARY", ctx.tf("toolbox.import.summary", {{"new", plan.count(PlanItem::Kind::create)},
                                                          {"unchanged", plan.count(PlanItem::Kind::unchanged)},
                                                          {"conflicts", plan.count(PlanItem::Kind::conflict)}}));
  if (plan.errors.empty() && plan.count(PlanItem::Kind::unchanged) < static_cast<std::int64_t>(plan.items.size())) {
    d.SetValueAndShowSection("DATA", to_base64(bytes), "MAY_CONFIRM");
    if (plan.count(PlanItem::Kind::conflict) > 0) d.ShowSection("HAS_CONFLICTS");
  }
  return ctx.page("toolbox_import_preview", ctx.t("toolbox.import.preview"), d, status);
}

}  // namespace

http::Response export_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Reader r = reader(ctx, *lease);
  auto methods = selected_methods(ctx, *lease, r, 0);
  auto doc = export_package(methods, ctx.now);
  add_attachment_metadata(*lease, doc);
  ctx.audit("toolbox.export", "toolbox.method", "", std::to_string(methods.size()));
  auto res = http::Response::json(200, doc.dump(2) + "\n");
  res.set_header("Content-Disposition", "attachment; filename=\"toolbox.json\"");
  return res;
}

http::Response import_form_page(Context& ctx) {
  require_manager(ctx);
  return import_form(ctx, "", 200);
}

http::Response import_page(Context& ctx) {
  require_manager(ctx);
  // The upload form is multipart (the file); the preview's confirm form may also come URL-encoded (its base64 field).
  std::string type = ctx.req.header("content-type").value_or("");
  std::string bytes;
  if (http::is_multipart_form(type)) {
    std::vector<http::MultipartPart> parts;
    try {
      parts = http::parse_multipart(type, ctx.req.body);
    } catch (const http::FormError&) {
      throw HttpError(400, "bad_form", "error.bad_form");
    }
    auto file = std::find_if(parts.begin(), parts.end(), [](const auto& p) { return p.name == "file" && p.has_filename; });
    if (file != parts.end() && !file->data.empty()) bytes = std::move(file->data);
  } else if (!type.starts_with("application/x-www-form-urlencoded")) {
    throw HttpError(415, "unsupported_media_type", "toolbox.import.error.multipart");
  }
  if (bytes.empty())
    if (const auto& data = ctx.form().get("data"); !data.empty()) {
      auto decoded = from_base64(data);
      if (!decoded) return import_form(ctx, "toolbox.import.error.empty", 422);
      bytes = std::move(*decoded);
    }
  if (bytes.empty()) return import_form(ctx, "toolbox.import.error.empty", 422);
  if (ctx.form().get("confirm") != "1") {
    ImportPlan plan = plan_import(*ctx.app.db().acquire(), bytes);
    return preview(ctx, bytes, plan, plan.errors.empty() ? 200 : 422);
  }
  bool take_theirs = ctx.form().get("conflicts") == "theirs";
  // Planned again on the toolbox as it is now, in the transaction that writes it.
  ImportPlan plan;
  std::int64_t written = 0;
  app::write(ctx, [&](app::Change& change) {
    plan = plan_import(change.db, bytes);
    if (!plan.errors.empty()) return;
    Writer w(change);
    written = apply_import(w, plan, take_theirs);
  });
  if (!plan.errors.empty()) return preview(ctx, bytes, plan, 422);
  return http::Response::redirect("/toolbox?done=toolbox_imported&status=all");
}

http::Response starter_page(Context& ctx) {
  require_manager(ctx);
  app::write(ctx, [&](app::Change& change) {
    Writer w(change);
    load_starter(w);
  });
  return http::Response::redirect("/toolbox?done=toolbox_starter_loaded");
}

// ---- the booklet ---------------------------------------------------------------------------

http::Response booklet_page(Context& ctx) {
  std::string lang = ctx.req.query_param("lang").value_or(lang_code(ctx));
  if (!is_language(lang)) throw HttpError(400, "bad_request", "toolbox.error.language");
  std::vector<Method> methods;
  core::Network n;
  {  // the rest is layout: the connection goes back to the pool first
    auto lease = ctx.app.db().acquire();
    Reader r = reader(ctx, *lease);
    methods = selected_methods(ctx, *lease, r, kMaxBookletMethods);
    n = core::load_network(*lease);
  }
  // The booklet is in the language asked for: its texts and the methods' fields.
  app::Context in_lang = ctx;
  in_lang.lang = *i18n::parse_lang(lang);
  std::sort(methods.begin(), methods.end(), [&](const Method& a, const Method& b) {
    auto pa = std::find(std::begin(kPhases), std::end(kPhases), a.phase) - std::begin(kPhases);
    auto pb = std::find(std::begin(kPhases), std::end(kPhases), b.phase) - std::begin(kPhases);
    return pa != pb ? pa < pb : a.name_in(lang) < b.name_in(lang);
  });
  if (ctx.req.query_param("format").value_or("pdf") != "html") {
    // The PDF is drawn in-process (documents/book_pdf.hpp): 200 methods took 20 s through WeasyPrint.
    try {
      std::string pdf = documents::render_book_pdf(booklet_book(in_lang, methods, n));
      return documents::pdf_download(std::move(pdf), "toolbox-" + lang + ".pdf");
    } catch (const documents::PdfError&) {
      throw HttpError(503, "pdf_unavailable", "toolbox.booklet.error.pdf");
    }
  }
  // ?format=html: the booklet as a page of the site (to read or print from the browser).
  web::Dict d = in_lang.content_dict();
  d.SetValue("TITLE", in_lang.t("toolbox.booklet.title"));
  d.SetValue("COUNT", in_lang.tf("toolbox.count", {{"count", static_cast<std::int64_t>(methods.size())}}));
  for (const auto& m : methods) {
    auto* toc = d.AddSectionDictionary("TOC");
    toc->SetValue("ID", m.id);
    toc->SetValue("NAME", m.name_in(lang));
    toc->SetValue("PHASE", in_lang.t("toolbox.phase." + m.phase));
    if (!m.translations.count(lang)) toc->ShowSection("NOT_TRANSLATED");
    auto* page = d.AddSectionDictionary("METHODS");
    fill_method(in_lang, *page, m, n);
  }
  return in_lang.page("toolbox_booklet", in_lang.t("toolbox.booklet.title"), d);
}

}  // namespace samen::toolbox
