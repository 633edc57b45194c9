// CSV, the one reader and writer: RFC 4180 as the HSDS tabular import and
// export need it (strict: a stray quote is an error, an empty unquoted field
// can mean NULL and "" an empty text), and as spreadsheet programs write it
// for the coordinators' lists (lenient: semicolons or tabs, a quote inside
// text kept, blank lines counted as rows). The writer quotes only when needed
// and ends records with CRLF. No I/O beyond the given stream.
#pragma once
#include <cstddef>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samen::csv {

struct Field {
  std::string text;
  bool quoted = false;  // written between double quotes
  // NULL is an empty field without quotes; "" is an empty text.
  std::optional<std::string> value() const {
    if (text.empty() && !quoted) return std::nullopt;
    return text;
  }
};

class Error : public std::runtime_error {
 public:
  Error(std::size_t line, const std::string& what) : std::runtime_error(what), line(line) {}
  std::size_t line;  // 1-based line where the problem is
};

struct Dialect {
  char delimiter = ',';
  // Strict (RFC 4180): a UTF-8 byte order mark at the start is skipped, blank
  // lines are skipped, a quote inside an unquoted field or text after a
  // closing quote is an Error. Lenient (as spreadsheet programs read): no byte
  // order mark handling (the caller looks at the raw bytes first), a blank
  // line is a record of one empty field, quotes inside text and text after a
  // closing quote belong to the field.
  bool lenient = false;
};

class Reader {
 public:
  // max_field_bytes: a longer field is an Error (guards against a missing closing quote swallowing a file).
  explicit Reader(std::istream& in, std::size_t max_field_bytes = 16 * 1024 * 1024, Dialect dialect = {});
  // Reads the next record into `fields`; false at the end of input. Throws
  // Error on a malformed record; `fields` then holds what was read of it (a
  // quoted field left open at the end of input included).
  bool next(std::vector<Field>& fields);
  std::size_t record_line() const { return record_line_; }  // first line of the last record read
  std::size_t records() const { return records_; }          // records read so far

 private:
  int get();
  int peek();
  bool at_field_end(int c) const;
  void read_quoted(Field& field, std::vector<Field>& fields);
  void read_unquoted(Field& field);
  void append(Field& field, int c);

  std::istream& in_;
  std::size_t max_field_;
  Dialect dialect_;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::size_t records_ = 0;
  bool started_ = false;
};

// Appends one record: NULL → empty field, "" → "" (quoted), fields with
// comma, quote, CR or LF → quoted with doubled quotes. Ends with CRLF.
void append_record(std::string& out, const std::vector<std::optional<std::string>>& fields);

}  // namespace samen::csv
