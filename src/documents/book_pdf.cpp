// A Book (book_pdf.hpp) to PDF: each block becomes one or more elements (a
// PangoLayout, with a marker, a label or a time beside it); their line
// heights go to paginate() (book_flow.hpp); then every piece is drawn on a
// cairo PDF surface line by line at the place the flow gave it. The contents'
// entries are one line each (ellipsized), so their height never depends on the
// page numbers they show: one layout pass gives every page number, and the
// contents are drawn with them directly.
#include "documents/book_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "documents/book_flow.hpp"
#include "documents/pdf.hpp"

namespace samen::documents {

// ---- Rich text -------------------------------------------------------------------------------

namespace {

// Valid UTF-8 without control characters other than line breaks and tabs (Pango would draw them as boxes).
std::string clean_text(std::string_view s) {
  gchar* valid = g_utf8_make_valid(s.data(), static_cast<gssize>(s.size()));
  std::string out;
  for (const char* p = valid; *p; ++p) {
    auto c = static_cast<unsigned char>(*p);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) continue;
    out += *p;
  }
  g_free(valid);
  return out;
}

const char* opening(Rich::Style s) {
  switch (s) {
    case Rich::Style::bold: return "<b>";
    case Rich::Style::italic: return "<i>";
    case Rich::Style::code: return "<tt>";
    case Rich::Style::strike: return "<s>";
    case Rich::Style::muted: return "<span foreground=\"#555555\">";
  }
  return "";
}

const char* closing(Rich::Style s) {
  switch (s) {
    case Rich::Style::bold: return "</b>";
    case Rich::Style::italic: return "</i>";
    case Rich::Style::code: return "</tt>";
    case Rich::Style::strike: return "</s>";
    case Rich::Style::muted: return "</span>";
  }
  return "";
}

constexpr char kLinkOpen[] = "<span foreground=\"#1f4fa3\" underline=\"single\">";

}  // namespace

Rich& Rich::add(std::string_view plain) {
  std::string text = clean_text(plain);
  gchar* escaped = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  markup_ += escaped;
  g_free(escaped);
  text_ += text;
  return *this;
}

Rich& Rich::open(Style style) {
  markup_ += opening(style);
  open_.push_back({closing(style)});
  return *this;
}

Rich& Rich::open_link(std::string_view uri) {
  if (!is_safe_link(uri)) {
    open_.push_back({""});
    return *this;
  }
  links_.push_back({text_.size(), text_.size(), std::string(uri), ""});
  markup_ += kLinkOpen;
  open_.push_back({"</span>", static_cast<int>(links_.size()) - 1});
  return *this;
}

Rich& Rich::open_chapter_link(std::string_view chapter_key) {
  links_.push_back({text_.size(), text_.size(), "", std::string(chapter_key)});
  markup_ += kLinkOpen;
  open_.push_back({"</span>", static_cast<int>(links_.size()) - 1});
  return *this;
}

Rich& Rich::close() {
  if (open_.empty()) return *this;
  markup_ += open_.back().closing;
  if (open_.back().link >= 0) links_[open_.back().link].end = text_.size();
  open_.pop_back();
  return *this;
}

Rich& Rich::append(const Rich& other) {
  for (Link l : other.links_) {
    l.start += text_.size();
    l.end += text_.size();
    links_.push_back(std::move(l));
  }
  markup_ += other.markup();
  text_ += other.text_;
  return *this;
}

std::string Rich::markup() const {
  std::string m = markup_;
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) m += it->closing;
  return m;
}

bool is_safe_link(std::string_view uri) {
  for (char c : uri)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return false;
  auto starts = [&](std::string_view scheme) {
    return uri.size() > scheme.size() && g_ascii_strncasecmp(uri.data(), scheme.data(), scheme.size()) == 0;
  };
  return starts("https://") || starts("http://") || starts("mailto:");
}

