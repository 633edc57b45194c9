// PDF from the print HTML of a page, rendered by WeasyPrint (Debian's
// `weasyprint`) in a subprocess: HTML on its stdin, PDF on its stdout, a time
// limit, and no resource fetched from anywhere (no network, no local files:
// only data: URLs), so a document cannot reach outside what it was given.
// Text shaping (accents, right-to-left scripts) is Pango's. A page's PDF is
// its own content template, without layout, navigation or forms:
//   pdf_download(html_to_pdf(print_document(ctx.lang, title, web::render(ctx.lang, "x", d))), "x.pdf")
// The render blocks the handler's worker thread (about 1-3 s, mostly Python start-up).
#pragma once
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "i18n/i18n.hpp"

namespace samen::documents {

class PdfError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PdfOptions {
  std::chrono::milliseconds timeout{30000};  // the renderer is killed after this
  std::size_t max_html_bytes = 16u << 20;
  std::size_t max_pdf_bytes = 64u << 20;
  std::string python = "/usr/bin/python3";   // the interpreter with Debian's weasyprint module
};

// The PDF's bytes. Throws PdfError when the input is too large, the renderer
// is missing, fails, runs past the time limit or writes something that is no PDF.
std::string html_to_pdf(std::string_view html, const PdfOptions& options = {});

// A whole print document around a page's content: <html lang> with its
// direction, the title, Samen's stylesheet inlined (its @media print rules
// apply) and `body_html` as the body (already escaped by its template).
std::string print_document(i18n::Lang lang, std::string_view title, std::string_view body_html,
                           std::string_view dir = "ltr");

// A PDF as a download named `file_name`.
http::Response pdf_download(std::string pdf, std::string_view file_name);

}  // namespace samen::documents
