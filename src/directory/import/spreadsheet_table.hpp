// Reading the flat spreadsheets coordinators keep (one service per row): CSV
// as Excel writes it in Belgium (semicolons, UTF-8 with BOM) or elsewhere
// (commas, tabs), and XLSX (the first worksheet). The result is a header and
// numbered rows of valid UTF-8 text; problems of one row (invalid UTF-8, an
// unclosed quote, a cell too long) stay with that row as a catalog key, while
// problems of the whole file raise SheetError. No I/O besides the bytes given.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samen::directory {

struct SheetRow {
  int number = 0;                  // the row number a spreadsheet program shows (the header is row 1 in CSV)
  std::vector<std::string> cells;  // one per header column, valid UTF-8 (invalid bytes replaced by U+FFFD)
  std::string error;               // catalog key of a problem found while reading the row, "" when fine
};

struct SheetTable {
  std::vector<std::string> header;  // trimmed column titles (may be empty)
  std::vector<SheetRow> rows;       // non-blank rows after the header
};

// A problem with the file as a whole; key is a catalog key ("sheet.error.*").
class SheetError : public std::runtime_error {
 public:
  explicit SheetError(std::string key) : std::runtime_error(key), key(std::move(key)) {}
  std::string key;
};

struct SheetLimits {
  std::size_t max_rows = 5000;
  std::size_t max_columns = 100;
  std::size_t max_cell_bytes = 10000;
  std::size_t max_xml_bytes = 32u << 20;  // one uncompressed XLSX part
  // An XLSX file is small and unpacks large: its shared strings (a sheet
  // cannot show more than rows × columns of them) and the cells that repeat
  // them (one 10,000-character string in every cell would be 5 GB) are
  // bounded too.
  std::size_t max_shared_strings = 500000;
  std::size_t max_shared_string_bytes = 16u << 20;
  std::size_t max_table_bytes = 32u << 20;  // all cells together
};

SheetTable parse_csv(std::string_view bytes, const SheetLimits& limits = {});
SheetTable parse_xlsx(std::string_view bytes, const SheetLimits& limits = {});
// XLSX when the bytes are a ZIP archive, CSV otherwise (old .xls files are refused).
SheetTable parse_spreadsheet(std::string_view bytes, const SheetLimits& limits = {});

// The delimiter of a CSV line: ';', ',' or '\t', whichever occurs most outside quotes (';' on a tie).
char detect_delimiter(std::string_view first_line);

// The table as compact JSON, carried between the steps of the import forms,
// and back (SheetError "sheet.error.bad_data" when the text is not such a table).
std::string table_to_json(const SheetTable& t);
SheetTable table_from_json(std::string_view json, const SheetLimits& limits = {});

}  // namespace samen::directory
