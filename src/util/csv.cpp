// The CSV reader and writer (see csv.hpp).
#include "util/csv.hpp"

namespace samen::csv {

namespace {
constexpr int kEof = std::char_traits<char>::eof();
}  // namespace

Reader::Reader(std::istream& in, std::size_t max_field_bytes, Dialect dialect)
    : in_(in), max_field_(max_field_bytes), dialect_(dialect) {}

int Reader::get() {
  int c = in_.get();
  if (c == '\n') ++line_;
  return c;
}

int Reader::peek() { return in_.peek(); }

bool Reader::at_field_end(int c) const { return c == dialect_.delimiter || c == '\n' || c == '\r' || c == kEof; }

void Reader::append(Field& field, int c) {
  field.text.push_back(static_cast<char>(c));
  if (field.text.size() > max_field_)
    throw Error(record_line_, "a field is longer than " + std::to_string(max_field_) + " bytes");
}

void Reader::read_quoted(Field& field, std::vector<Field>& fields) {
  get();  // the opening quote
  field.quoted = true;
  for (;;) {
    int c = get();
    if (c == kEof) {
      fields.push_back(std::move(field));  // what was read stays with the record
      throw Error(record_line_, "a quoted field is not closed (missing \")");
    }
    if (c == '"') {
      if (peek() != '"') break;
      get();
    }
    append(field, c);
  }
  if (at_field_end(peek())) return;
  if (!dialect_.lenient)
    throw Error(line_, "unexpected character after a closing quote (a quote inside a field must be doubled)");
  while (!at_field_end(peek())) append(field, get());  // as spreadsheet programs read it
}

void Reader::read_unquoted(Field& field) {
  while (!at_field_end(peek())) {
    if (peek() == '"' && !dialect_.lenient)
      throw Error(line_, "a quote inside a field that does not start with a quote");
    append(field, get());
  }
}

bool Reader::next(std::vector<Field>& fields) {
  fields.clear();
  if (!started_ && !dialect_.lenient && peek() == 0xEF) {
    get();
    int b = get(), c = get();
    if (b != 0xBB || c != 0xBF) throw Error(1, "the file starts with bytes that are not UTF-8");
  }
  started_ = true;
  if (!dialect_.lenient) {
    while (peek() == '\n' || peek() == '\r') get();  // blank lines between records
  }
  if (peek() == kEof) return false;
  record_line_ = line_;
  for (;;) {
    Field field;
    if (peek() == '"') read_quoted(field, fields);
    else read_unquoted(field);
    fields.push_back(std::move(field));
    int c = get();
    if (c == dialect_.delimiter) continue;
    if (c == '\r' && peek() == '\n') get();
    break;  // end of line or end of input
  }
  ++records_;
  return true;
}

void append_record(std::string& out, const std::vector<std::optional<std::string>>& fields) {
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

}  // namespace samen::csv
