// Markdown in safe mode and attachments: types found from content (not from
// the name), file names cleaned, storage with checksum on both databases
// (binary bytes intact, corruption detected), and the download's headers.
#include <gtest/gtest.h>
#include <zip.h>

#include <fstream>
#include <iterator>

#include "accounts/secrets.hpp"
#include "accounts/users.hpp"
#include "documents/attachments.hpp"
#include "documents/markdown.hpp"
#include "documents/table.hpp"
#include "documents/xlsx.hpp"
#include "support/test_db.hpp"

namespace samen::documents {
namespace {

// A ZIP archive with the given entries, written by libzip.
std::string zip_with(const std::vector<std::pair<std::string, std::string>>& entries) {
  testing::TempDir dir;
  auto path = (dir.path() / "a.zip").string();
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : entries) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  EXPECT_EQ(zip_close(z), 0);
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string office(const std::string& main_type) {
  return zip_with({{"[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    "<Override PartName=\"/word/document.xml\" ContentType=\"" + main_type + "\"/></Types>"},
                   {"word/document.xml", "<w:document/>"}});
}

TEST(DocumentsMarkdown, RendersGithubMarkdownWithoutRawHtmlOrScriptLinks) {
  std::string html = markdown_to_html(
      "# Verslag\n\n**Vet** en ~~weg~~, zie https://example.org\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] gedaan\n\n"
      "<script>alert(1)</script>\n\n[klik](javascript:alert(1)) ![x](data:text/html,boo) <img src=x onerror=alert(1)>\n");
  EXPECT_NE(html.find("<h1>Verslag</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<strong>Vet</strong>"), std::string::npos);
  EXPECT_NE(html.find("<del>weg</del>"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://example.org\">"), std::string::npos);
  EXPECT_NE(html.find("<table>"), std::string::npos);
  EXPECT_NE(html.find("checked=\"\" disabled=\"\""), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_EQ(html.find("data:text/html"), std::string::npos);
  EXPECT_EQ(markdown_to_html("caf\xC3"), "<p>caf\xEF\xBF\xBD</p>\n");
  EXPECT_EQ(markdown_to_html("éé", 3), "<p>é</p>\n") << "cut at a character";
}

TEST(DocumentsAttachments, TypesComeFromTheContent) {
  auto type = [](std::string_view bytes) { return detect_file_type(bytes).value_or(FileType{"refused", ""}).media_type; };
  EXPECT_EQ(type("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(type(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), "image/png");
  EXPECT_EQ(type("\xFF\xD8\xFF\xE0\0\x10JFIF"), "image/jpeg");
  EXPECT_EQ(type("GIF89a\x01\0"), "image/gif");
  EXPECT_EQ(type(std::string("RIFF\x24\0\0\0WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(type(std::string("RIFF\x24\0\0\0WAVEfmt ", 16)), "refused");
  EXPECT_EQ(type(office("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(type(office("application/vnd.ms-word.document.macroEnabled.main+xml")), "refused") << "no macros";
  Table t({{"a", ColumnType::text}});
  EXPECT_EQ(type(write_xlsx(t, "x")), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(type(zip_with({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}})),
            "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(type(zip_with({{"evil.exe", "MZ"}})), "refused");
  EXPECT_EQ(type("PK\x03\x04 broken"), "refused");
  EXPECT_EQ(type("Verslag van de vergadering\r\n— crèche\tok\n"), "text/plain");
  EXPECT_EQ(type(std::string("MZ\x90\0\x03", 5)), "refused");
  EXPECT_EQ(type("text with \xFF invalid UTF-8"), "refused");
}

TEST(DocumentsAttachments, FileNamesAreCleanedAndEndWithTheirType) {
  FileType pdf{"application/pdf", ".pdf"}, jpeg{"image/jpeg", ".jpg"};
  EXPECT_EQ(clean_file_name("C:\\Users\\x\\Verslag juni.PDF", pdf), "Verslag juni.PDF");
  EXPECT_EQ(clean_file_name("../../etc/passwd", pdf), "passwd.pdf");
  EXPECT_EQ(clean_file_name("report.exe", pdf), "report.exe.pdf");
  EXPECT_EQ(clean_file_name("foto.jpeg", jpeg), "foto.jpeg");
  EXPECT_EQ(clean_file_name("a\r\nb\"c.pdf", pdf), "abc.pdf");
  EXPECT_EQ(clean_file_name("...", pdf), "file.pdf");
  std::string long_name = std::string(200, 'e') + ".pdf";
  EXPECT_EQ(clean_file_name(long_name, pdf), std::string(146, 'e') + ".pdf");
}

class DocumentsAttachmentStore : public testing::DatabaseTest {};

TEST_P(DocumentsAttachmentStore, StoresBytesWithChecksumAndServesThemAsDownloads) {
  std::int64_t user;
  {
    auto lease = db().acquire();
    user = accounts::create_user(*lease, {"a@example.org", "A", accounts::Role::facilitator, "nl", std::nullopt, {}}, 1);
  }
  // Every byte value, NUL included, behind a PNG signature.
  std::string png("\x89PNG\r\n\x1A\n", 8);
  for (int i = 0; i < 256; ++i) png += static_cast<char>(i);
  auto lease = db().acquire();
  auto a = store_attachment(*lease, {"journal_entry", "42", "schema.png", png, user}, 1000, 5000);
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.media_type, "image/png");
  EXPECT_EQ(a.size_bytes, 264);
  EXPECT_EQ(a.sha256.size(), 64u);
  EXPECT_EQ(attachment_content(*lease, a.id), png);
  auto listed = list_attachments(*lease, "journal_entry", "42");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].file_name, "schema.png");
  EXPECT_EQ(listed[0].created_by, user);
  EXPECT_TRUE(list_attachments(*lease, "journal_entry", "43").empty());

  auto text = store_attachment(*lease, {"journal_entry", "42", "<b>notes</b>.html", "<script>alert(1)</script>", {}}, 1000, 5001);
  EXPECT_EQ(text.file_name, "b>.html.txt") << "no folders, the type's extension";
  auto res = attachment_download(text, *attachment_content(*lease, text.id));
  EXPECT_EQ(res.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(res.header("x-content-type-options"), "nosniff");
  EXPECT_TRUE(res.header("content-disposition").value_or("").starts_with("attachment; filename=\"b_.html.txt\""));

  try {
    store_attachment(*lease, {"journal_entry", "42", "x.png", png, {}}, 100, 5002);
    ADD_FAILURE() << "too large accepted";
  } catch (const AttachmentError& e) {
    EXPECT_EQ(e.key, "attachment.too_large");
  }
  try {
    store_attachment(*lease, {"journal_entry", "42", "x.exe", std::string("MZ\x90\0", 4), {}}, 1000, 5002);
    ADD_FAILURE() << "executable accepted";
  } catch (const AttachmentError& e) {
    EXPECT_EQ(e.key, "attachment.type_refused");
  }
  EXPECT_THROW(store_attachment(*lease, {"journal_entry", "42", "e.txt", "", {}}, 1000, 5002), AttachmentError);

  // Bytes changed behind Samen's back are refused, not served.
  lease->exec("UPDATE documents_attachments SET sha256 = ? WHERE id = ?", {std::string(64, '0'), a.id});
  EXPECT_THROW(attachment_content(*lease, a.id), std::runtime_error);
  EXPECT_TRUE(delete_attachment(*lease, a.id));
  EXPECT_FALSE(find_attachment(*lease, a.id));
  EXPECT_FALSE(attachment_content(*lease, a.id));
}

SAMEN_INSTANTIATE_FOR_BACKENDS(DocumentsAttachmentStore);

}  // namespace
}  // namespace samen::documents