// ---- blocks ----------------------------------------------------------------------------------

Block Block::heading(Rich text, int level) {
  Block b;
  b.kind = Kind::heading;
  b.level = std::clamp(level, 2, 4);
  b.text = std::move(text);
  return b;
}

Block Block::paragraph(Rich text) {
  Block b;
  b.text = std::move(text);
  return b;
}

Block Block::facts(std::vector<Row> rows) {
  Block b;
  b.kind = Kind::facts;
  b.rows = std::move(rows);
  return b;
}

Block Block::steps(std::vector<Row> rows) {
  Block b;
  b.kind = Kind::steps;
  b.rows = std::move(rows);
  return b;
}

std::vector<Block> plain_text_blocks(std::string_view text) {
  std::vector<Block> out;
  std::string para;
  auto flush = [&] {
    while (!para.empty() && (para.back() == '\n' || para.back() == ' ' || para.back() == '\t')) para.pop_back();
    if (!para.empty()) out.push_back(Block::paragraph(Rich(para)));
    para.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
    } else {
      if (!para.empty()) para += '\n';
      para += line;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  flush();
  return out;
}

// ---- the renderer ----------------------------------------------------------------------------

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm, kPageHeight = 297 * kMm;
constexpr double kTop = 18 * kMm, kBottom = 20 * kMm, kSide = 18 * kMm;
constexpr double kWidth = kPageWidth - 2 * kSide, kHeight = kPageHeight - kTop - kBottom;
constexpr double kBodySize = 10.5;
constexpr double kNumberColumn = 14 * kMm;  // the page numbers of the contents
constexpr double kStepNumber = 7 * kMm, kStepTime = 16 * kMm, kFactKey = 45 * kMm, kListIndent = 6 * kMm;

struct Unref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, Unref>;

// One line of a laid-out column, in points from the top of its layout.
struct Line {
  double top, height, baseline, x;  // x: where the line starts (alignment, right-to-left)
};

struct Column {
  LayoutPtr layout;
  double x = 0;  // from the left margin
  std::vector<Line> lines;
  std::vector<Rich::Link> links;
};

struct Element {
  Column main;
  std::optional<Column> left, right;  // a marker, a fact's label or a step's number; a step's time
  std::vector<std::size_t> line_start;  // flow line k = main lines [line_start[k], line_start[k + 1])
  FlowItem flow;
  std::string dest;      // a chapter's title: the destination of links to it
  int toc_chapter = -1;  // a line of the contents: the chapter it names
};

std::string dest_name(std::size_t chapter) { return "chapter-" + std::to_string(chapter + 1); }

// A value inside a cairo tag's attribute string: single-quoted, ' and \ escaped.
std::string quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

class Renderer {
 public:
  explicit Renderer(const Book& book) : book_(book) {
    surface_ = cairo_pdf_surface_create_for_stream(&Renderer::write, &pdf_, kPageWidth, kPageHeight);
    cr_ = cairo_create(surface_);
    context_ = pango_cairo_create_context(cr_);
    // Unhinted metrics: a PDF is scaled by its reader, widths must not be rounded to device pixels.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_language(context_, pango_language_from_string(book.language.c_str()));
    for (std::size_t i = 0; i < book.chapters.size(); ++i) chapter_index_.emplace_back(book.chapters[i].key, i);
  }
  ~Renderer() {
    for (auto& [key, f] : fonts_) pango_font_description_free(f);
    g_object_unref(context_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  std::string render() {
    metadata();
    lay_out_front_matter();
    for (std::size_t c = 0; c < book_.chapters.size(); ++c) lay_out_chapter(c);
    std::vector<FlowItem> flow;
    flow.reserve(elements_.size());
    for (const auto& e : elements_) flow.push_back(e.flow);
    pieces_ = paginate(flow, kHeight);
    first_page_.assign(elements_.size(), -1);
    for (const auto& p : pieces_)
      if (first_page_[p.item] < 0) first_page_[p.item] = p.page;
    outline();
    draw();
    cairo_surface_finish(surface_);
    if (auto s = cairo_surface_status(surface_); s != CAIRO_STATUS_SUCCESS)
      throw PdfError(std::string("the PDF cannot be drawn: ") + cairo_status_to_string(s));
    return std::move(pdf_);
  }

 private:
  static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }

  void metadata() {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, clean_text(book_.title).c_str());
    if (!book_.author.empty())
      cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, clean_text(book_.author).c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Samen");
  }

  PangoFontDescription* font(double size, bool bold = false) {
    PangoFontDescription*& f = fonts_[{size, bold}];
    if (!f) {
      f = pango_font_description_new();
      pango_font_description_set_family(f, book_.font.c_str());
      pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
      if (bold) pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    }
    return f;
  }
  PangoFontDescription* body() { return font(kBodySize); }

  // The column for numbers up to `last` ("12."): at least `least` wide, else as wide as the number and a gap.
  double number_column(int last, PangoFontDescription* f, double least) {
    return std::max(least, line_width(column(Rich(std::to_string(last) + "."), 0, kWidth, f)) + 2 * kMm);
  }

  // The width of a one-line column's first line, in points.
  static double line_width(const Column& c) {
    PangoRectangle r;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(c.layout.get(), 0), nullptr, &r);
    return double(r.width) / PANGO_SCALE;
  }

  // A column of `text` `width` points wide at `x` from the left margin.
  Column column(const Rich& text, double x, double width, PangoFontDescription* f,
                PangoAlignment align = PANGO_ALIGN_LEFT, bool one_line = false) {
    Column c;
    c.layout.reset(pango_layout_new(context_));
    PangoLayout* l = c.layout.get();
    pango_layout_set_font_description(l, f);
    pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_line_spacing(l, 1.2f);
    if (one_line) {
      pango_layout_set_single_paragraph_mode(l, TRUE);
      pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    }
    PangoAttrList* attrs = nullptr;
    std::string markup = text.markup();
    if (pango_parse_markup(markup.c_str(), static_cast<int>(markup.size()), 0, &attrs, nullptr, nullptr, nullptr)) {
      pango_layout_set_text(l, text.text().c_str(), static_cast<int>(text.text().size()));
      pango_layout_set_attributes(l, attrs);
      pango_attr_list_unref(attrs);
    } else {  // cannot happen with Rich's escaping; should it, the words still print, unstyled
      pango_layout_set_text(l, text.text().c_str(), static_cast<int>(text.text().size()));
    }
    c.x = x;
    c.links = text.links();
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      int y0 = 0, y1 = 0;
      PangoRectangle logical;
      pango_layout_iter_get_line_yrange(it, &y0, &y1);
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      c.lines.push_back({double(y0) / PANGO_SCALE, double(y1 - y0) / PANGO_SCALE,
                         double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE, double(logical.x) / PANGO_SCALE});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    // With a line-spacing factor a line's y-range leaves out the space between it and the next:
    // a line's height in the flow is the distance to the next line's top.
    for (std::size_t i = 0; i + 1 < c.lines.size(); ++i) c.lines[i].height = c.lines[i + 1].top - c.lines[i].top;
    return c;
  }

  static double column_height(const Column& c) {
    return c.lines.empty() ? 0 : c.lines.back().top + c.lines.back().height - c.lines.front().top;
  }

  // The element's flow lines: its main column's, the first ones merged until they are as tall as what
  // stands beside them (a label, a marker), which is drawn whole with the first piece.
  Element& add(Column main, double space_before, std::optional<Column> left = {}, std::optional<Column> right = {}) {
    Element& e = elements_.emplace_back();
    double beside = 0;
    if (left) beside = std::max(beside, column_height(*left));
    if (right) beside = std::max(beside, column_height(*right));
    e.line_start.push_back(0);
    double first = 0;
    std::size_t i = 0;
    for (; i < main.lines.size() && (i == 0 || first < beside - 0.01); ++i) first += main.lines[i].height;
    e.flow.lines.push_back(std::max(first, beside));
    for (; i < main.lines.size(); ++i) {
      e.line_start.push_back(i);
      e.flow.lines.push_back(main.lines[i].height);
    }
    e.line_start.push_back(main.lines.size());
    e.flow.space_before = space_before;
    e.main = std::move(main);
    e.left = std::move(left);
    e.right = std::move(right);
    return e;
  }

  void lay_out_front_matter() {
    add(column(Rich(book_.title), 0, kWidth, font(24, true)), 0);
    if (!book_.subtitle.empty()) add(column(Rich().add(book_.subtitle, Rich::Style::muted), 0, kWidth, font(12)), 6);
    add(column(Rich(book_.contents_title), 0, kWidth, font(14, true)), 22).flow.keep_with_next = true;
    for (std::size_t c = 0; c < book_.chapters.size(); ++c) {
      const Chapter& ch = book_.chapters[c];
      Rich entry(ch.title);
      if (!ch.toc_note.empty()) entry.add(" ").open(Rich::Style::muted).append(ch.toc_note).close();
      add(column(entry, 0, kWidth - kNumberColumn, body(), PANGO_ALIGN_LEFT, true), 2.5).toc_chapter = static_cast<int>(c);
    }
  }

  void lay_out_chapter(std::size_t c) {
    const Chapter& ch = book_.chapters[c];
    Element& title = add(column(Rich(ch.title), 0, kWidth, font(17, true)), 0);
    title.flow.break_before = true;
    title.flow.keep_with_next = true;
    title.dest = dest_name(c);
    for (const Block& b : ch.blocks) lay_out(b);
  }

  void lay_out(const Block& b) {
    using K = Block::Kind;
    if ((b.kind == K::heading || b.kind == K::paragraph || b.kind == K::code || b.kind == K::quote) && b.text.empty()) return;
    switch (b.kind) {
      case K::heading: {
        static constexpr double sizes[] = {13, 11.5, 10.5};
        static constexpr double space[] = {11, 8, 6};
        int i = std::clamp(b.level, 2, 4) - 2;
        add(column(b.text, 0, kWidth, font(sizes[i], true)), space[i]).flow.keep_with_next = true;
        break;
      }
      case K::paragraph: add(column(b.text, 0, kWidth, body()), 4); break;
      case K::code: {
        Rich code;
        code.open(Rich::Style::code).append(b.text).close();
        add(column(code, 4 * kMm, kWidth - 4 * kMm, body()), 4);
        break;
      }
      case K::quote: {
        Rich quote;
        quote.open(Rich::Style::italic).append(b.text).close();
        add(column(quote, kListIndent, kWidth - kListIndent, body()), 4);
        break;
      }
      case K::bullets:
      case K::numbered: {
        static const char* bullets[] = {"•", "◦", "▪"};
        // Numbers wider than the indent ("100.") widen the marker's column instead of wrapping in it.
        double marker = b.kind == K::bullets ? kListIndent : number_column(b.start + int(b.items.size()) - 1, body(), kListIndent);
        int n = b.start;
        for (std::size_t i = 0; i < b.items.size(); ++i) {
          const auto& item = b.items[i];
          double x = kListIndent * std::clamp(item.depth, 0, 4);
          std::string mark = b.kind == K::bullets ? bullets[std::clamp(item.depth, 0, 2)] : std::to_string(n++) + ".";
          add(column(item.text, x + marker, kWidth - x - marker, body()), i == 0 ? 4 : 2, column(Rich(mark), x, marker, body()));
        }
        break;
      }
      case K::facts:
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
          Rich key;
          key.open(Rich::Style::muted).append(b.rows[i].key).close();
          add(column(b.rows[i].value, kFactKey, kWidth - kFactKey, body()), i == 0 ? 4 : 1.5,
              column(key, 0, kFactKey - 2 * kMm, body()));
        }
        break;
      case K::steps: {
        double number = number_column(b.start + int(b.rows.size()) - 1, font(kBodySize, true), kStepNumber);
        // The times' column as wide as the widest ("15 minuten"), within bounds, so a time stays on one line.
        double time_width = kStepTime;
        for (const auto& row : b.rows)
          if (!row.aside.empty()) time_width = std::max(time_width, line_width(column(row.aside, 0, kWidth, body())) + 3 * kMm);
        time_width = std::min(time_width, kWidth / 3);
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
          const auto& row = b.rows[i];
          Rich time;
          time.open(Rich::Style::muted).append(row.aside).close();
          add(column(row.value, number, kWidth - number - time_width, body()), i == 0 ? 4 : 3,
              column(Rich(std::to_string(b.start + static_cast<int>(i)) + "."), 0, number, font(kBodySize, true)),
              column(time, kWidth - time_width + 3 * kMm, time_width - 3 * kMm, body(), PANGO_ALIGN_RIGHT));
        }
        break;
      }
    }
  }

  // Bookmarks: one per chapter, under its group's when it has one.
  void outline() {
    std::string group;
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    for (std::size_t c = 0; c < book_.chapters.size(); ++c) {
      const Chapter& ch = book_.chapters[c];
      std::string link = "dest=" + quoted(dest_name(c));
      if (ch.group != group) {
        group = ch.group;
        parent = group.empty() ? CAIRO_PDF_OUTLINE_ROOT
                               : cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, clean_text(group).c_str(),
                                                               link.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
      }
      cairo_pdf_surface_add_outline(surface_, parent, clean_text(ch.title).c_str(), link.c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
    }
  }

  int chapter_page(std::size_t chapter) const {
    // The chapter's title is the first element after the front matter's and the chapters before it.
    return first_page_[chapter_title_.at(chapter)];
  }

  void draw() {
    chapter_title_.clear();
    for (std::size_t i = 0; i < elements_.size(); ++i)
      if (!elements_[i].dest.empty()) chapter_title_.push_back(i);
    int page = 0;
    for (const auto& p : pieces_) {
      while (page < p.page) end_page(page++);
      draw_piece(p);
    }
    if (!pieces_.empty()) end_page(page);
  }

  void end_page(int page) {
    Column n = column(Rich().add(std::to_string(page + 1), Rich::Style::muted), 0, kWidth, font(9), PANGO_ALIGN_CENTER);
    draw_lines(n, 0, n.lines.size(), kPageHeight - kBottom + 8 * kMm);
    cairo_show_page(cr_);
  }

  // Lines [from, to) of a column with the first one's top at `top` (page coordinates).
  void draw_lines(const Column& c, std::size_t from, std::size_t to, double top) {
    if (from >= to) return;
    double shift = top - c.lines[from].top;
    cairo_set_source_rgb(cr_, 0.1, 0.1, 0.1);
    for (std::size_t i = from; i < to; ++i) {
      cairo_move_to(cr_, kSide + c.x + c.lines[i].x, shift + c.lines[i].baseline);
      pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(c.layout.get(), static_cast<int>(i)));
    }
    for (const auto& link : c.links) link_rects(c, link, from, to, shift);
  }

  // A link's clickable rectangles, one per line it spans among [from, to).
  void link_rects(const Column& c, const Rich::Link& link, std::size_t from, std::size_t to, double shift) {
    std::string target;
    if (!link.uri.empty()) {
      target = "uri=" + quoted(link.uri);
    } else {
      auto it = std::find_if(chapter_index_.begin(), chapter_index_.end(), [&](const auto& k) { return k.first == link.chapter; });
      if (it == chapter_index_.end()) return;  // not in this book
      target = "dest=" + quoted(dest_name(it->second));
    }
    for (std::size_t i = from; i < to; ++i) {
      PangoLayoutLine* line = pango_layout_get_line_readonly(c.layout.get(), static_cast<int>(i));
      int start = std::max<int>(static_cast<int>(link.start), line->start_index);
      int end = std::min<int>(static_cast<int>(link.end), line->start_index + line->length);
      if (start >= end) continue;
      int* ranges = nullptr;
      int n = 0;
      pango_layout_line_get_x_ranges(line, start, end, &ranges, &n);
      for (int r = 0; r < n; ++r) {
        double x0 = kSide + c.x + double(ranges[2 * r]) / PANGO_SCALE, x1 = kSide + c.x + double(ranges[2 * r + 1]) / PANGO_SCALE;
        tag_link(x0, shift + c.lines[i].top, x1 - x0, c.lines[i].height, target);
      }
      g_free(ranges);
    }
  }

  void tag_link(double x, double y, double w, double h, const std::string& target) {
    std::string attrs = fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] {}", x, y, w, h, target);
    cairo_tag_begin(cr_, CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr_, CAIRO_TAG_LINK);
  }

  void draw_piece(const FlowPiece& p) {
    const Element& e = elements_[p.item];
    double top = kTop + p.y;
    std::size_t from = e.line_start[p.first_line], to = e.line_start[p.end_line];
    bool first = p.first_line == 0;
    if (first && !e.dest.empty()) cairo_tag_begin(cr_, CAIRO_TAG_DEST, ("name=" + quoted(e.dest)).c_str());
    draw_lines(e.main, from, to, top);
    if (first && !e.dest.empty()) cairo_tag_end(cr_, CAIRO_TAG_DEST);
    if (first && e.left) draw_lines(*e.left, 0, e.left->lines.size(), top);
    if (first && e.right) draw_lines(*e.right, 0, e.right->lines.size(), top);
    if (e.toc_chapter >= 0) draw_contents_number(e, top);
  }

  // A line of the contents: its chapter's page number at the right margin, dots up to it, all one link.
  void draw_contents_number(const Element& e, double top) {
    std::size_t c = static_cast<std::size_t>(e.toc_chapter);
    Column number = column(Rich(std::to_string(chapter_page(c) + 1)), 0, kWidth, body(), PANGO_ALIGN_RIGHT);
    draw_lines(number, 0, 1, top);
    double entry_end = kSide + e.main.lines[0].x + line_width(e.main);
    double number_start = kSide + number.lines[0].x;
    if (dot_width_ == 0) dot_width_ = line_width(column(Rich("."), 0, kWidth, body()));
    constexpr double gap = 1.5 * kMm;
    auto count = static_cast<int>(std::floor((number_start - entry_end - 2 * gap) / dot_width_));
    if (count > 0) {
      Column dots = column(Rich().add(std::string(static_cast<std::size_t>(count), '.'), Rich::Style::muted), 0,
                           number_start - gap - kSide, body(), PANGO_ALIGN_RIGHT);
      draw_lines(dots, 0, 1, top);
    }
    tag_link(kSide, top, kWidth, e.main.lines[0].height, "dest=" + quoted(dest_name(c)));
  }

  const Book& book_;
  std::string pdf_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  std::map<std::pair<double, bool>, PangoFontDescription*> fonts_;  // by size and boldness
  double dot_width_ = 0;
  std::vector<std::pair<std::string, std::size_t>> chapter_index_;  // key → chapter
  std::deque<Element> elements_;  // a deque: added in place, never moved
  std::vector<FlowPiece> pieces_;
  std::vector<int> first_page_;
  std::vector<std::size_t> chapter_title_;  // chapter → its title's element
};

}  // namespace

std::string render_book_pdf(const Book& book) { return Renderer(book).render(); }

}  // namespace samen::documents
