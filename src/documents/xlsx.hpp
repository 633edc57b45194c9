// A Table as an XLSX workbook written by libxlsxwriter: one worksheet, a bold
// header row that stays in view (frozen) with a filter, dates and date-times
// as real dates with a date format, numbers as numbers, columns as wide as
// their content.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "documents/table.hpp"

namespace samen::documents {

// The workbook's bytes. sheet_name is cut to Excel's 31 characters and
// cleared of the characters Excel refuses ([]:*?/\). Throws
// std::runtime_error when libxlsxwriter fails or the table has more rows than
// a worksheet holds.
std::string write_xlsx(const Table& table, std::string_view sheet_name);

}  // namespace samen::documents
