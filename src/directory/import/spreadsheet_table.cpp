// CSV and XLSX reading for the spreadsheet import. CSV: util/csv.hpp's
// lenient dialect (doubled quotes, line breaks inside quotes, CRLF/LF/CR line
// ends) after a UTF-8 BOM, Excel's "sep=;" hint and the delimiter are read here. XLSX: libzip opens the archive from memory
// (declared and actual sizes capped), expat reads workbook, relationships,
// shared strings, styles and the first sheet (DOCTYPEs refused, so no entity
// tricks). Numbers in a date or time format arrive as ISO text, not serials.
#include "directory/import/spreadsheet_table.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "util/csv.hpp"
#include "util/text.hpp"

#include "documents/excel_dates.hpp"

namespace samen::directory {

namespace {

bool blank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return text::trimmed(c).empty(); });
}

// Turns raw records (first non-blank = header) into the table, applying the limits.
class TableBuilder {
 public:
  explicit TableBuilder(const SheetLimits& limits) : limits_(limits) {}

  void add(int number, std::vector<std::string> cells, std::string error = "") {
    if (cells.size() > limits_.max_columns) {
      // Trailing empty cells (a sheet's formatted but unused columns) do not count.
      while (cells.size() > limits_.max_columns && text::trimmed(cells.back()).empty()) cells.pop_back();
      if (cells.size() > limits_.max_columns) throw SheetError("sheet.error.too_many_columns");
    }
    for (auto& c : cells) {
      if (!text::valid_utf8(c)) {
        c = text::replace_invalid_utf8(c);
        if (error.empty()) error = "sheet.error.invalid_utf8";
      }
      if (c.size() > limits_.max_cell_bytes) {
        c.resize(text::utf8_prefix(c, limits_.max_cell_bytes).size());
        if (error.empty()) error = "sheet.error.cell_too_long";
      }
      bytes_ += c.size();
    }
    if (bytes_ > limits_.max_table_bytes) throw SheetError("sheet.error.too_large");
    if (!have_header_) {
      if (blank(cells) && error.empty()) return;
      while (!cells.empty() && text::trimmed(cells.back()).empty()) cells.pop_back();
      for (auto& c : cells) c = text::trimmed(c);
      if (cells.empty()) throw SheetError("sheet.error.empty");
      table_.header = std::move(cells);
      have_header_ = true;
      return;
    }
    if (blank(cells) && error.empty()) return;
    const std::size_t width = table_.header.size();
    if (cells.size() > width) {
      bool extra = std::any_of(cells.begin() + static_cast<std::ptrdiff_t>(width), cells.end(),
                               [](const std::string& c) { return !text::trimmed(c).empty(); });
      if (extra && error.empty()) error = "sheet.error.extra_cells";
    }
    cells.resize(width);
    if (table_.rows.size() == limits_.max_rows) throw SheetError("sheet.error.too_many_rows");
    table_.rows.push_back({number, std::move(cells), std::move(error)});
  }

  SheetTable finish() {
    if (!have_header_) throw SheetError("sheet.error.empty");
    if (table_.rows.empty()) throw SheetError("sheet.error.no_rows");
    return std::move(table_);
  }

 private:
  const SheetLimits& limits_;
  SheetTable table_;
  bool have_header_ = false;
  std::size_t bytes_ = 0;  // text of every cell added so far
};

// ---- XLSX -------------------------------------------------------------------------------

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

ZipPtr open_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw SheetError("sheet.error.not_xlsx");
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (!z) {
    zip_source_free(src);
    throw SheetError("sheet.error.not_xlsx");
  }
  return ZipPtr(z);
}

std::optional<std::string> read_entry(zip_t* z, const std::string& name, std::size_t max) {
  zip_int64_t index = zip_name_locate(z, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0) throw SheetError("sheet.error.not_xlsx");
  if ((st.valid & ZIP_STAT_SIZE) && st.size > max) throw SheetError("sheet.error.too_large");
  zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0);
  if (!f) throw SheetError("sheet.error.not_xlsx");
  std::string out;
  char buf[65536];
  while (true) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      zip_fclose(f);
      throw SheetError("sheet.error.not_xlsx");
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > max) {
      zip_fclose(f);
      throw SheetError("sheet.error.too_large");
    }
  }
  zip_fclose(f);
  return out;
}

std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

using Attributes = const XML_Char**;

std::string attribute(Attributes atts, std::string_view wanted_local, bool need_prefix = false) {
  for (int i = 0; atts[i]; i += 2) {
    std::string_view n(atts[i]);
    bool prefixed = n.find(':') != std::string_view::npos;
    if (local_name(atts[i]) == wanted_local && (!need_prefix || prefixed)) return atts[i + 1];
  }
  return "";
}

