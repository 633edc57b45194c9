// Long documents (the toolbox's booklet, and any other book a module prints)
// as PDF drawn in-process by cairo with Pango's text layout, instead of print
// HTML through WeasyPrint (pdf.hpp), which took 20 s for 400 pages.
// A `Book` is a title, a table of contents and chapters of blocks (headings,
// paragraphs, lists, key/value facts, numbered steps with a time); the
// renderer lays it out on A4 pages (book_flow.hpp decides the page breaks),
// writes the contents with dotted leaders and page numbers that link to each
// chapter, an outline (PDF bookmarks) and a page number in every footer.
// Text is held as `Rich`: user text only ever enters escaped, so no field can
// inject Pango markup. Shaping, accents and right-to-left runs are Pango's;
// fonts come through fontconfig.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace samen::documents {

// Text with inline styles and links, kept as Pango markup built here only:
// every piece of text is escaped (and invalid UTF-8 or control characters
// replaced) on its way in.
class Rich {
 public:
  enum class Style { bold, italic, code, strike, muted };
  struct Link {
    std::size_t start = 0, end = 0;  // byte offsets in text()
    std::string uri;                 // an outside address (http, https, mailto)
    std::string chapter;             // or the key of a chapter of the same book
  };

  Rich() = default;
  explicit Rich(std::string_view plain) { add(plain); }
  Rich& add(std::string_view plain);
  Rich& add(std::string_view plain, Style style) { return open(style).add(plain).close(); }
  Rich& open(Style style);
  // A link to an outside address: only http, https and mailto become links (the text stays either way).
  Rich& open_link(std::string_view uri);
  Rich& open_chapter_link(std::string_view chapter_key);
  Rich& close();  // the last style or link opened
  Rich& append(const Rich& other);

  std::string markup() const;  // whatever is still open closed
  const std::string& text() const { return text_; }  // the same without markup (what Pango lays out)
  const std::vector<Link>& links() const { return links_; }
  bool empty() const { return text_.empty(); }

 private:
  std::string markup_, text_;
  std::vector<Link> links_;
  struct Open {
    const char* closing;
    int link = -1;  // index in links_, for a link
  };
  std::vector<Open> open_;
};

// Whether a link to `uri` may be followed from a document (http, https, mailto).
bool is_safe_link(std::string_view uri);

struct Block {
  enum class Kind { heading, paragraph, bullets, numbered, facts, steps, code, quote };
  struct Item {
    Rich text;
    int depth = 0;  // lists in lists
  };
  struct Row {
    Rich key;    // facts: the label
    Rich value;  // facts: the value; steps: the step
    Rich aside;  // steps: the time, at the right
  };

  Kind kind = Kind::paragraph;
  int level = 2;            // heading: 2 (a section), 3 or 4; the chapter's title is 1
  Rich text;                // heading, paragraph, code, quote
  std::vector<Item> items;  // bullets, numbered
  int start = 1;            // numbered, steps: the first number
  std::vector<Row> rows;    // facts, steps

  static Block heading(Rich text, int level = 2);
  static Block paragraph(Rich text);
  static Block facts(std::vector<Row> rows);
  static Block steps(std::vector<Row> rows);
};

// Plain text as paragraphs: a blank line separates them, a single line break stays one.
std::vector<Block> plain_text_blocks(std::string_view text);
// Markdown (cmark-gfm, as markdown.hpp reads it) as blocks, by walking its tree: raw HTML is left
// out, links keep only safe addresses, images show their description, a table's rows become
// paragraphs. `heading_offset` moves its headings below the chapter's title (# → level 2).
std::vector<Block> markdown_blocks(std::string_view markdown, int heading_offset = 1);

struct Chapter {
  std::string key;    // for links from other chapters (Rich::open_chapter_link)
  std::string title;  // its heading and its line in the contents
  Rich toc_note;      // shown after the title in the contents (muted)
  std::string group;  // chapters of one group share a parent entry in the outline ("" = none)
  std::vector<Block> blocks;
};

struct Book {
  std::string title, subtitle, author;
  std::string language = "en";  // for Pango's shaping and line breaking
  std::string contents_title = "Contents";
  std::string font = "DejaVu Sans";
  std::vector<Chapter> chapters;
};

// The PDF's bytes. Throws PdfError (pdf.hpp) when cairo fails.
std::string render_book_pdf(const Book& book);

}  // namespace samen::documents
