// The shared vision's pages (handlers.hpp): the current text (or an older
// version) in nl and fr side by side as safe Markdown, the edit form (admins
// and coordinators; a hidden version, a stale one keeps the editor's input
// with 409), and the version history with a line comparison of any two
// versions in either language.
#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/markdown.hpp"
#include "plan/handlers.hpp"
#include "util/text.hpp"

namespace samen::plan {

using app::Context;
using app::HttpError;

namespace {

constexpr std::size_t kMaxVisionBytes = 200000;

std::int64_t version_param(const Context& ctx, const char* name) {
  auto v = ctx.req.query_param(name);
  if (!v || v->empty()) return 0;
  auto parsed = journal::parse_bounded(*v, 1, 1000000000);
  if (!parsed) throw HttpError(400, "bad_request", "error.bad_request");
  return *parsed;
}

http::Response edit_form(Context& ctx, const http::Form& f, const FieldErrors& errors, int status, bool stale) {
  web::Dict d = ctx.content_dict();
  d.SetValue("TEXT_NL", f.get("text_nl"));
  d.SetValue("TEXT_FR", f.get("text_fr"));
  d.SetValue("NOTE", f.get("note"));
  d.SetValue("VERSION", f.get("version"));
  if (stale) d.ShowSection("STALE");
  show_errors(ctx, d, errors);
  return ctx.page("plan_vision_form", ctx.t("plan.vision.edit"), d, status);
}

}  // namespace

http::Response vision_page(Context& ctx) {
  std::int64_t asked = version_param(ctx, "version");
  auto lease = ctx.app.db().acquire();
  VisionVersion current = current_vision(*lease);
  VisionVersion shown = current;
  if (asked) {
    auto v = vision_version(*lease, asked);
    if (!v) throw HttpError(404, "not_found", "error.not_found");
    shown = *v;
  }
  web::Dict d = ctx.content_dict();
  if (shown.version == 0) d.ShowSection("EMPTY");
  else {
    d.SetValue("SHOWN_VERSION", std::to_string(shown.version));
    d.SetValue("SAVED", ctx.tf("plan.vision.saved", {{"version", shown.version},
                                                     {"date", i18n::format_time(ctx.lang, shown.saved_at, i18n::DateStyle::date_time)},
                                                     {"by", shown.saved_by}}));
    if (!shown.text_nl.empty()) d.SetValueAndShowSection("TEXT_NL_HTML", documents::markdown_to_html(shown.text_nl), "HAS_NL");
    if (!shown.text_fr.empty()) d.SetValueAndShowSection("TEXT_FR_HTML", documents::markdown_to_html(shown.text_fr), "HAS_FR");
    if (shown.version != current.version) d.SetValueAndShowSection("CURRENT_VERSION", std::to_string(current.version), "OLD_VERSION");
  }
  if (may_edit_vision(me(ctx).role)) d.ShowSection("MAY_EDIT");
  return ctx.page("plan_vision", ctx.t("plan.vision.title"), d);
}

http::Response vision_edit_page(Context& ctx) {
  if (!may_edit_vision(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  auto lease = ctx.app.db().acquire();
  VisionVersion current = current_vision(*lease);
  http::Fields fields{{"text_nl", current.text_nl}, {"text_fr", current.text_fr}, {"version", std::to_string(current.version)}};
  return edit_form(ctx, http::Form(fields), {}, 200, false);
}

http::Response vision_update_page(Context& ctx) {
  if (!may_edit_vision(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
  const auto& f = ctx.form();
  auto expected = form_version(f);
  std::string nl = f.get("text_nl"), fr = f.get("text_fr"), note = text::trimmed(f.get("note"));
  FieldErrors errors;
  if (nl.size() > kMaxVisionBytes || !text::valid_utf8(nl)) errors["text_nl"] = "plan.error.vision_long";
  if (fr.size() > kMaxVisionBytes || !text::valid_utf8(fr)) errors["text_fr"] = "plan.error.vision_long";
  if (text::trim(nl).empty() && text::trim(fr).empty()) errors["text_nl"] = "plan.error.vision_empty";
  if (note.size() > 500 || !text::valid_utf8(note)) errors["note"] = "plan.error.note";
  if (!errors.empty()) return edit_form(ctx, f, errors, 422, false);
  try {
    app::write(ctx, [&](app::Change& change) { save_vision(change, nl, fr, note, expected); });
  } catch (const app::StaleVersion&) {
    return edit_form(ctx, f, {}, 409, true);
  }
  return http::Response::redirect("/plan/vision?done=plan_vision_saved");
}

http::Response vision_history_page(Context& ctx) {
  std::int64_t from = version_param(ctx, "from"), to = version_param(ctx, "to");
  std::string lang = ctx.req.query_param("lang_text").value_or(ctx.lang == i18n::Lang::fr ? "fr" : "nl");
  if (lang != "nl" && lang != "fr") throw HttpError(400, "bad_request", "error.bad_request");
  auto lease = ctx.app.db().acquire();
  auto versions = vision_versions(*lease);
  web::Dict d = ctx.content_dict();
  if (versions.empty()) d.ShowSection("EMPTY");
  // By default the newest version against the one before it.
  if (!to && !versions.empty()) to = versions.front().version;
  if (!from && versions.size() > 1) from = versions[1].version;
  for (const auto& v : versions) {
    auto* row = d.AddSectionDictionary("VERSIONS");
    row->SetValue("V", std::to_string(v.version));
    row->SetValue("AT", i18n::format_time(ctx.lang, v.saved_at, i18n::DateStyle::date_time));
    row->SetValue("BY", v.saved_by);
    row->SetValue("NOTE", v.note);
    for (auto [section, chosen] : {std::pair{"FROM_OPTIONS", from}, std::pair{"TO_OPTIONS", to}}) {
      auto* o = d.AddSectionDictionary(section);
      o->SetValue("VALUE", std::to_string(v.version));
      if (v.version == chosen) o->ShowSection("SELECTED");
    }
  }
  for (const char* l : {"nl", "fr"}) {
    auto* o = d.AddSectionDictionary("LANG_OPTIONS");
    o->SetValue("VALUE", l);
    o->SetValue("LABEL", ctx.t(std::string("plan.vision.text_") + l));
    if (lang == l) o->ShowSection("SELECTED");
  }
  if (from && to) {
    auto a = vision_version(*lease, from), b = vision_version(*lease, to);
    if (!a || !b) throw HttpError(404, "not_found", "error.not_found");
    d.SetValue("COMPARE_TITLE", ctx.tf("plan.vision.compare_title", {{"from", from}, {"to", to}}));
    d.ShowSection("COMPARE");
    int changed = 0;
    for (const auto& line : diff_lines(lang == "fr" ? a->text_fr : a->text_nl, lang == "fr" ? b->text_fr : b->text_nl)) {
      auto* row = d.AddSectionDictionary("DIFF");
      row->SetValue("TEXT", line.text);
      if (line.kind == '+') row->ShowSection("ADDED"), ++changed;
      else if (line.kind == '-') row->ShowSection("REMOVED"), ++changed;
      else row->ShowSection("SAME");
    }
    if (!changed) d.ShowSection("NO_DIFFERENCE");
  }
  return ctx.page("plan_vision_history", ctx.t("plan.vision.history"), d);
}

}  // namespace samen::plan