// A SAX pass over one XML document with start/end/text callbacks.
struct XmlHandlers {
  std::function<void(std::string_view, Attributes)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
};

void parse_xml(const std::string& xml, XmlHandlers& h) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                                 &XML_ParserFree);
  if (!p) throw std::bad_alloc();
  struct State {
    XmlHandlers* h;
    XML_Parser parser;
    bool doctype = false;
  } state{&h, p.get()};
  XML_SetUserData(p.get(), &state);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const XML_Char* name, const XML_Char** atts) {
        auto* s = static_cast<State*>(u);
        if (s->h->start) s->h->start(local_name(name), atts);
      },
      [](void* u, const XML_Char* name) {
        auto* s = static_cast<State*>(u);
        if (s->h->end) s->h->end(local_name(name));
      });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* text, int len) {
    auto* s = static_cast<State*>(u);
    if (s->h->text) s->h->text(std::string_view(text, static_cast<std::size_t>(len)));
  });
  XML_SetStartDoctypeDeclHandler(p.get(), [](void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* s = static_cast<State*>(u);
    s->doctype = true;
    XML_StopParser(s->parser, XML_FALSE);
  });
  auto status = XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  if (status != XML_STATUS_OK || state.doctype) throw SheetError("sheet.error.not_xlsx");
}

// Column index of a cell reference: "A1" → 0, "AB12" → 27; -1 when malformed.
long column_of(std::string_view ref) {
  long col = 0;
  std::size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 16384) return -1;
    ++i;
  }
  return i == 0 ? -1 : col - 1;
}

// Numbers as a person would type them: "2.5", "3", "0.01" (not "2.5000000000000001").
std::string tidy_number(const std::string& v) {
  const char* begin = v.c_str();
  char* end = nullptr;
  double d = std::strtod(begin, &end);
  if (end == begin || *end != '\0' || !std::isfinite(d)) return v;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  return buf;
}

std::string first_sheet_path(zip_t* z, const SheetLimits& limits) {
  std::string fallback = "xl/worksheets/sheet1.xml";
  auto workbook = read_entry(z, "xl/workbook.xml", limits.max_xml_bytes);
  if (!workbook) throw SheetError("sheet.error.not_xlsx");
  std::string rel_id;
  XmlHandlers wb;
  wb.start = [&](std::string_view name, Attributes atts) {
    if (name == "sheet" && rel_id.empty()) rel_id = attribute(atts, "id", true);
  };
  parse_xml(*workbook, wb);
  auto rels = read_entry(z, "xl/_rels/workbook.xml.rels", limits.max_xml_bytes);
  if (rel_id.empty() || !rels) return fallback;
  std::string target;
  XmlHandlers rh;
  rh.start = [&](std::string_view name, Attributes atts) {
    if (name == "Relationship" && attribute(atts, "Id") == rel_id) target = attribute(atts, "Target");
  };
  parse_xml(*rels, rh);
  if (target.empty() || target.find("..") != std::string::npos) return fallback;
  return target.front() == '/' ? target.substr(1) : "xl/" + target;
}

std::vector<std::string> shared_strings(zip_t* z, const SheetLimits& limits) {
  std::vector<std::string> out;
  auto xml = read_entry(z, "xl/sharedStrings.xml", limits.max_xml_bytes);
  if (!xml) return out;
  bool in_si = false, in_t = false;
  int in_phonetic = 0;
  std::string current;
  std::size_t total_bytes = 0;
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes) {
    if (name == "si") in_si = true, current.clear();
    else if (name == "rPh") ++in_phonetic;
    else if (name == "t" && in_si && in_phonetic == 0) in_t = true;
  };
  h.end = [&](std::string_view name) {
    if (name == "si") {
      in_si = false;
      total_bytes += current.size();
      if (out.size() == limits.max_shared_strings || total_bytes > limits.max_shared_string_bytes)
        throw SheetError("sheet.error.too_large");
      out.push_back(current);
    }
    else if (name == "rPh") --in_phonetic;
    else if (name == "t") in_t = false;
  };
  h.text = [&](std::string_view text) {
    if (in_t && current.size() <= limits.max_cell_bytes) current.append(text);
  };
  parse_xml(*xml, h);
  return out;
}

