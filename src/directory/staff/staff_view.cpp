// The generic staff form and facts list (see staff_view.hpp).
#include "directory/staff/staff_view.hpp"

#include <algorithm>

#include "core/brussels.hpp"

namespace samen::directory {

std::string FormView::field_id(const std::string& name) {
  std::string id = "f-" + name;
  std::replace(id.begin(), id.end(), '.', '-');
  return id;
}

std::string field_label(const app::Context& ctx, const std::string& field) {
  auto dot = field.find('.');
  if (dot == std::string::npos) return ctx.t("staff.field." + field);
  return ctx.t("staff.field." + field.substr(0, dot)) + " (" + ctx.t("lang." + field.substr(dot + 1)) + ")";
}

std::string weekday_label(const app::Context& ctx, int weekday) {
  static const char* keys[] = {"staff.weekday.0", "staff.weekday.1", "staff.weekday.2", "staff.weekday.3",
                               "staff.weekday.4", "staff.weekday.5", "staff.weekday.6"};
  return ctx.t(keys[std::clamp(weekday, 0, 6)]);
}

std::vector<Option> weekday_options(const app::Context& ctx, bool with_blank) {
  std::vector<Option> out;
  if (with_blank) out.push_back({"", ctx.t("staff.choose")});
  for (int d = 0; d < 7; ++d) out.push_back({std::to_string(d), weekday_label(ctx, d)});
  return out;
}

std::vector<Option> municipality_options(const app::Context& ctx, bool with_blank) {
  std::vector<Option> out;
  if (with_blank) out.push_back({"", ctx.t("staff.choose")});
  for (const auto& m : core::brussels_municipalities()) out.push_back({m.nis_code, m.name(ctx.lang)});
  return out;
}

FormView::FormView(app::Context& ctx, web::Dict& page, const http::Form& values, const FieldErrors& errors)
    : ctx_(ctx), page_(page), values_(values), errors_(errors) {}

std::string FormView::label_of(const std::string& name) const { return field_label(ctx_, name); }

web::Dict* FormView::field(const char* kind, const std::string& name, const std::string& label) {
  web::Dict* d = page_.AddSectionDictionary("FIELDS");
  d->ShowSection(kind);
  d->SetValue("NAME", name);
  d->SetValue("ID", field_id(name));
  d->SetValue("LABEL", label);
  return d;
}

void FormView::mark_error(web::Dict* d, const std::string& name, const std::string& id) {
  auto it = errors_.find(name);
  if (it == errors_.end()) return;
  d->SetValueAndShowSection("ERROR", ctx_.t(it->second), "INVALID");
  error_links_.emplace_back(id, name);
}

void FormView::hint(web::Dict* d, const std::string& id, const std::string& hint_key, bool invalid) {
  std::string described;
  if (!hint_key.empty()) {
    d->SetValueAndShowSection("HINT", ctx_.t(hint_key), "HAS_HINT");
    described = id + "-hint";
  }
  if (invalid) described += (described.empty() ? "" : " ") + id + "-error";
  if (!described.empty()) d->SetValueAndShowSection("DESCRIBEDBY", described, "DESCRIBED");
}

void FormView::heading(const std::string& label_key, const std::string& hint_key) {
  web::Dict* d = page_.AddSectionDictionary("FIELDS");
  d->ShowSection("IS_HEADING");
  d->SetValue("LABEL", ctx_.t(label_key));
  if (!hint_key.empty()) d->SetValueAndShowSection("HINT", ctx_.t(hint_key), "HAS_HINT");
}

void FormView::translated(const std::string& name, bool multiline, bool required, const std::string& hint_key) {
  web::Dict* d = field("IS_TRANSLATED", name, label_of(name));
  if (!hint_key.empty()) d->SetValueAndShowSection("HINT", ctx_.t(hint_key), "HAS_HINT");
  for (auto lang : i18n::kLangs) {
    std::string code(i18n::code(lang));
    std::string n = lang == i18n::Lang::nl ? name : name + "." + code;
    web::Dict* l = d->AddSectionDictionary("LANGS");
    l->SetValue("NAME", n);
    l->SetValue("ID", field_id(n));
    l->SetValue("CODE", code);
    l->SetValue("LANG_LABEL", ctx_.t("lang." + code));
    l->SetValue("VALUE", values_.get(n));
    l->ShowSection(multiline ? "MULTILINE" : "SINGLE");
    if (required && lang == i18n::Lang::nl) l->ShowSection("REQUIRED");
    bool invalid = errors_.count(n) > 0;
    mark_error(l, n, field_id(n));
    if (invalid) l->SetValueAndShowSection("DESCRIBEDBY", field_id(n) + "-error", "DESCRIBED");
  }
}

void FormView::input(const std::string& name, const std::string& type, bool required, const std::string& hint_key) {
  web::Dict* d = field("IS_INPUT", name, label_of(name));
  d->SetValue("TYPE", type);
  d->SetValue("VALUE", values_.get(name));
  if (type == "number") d->ShowSection("DECIMAL");
  if (required) d->ShowSection("REQUIRED");
  bool invalid = errors_.count(name) > 0;
  mark_error(d, name, field_id(name));
  hint(d, field_id(name), hint_key, invalid);
}

void FormView::select(const std::string& name, const std::vector<Option>& options, bool required,
                      const std::string& hint_key) {
  web::Dict* d = field("IS_SELECT", name, label_of(name));
  if (required) d->ShowSection("REQUIRED");
  std::string current = values_.get(name);
  for (const auto& o : options) {
    web::Dict* od = d->AddSectionDictionary("OPTIONS");
    od->SetValue("VALUE", o.value);
    od->SetValue("OPTION_LABEL", o.label);
    if (o.value == current) od->ShowSection("SELECTED");
  }
  bool invalid = errors_.count(name) > 0;
  mark_error(d, name, field_id(name));
  hint(d, field_id(name), hint_key, invalid);
}

void FormView::checks(const std::string& name, const std::vector<Option>& options, const std::string& hint_key) {
  web::Dict* d = field("IS_CHECKS", name, label_of(name));
  auto chosen = values_.all(name);
  int i = 0;
  for (const auto& o : options) {
    web::Dict* od = d->AddSectionDictionary("OPTIONS");
    od->SetValue("OPTION_ID", field_id(name) + "-" + std::to_string(i++));
    od->SetValue("VALUE", o.value);
    od->SetValue("OPTION_LABEL", o.label);
    if (o.nested) od->ShowSection("NESTED");
    if (std::find(chosen.begin(), chosen.end(), o.value) != chosen.end()) od->ShowSection("CHECKED");
  }
  if (options.empty()) d->ShowSection("NO_OPTIONS");
  bool invalid = errors_.count(name) > 0;
  mark_error(d, name, field_id(name));
  hint(d, field_id(name), hint_key, invalid);
}

void FormView::rows(const RowGroup& g, const std::vector<Option>& municipalities, int blank) {
  web::Dict* d = field("IS_ROWS", g.error_field, ctx_.t(g.label_key));
  for (const auto& c : g.columns) d->AddSectionDictionary("COLUMNS")->SetValue("COLUMN_LABEL", ctx_.t(c.label_key));
  auto rows = form_rows(values_, g);
  for (int i = 0; i < blank; ++i) rows.emplace_back(g.columns.size(), "");
  int n = 0;
  for (const auto& row : rows) {
    web::Dict* rd = d->AddSectionDictionary("ROW");
    ++n;
    for (std::size_t c = 0; c < g.columns.size(); ++c) {
      const auto& col = g.columns[c];
      web::Dict* cd = rd->AddSectionDictionary("CELLS");
      cd->SetValue("CELL_NAME", col.field);
      cd->SetValue("ARIA", ctx_.t(col.label_key) + " " + std::to_string(n));
      std::string value = c < row.size() ? row[c] : "";
      std::vector<Option> options;
      if (col.type == "weekday") options = weekday_options(ctx_, true);
      else if (col.type == "municipality") options = municipalities;
      else if (col.type == "closed")
        options = {{"1", ctx_.t("staff.exception.closed")}, {"0", ctx_.t("staff.exception.open")}};
      if (options.empty()) {
        web::Dict* in = cd->AddSectionDictionary("CELL_INPUT");
        in->SetValue("TYPE", col.type);
        in->SetValue("CELL_VALUE", value);
      } else {
        web::Dict* sel = cd->AddSectionDictionary("CELL_SELECT");
        for (const auto& o : options) {
          web::Dict* od = sel->AddSectionDictionary("CELL_OPTIONS");
          od->SetValue("VALUE", o.value);
          od->SetValue("OPTION_LABEL", o.label);
          if (o.value == value) od->ShowSection("SELECTED");
        }
      }
    }
  }
  bool invalid = errors_.count(g.error_field) > 0;
  mark_error(d, g.error_field, field_id(g.error_field));
  if (invalid) d->SetValueAndShowSection("DESCRIBEDBY", field_id(g.error_field) + "-error", "DESCRIBED");
}

void FormView::finish() {
  if (values_.has("updated_at")) page_.SetValueAndShowSection("UPDATED_AT", values_.get("updated_at"), "HAS_UPDATED_AT");
  // Errors on fields the form does not show still need to be seen.
  for (const auto& error : errors_) {
    const auto& field = error.first;  // not a structured binding: clang 14 cannot capture those
    bool shown = std::any_of(error_links_.begin(), error_links_.end(), [&](const auto& l) { return l.second == field; });
    if (!shown) error_links_.emplace_back("", field);
  }
  if (errors_.empty()) return;
  page_.ShowSection("HAS_ERRORS");
  for (const auto& [id, field] : error_links_) {
    web::Dict* e = page_.AddSectionDictionary("ERROR_LIST");
    e->SetValue("FIELD_LABEL", label_of(field));
    e->SetValue("MESSAGE", ctx_.t(errors_.at(field)));
    if (!id.empty()) e->SetValueAndShowSection("TARGET", id, "LINKED");
    else e->ShowSection("UNLINKED");
  }
}

Facts& Facts::add(const std::string& label) {
  current_ = page_.AddSectionDictionary("FACTS");
  current_->SetValue("LABEL", label);
  return *this;
}

Facts& Facts::line(const std::string& text, const std::string& href, const std::string& lang) {
  if (!current_) return *this;
  if (href.empty() && text.find('\n') != std::string::npos) {
    // Each line of a multi-line text on its own line.
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      std::string part = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!part.empty() && part.back() == '\r') part.pop_back();
      line(part, "", lang);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return *this;
  }
  web::Dict* l = current_->AddSectionDictionary("LINES");
  l->SetValue("TEXT", text);
  // The template's URL escaping only lets http(s) through a whole href, so
  // mail and phone links put their scheme in the template.
  if (href.starts_with("mailto:")) {
    l->SetValueAndShowSection("TARGET", href.substr(7), "MAIL");
  } else if (href.starts_with("tel:")) {
    std::string digits;
    for (char ch : href.substr(4))
      if ((ch >= '0' && ch <= '9') || (ch == '+' && digits.empty())) digits += ch;
    l->SetValueAndShowSection("TARGET", digits, "TEL");
  } else if (!href.empty()) {
    l->SetValueAndShowSection("HREF", href, "LINK");
  } else {
    l->ShowSection("PLAIN");
  }
  if (!lang.empty()) l->SetValueAndShowSection("LINE_LANG", lang, "HAS_LANG");
  return *this;
}

void Facts::text(const std::string& label, const std::string& value, const std::string& lang) {
  if (value.empty()) return;
  add(label).line(value, "", lang);
}

}  // namespace samen::directory
