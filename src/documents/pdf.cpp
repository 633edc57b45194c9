// WeasyPrint through its Python API (the `weasyprint` command has no way to
// refuse remote or local resources): a url_fetcher that only lets data: URLs
// through, the document read from stdin and the PDF written to stdout.
#include "documents/pdf.hpp"

#include "documents/download.hpp"
#include "documents/subprocess.hpp"
#include "web/embedded.hpp"
#include "web/render.hpp"

namespace samen::documents {

namespace {

constexpr char kRenderer[] = R"py(
import sys, logging, weasyprint
logging.getLogger("weasyprint").setLevel(logging.ERROR)
def only_data_urls(url, timeout=10, ssl_context=None):
    if url.startswith("data:"):
        return weasyprint.default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    raise ValueError("outside resources are not fetched")
html = sys.stdin.buffer.read().decode("utf-8", "replace")
pdf = weasyprint.HTML(string=html, base_url="about:blank", url_fetcher=only_data_urls).write_pdf()
sys.stdout.buffer.write(pdf)
)py";

}  // namespace

std::string html_to_pdf(std::string_view html, const PdfOptions& options) {
  if (html.size() > options.max_html_bytes) throw PdfError("the document is too large to print");
  ProcessResult r;
  try {
    r = run_process({options.python, "-c", kRenderer}, html, options.timeout, options.max_pdf_bytes);
  } catch (const std::runtime_error& e) {
    throw PdfError(std::string("the PDF renderer cannot start: ") + e.what());
  }
  if (r.timed_out) throw PdfError("the PDF renderer took longer than " + std::to_string(options.timeout.count()) + " ms");
  if (r.output_too_large) throw PdfError("the PDF is larger than the limit");
  if (r.exit_code != 0 || !r.out.starts_with("%PDF-"))
    throw PdfError("the PDF renderer failed (exit " + std::to_string(r.exit_code) + "): " + r.err.substr(0, 500));
  return std::move(r.out);
}

std::string print_document(i18n::Lang lang, std::string_view title, std::string_view body_html, std::string_view dir) {
  std::string css(embedded::find("static/css/samen.css").value_or(""));
  // "</" cannot end the style element early: the stylesheet is Samen's own, but be strict anyway.
  for (std::size_t p; (p = css.find("</")) != std::string::npos;) css.replace(p, 2, "<\\/");
  std::string d = dir == "rtl" ? "rtl" : "ltr";
  return "<!DOCTYPE html><html lang=\"" + std::string(i18n::code(lang)) + "\" dir=\"" + d +
         "\"><head><meta charset=\"utf-8\"><title>" + web::html_escape(title) + "</title><style>" + css +
         "\n@page { size: A4; margin: 18mm 16mm; }</style></head><body class=\"print\">" + std::string(body_html) +
         "</body></html>";
}

http::Response pdf_download(std::string pdf, std::string_view file_name) {
  auto r = http::Response::text(200, std::move(pdf), "application/pdf");
  r.set_header("Content-Disposition", attachment_disposition(file_name));
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace samen::documents