// What each cell style (the s="N" of a cell) shows its number as: a date,
// a time, both, or a plain number; from styles.xml's cellXfs and numFmts.
std::vector<documents::DateKind> cell_style_kinds(zip_t* z, const SheetLimits& limits) {
  std::vector<documents::DateKind> kinds;
  auto xml = read_entry(z, "xl/styles.xml", limits.max_xml_bytes);
  if (!xml) return kinds;
  std::map<int, std::string> custom_codes;
  std::vector<int> format_ids;
  bool in_cell_xfs = false;
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes atts) {
    if (name == "numFmt") custom_codes[std::atoi(attribute(atts, "numFmtId").c_str())] = attribute(atts, "formatCode");
    else if (name == "cellXfs") in_cell_xfs = true;
    else if (name == "xf" && in_cell_xfs) format_ids.push_back(std::atoi(attribute(atts, "numFmtId").c_str()));
  };
  h.end = [&](std::string_view name) {
    if (name == "cellXfs") in_cell_xfs = false;
  };
  parse_xml(*xml, h);
  for (int id : format_ids) {
    auto code = custom_codes.find(id);
    kinds.push_back(documents::number_format_kind(id, code == custom_codes.end() ? "" : code->second));
  }
  return kinds;
}

// Whether the workbook counts days from 1904-01-01 (old Mac Excel) instead of 1899-12-30.
bool uses_1904_dates(zip_t* z, const SheetLimits& limits) {
  auto workbook = read_entry(z, "xl/workbook.xml", limits.max_xml_bytes);
  bool date1904 = false;
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes atts) {
    if (name == "workbookPr") {
      auto v = attribute(atts, "date1904");
      date1904 = v == "1" || v == "true";
    }
  };
  if (workbook) parse_xml(*workbook, h);
  return date1904;
}

// A numeric cell's text: ISO date/time when its style shows a date or time, the number otherwise.
std::string number_text(const std::string& value, const std::string& style,
                        const std::vector<documents::DateKind>& kinds, bool date1904) {
  if (!style.empty()) {
    char* end = nullptr;
    unsigned long index = std::strtoul(style.c_str(), &end, 10);
    if (end != style.c_str() && *end == '\0' && index < kinds.size() && kinds[index] != documents::DateKind::none) {
      char* vend = nullptr;
      double serial = std::strtod(value.c_str(), &vend);
      if (vend != value.c_str() && *vend == '\0')
        if (auto iso = documents::excel_serial_to_iso(serial, kinds[index], date1904)) return *iso;
    }
  }
  return tidy_number(value);
}

}  // namespace

char detect_delimiter(std::string_view line) {
  std::size_t semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == ';') ++semicolons;
    else if (c == ',') ++commas;
    else if (c == '\t') ++tabs;
    else if (c == '\n' || c == '\r') break;
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return commas > semicolons ? ',' : ';';
}

SheetTable parse_csv(std::string_view bytes, const SheetLimits& limits) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) throw SheetError("sheet.error.utf16");
  if (bytes.find('\0') != std::string_view::npos) throw SheetError("sheet.error.binary");
  char delimiter = 0;
  // Excel's hint line: "sep=;" names the delimiter.
  if (bytes.starts_with("sep=") && bytes.size() >= 5 && (bytes[4] == ';' || bytes[4] == ',' || bytes[4] == '\t')) {
    delimiter = bytes[4];
    auto eol = bytes.find_first_of("\r\n");
    bytes.remove_prefix(eol == std::string_view::npos ? bytes.size() : eol);
    if (bytes.starts_with("\r\n")) bytes.remove_prefix(2);
    else if (!bytes.empty()) bytes.remove_prefix(1);
  }
  if (!delimiter) delimiter = detect_delimiter(bytes.substr(0, bytes.find_first_of("\r\n")));

  TableBuilder builder(limits);
  std::istringstream in{std::string(bytes)};
  csv::Reader reader(in, bytes.size() + 1, csv::Dialect{delimiter, /*lenient=*/true});
  std::vector<csv::Field> fields;
  std::vector<std::string> cells;
  int record = 0;  // the record's number: the row a spreadsheet program shows
  for (;;) {
    ++record;
    std::string error;
    try {
      if (!reader.next(fields)) break;
    } catch (const csv::Error&) {  // lenient reading fails only on a quote left open at the end
      error = "sheet.error.unclosed_quote";
    }
    cells.clear();
    for (auto& f : fields) cells.push_back(std::move(f.text));
    builder.add(record, cells, error);
    if (!error.empty()) break;
  }
  return builder.finish();
}

