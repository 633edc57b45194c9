// Download responses: file names in Content-Disposition and table exports.
#include "documents/download.hpp"

#include <stdexcept>

#include "documents/xlsx.hpp"
#include "http/forms.hpp"

namespace samen::documents {

std::optional<TableFormat> requested_table_format(const http::Request& req) {
  auto f = req.query_param("format");
  if (!f || f->empty() || *f == "html") return TableFormat::html;
  if (*f == "csv") return TableFormat::csv;
  if (*f == "xlsx") return TableFormat::xlsx;
  return std::nullopt;
}

TableFormat table_format(const app::Context& ctx) {
  auto f = requested_table_format(ctx.req);
  if (!f) throw app::HttpError(400, "bad_format", "error.bad_format");
  return *f;
}

std::string attachment_disposition(std::string_view filename) {
  std::string ascii;
  for (char c : filename) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                c == '_';
    ascii += safe ? c : '_';
  }
  while (!ascii.empty() && ascii.front() == '.') ascii.erase(0, 1);  // no hidden files
  if (ascii.empty()) ascii = "download";
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::url_encode(filename);
}

void note_if_cut(Table& table, const app::Context& ctx, std::int64_t total) {
  auto rows = static_cast<std::int64_t>(table.rows().size());
  if (total <= rows) return;
  table.mark_cut(total, ctx.tf("export.cut", {{"shown", rows}, {"total", total}}));
}

std::string export_cut_notice(const app::Context& ctx, std::int64_t total, std::int64_t cap) {
  if (total <= cap) return "";
  return ctx.tf("export.cut_notice", {{"cap", cap}, {"total", total}});
}

http::Response table_download(const Table& table, TableFormat format, std::string_view file_stem) {
  http::Response r;
  std::string stem(file_stem);
  if (format == TableFormat::csv) {
    r = http::Response::text(200, write_csv(table), "text/csv; charset=utf-8");
    r.set_header("Content-Disposition", attachment_disposition(stem + ".csv"));
  } else if (format == TableFormat::xlsx) {
    r = http::Response::text(200, write_xlsx(table, stem),
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    r.set_header("Content-Disposition", attachment_disposition(stem + ".xlsx"));
  } else {
    throw std::invalid_argument("table_download: HTML is the page itself");
  }
  r.set_header("Cache-Control", "no-store");
  if (table.cut())
    r.set_header("X-Export-Truncated", std::to_string(table.rows().size()) + "/" + std::to_string(table.cut_total()));
  return r;
}

}  // namespace samen::documents
