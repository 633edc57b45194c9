// Text shaping for search results of every module (the finder, the
// journal's search): search-term highlighting that escapes first and then
// wraps matching words in <mark> (case and accents ignored), short excerpts
// of long texts and the snippet around the first match. Plain functions, no I/O.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace samen::web {

// HTML of `text` (escaped) with the words that match one of `words` wrapped
// in <mark>. `words` are folded search words (SearchResult::highlight): a
// word of the text matches when its folded form equals one, or starts with
// one of three letters or more (a stem). Invalid UTF-8 is dropped first.
std::string highlight_html(std::string_view text, const std::vector<std::string>& words);

// The text cut after at most max_code_points at a word boundary, with "…"
// when something was cut; line breaks become spaces.
std::string excerpt(std::string_view text, std::size_t max_code_points);

// A snippet of `text` around its first word matching one of `words` (as in
// highlight_html): about max_code_points from a little before that word,
// "…" where cut, line breaks as spaces, escaped and highlighted. The
// excerpt of the start when no word matches; "" for empty text.
std::string snippet_html(std::string_view text, const std::vector<std::string>& words, std::size_t max_code_points);

}  // namespace samen::web