SheetTable parse_xlsx(std::string_view bytes, const SheetLimits& limits) {
  ZipPtr z = open_zip(bytes);
  std::string sheet_path = first_sheet_path(z.get(), limits);
  std::vector<std::string> strings = shared_strings(z.get(), limits);
  std::vector<documents::DateKind> style_kinds = cell_style_kinds(z.get(), limits);
  bool date1904 = uses_1904_dates(z.get(), limits);
  auto sheet = read_entry(z.get(), sheet_path, limits.max_xml_bytes);
  if (!sheet) throw SheetError("sheet.error.not_xlsx");

  TableBuilder builder(limits);
  int row_number = 0;
  long next_column = 0;
  std::vector<std::string> cells;
  long column = 0;
  std::string type, style, value, inline_text;
  bool in_v = false, in_inline_t = false, in_is = false;
  int in_phonetic = 0;
  XmlHandlers h;
  h.start = [&](std::string_view name, Attributes atts) {
    if (name == "row") {
      std::string r = attribute(atts, "r");
      row_number = r.empty() ? row_number + 1 : std::atoi(r.c_str());
      if (row_number <= 0 || row_number > 1048576) throw SheetError("sheet.error.not_xlsx");
      cells.clear();
      next_column = 0;
    } else if (name == "c") {
      std::string ref = attribute(atts, "r");
      column = ref.empty() ? next_column : column_of(ref);
      if (column < 0) throw SheetError("sheet.error.not_xlsx");
      next_column = column + 1;
      type = attribute(atts, "t");
      style = attribute(atts, "s");
      value.clear();
      inline_text.clear();
    } else if (name == "v") {
      in_v = true;
    } else if (name == "is") {
      in_is = true;
    } else if (name == "rPh") {
      ++in_phonetic;
    } else if (name == "t" && in_is && in_phonetic == 0) {
      in_inline_t = true;
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "v") {
      in_v = false;
    } else if (name == "t") {
      in_inline_t = false;
    } else if (name == "is") {
      in_is = false;
    } else if (name == "rPh") {
      --in_phonetic;
    } else if (name == "c") {
      std::string text;
      if (type == "s") {
        char* end = nullptr;
        unsigned long index = std::strtoul(value.c_str(), &end, 10);
        if (end != value.c_str() && index < strings.size()) text = strings[index];
      } else if (type == "inlineStr") {
        text = inline_text;
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "str" || type == "e") {
        text = value;
      } else {
        text = number_text(value, style, style_kinds, date1904);
      }
      if (text.empty()) return;
      if (static_cast<std::size_t>(column) >= limits.max_columns) throw SheetError("sheet.error.too_many_columns");
      if (cells.size() <= static_cast<std::size_t>(column)) cells.resize(static_cast<std::size_t>(column) + 1);
      cells[static_cast<std::size_t>(column)] = std::move(text);
    } else if (name == "row") {
      builder.add(row_number, cells);
    }
  };
  h.text = [&](std::string_view text) {
    if (in_v && value.size() <= limits.max_cell_bytes) value.append(text);
    else if (in_inline_t && inline_text.size() <= limits.max_cell_bytes) inline_text.append(text);
  };
  parse_xml(*sheet, h);
  return builder.finish();
}

SheetTable parse_spreadsheet(std::string_view bytes, const SheetLimits& limits) {
  if (bytes.starts_with("PK\x03\x04")) return parse_xlsx(bytes, limits);
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) throw SheetError("sheet.error.xls");
  return parse_csv(bytes, limits);
}

std::string table_to_json(const SheetTable& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : t.rows) rows.push_back({r.number, r.error, r.cells});
  return nlohmann::json{{"h", t.header}, {"r", rows}}.dump();
}

SheetTable table_from_json(std::string_view text, const SheetLimits& limits) {
  try {
    auto j = nlohmann::json::parse(text);
    SheetTable t;
    t.header = j.at("h").get<std::vector<std::string>>();
    if (t.header.empty() || t.header.size() > limits.max_columns) throw SheetError("sheet.error.bad_data");
    const auto& rows = j.at("r");
    if (!rows.is_array() || rows.empty() || rows.size() > limits.max_rows) throw SheetError("sheet.error.bad_data");
    for (const auto& r : rows) {
      SheetRow row;
      row.number = r.at(0).get<int>();
      row.error = r.at(1).get<std::string>();
      row.cells = r.at(2).get<std::vector<std::string>>();
      if (row.cells.size() != t.header.size() || row.number < 1 ||
          (!row.error.empty() && !row.error.starts_with("sheet.error.")))
        throw SheetError("sheet.error.bad_data");
      for (const auto& c : row.cells)
        if (c.size() > limits.max_cell_bytes) throw SheetError("sheet.error.bad_data");
      t.rows.push_back(std::move(row));
    }
    return t;
  } catch (const nlohmann::json::exception&) {
    throw SheetError("sheet.error.bad_data");
  }
}

}  // namespace samen::directory
