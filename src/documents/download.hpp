// Files leaving Samen over HTTP: the Content-Disposition of a download, and
// the ?format=csv|xlsx answer any page that shows a table can give with the
// same rows (the page builds a documents::Table, then calls table_download).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "app/context.hpp"
#include "documents/table.hpp"
#include "http/message.hpp"

namespace samen::documents {

enum class TableFormat { html, csv, xlsx };

// The format a request asks for with ?format=: absent or "html" → html,
// "csv", "xlsx"; nullopt for anything else (answer 400).
std::optional<TableFormat> requested_table_format(const http::Request& req);
// The same for a page handler: app::HttpError 400 ("error.bad_format") for an unknown format.
TableFormat table_format(const app::Context& ctx);

// `attachment; filename="..."; filename*=UTF-8''...`: an ASCII fallback
// name (letters, digits, . - _) and the full UTF-8 name percent-encoded (RFC 6266).
std::string attachment_disposition(std::string_view filename);

// Marks an export that holds fewer rows than the `total` its query matched
// (no-op when it holds them all): the file's last line and the
// X-Export-Truncated header ("<rows>/<total>") say so, in the caller's language.
void note_if_cut(Table& table, const app::Context& ctx, std::int64_t total);
// The notice an HTML list shows beside its export links when an export of
// its `total` rows would stop at `cap` ("" when it would not).
std::string export_cut_notice(const app::Context& ctx, std::int64_t total, std::int64_t cap);

// The table as a CSV or XLSX download named "<file_stem>.csv|.xlsx", with
// Content-Disposition: attachment and no caching (exports hold personal data).
http::Response table_download(const Table& table, TableFormat format, std::string_view file_stem);

}  // namespace samen::documents
