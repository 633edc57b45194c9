// The upload part every owner of files shares (documents/owned_attachments.hpp):
// which file a request carries (multipart "file" part; for the API also a raw
// body named by X-Filename or Content-Disposition) and the answer to each
// malformed or refused upload. Listing, adding and archiving run through the
// journal's and the toolbox's own tests on both databases.
#include <gtest/gtest.h>

#include "documents/owned_attachments.hpp"

namespace samen::documents {
namespace {

http::Request request(std::string type, std::string body, http::Headers more = {}) {
  http::Request r;
  r.method = "POST";
  r.path = "/x";
  if (!type.empty()) r.headers.emplace_back("content-type", std::move(type));
  for (auto& h : more) r.headers.push_back(std::move(h));
  r.body = std::move(body);
  return r;
}

std::string multipart(const std::string& part_name, const std::string& file_name, const std::string& data) {
  return "--B\r\nContent-Disposition: form-data; name=\"" + part_name + "\"" +
         (file_name.empty() ? "" : "; filename=\"" + file_name + "\"") + "\r\nContent-Type: text/plain\r\n\r\n" + data +
         "\r\n--B--\r\n";
}

int status_of(const http::Request& r, bool raw_body_allowed) {
  try {
    uploaded_file(r, raw_body_allowed);
    return 0;
  } catch (const app::HttpError& e) {
    return e.status;
  }
}

TEST(OwnedAttachmentsUpload, TheFilePartOfAMultipartBody) {
  auto file = uploaded_file(request("multipart/form-data; boundary=B", multipart("file", "notes.txt", "Verslag")), false);
  EXPECT_EQ(file.first, "notes.txt");
  EXPECT_EQ(file.second, "Verslag");
  // Another part, a part without a file name, an empty file: 422 (nothing to store).
  EXPECT_EQ(status_of(request("multipart/form-data; boundary=B", multipart("other", "notes.txt", "x")), false), 422);
  EXPECT_EQ(status_of(request("multipart/form-data; boundary=B", multipart("file", "", "x")), false), 422);
  EXPECT_EQ(status_of(request("multipart/form-data; boundary=B", multipart("file", "leeg.txt", "")), false), 422);
  // A broken body: 400.
  EXPECT_EQ(status_of(request("multipart/form-data; boundary=B", "--B\r\nno headers end"), false), 400);
}

TEST(OwnedAttachmentsUpload, ARawBodyOnlyWhereAllowedAndOnlyWithAName) {
  auto named = request("application/pdf", "%PDF-1.4", {{"x-filename", "verslag%20juni%20%C3%A9t%C3%A9.pdf"}});
  EXPECT_EQ(status_of(named, false), 415) << "pages take the upload form only";
  auto file = uploaded_file(named, true);
  EXPECT_EQ(file.first, "verslag juni été.pdf");
  EXPECT_EQ(file.second, "%PDF-1.4");
  auto disposition = request("application/pdf", "%PDF-1.4", {{"content-disposition", "attachment; filename=\"plan.pdf\""}});
  EXPECT_EQ(uploaded_file(disposition, true).first, "plan.pdf");
  EXPECT_EQ(status_of(request("application/pdf", "%PDF-1.4"), true), 422) << "no name";
  EXPECT_EQ(status_of(request("application/pdf", "%PDF", {{"x-filename", "bad%zz"}}), true), 400);
}

TEST(OwnedAttachmentsUpload, ARefusedFileGetsItsStatusAndMessage) {
  EXPECT_EQ(refused_upload(AttachmentError("attachment.too_large")).status, 413);
  EXPECT_EQ(refused_upload(AttachmentError("attachment.type_refused")).status, 415);
  EXPECT_EQ(refused_upload(AttachmentError("attachment.type_refused")).message_key, "attachment.type_refused");
  EXPECT_EQ(refused_upload(AttachmentError("attachment.empty")).status, 422);
}

}  // namespace
}  // namespace samen::documents
