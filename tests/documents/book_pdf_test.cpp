// The documents layer's book renderer (book_pdf.hpp, book_flow.hpp): where
// the page breaks fall (no line split, a heading kept with what follows, a
// chapter on a new page); and, read back with poppler's pdftotext/pdfinfo,
// a generated book whose contents give each chapter the page its title is
// on, whose long chapter runs over pages, whose user text shows markup
// literally, keeps accents and right-to-left words, and has its internal
// links, outline and title. Markdown and plain text become blocks without
// letting raw HTML or unsafe links through.
#include <gtest/gtest.h>

#include <regex>

#include "documents/book_flow.hpp"
#include "documents/book_pdf.hpp"
#include "documents/run_tool.hpp"

namespace samen::documents {
namespace {

FlowItem item(std::vector<double> lines, double space = 0) {
  FlowItem it;
  it.lines = std::move(lines);
  it.space_before = space;
  return it;
}

TEST(BookFlow, FillsPagesAndBreaksBetweenLinesNeverInsideOne) {
  // Page 35 high: 3 lines of 10 fit, the fourth goes to the next page.
  auto pieces = paginate({item({10, 10}), item({10, 10, 10}, 2)}, 35);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].page, 0);
  EXPECT_EQ(pieces[1].item, 1u);
  EXPECT_EQ(pieces[1].page, 0);
  EXPECT_DOUBLE_EQ(pieces[1].y, 22);  // after the first item and its space
  EXPECT_EQ(pieces[1].end_line - pieces[1].first_line, 1u);
  EXPECT_EQ(pieces[2].page, 1);
  EXPECT_EQ(pieces[2].first_line, 1u);
  EXPECT_DOUBLE_EQ(pieces[2].y, 0) << "the rest of an item starts at the top";
}

TEST(BookFlow, AHeadingStaysWithTheNextLineAndAChapterStartsAPage) {
  FlowItem heading = item({12}, 8);
  heading.keep_with_next = true;
  // 30 of 40 used: the heading (8 + 12) would fit, but not with the paragraph's first line.
  auto pieces = paginate({item({10, 10, 10}), heading, item({10, 10}, 4)}, 40);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[1].page, 1);
  EXPECT_DOUBLE_EQ(pieces[1].y, 0) << "its space is dropped at the top of a page";
  EXPECT_EQ(pieces[2].page, 1);

  FlowItem chapter = item({10});
  chapter.break_before = true;
  pieces = paginate({item({10}), chapter, item({10}), chapter}, 100);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[1].page, 1);
  EXPECT_EQ(pieces[2].page, 1);
  EXPECT_EQ(pieces[3].page, 2);
  EXPECT_EQ(paginate({chapter}, 100).at(0).page, 0) << "the first thing of a document needs no new page";
}

TEST(BookFlow, ALineTallerThanAPageGetsAPageOfItsOwn) {
  auto pieces = paginate({item({10}), item({50, 10})}, 40);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[1].page, 1);
  EXPECT_EQ(pieces[1].end_line, 1u);
  EXPECT_EQ(pieces[2].page, 2);
}

TEST(BookRich, UserTextIsEscapedAndCleanedLinksOnlySafeOnes) {
  Rich r("<b>x</b> & <span foreground='red'>");
  EXPECT_EQ(r.markup(), "&lt;b&gt;x&lt;/b&gt; &amp; &lt;span foreground=&apos;red&apos;&gt;");
  EXPECT_EQ(r.text(), "<b>x</b> & <span foreground='red'>");
  EXPECT_EQ(Rich(std::string("a\x01" "b\xff" "c\nd", 7)).text(), "ab\xEF\xBF\xBD" "c\nd");
  Rich links;
  links.open_link("javascript:alert(1)").add("bad").close().open_link("https://example.org/a?b=c").add("good").close();
  ASSERT_EQ(links.links().size(), 1u);
  EXPECT_EQ(links.links()[0].uri, "https://example.org/a?b=c");
  EXPECT_EQ(links.links()[0].start, 3u);
  EXPECT_EQ(links.links()[0].end, 7u);
  EXPECT_FALSE(is_safe_link("data:text/html,x"));
  EXPECT_FALSE(is_safe_link("https://a b"));
  EXPECT_TRUE(is_safe_link("MAILTO:x@example.org"));
  Rich open;
  open.open(Rich::Style::bold).add("x");
  EXPECT_EQ(open.markup(), "<b>x</b>") << "what is left open is closed";
}

