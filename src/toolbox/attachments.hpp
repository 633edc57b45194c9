// Files attached to a toolbox method (worksheets, templates), kept by the
// documents layer (documents/attachments.hpp: at most 25 MB, SHA-256, type
// found from the content, downloads with nosniff): the rows that tie a file to
// a method, the method page's list and upload form, the pages that upload,
// download, archive and restore, and the API (list, upload, download).
// Readers of the method read its active files; its editors (method.hpp
// may_edit) upload, archive and restore, with history and audit.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/context.hpp"
#include "app/write.hpp"
#include "toolbox/method.hpp"
#include "web/render.hpp"

namespace samen::toolbox {

inline constexpr std::size_t kMaxAttachmentBytes = 25u * 1024 * 1024;  // "25 MB" in the catalogs
// A request's body limit for an upload: the file and its multipart framing.
inline constexpr std::size_t kUploadBodyLimit = kMaxAttachmentBytes + 256 * 1024;

struct MethodAttachment {
  std::string id, method_id, file_name, media_type, sha256, uploader;
  std::int64_t attachment_id = 0, size_bytes = 0, created_at = 0, version = 0;
  std::optional<std::int64_t> archived_at;
};

// A method's files, oldest first: the active ones, or the archived ones.
std::vector<MethodAttachment> attachments_of(store::Connection& c, const std::string& method_id, bool archived = false);
// The active files of many methods at once (an export), by method id.
std::vector<MethodAttachment> attachments_of_methods(store::Connection& c, const std::vector<std::string>& method_ids);

// Adds to each method of an export package (package.hpp) the metadata of its
// active files: "attachments": [{file_name, media_type, size_bytes, sha256}].
// The files themselves are not carried (package.schema.json says so): a
// package stays a small text file, and an importer ignores the list.
void add_attachment_metadata(store::Connection& c, nlohmann::json& package);

// The method page's "attachments" section (list, upload form, archived files for its editors).
std::string attachments_section(app::Context& ctx, store::Connection& c, const Method& m, bool editable);
// The names of a method's files, for the printed card ("" when none).
void fill_attachment_names(web::Dict& d, store::Connection& c, const std::string& method_id);

// Pages.
http::Response attachment_upload_page(app::Context& ctx);
http::Response attachment_download_page(app::Context& ctx);
http::Response attachment_archive_page(app::Context& ctx);
http::Response attachment_restore_page(app::Context& ctx);
// API.
http::Response api_attachments(app::Context& ctx);
http::Response api_attachment_upload(app::Context& ctx);
http::Response api_attachment_download(app::Context& ctx);

}  // namespace samen::toolbox
