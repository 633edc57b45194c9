// Highlighting, excerpts and snippets of search results (see highlight.hpp). The text
// is walked code point by code point (ICU macros); each run of letters,
// digits and combining marks is folded and compared with the search words.
#include "web/highlight.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>

#include "util/text_fold.hpp"
#include "web/render.hpp"

namespace samen::web {

namespace {

bool is_word_char(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool matches(const std::string& folded, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return !w.empty() && (folded == w || (w.size() >= 3 && folded.starts_with(w)));
  });
}

// Byte ranges [start, end) of the words of valid UTF-8 text.
std::vector<std::pair<std::size_t, std::size_t>> word_ranges(std::string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const auto n = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  std::int32_t i = 0, word_start = -1;
  while (i < n) {
    const std::int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    bool word = c >= 0 && is_word_char(c);
    if (word && word_start < 0) word_start = at;
    if (!word && word_start >= 0) {
      out.emplace_back(static_cast<std::size_t>(word_start), static_cast<std::size_t>(at));
      word_start = -1;
    }
  }
  if (word_start >= 0) out.emplace_back(static_cast<std::size_t>(word_start), static_cast<std::size_t>(n));
  return out;
}

std::vector<std::string> folded_search_words(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    std::string f = text::fold(text::clean_utf8(w));
    if (!f.empty()) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

std::string highlight_html(std::string_view raw, const std::vector<std::string>& words) {
  const std::string text = text::clean_utf8(raw);
  const std::vector<std::string> folded_words = folded_search_words(words);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t done = 0;
  for (const auto& [start, end] : word_ranges(text)) {
    std::string_view word(text.data() + start, end - start);
    if (folded_words.empty() || !matches(text::fold(word), folded_words)) continue;
    out += html_escape(std::string_view(text).substr(done, start - done));
    out += "<mark>";
    out += html_escape(word);
    out += "</mark>";
    done = end;
  }
  out += html_escape(std::string_view(text).substr(done));
  return out;
}

std::string excerpt(std::string_view raw, std::size_t max_code_points) {
  std::string all = text::clean_utf8(raw);
  std::string cut = text::clean_utf8(all, max_code_points);
  if (cut.size() == all.size()) return all;
  // Back to the last space, unless that loses more than a third.
  auto space = cut.find_last_of(' ');
  if (space != std::string::npos && space > cut.size() * 2 / 3) cut.resize(space);
  while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == '.')) cut.pop_back();
  return cut + "\xE2\x80\xA6";
}

std::string snippet_html(std::string_view raw, const std::vector<std::string>& words, std::size_t max_code_points) {
  std::string text = text::clean_utf8(raw);
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  const std::vector<std::string> folded = folded_search_words(words);
  std::size_t from = 0;
  const auto ranges = word_ranges(text);
  for (std::size_t i = 0; i < ranges.size() && !folded.empty(); ++i) {
    auto [start, end] = ranges[i];
    if (!matches(text::fold(std::string_view(text).substr(start, end - start)), folded)) continue;
    // A few words of context before the match.
    from = i >= 6 ? ranges[i - 6].first : 0;
    break;
  }
  std::string cut = excerpt(std::string_view(text).substr(from), max_code_points);
  return (from > 0 ? "\xE2\x80\xA6" : "") + highlight_html(cut, words);
}

}  // namespace samen::web
