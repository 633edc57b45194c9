// cmark-gfm with its core extensions; see markdown.hpp.
#include "documents/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace samen::documents {

namespace {

// tagfilter also neutralises <script>, <iframe>... should raw HTML ever be let through.
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

std::string markdown_to_html(std::string_view markdown, std::size_t max_bytes) {
  register_extensions();
  if (markdown.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(markdown[cut]) & 0xC0) == 0x80) --cut;
    markdown = markdown.substr(0, cut);
  }
  const int options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), &cmark_parser_free);
  if (!parser) throw std::bad_alloc();
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), &cmark_node_free);
  if (!doc) throw std::bad_alloc();
  char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  if (!html) throw std::bad_alloc();
  std::string out(html);
  free(html);
  return out;
}

}  // namespace samen::documents
