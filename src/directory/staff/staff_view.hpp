// Building blocks of the staff pages: a form description rendered by the one
// generic template directory_form.tpl (translated nl/fr/en fields, inputs,
// selects, checkbox groups and tables of repeated rows, each with its label,
// error and aria wiring), and the facts list of directory_record.tpl.
#pragma once
#include <string>
#include <vector>

#include "app/context.hpp"
#include "directory/model/records.hpp"
#include "directory/staff/staff_forms.hpp"
#include "http/forms.hpp"

namespace samen::directory {

struct Option {
  std::string value, label;
  bool nested = false;  // shown indented under the previous top-level option
};

// Fills the FIELDS of directory_form.tpl from posted (or record) values and errors.
class FormView {
 public:
  FormView(app::Context& ctx, web::Dict& page, const http::Form& values, const FieldErrors& errors);

  void heading(const std::string& label_key, const std::string& hint_key = "");
  // nl/fr/en inputs of a translatable field; required marks the nl one.
  void translated(const std::string& name, bool multiline, bool required, const std::string& hint_key = "");
  void input(const std::string& name, const std::string& type = "text", bool required = false,
             const std::string& hint_key = "");
  void select(const std::string& name, const std::vector<Option>& options, bool required = false,
              const std::string& hint_key = "");
  void checks(const std::string& name, const std::vector<Option>& options, const std::string& hint_key = "");
  // A table of repeated rows: the posted rows plus `blank` empty ones.
  void rows(const RowGroup& g, const std::vector<Option>& municipality_options, int blank = 3);
  // The error summary (links to the fields) and the hidden updated_at.
  void finish();

  static std::string field_id(const std::string& name);

 private:
  web::Dict* field(const char* kind, const std::string& name, const std::string& label);
  void mark_error(web::Dict* d, const std::string& name, const std::string& id);
  void hint(web::Dict* d, const std::string& id, const std::string& hint_key, bool invalid);
  std::string label_of(const std::string& name) const;

  app::Context& ctx_;
  web::Dict& page_;
  const http::Form& values_;
  const FieldErrors& errors_;
  std::vector<std::pair<std::string, std::string>> error_links_;  // (id, field)
};

// The catalog text of a field label ("name.fr" → label of name + language).
std::string field_label(const app::Context& ctx, const std::string& field);
// Option lists shared by forms and views.
std::vector<Option> weekday_options(const app::Context& ctx, bool with_blank);
std::vector<Option> municipality_options(const app::Context& ctx, bool with_blank);
std::string weekday_label(const app::Context& ctx, int weekday);

// One fact of a record page: a label and lines, each optionally a link or in another language.
class Facts {
 public:
  explicit Facts(web::Dict& page) : page_(page) {}
  Facts& add(const std::string& label);
  Facts& line(const std::string& text, const std::string& href = "", const std::string& lang = "");
  // Adds label + text when the text is not empty.
  void text(const std::string& label, const std::string& value, const std::string& lang = "");

 private:
  web::Dict& page_;
  web::Dict* current_ = nullptr;
};

}  // namespace samen::directory
