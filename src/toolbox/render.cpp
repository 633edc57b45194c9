// Shared page helpers of the toolbox (render.hpp).
#include "toolbox/render.hpp"

#include <cmath>
#include <cstdio>

#include "web/render.hpp"

namespace samen::toolbox {

std::optional<std::int64_t> parse_count(std::string_view text, std::int64_t min, std::int64_t max) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  if (v < min || v > max) return std::nullopt;
  return v;
}

std::string steps_text(const std::vector<Step>& steps) {
  std::string out;
  for (const auto& s : steps) {
    // A description's own line breaks would split the step: the form keeps one line per step.
    std::string one_line;
    for (char ch : s.description) one_line += (ch == '\n' || ch == '\r') ? ' ' : ch;
    out += std::to_string(s.minutes) + " | " + one_line + "\n";
  }
  return out;
}

bool parse_steps(std::string_view text, std::vector<Step>& out) {
  bool ok = true;
  std::size_t start = 0;
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    auto line = trim(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (!line.empty()) {
      Step s;
      auto bar = line.find('|');
      if (bar == std::string_view::npos) {
        s.description = std::string(line);
      } else {
        auto minutes = trim(line.substr(0, bar));
        s.description = std::string(trim(line.substr(bar + 1)));
        if (minutes.empty()) s.minutes = 0;
        else if (auto m = parse_count(minutes, 0, 1440)) s.minutes = *m;
        else ok = false;
      }
      if (s.description.empty()) ok = false;
      out.push_back(std::move(s));
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return ok;
}

std::string rating_text(const app::Context& ctx, double mean, std::int64_t count) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(mean * 10) / 10);
  std::string value = buf;
  if (ctx.lang != i18n::Lang::en)
    for (auto& ch : value)
      if (ch == '.') ch = ',';
  return ctx.tf("toolbox.rating_mean", {{"mean", value}, {"count", count}});
}

std::string field_label(const app::Context& ctx, const std::string& field) {
  auto dot = field.find('.');
  if (dot == std::string::npos) return ctx.t("toolbox.field." + field);
  std::string lang = field.substr(0, dot), rest = field.substr(dot + 1);
  if (!is_language(lang)) return field;
  std::string language = ctx.t("toolbox.language." + lang);
  if (rest.starts_with("step.")) {
    std::string n = rest.substr(5);
    while (n.size() > 1 && n[0] == '0') n.erase(0, 1);
    return ctx.tf("toolbox.field.step_n", {{"n", n}}) + " (" + language + ")";
  }
  return ctx.t("toolbox.field." + rest) + " (" + language + ")";
}

MethodView method_view(const app::Context& ctx, const Method& m, const core::Network& n) {
  static const Translation none;
  std::string lang(i18n::code(ctx.lang));
  MethodView v;
  v.text = m.text_in(lang);
  if (!v.text) v.text = &none;
  if (!m.translations.count(lang))
    for (const auto& [code, tr] : m.translations)
      if (&tr == v.text) v.shown_in = ctx.t("toolbox.language." + code);
  v.phase = ctx.t("toolbox.phase." + m.phase);
  for (const auto& x : m.topics) v.topics += (v.topics.empty() ? "" : ", ") + ctx.t("toolbox.topic." + x);
  v.group = ctx.tf("toolbox.group_size_value", {{"min", m.group_min}, {"max", m.group_max}});
  v.duration = ctx.tf("toolbox.minutes", {{"count", m.duration_minutes}});
  for (const auto& [code, tr] : m.translations)
    v.languages += (v.languages.empty() ? "" : ", ") + ctx.t("toolbox.language." + code);
  std::int64_t total = 0;
  for (const auto& s : v.text->steps) {
    v.steps.push_back({s.description, s.minutes > 0 ? ctx.tf("toolbox.minutes", {{"count", s.minutes}}) : ""});
    total += s.minutes;
  }
  if (!v.steps.empty()) v.steps_total = ctx.tf("toolbox.steps_total", {{"count", total}});
  if (!m.adapted_from.empty())
    if (auto team = n.team(m.adapted_by_team)) v.adapted_by = team->name.in(ctx.lang);
  return v;
}

std::string fill_method(const app::Context& ctx, web::Dict& d, const Method& m, const core::Network& n) {
  MethodView v = method_view(ctx, m, n);
  web::Dict body("toolbox_method_body");
  body.SetValue("ID", m.id);
  d.SetValue("ID", m.id);
  body.SetValue("NAME", v.text->name);
  d.SetValue("NAME", v.text->name);
  if (!v.shown_in.empty()) body.SetValueAndShowSection("SHOWN_IN", v.shown_in, "OTHER_LANGUAGE");
  body.SetValue("PHASE", v.phase);
  if (!v.topics.empty()) body.SetValueAndShowSection("TOPICS", v.topics, "HAS_TOPICS");
  body.SetValue("GROUP", v.group);
  body.SetValue("DURATION", v.duration);
  if (!m.licence.empty()) body.SetValueAndShowSection("LICENCE", m.licence, "HAS_LICENCE");
  body.SetValue("LANGUAGES", v.languages);
  for (const char* field : kShownFields) {
    const std::string& value = v.text->field(field);
    if (value.empty()) continue;
    std::string key = field;
    for (auto& ch : key) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    body.SetValueAndShowSection(key, value, "HAS_" + key);
  }
  for (const auto& s : v.steps) {
    auto* row = body.AddSectionDictionary("STEPS");
    row->SetValue("STEP_TEXT", s.text);
    if (!s.minutes.empty()) row->SetValueAndShowSection("STEP_MINUTES", s.minutes, "HAS_MINUTES");
  }
  if (!v.steps.empty()) {
    body.ShowSection("HAS_STEPS");
    body.SetValue("STEPS_TOTAL", v.steps_total);
  }
  if (!m.adapted_from.empty()) {
    body.SetValueAndShowSection("ADAPTED_FROM", m.adapted_from, "IS_ADAPTATION");
    if (!v.adapted_by.empty()) body.SetValueAndShowSection("ADAPTED_BY", v.adapted_by, "HAS_ADAPTED_BY");
    if (!m.adaptation_reason.empty()) body.SetValueAndShowSection("REASON", m.adaptation_reason, "HAS_REASON");
  }
  std::string html = web::render(ctx.lang, "toolbox_method_body", body);
  d.SetValue("BODY_HTML", html);
  return html;
}

}  // namespace samen::toolbox
