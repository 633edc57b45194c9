// Files attached to a toolbox method (worksheets, templates), kept by the
// documents layer (documents/owned_attachments.hpp: at most 25 MB, SHA-256,
// type found from the content, downloads with nosniff): the method page's list and upload form, the pages that upload,
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
#include "documents/owned_attachments.hpp"
#include "toolbox/method.hpp"
#include "web/render.hpp"

namespace samen::toolbox {

// A method's files: toolbox_attachments rows over the documents layer's files
// (documents/owned_attachments.hpp: list, add, archive, upload, download).
inline constexpr documents::AttachmentOwner kMethodFiles{"toolbox_attachments", "method_id", "toolbox.method",
                                                         "toolbox.attachment"};

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
