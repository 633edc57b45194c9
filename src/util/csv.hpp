// RFC 4180 CSV: a streaming reader that keeps whether each field was quoted
// (so an empty unquoted field can mean NULL and "" an empty text), and a
// writer that quotes only when needed and ends records with CRLF. Used by
// the HSDS tabular import and export; no I/O beyond the given stream.
#pragma once
#include <cstddef>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samen::directory {

struct CsvField {
  std::string text;
  bool quoted = false;  // written between double quotes
  // NULL is an empty field without quotes; "" is an empty text.
  std::optional<std::string> value() const {
    if (text.empty() && !quoted) return std::nullopt;
    return text;
  }
};

class CsvError : public std::runtime_error {
 public:
  CsvError(std::size_t line, const std::string& what) : std::runtime_error(what), line(line) {}
  std::size_t line;  // 1-based line where the problem is
};

class CsvReader {
 public:
  // max_field_bytes: a longer field is a CsvError (guards against a missing closing quote swallowing a file).
  explicit CsvReader(std::istream& in, std::size_t max_field_bytes = 16 * 1024 * 1024);
  // Reads the next record into `fields`; false at the end of input. Blank
  // lines are skipped; a UTF-8 byte order mark at the start is ignored.
  // Throws CsvError on a malformed record.
  bool next(std::vector<CsvField>& fields);
  std::size_t record_line() const { return record_line_; }  // first line of the last record read
  std::size_t records() const { return records_; }          // records read so far

 private:
  int get();
  int peek();

  std::istream& in_;
  std::size_t max_field_;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::size_t records_ = 0;
  bool started_ = false;
};

// Appends one record: NULL → empty field, "" → "" (quoted), fields with
// comma, quote, CR or LF → quoted with doubled quotes. Ends with CRLF.
void append_csv_record(std::string& out, const std::vector<std::optional<std::string>>& fields);

}  // namespace samen::directory
