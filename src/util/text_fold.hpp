// Text normalisation for search: make any bytes valid UTF-8, fold case and
// accents ("Crèche" → "creche", ICU), split into words, stem per language
// (Xapian's Snowball stemmers) and measure spelling distance. Plain functions
// without I/O, safe to call from any thread (ICU objects are cached per thread).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace samen::text {

// Drops bytes that are not valid UTF-8 and control characters (tabs and
// newlines become spaces); keeps at most max_code_points code points.
std::string clean_utf8(std::string_view in, std::size_t max_code_points = std::string::npos);

// Lower case without accents or other combining marks, ligatures spelt out
// (œ → oe, ß → ss). Expects valid UTF-8 (run clean_utf8 first on raw input).
std::string fold(std::string_view utf8);

// The words of folded text: runs of letters and digits; everything else
// (spaces, punctuation, apostrophes, hyphens) separates. Words longer than
// kMaxWordBytes are dropped (they are not words people search for).
inline constexpr std::size_t kMaxWordBytes = 64;
std::vector<std::string> split_words(std::string_view folded);

// clean_utf8 + fold + split_words.
std::vector<std::string> folded_words(std::string_view raw);

// The Snowball stem of a folded word in a language ("gezinnen" → "gezin").
std::string stem(i18n::Lang lang, std::string_view folded_word);

// Small words that carry no meaning in a search in nl, fr or en ("de", "la", "the").
bool is_stopword(std::string_view folded_word);

// Damerau-Levenshtein distance over code points (for typo suggestions).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace samen::text
