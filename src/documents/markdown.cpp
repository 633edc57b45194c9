// cmark-gfm with its core extensions; see markdown.hpp.
#include "documents/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>
#include <new>
#include <stdexcept>

namespace samen::documents {

namespace {

// tagfilter also neutralises <script>, <iframe>... should raw HTML ever be let through.
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

constexpr int kOptions = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;

}  // namespace

MarkdownTree::MarkdownTree(std::string_view markdown, std::size_t max_bytes) {
  register_extensions();
  if (markdown.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(markdown[cut]) & 0xC0) == 0x80) --cut;
    markdown = markdown.substr(0, cut);
  }
  parser_ = cmark_parser_new(kOptions);
  if (!parser_) throw std::bad_alloc();
  for (const char* name : kExtensions)
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser_, ext);
  cmark_parser_feed(parser_, markdown.data(), markdown.size());
  root_ = cmark_parser_finish(parser_);
  if (!root_) {
    cmark_parser_free(parser_);
    throw std::bad_alloc();
  }
}

MarkdownTree::~MarkdownTree() {
  cmark_node_free(root_);
  cmark_parser_free(parser_);
}

std::string markdown_to_html(std::string_view markdown, std::size_t max_bytes) {
  MarkdownTree tree(markdown, max_bytes);
  char* html = cmark_render_html(tree.root(), kOptions, cmark_parser_get_syntax_extensions(tree.parser()));
  if (!html) throw std::bad_alloc();
  std::string out(html);
  free(html);
  return out;
}

}  // namespace samen::documents
