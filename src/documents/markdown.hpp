// Markdown written by people in Samen (journal notes, toolbox pages, plan
// texts) to HTML (and, as a tree, to book_pdf.hpp's blocks), through cmark-gfm in safe mode: GitHub's tables,
// strikethrough, autolinks and task lists; raw HTML is left out and links
// or images with javascript:, vbscript:, file: or data: (other than images)
// URLs are emptied. The one function every module uses for Markdown.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

struct cmark_node;
struct cmark_parser;

namespace samen::documents {

// cmark's tree of a Markdown text, read with the same extensions, options and
// cut as markdown_to_html, for a renderer other than HTML (book_pdf.hpp's
// markdown_blocks) to walk. The nodes live as long as the tree.
class MarkdownTree {
 public:
  explicit MarkdownTree(std::string_view markdown, std::size_t max_bytes = 1u << 20);
  ~MarkdownTree();
  MarkdownTree(const MarkdownTree&) = delete;
  MarkdownTree& operator=(const MarkdownTree&) = delete;
  cmark_node* root() const { return root_; }
  cmark_parser* parser() const { return parser_; }

 private:
  cmark_parser* parser_ = nullptr;
  cmark_node* root_ = nullptr;
};

// HTML safe to place in a page unescaped ({{X_HTML:none}}). Invalid UTF-8
// becomes U+FFFD. Texts longer than max_bytes are cut first (at a character).
std::string markdown_to_html(std::string_view markdown, std::size_t max_bytes = 1u << 20);

}  // namespace samen::documents
