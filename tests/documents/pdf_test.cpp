// PDF through WeasyPrint: nl/fr accents come back exactly from pdftotext
// (poppler-utils), right-to-left paragraphs are set from the right margin
// (pdftotext -bbox), outside resources (local files, the network) are not
// fetched while data: URLs are, and a time-out or a missing renderer is a
// clear error. Prints how long one render took.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "documents/pdf.hpp"
#include "documents/run_tool.hpp"
#include "support/test_db.hpp"

namespace samen::documents {
namespace {

PdfOptions patient() {
  PdfOptions o;
  o.timeout = std::chrono::seconds(120);  // a loaded test machine; production keeps 30 s
  return o;
}

std::string pdftotext(const std::string& pdf, const std::string& flags = "") {
  auto r = testing::run_on_pdf("pdftotext " + flags + " -enc UTF-8", pdf, "-");
  EXPECT_EQ(r.status, 0) << r.output;
  return r.output;
}

// Code points in reverse order (pdftotext gives right-to-left runs in visual order).
std::u32string reversed(std::u32string s) { return {s.rbegin(), s.rend()}; }
std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) out += static_cast<char>(0xC0 | (c >> 6)), out += static_cast<char>(0x80 | (c & 0x3F));
    else out += static_cast<char>(0xE0 | (c >> 12)), out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
         out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

TEST(DocumentsPdf, AccentsAndRightToLeftTextRender) {
  std::string body =
      "<h1>Verslag — Compte rendu</h1>"
      "<p>Crèche « Élan » : ça déjà vu, œuvre, coördinatie, enquête, Ærø, naïef, één.</p>"
      "<p dir=\"rtl\" lang=\"he\">שלום</p>"
      "<p dir=\"rtl\" lang=\"ar\">مرحبا</p>";
  auto started = std::chrono::steady_clock::now();
  std::string pdf = html_to_pdf(print_document(i18n::Lang::fr, "Compte rendu", body), patient());
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  std::printf("[ figure   ] one WeasyPrint render (start-up included): %lld ms, %zu bytes\n",
              static_cast<long long>(ms), pdf.size());
  ASSERT_TRUE(pdf.starts_with("%PDF-"));

  std::string text = pdftotext(pdf);
  EXPECT_NE(text.find("Verslag — Compte rendu"), std::string::npos) << text;
  EXPECT_NE(text.find("Crèche « Élan » : ça déjà vu, œuvre, coördinatie, enquête, Ærø, naïef, één."), std::string::npos)
      << text;
  for (std::u32string word : {std::u32string(U"שלום"), std::u32string(U"مرحبا")})
    EXPECT_TRUE(text.find(utf8(word)) != std::string::npos || text.find(utf8(reversed(word))) != std::string::npos)
        << utf8(word) << " missing in:\n" << text;

  // Where the words sit: the left-to-right heading starts at the left margin,
  // the right-to-left words end at the right one.
  std::string boxes = pdftotext(pdf, "-bbox");
  auto page_at = boxes.find("<page width=\"");
  ASSERT_NE(page_at, std::string::npos) << boxes;
  double page_width = std::stod(boxes.substr(page_at + 13, 12));
  auto word_box = [&](const std::string& w, int group) {
    std::smatch m;
    std::regex re("<word xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"[^>]*>" + w + "</word>");
    EXPECT_TRUE(std::regex_search(boxes, m, re)) << w << " in\n" << boxes;
    return m.size() > 2 ? std::stod(m[group]) : -1.0;
  };
  EXPECT_LT(word_box("Verslag", 1), page_width / 4);
  EXPECT_GT(word_box("(?:" + utf8(U"שלום") + "|" + utf8(reversed(U"שלום")) + ")", 2), page_width * 3 / 4);
}

TEST(DocumentsPdf, FetchesNothingFromOutsideButDataUrls) {
  testing::TempDir dir;
  auto css = dir.path() / "leak.css";
  testing::write_file(css, "p::after { content: \"LEAKED\"; }");
  std::string html = "<html><head><link rel=\"stylesheet\" href=\"file://" + css.string() +
                     "\"><link rel=\"stylesheet\" href=\"http://127.0.0.1:9/x.css\">"
                     "<link rel=\"stylesheet\" href=\"data:text/css,h1::after%7Bcontent:%22DATAOK%22%7D\">"
                     "</head><body><h1>Titel</h1><p>Tekst</p></body></html>";
  std::string text = pdftotext(html_to_pdf(html, patient()));
  EXPECT_EQ(text.find("LEAKED"), std::string::npos) << text;
  EXPECT_NE(text.find("TitelDATAOK"), std::string::npos) << text;
}

TEST(DocumentsPdf, TimeOutsAndMissingRendererAreErrors) {
  PdfOptions quick;
  quick.timeout = std::chrono::milliseconds(50);
  EXPECT_THROW(html_to_pdf("<p>x</p>", quick), PdfError);
  PdfOptions missing;
  missing.python = "/nonexistent/python3";
  EXPECT_THROW(html_to_pdf("<p>x</p>", missing), PdfError);
  PdfOptions small;
  small.max_html_bytes = 4;
  EXPECT_THROW(html_to_pdf("<p>x</p>", small), PdfError);
}

TEST(DocumentsPdf, PrintDocumentEscapesTheTitleAndSetsDirection) {
  std::string doc = print_document(i18n::Lang::nl, "A <b> & B", "<p>x</p>", "rtl");
  EXPECT_NE(doc.find("<html lang=\"nl\" dir=\"rtl\">"), std::string::npos);
  EXPECT_NE(doc.find("<title>A &lt;b&gt; &amp; B</title>"), std::string::npos);
  EXPECT_NE(doc.find("@media print"), std::string::npos) << "Samen's stylesheet is inlined";
  EXPECT_NE(print_document(i18n::Lang::nl, "t", "", "evil\"").find("dir=\"ltr\""), std::string::npos);
}

}  // namespace
}  // namespace samen::documents
