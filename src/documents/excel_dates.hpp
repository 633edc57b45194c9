// Dates in spreadsheet files: Excel stores a date or time as a number (days
// since 1899-12-30, or 1904-01-01 in "1904" workbooks; the time as the
// fraction of a day) and only the cell's number format says it is one. These
// functions tell date formats from others and turn serial numbers into ISO
// text. Plain text logic, no I/O; used by the XLSX reader.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace samen::documents {

enum class DateKind { none, date, time, date_time };

// What a number format shows: built-in ids 14-17 (dates), 18-21 and 45-47
// (times), 22 (date and time), 27-36 and 50-58 (East Asian dates); a custom
// format (id 164 and up, given by its code) by its tokens outside quotes,
// escapes and [brackets]: y, d or a lone m are dates, h or s are times.
DateKind number_format_kind(int format_id, std::string_view format_code);

// The serial number as ISO 8601 text for its kind: "2026-03-14",
// "09:30" (":SS" when the seconds are not 0), "2026-03-14T09:30:00".
// nullopt for kind none, a negative or non-finite serial, or one beyond 9999-12-31.
std::optional<std::string> excel_serial_to_iso(double serial, DateKind kind, bool date1904 = false);

}  // namespace samen::documents