TEST(BookBlocks, PlainTextParagraphsAndMarkdownWithoutRawHtmlOrUnsafeLinks) {
  auto plain = plain_text_blocks("one\r\ntwo\n\n \n<i>three</i>\n");
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(plain[0].text.text(), "one\ntwo");
  EXPECT_EQ(plain[1].text.markup(), "&lt;i&gt;three&lt;/i&gt;");

  auto md = markdown_blocks(
      "# Title\n\nSome **bold** and *it* <script>alert(1)</script> [bad](javascript:alert(1)) [good](https://example.org).\n\n"
      "- one\n- two\n  1. nested\n\n> quoted\n\n```\ncode <b>\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
  ASSERT_EQ(md.size(), 7u);
  EXPECT_EQ(md[0].kind, Block::Kind::heading);
  EXPECT_EQ(md[0].level, 2);
  EXPECT_EQ(md[1].kind, Block::Kind::paragraph);
  EXPECT_NE(md[1].text.markup().find("<b>bold</b>"), std::string::npos) << md[1].text.markup();
  EXPECT_NE(md[1].text.markup().find("<i>it</i>"), std::string::npos);
  EXPECT_EQ(md[1].text.text().find("script"), std::string::npos) << md[1].text.text();
  ASSERT_EQ(md[1].text.links().size(), 1u);
  EXPECT_EQ(md[1].text.links()[0].uri, "https://example.org");
  EXPECT_EQ(md[2].kind, Block::Kind::bullets);
  ASSERT_EQ(md[2].items.size(), 3u);
  EXPECT_EQ(md[2].items[2].depth, 1);
  EXPECT_EQ(md[2].items[2].text.text(), "nested");
  EXPECT_EQ(md[3].kind, Block::Kind::quote);
  EXPECT_EQ(md[4].kind, Block::Kind::code);
  EXPECT_EQ(md[4].text.text(), "code <b>");
  EXPECT_EQ(md[5].text.markup(), "<b>a · b</b>");  // a table's header row, then its rows
  EXPECT_EQ(md[6].text.text(), "1 · 2");
}

// A book of three chapters: a short one, a long one (over several pages), and one with text in other scripts.
Book sample_book() {
  Book b;
  b.title = "Boek <b>titel</b>";
  b.subtitle = "3 hoofdstukken";
  b.language = "nl";
  b.contents_title = "Inhoud";
  Chapter one;
  one.key = "one";
  one.title = "Aanloopmoment <i>ouders</i> & co";
  one.toc_note = Rich("· Verkennen");
  one.group = "Verkennen";
  one.blocks.push_back(Block::facts({{Rich("Fase"), Rich("Verkennen"), {}}}));
  one.blocks.push_back(Block::paragraph(Rich("<span foreground=\"red\">geen opmaak</span>")));
  Rich link;
  link.add("Zie ").open_chapter_link("three").add("het derde").close().add(" en ").open_link("https://example.org/x").add("de site").close();
  one.blocks.push_back(Block::paragraph(std::move(link)));
  std::string long_paragraph;
  for (int i = 0; i < 40; ++i) long_paragraph += "Ouders vertellen wat zij nodig hebben. ";
  one.blocks.push_back(Block::paragraph(Rich(long_paragraph + "Slotwoord")));
  one.blocks.push_back(Block::paragraph(Rich("Volgende alinea.")));
  Chapter two;
  two.key = "two";
  two.title = "Buurtwandeling";
  two.group = "Plannen";
  two.blocks.push_back(Block::heading(Rich("Stappen")));
  std::vector<Block::Row> steps;
  for (int i = 1; i <= 150; ++i)
    steps.push_back({{}, Rich("Stap nummer " + std::to_string(i) + ": partners leren elkaars werking kennen."), Rich("10 min")});
  two.blocks.push_back(Block::steps(std::move(steps)));
  two.blocks.push_back(Block::paragraph(Rich("Het einde van de wandeling.")));
  Chapter three;
  three.key = "three";
  three.title = "Crèche « Élan »";
  three.group = "Plannen";
  three.blocks.push_back(Block::paragraph(Rich("ça déjà vu, œuvre, coördinatie, naïef, één.")));
  three.blocks.push_back(Block::paragraph(Rich("שלום")));
  three.blocks.push_back(Block::paragraph(Rich("مرحبا")));
  b.chapters = {one, two, three};
  return b;
}

std::string page_text(const std::string& pdf, int page) {
  auto r = testing::run_on_pdf("pdftotext -layout -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page), pdf, "-");
  EXPECT_EQ(r.status, 0) << r.output;
  return r.output;
}

int page_count(const std::string& pdf) {
  auto r = testing::run_on_pdf("pdfinfo", pdf);
  std::smatch m;
  EXPECT_TRUE(std::regex_search(r.output, m, std::regex(R"(Pages:\s+(\d+))"))) << r.output;
  return m.size() > 1 ? std::stoi(m[1]) : 0;
}

// The first page whose text has `needle` (0 when none).
int page_of(const std::string& pdf, const std::string& needle, int pages, int from = 1) {
  for (int p = from; p <= pages; ++p)
    if (page_text(pdf, p).find(needle) != std::string::npos) return p;
  return 0;
}

TEST(BookPdf, ContentsGiveEachChaptersPageAndALongChapterRunsOverPages) {
  std::string pdf = render_book_pdf(sample_book());
  ASSERT_TRUE(pdf.starts_with("%PDF-"));
  int pages = page_count(pdf);
  std::string contents = page_text(pdf, 1);
  for (std::string title : {"Aanloopmoment <i>ouders</i> & co", "Buurtwandeling", "Crèche « Élan »"}) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(contents, m, std::regex(std::regex_replace(title, std::regex(R"([.*+?^${}()|\[\]\\])"), R"(\$&)") +
                                                          R"([^\n]*\.\.\.[ .]*(\d+)\s*\n)")))
        << title << " in\n" << contents;
    int listed = std::stoi(m[1]);
    EXPECT_EQ(page_of(pdf, title, pages, 2), listed) << title;
  }
  // The long chapter: its title on one page, its end two or more pages later; the next chapter after it.
  int start = page_of(pdf, "Buurtwandeling", pages, 2), end = page_of(pdf, "Het einde van de wandeling.", pages);
  EXPECT_GE(end, start + 2);
  EXPECT_EQ(page_of(pdf, "Crèche « Élan »", pages, 2), end + 1);
  EXPECT_EQ(pages, end + 1);
  // Each page has its number in the footer; no step is cut between pages (number and text stay together).
  EXPECT_TRUE(std::regex_search(page_text(pdf, start + 1), std::regex(R"(\n\s+)" + std::to_string(start + 1) + R"(\s*\f?$)")));
  for (int p = start; p <= end; ++p) {
    std::string text = page_text(pdf, p);
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(\d+\.\s+Stap nummer \d+:)"))) << text;
  }
}

