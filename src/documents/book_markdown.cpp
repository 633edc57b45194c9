// Markdown to a book's blocks (book_pdf.hpp): one walk over cmark's tree
// (markdown.hpp's MarkdownTree, so the same extensions and limits as the
// HTML) with its iterator, which never recurses however deep the nesting.
// Text enters the blocks through Rich only, so it is escaped; raw HTML is
// dropped, links keep safe addresses only (Rich::open_link).
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>

#include "documents/book_pdf.hpp"
#include "documents/markdown.hpp"

namespace samen::documents {

namespace {

class Walker {
 public:
  explicit Walker(int heading_offset) : heading_offset_(heading_offset) {}

  std::vector<Block> walk(cmark_node* root) {
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER) enter(node);
      else exit(node);
    }
    cmark_iter_free(it);
    return std::move(blocks_);
  }

 private:
  static bool is(cmark_node* node, const char* type) { return std::strcmp(cmark_node_get_type_string(node), type) == 0; }
  static const char* literal(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? s : "";
  }

  // Where inline text goes now: the list item being read, else the block being built.
  Rich* target() {
    if (!items_.empty()) return &list_.items[items_.back().index].text;
    return building_ ? &current_.text : nullptr;
  }

  void start(Block::Kind kind) {
    current_ = Block();
    current_.kind = kind;
    building_ = true;
  }
  void finish() {
    if (building_ && !current_.text.empty()) blocks_.push_back(std::move(current_));
    building_ = false;
  }

  void enter(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        if (!items_.empty()) {
          if (items_.back().paragraphs++ > 0) target()->add("\n");
        } else if (!in_table_) {
          start(quotes_ > 0 ? Block::Kind::quote : Block::Kind::paragraph);
        }
        return;
      case CMARK_NODE_HEADING:
        if (!items_.empty()) return;
        start(Block::Kind::heading);
        current_.level = std::clamp(cmark_node_get_heading_level(node) + heading_offset_, 2, 4);
        return;
      case CMARK_NODE_BLOCK_QUOTE: ++quotes_; return;
      case CMARK_NODE_LIST:
        if (depth_++ == 0) {
          list_ = Block();
          list_.kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? Block::Kind::numbered : Block::Kind::bullets;
          list_.start = std::max(0, cmark_node_get_list_start(node));
        }
        return;
      case CMARK_NODE_ITEM:
        list_.items.push_back({Rich(), depth_ - 1});
        items_.push_back({list_.items.size() - 1});
        if (is(node, "tasklist"))
          list_.items.back().text.add(cmark_gfm_extensions_get_tasklist_item_checked(node) ? "☑ " : "☐ ");
        return;
      case CMARK_NODE_CODE_BLOCK:
        if (!items_.empty()) {
          if (items_.back().paragraphs++ > 0) target()->add("\n");
          target()->add(trimmed_code(node), Rich::Style::code);
        } else if (!in_table_) {
          start(Block::Kind::code);
          current_.text.add(trimmed_code(node));
          finish();
        }
        return;
      case CMARK_NODE_TEXT:
        if (Rich* t = target()) t->add(literal(node));
        return;
      case CMARK_NODE_CODE:
        if (Rich* t = target()) t->add(literal(node), Rich::Style::code);
        return;
      case CMARK_NODE_SOFTBREAK:
        if (Rich* t = target()) t->add(" ");
        return;
      case CMARK_NODE_LINEBREAK:
        if (Rich* t = target()) t->add("\n");
        return;
      case CMARK_NODE_EMPH: open(Rich::Style::italic); return;
      case CMARK_NODE_STRONG: open(Rich::Style::bold); return;
      case CMARK_NODE_IMAGE: open(Rich::Style::italic); return;  // its description, in italics
      case CMARK_NODE_LINK:
        if (Rich* t = target()) t->open_link(cmark_node_get_url(node) ? cmark_node_get_url(node) : "");
        return;
      default: break;  // raw HTML, thematic breaks: nothing in a book
    }
    if (is(node, "strikethrough")) open(Rich::Style::strike);
    else if (is(node, "table")) in_table_ = true;
    else if (is(node, "table_row") || is(node, "table_header")) {
      start(Block::Kind::paragraph);
      cells_ = 0;
      if (is(node, "table_header")) current_.text.open(Rich::Style::bold);  // closed by markup()
    } else if (is(node, "table_cell") && cells_++ > 0) {
      current_.text.add(" · ");
    }
  }

  void exit(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        if (items_.empty() && !in_table_) finish();
        return;
      case CMARK_NODE_HEADING:
        if (items_.empty()) finish();
        return;
      case CMARK_NODE_BLOCK_QUOTE: --quotes_; return;
      case CMARK_NODE_LIST:
        if (--depth_ == 0 && !list_.items.empty()) blocks_.push_back(std::move(list_));
        return;
      case CMARK_NODE_ITEM: items_.pop_back(); return;
      case CMARK_NODE_EMPH:
      case CMARK_NODE_STRONG:
      case CMARK_NODE_IMAGE:
      case CMARK_NODE_LINK: close(); return;
      default: break;
    }
    if (is(node, "strikethrough")) close();
    else if (is(node, "table")) in_table_ = false;
    else if (is(node, "table_row") || is(node, "table_header")) finish();
  }

  void open(Rich::Style s) {
    if (Rich* t = target()) t->open(s);
  }
  void close() {
    if (Rich* t = target()) t->close();
  }
  static std::string trimmed_code(cmark_node* node) {
    std::string s = literal(node);
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  }

  int heading_offset_;
  std::vector<Block> blocks_;
  Block current_;  // the paragraph, heading, quote or table row being read
  bool building_ = false;
  Block list_;                     // the outermost list being read (nested lists are its items' depth)
  int depth_ = 0;                  // lists open
  struct OpenItem {
    std::size_t index;  // in list_.items
    int paragraphs = 0;
  };
  std::vector<OpenItem> items_;  // list items open, innermost last
  int quotes_ = 0;
  bool in_table_ = false;
  int cells_ = 0;
};

}  // namespace

std::vector<Block> markdown_blocks(std::string_view markdown, int heading_offset) {
  MarkdownTree tree(markdown);
  return Walker(heading_offset).walk(tree.root());
}

}  // namespace samen::documents
