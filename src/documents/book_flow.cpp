// Page breaks of a book's flow; see book_flow.hpp.
#include "documents/book_flow.hpp"

#include <numeric>

namespace samen::documents {

namespace {

double height(const FlowItem& it) { return std::accumulate(it.lines.begin(), it.lines.end(), 0.0); }

// How much room item i needs at the bottom of a page so that it does not end that page while it
// keeps with what follows: itself whole, then the same for the next item, down to the first line
// of the first item that does not keep with the next. A chapter's start ends the chain (it breaks anyway).
double kept_height(const std::vector<FlowItem>& items, std::size_t i) {
  double need = height(items[i]);
  for (std::size_t j = i + 1; j < items.size() && !items[j].break_before; ++j) {
    if (items[j].lines.empty()) continue;
    if (!items[j].keep_with_next) return need + items[j].space_before + items[j].lines.front();
    need += items[j].space_before + height(items[j]);
  }
  return need;
}

}  // namespace

std::vector<FlowPiece> paginate(const std::vector<FlowItem>& items, double page_height) {
  std::vector<FlowPiece> pieces;
  int page = 0;
  double y = 0;
  bool used = false;  // something is on the page already
  auto new_page = [&] {
    ++page;
    y = 0;
    used = false;
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const FlowItem& it = items[i];
    if (it.lines.empty()) continue;
    if (it.break_before && used) new_page();
    if (it.keep_with_next && used && y + it.space_before + kept_height(items, i) > page_height) new_page();
    double space = used ? it.space_before : 0;
    std::size_t line = 0;
    while (line < it.lines.size()) {
      double top = y + space, bottom = top;
      std::size_t end = line;
      while (end < it.lines.size() && bottom + it.lines[end] <= page_height) bottom += it.lines[end++];
      if (end == line) {
        if (used) {  // not even one line fits below what is there: the rest goes on the next page
          new_page();
          space = 0;
          continue;
        }
        bottom += it.lines[end++];  // taller than a page: alone on its own
      }
      pieces.push_back({i, line, end, page, top});
      y = bottom;
      used = true;
      space = 0;
      line = end;
      if (line < it.lines.size()) new_page();
    }
  }
  return pieces;
}

}  // namespace samen::documents
