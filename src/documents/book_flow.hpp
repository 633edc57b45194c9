// Where a book's page breaks fall (book_pdf.hpp), without any drawing: the
// document is a flow of items (a heading, a paragraph, a list item, a line of
// the contents), each a column of lines that may not be split; the flow fills
// pages of a given height top to bottom. An item may break between its lines,
// never inside one; a heading stays with the first line of what follows it; a
// chapter starts a new page. Kept apart so the decisions are testable alone.
#pragma once
#include <cstddef>
#include <vector>

namespace samen::documents {

struct FlowItem {
  std::vector<double> lines;    // heights of the lines, top to bottom
  double space_before = 0;      // dropped at the top of a page
  bool keep_with_next = false;  // never the last thing on a page (a heading)
  bool break_before = false;    // starts a new page (a chapter)
};

// A run of an item's lines on one page: lines [first_line, end_line) of item
// `item`, the first one's top at `y` from the top of the page's text area.
struct FlowPiece {
  std::size_t item = 0, first_line = 0, end_line = 0;
  int page = 0;  // from 0
  double y = 0;
};

// The pieces in reading order. A line taller than the page gets a page of its own.
std::vector<FlowPiece> paginate(const std::vector<FlowItem>& items, double page_height);

}  // namespace samen::documents
