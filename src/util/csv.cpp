// RFC 4180 CSV reader and writer (see csv.hpp).
#include "util/csv.hpp"

namespace samen::directory {

CsvReader::CsvReader(std::istream& in, std::size_t max_field_bytes) : in_(in), max_field_(max_field_bytes) {}

int CsvReader::get() {
  int c = in_.get();
  if (c == '\n') ++line_;
  return c;
}

int CsvReader::peek() { return in_.peek(); }

bool CsvReader::next(std::vector<CsvField>& fields) {
  fields.clear();
  if (!started_) {
    started_ = true;
    if (peek() == 0xEF) {
      get();
      int b = get(), c = get();
      if (b != 0xBB || c != 0xBF) throw CsvError(1, "the file starts with bytes that are not UTF-8");
    }
  }
  // Skip blank lines between records.
  for (;;) {
    int c = peek();
    if (c == std::char_traits<char>::eof()) return false;
    if (c == '\n' || c == '\r') {
      get();
      continue;
    }
    break;
  }
  record_line_ = line_;
  const auto eof = std::char_traits<char>::eof();
  for (;;) {
    CsvField field;
    int c = peek();
    if (c == '"') {
      get();
      field.quoted = true;
      for (;;) {
        c = get();
        if (c == eof) throw CsvError(record_line_, "a quoted field is not closed (missing \")");
        if (c == '"') {
          if (peek() == '"') {
            get();
            field.text.push_back('"');
            continue;
          }
          break;
        }
        field.text.push_back(static_cast<char>(c));
        if (field.text.size() > max_field_)
          throw CsvError(record_line_, "a field is longer than " + std::to_string(max_field_) + " bytes");
      }
      c = peek();
      if (c != ',' && c != '\n' && c != '\r' && c != eof)
        throw CsvError(line_, "unexpected character after a closing quote (a quote inside a field must be doubled)");
    } else {
      for (;;) {
        c = peek();
        if (c == ',' || c == '\n' || c == '\r' || c == eof) break;
        if (c == '"') throw CsvError(line_, "a quote inside a field that does not start with a quote");
        field.text.push_back(static_cast<char>(get()));
        if (field.text.size() > max_field_)
          throw CsvError(record_line_, "a field is longer than " + std::to_string(max_field_) + " bytes");
      }
    }
    fields.push_back(std::move(field));
    c = get();
    if (c == ',') continue;
    if (c == '\r' && peek() == '\n') get();
    break;  // end of line or end of input
  }
  ++records_;
  return true;
}

void append_csv_record(std::string& out, const std::vector<std::optional<std::string>>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out.push_back(',');
    if (!fields[i]) continue;
    const std::string& v = *fields[i];
    bool quote = v.empty() || v.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) {
      out += v;
      continue;
    }
    out.push_back('"');
    for (char ch : v) {
      if (ch == '"') out.push_back('"');
      out.push_back(ch);
    }
    out.push_back('"');
  }
  out += "\r\n";
}

}  // namespace samen::directory
