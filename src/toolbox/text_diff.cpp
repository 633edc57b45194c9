// Myers' difference algorithm ("An O(ND) Difference Algorithm and Its
// Variations", 1986) on word tokens: the greedy forward search keeps, for
// each number of edits d, the furthest point reached on every diagonal; the
// path is then walked back through those saved rows. Time O((N+M)·D) and
// memory O(D²) with D ≤ max_edits; the common start and end are cut first
// (most edits change a word or two in a long text), a first search allows
// only a few edits (the usual case, with little memory), and a text rewritten
// beyond the bound is recognised before the full search by counting the words
// of each side the other lacks (a lower bound of D), so giving up costs a sort.
#include "toolbox/text_diff.hpp"

#include <algorithm>
#include <span>

namespace samen::toolbox {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Words and the runs of white space between them (ASCII white space only, so
// a UTF-8 sequence is never cut).
std::vector<std::string_view> tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    bool space = is_space(s[i]);
    while (j < s.size() && is_space(s[j]) == space) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

void push(std::vector<TextPiece>& out, TextPiece::Kind kind, std::string_view text) {
  if (!out.empty() && out.back().kind == kind) out.back().text += text;
  else out.push_back({kind, std::string(text)});
}

// The edit script between a and b as (kind, token) in reverse order, or false
// when it needs more than max_edits edits.
// At least this many edits turn a into b: the words of each that the other
// lacks, counted with their repeats.
std::size_t fewest_edits(std::span<const std::string_view> span_a, std::span<const std::string_view> span_b) {
  std::vector<std::string_view> a(span_a.begin(), span_a.end()), b(span_b.begin(), span_b.end());
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return a.size() + b.size() - 2 * common;
}

bool myers(std::span<const std::string_view> a, std::span<const std::string_view> b, std::size_t max_edits,
           std::vector<std::pair<TextPiece::Kind, std::string_view>>& reversed) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long limit = std::min<long>(n + m, static_cast<long>(max_edits));
  const long offset = limit + 1;
  std::vector<long> v(2 * static_cast<std::size_t>(limit) + 3, 0);
  // Row d of the trace, at rows[d * d ...]: v[-d..d] as it was before step d
  // (what step d-1 reached); one growing array, d² + 2d + 1 entries up to d.
  std::vector<long> rows;
  long found = -1;
  for (long d = 0; d <= limit && found < 0; ++d) {
    rows.insert(rows.end(), v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return false;
  long x = n, y = m;
  for (long d = found; d > 0; --d) {
    const long* row = rows.data() + d * d;  // row d starts after rows 0..d-1 (sizes 1, 3, ..., 2d-1)
    auto at = [&](long k) { return row[k + d]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    long prev_x = at(prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) reversed.emplace_back(TextPiece::same, a[--x]), --y;
    if (x == prev_x) reversed.emplace_back(TextPiece::added, b[--y]);
    else reversed.emplace_back(TextPiece::removed, a[--x]);
  }
  while (x > 0 && y > 0) reversed.emplace_back(TextPiece::same, a[--x]), --y;
  return true;
}

}  // namespace

std::optional<std::vector<TextPiece>> word_diff(std::string_view before, std::string_view after, std::size_t max_edits,
                                                std::size_t max_words) {
  auto a = tokens(before), b = tokens(after);
  if (a.size() > max_words || b.size() > max_words) return std::nullopt;
  // The common start and end need no search.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::span<const std::string_view> mid_a(a.data() + head, a.size() - head - tail),
      mid_b(b.data() + head, b.size() - head - tail);
  std::vector<std::pair<TextPiece::Kind, std::string_view>> reversed;
  constexpr std::size_t kFirstTry = 16;
  if (!myers(mid_a, mid_b, std::min(max_edits, kFirstTry), reversed)) {
    if (max_edits <= kFirstTry || fewest_edits(mid_a, mid_b) > max_edits) return std::nullopt;
    reversed.clear();
    if (!myers(mid_a, mid_b, max_edits, reversed)) return std::nullopt;
  }
  std::vector<TextPiece> out;
  for (std::size_t i = 0; i < head; ++i) push(out, TextPiece::same, a[i]);
  // Between two kept words, every removed word first, then every added one:
  // the same change always reads the same way ("old" → "new"), whichever path
  // of equal length the search took.
  std::string removed, added;
  auto flush = [&] {
    if (!removed.empty()) push(out, TextPiece::removed, removed);
    if (!added.empty()) push(out, TextPiece::added, added);
    removed.clear();
    added.clear();
  };
  for (auto it = reversed.rbegin(); it != reversed.rend(); ++it) {
    if (it->first == TextPiece::same) flush(), push(out, TextPiece::same, it->second);
    else (it->first == TextPiece::removed ? removed : added) += it->second;
  }
  flush();
  for (std::size_t i = a.size() - tail; i < a.size(); ++i) push(out, TextPiece::same, a[i]);
  return out;
}

}  // namespace samen::toolbox
