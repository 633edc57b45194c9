// The staff edit forms as data: a record turned into form fields (to fill
// an edit form) and posted fields read back into a record, with a field error
// for values that are not even of the right shape (a number field holding
// text). Repeated rows (opening hours, contacts, phones, areas) are parallel
// fields, e.g. hours_day / hours_opens / hours_closes; blank rows are skipped.
// No I/O, so it is tested without a server.
#pragma once
#include <optional>
#include <string>

#include "directory/model/records.hpp"
#include "http/forms.hpp"

namespace samen::directory {

http::Fields form_fields(const Organization& o);
http::Fields form_fields(const Service& s);
http::Fields form_fields(const Location& l);
http::Fields form_fields(const Team& t);

Organization organization_from_form(const http::Form& f, FieldErrors& errors);
Service service_from_form(const http::Form& f, FieldErrors& errors);
Location location_from_form(const http::Form& f, FieldErrors& errors);
Team team_from_form(const http::Form& f, FieldErrors& errors);

// The hidden updated_at of an edit form: nullopt when absent or not a number.
std::optional<std::int64_t> form_updated_at(const http::Form& f);

// The repeated-row groups of each form: (field prefix, its columns).
struct RowColumn {
  std::string field;      // e.g. "hours_opens"
  std::string label_key;  // catalog key of the column header
  std::string type;       // "text", "time", "date", "email", "tel", "weekday", "closed", "municipality"
};
struct RowGroup {
  std::string error_field;  // FieldErrors key, e.g. "hours"
  std::string label_key;
  std::vector<RowColumn> columns;
};
const RowGroup& hours_rows();
const RowGroup& exception_rows();
const RowGroup& contact_rows();
const RowGroup& phone_rows();
const RowGroup& area_rows();
// The non-blank rows of a group in a posted form, values trimmed.
std::vector<std::vector<std::string>> form_rows(const http::Form& f, const RowGroup& g);

}  // namespace samen::directory