TEST(BookPdf, UserTextShowsMarkupLiterallyWithAccentsAndRightToLeftWords) {
  std::string pdf = render_book_pdf(sample_book());
  auto r = testing::run_on_pdf("pdftotext -enc UTF-8", pdf, "-");
  const std::string& text = r.output;
  EXPECT_NE(text.find("Boek <b>titel</b>"), std::string::npos) << text.substr(0, 500);
  EXPECT_NE(text.find("<span foreground=\"red\">geen opmaak</span>"), std::string::npos);
  EXPECT_NE(text.find("ça déjà vu, œuvre, coördinatie, naïef, één."), std::string::npos);
  // pdftotext may give a right-to-left run in visual order (the letters reversed), and guesses a word
  // break inside the Hebrew word from the glyphs' spacing: compared without spaces.
  std::string joined = std::regex_replace(text, std::regex(" "), "");
  EXPECT_TRUE(joined.find("שלום") != std::string::npos || joined.find("םולש") != std::string::npos) << text;
  EXPECT_TRUE(joined.find("مرحبا") != std::string::npos || joined.find("ابحرم") != std::string::npos) << text;
}

TEST(BookPdf, APagesLinesNeverOverlap) {
  // Pango's line y-ranges leave out the line spacing; were they taken as the lines' heights, a long
  // paragraph's last line and the next block's first would be drawn on top of each other.
  auto r = testing::run_on_pdf("pdftotext -bbox -f 2 -l 2", render_book_pdf(sample_book()), "-");
  auto box = [&](const std::string& word, const char* edge) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(r.output, m, std::regex(R"re(yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">)re" + word + "<")))
        << word << " in\n" << r.output;
    return m.size() > 2 ? std::stod(m[std::string(edge) == "top" ? 1 : 2]) : 0.0;
  };
  EXPECT_GE(box("Volgende", "top"), box("Slotwoord", "bottom"));
}

TEST(BookPdf, HasTitleOutlineAndLinksToEachChapter) {
  std::string pdf = render_book_pdf(sample_book());
  auto info = testing::run_on_pdf("pdfinfo", pdf);
  EXPECT_NE(info.output.find("Boek <b>titel</b>"), std::string::npos) << info.output;
  auto dests = testing::run_on_pdf("pdfinfo -dests", pdf);
  for (int c = 1; c <= 3; ++c) EXPECT_NE(dests.output.find("\"chapter-" + std::to_string(c) + "\""), std::string::npos) << dests.output;
  // cairo writes the outline and link dictionaries uncompressed: their entries are in the bytes.
  EXPECT_NE(pdf.find("/Outlines"), std::string::npos);
  EXPECT_NE(pdf.find("/Title (Verkennen)"), std::string::npos) << "a group's entry in the outline";
  EXPECT_NE(pdf.find("/Title (Buurtwandeling)"), std::string::npos);
  EXPECT_NE(pdf.find("/URI (https://example.org/x)"), std::string::npos);
  auto to_chapters = [&](const std::string& dest) {
    std::size_t n = 0;
    for (auto p = pdf.find("/Dest (" + dest + ")"); p != std::string::npos; p = pdf.find("/Dest (" + dest + ")", p + 1)) ++n;
    return n;
  };
  EXPECT_GE(to_chapters("chapter-3"), 3u) << "from the contents, the outline and the first chapter's text";
  EXPECT_GE(to_chapters("chapter-2"), 2u);
}

TEST(BookPdf, AnEmptyBookIsOnePage) {
  Book b;
  b.title = "Leeg";
  std::string pdf = render_book_pdf(b);
  EXPECT_EQ(page_count(pdf), 1);
}

}  // namespace
}  // namespace samen::documents
