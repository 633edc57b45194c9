// Text shaping for the public finder's pages: search-term highlighting that
// escapes first and then wraps matching words in <mark> (case and accents
// ignored), and short excerpts of long descriptions. Plain functions, no I/O.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace samen::directory {

// HTML of `text` (escaped) with the words that match one of `words` wrapped
// in <mark>. `words` are folded search words (SearchResult::highlight): a
// word of the text matches when its folded form equals one, or starts with
// one of three letters or more (a stem). Invalid UTF-8 is dropped first.
std::string highlight_html(std::string_view text, const std::vector<std::string>& words);

// The text cut after at most max_code_points at a word boundary, with "…"
// when something was cut; line breaks become spaces.
std::string excerpt(std::string_view text, std::size_t max_code_points);

}  // namespace samen::directory
