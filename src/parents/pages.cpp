// What parents' voice's page handlers share (handlers.hpp): the caller, path
// ids, form versions, <select> options, form error lists and the labels of
// codes in the reader's language.
#include <algorithm>
#include <cctype>

#include "core/brussels.hpp"
#include "journal/activity.hpp"
#include "parents/handlers.hpp"

namespace samen::parents {

using app::Context;
using app::HttpError;

const accounts::User& me(const Context& ctx) {
  if (!ctx.user()) throw HttpError(401, "unauthorized", "error.unauthorized");
  return *ctx.user();
}

std::string path_id(const Context& ctx, const std::string& name) {
  std::string id = ctx.param(name);
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

std::optional<std::int64_t> form_version(const http::Form& f) {
  if (f.get("version").empty()) return std::nullopt;
  auto v = journal::parse_bounded(f.get("version"), 0, INT64_MAX);
  if (!v) throw HttpError(400, "bad_request", "error.bad_request");
  return v;
}

void add_option(web::Dict& d, const char* section, const std::string& value, const std::string& label, bool selected) {
  auto* o = d.AddSectionDictionary(section);
  o->SetValue("VALUE", value);
  o->SetValue("LABEL", label);
  if (selected) o->ShowSection("SELECTED");
}

void add_errors(Context& ctx, web::Dict& d, const FieldErrors& errors, const std::string& label_prefix) {
  if (errors.empty()) return;
  d.ShowSection("HAS_ERRORS");
  for (const auto& [field, key] : errors) {
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", field);
    e->SetValue("FIELD_LABEL", ctx.t(label_prefix + field));
    e->SetValue("MESSAGE", ctx.t(key));
    // The field's own message beside it: FIELD_<NAME> section in the template.
    std::string section = "ERR_" + field;
    std::transform(section.begin(), section.end(), section.begin(), ::toupper);
    d.SetValueAndShowSection(section, ctx.t(key), section);
  }
}

std::string theme_label(const std::vector<Theme>& themes, const std::string& code, i18n::Lang lang) {
  for (const auto& t : themes)
    if (t.code == code) return t.label(lang);
  return code;
}

std::string team_name(const core::Network& n, const std::string& id, i18n::Lang lang) {
  if (id.empty()) return "";
  if (auto t = n.team(id)) return t->name.in(lang);
  return id;
}

std::string municipality_name(const std::string& nis, i18n::Lang lang) {
  if (nis.empty()) return "";
  if (auto m = core::municipality_by_nis(nis)) return m->name(lang);
  return nis;
}

}  // namespace samen::parents
