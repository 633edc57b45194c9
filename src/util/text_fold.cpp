// Text normalisation for search (see text_fold.hpp). ASCII text takes a fast
// path; anything else goes through one ICU transliterator per thread
// ("NFKD; [:Nonspacing Mark:] Remove; Lower; NFC"), since ICU transliterators
// are not thread-safe.
#include "util/text_fold.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace samen::text {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

icu::Transliterator& folding_transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "NFKD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !made) throw std::runtime_error(std::string("ICU folding transliterator: ") +
                                                             u_errorName(status));
    return made;
  }();
  return *t;
}

// Letters that have no decomposition but that people type without the mark.
void spell_out_ligatures(std::string& s) {
  static constexpr std::pair<std::string_view, std::string_view> kLetters[] = {
      {"\xC5\x93", "oe"},  // œ
      {"\xC3\xA6", "ae"},  // æ
      {"\xC3\x9F", "ss"},  // ß
      {"\xC3\xB8", "o"},   // ø
      {"\xC5\x82", "l"},   // ł
      {"\xC4\x91", "d"},   // đ
      {"\xC4\xB1", "i"},   // dotless ı
  };
  for (const auto& [from, to] : kLetters) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
}

bool is_word_char(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || u_isdigit(c);
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

}  // namespace

std::string clean_utf8(std::string_view in, std::size_t max_code_points) {
  std::string out;
  out.reserve(std::min(in.size(), max_code_points == std::string::npos ? in.size() : max_code_points * 4));
  std::size_t kept = 0;
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(std::min<std::size_t>(in.size(), INT32_MAX));
  while (i < n && kept < max_code_points) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(in.data(), i, n, c);
    if (c < 0) continue;  // an invalid sequence: its bytes are dropped
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      if (c == '\t' || c == '\n' || c == '\r') { out += ' '; ++kept; }
      continue;
    }
    out.append(in.data() + start, static_cast<std::size_t>(i - start));
    ++kept;
  }
  return out;
}

namespace {

void append_ascii_folded(std::string& out, std::string_view ascii) {
  for (char c : ascii) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

void append_icu_folded(std::string& out, std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  folding_transliterator().transliterate(u);
  std::string folded;
  u.toUTF8String(folded);
  spell_out_ligatures(folded);
  out += folded;
}

}  // namespace

// Space-separated pieces fold on their own: no step of the transliterator
// looks across a space (decompositions and marks belong to one character, no
// composition starts with a space, and the one letter whose lower case
// depends on its neighbours, a final sigma, stops looking at a space). So
// ASCII words take the fast path and only runs of words with other letters
// go through ICU (half of the words of a French text, and ICU's setup per
// call costs more than folding a short word).
std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t run = std::string_view::npos;  // start of the pending non-ASCII run
  std::size_t at = 0;
  while (at < utf8.size()) {
    std::size_t end = utf8.find(' ', at);
    if (end == std::string_view::npos) end = utf8.size();
    const std::string_view word = utf8.substr(at, end - at);
    if (is_ascii(word)) {
      if (run != std::string_view::npos) {
        append_icu_folded(out, utf8.substr(run, at - run));  // the run and the spaces after it
        run = std::string_view::npos;
      }
      append_ascii_folded(out, utf8.substr(at, std::min(end + 1, utf8.size()) - at));
    } else if (run == std::string_view::npos) {
      run = at;
    }
    at = end + 1;
  }
  if (run != std::string_view::npos) append_icu_folded(out, utf8.substr(run));
  return out;
}


std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty() && current.size() <= kMaxWordBytes) words.push_back(current);
    current.clear();
  };
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(std::min<std::size_t>(folded.size(), INT32_MAX));
  while (i < n) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, n, c);
    if (c >= 0 && is_word_char(c)) current.append(folded.data() + start, static_cast<std::size_t>(i - start));
    else flush();
  }
  flush();
  return words;
}

std::vector<std::string> folded_words(std::string_view raw) { return split_words(fold(clean_utf8(raw))); }

namespace {

// Hashes a std::string key by its characters, so a std::string_view finds it.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

std::string stem(i18n::Lang lang, std::string_view folded_word) {
  // Dutch: Kraaij-Pohlmann rather than Porter's (Snowball "dutch"): it joins the
  // forms families type, such as plurals in -s after a vowel (consultatie/-s),
  // v/f and z/s (verblijven/verblijf, huizen/huis) and doubled consonants
  // (klassen/klas). Both engines index these C++ stems, so they agree.
  thread_local std::array<Xapian::Stem, 3> stemmers{Xapian::Stem("kraaij_pohlmann"), Xapian::Stem("french"),
                                                    Xapian::Stem("english")};
  // The stems this thread computed: a language's words are few and repeat
  // (a rebuild of 100,000 services stems each common word thousands of
  // times), and a lookup costs a fraction of the Snowball algorithm.
  constexpr std::size_t kMaxRemembered = 50'000;  // per language; then forgotten at once
  thread_local std::array<std::unordered_map<std::string, std::string, WordHash, std::equal_to<>>, 3> remembered;
  const auto index = static_cast<std::size_t>(lang == i18n::Lang::nl ? 0 : lang == i18n::Lang::fr ? 1 : 2);
  auto& cache = remembered[index];
  if (auto it = cache.find(folded_word); it != cache.end()) return it->second;
  std::string result = stemmers[index](std::string(folded_word));
  if (cache.size() >= kMaxRemembered) cache.clear();
  cache.emplace(folded_word, result);
  return result;
}

bool is_stopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      // nl
      "de", "het", "een", "en", "van", "in", "op", "met", "voor", "te", "aan", "bij", "of", "is", "zijn",
      "die", "dat", "er", "om", "tot", "uit", "naar", "ook", "als", "hun", "mijn", "je", "we", "wij",
      // fr
      "le", "la", "les", "un", "une", "des", "du", "et", "au", "aux", "pour", "par", "sur", "avec",
      "dans", "qui", "que", "est", "ou", "ses", "son", "sa", "ces", "mon", "ma", "mes",
      // en
      "the", "an", "and", "of", "for", "to", "on", "at", "with", "by", "or", "my", "our", "are"};
  if (kWords.contains(w)) return true;
  // A lone letter ("l" of "l'école", "d" of "d'accueil") means nothing on its own.
  auto cps = code_points(w);
  return cps.size() == 1 && !u_isdigit(static_cast<UChar32>(cps[0]));
}

std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8) {
  const std::u32string a = code_points(a_utf8), b = code_points(b_utf8);
  const std::size_t n = a.size(), m = b.size();
  // Optimal string alignment: insertions, deletions, substitutions and
  // transpositions of neighbours ("kinderopvnag" → "kinderopvang" is one edit).
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

}  // namespace samen::text
