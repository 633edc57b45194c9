// Small text helpers every layer uses: trimming and UTF-8 checks on byte
// strings. Plain functions without I/O. (Case and accent folding for search
// is in text_fold.hpp.)
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace samen::text {

// Without leading and trailing ASCII white space (space, tab, CR, LF, FF, VT).
// HTTP's optional white space is a subset, so header values use it too.
std::string_view trim(std::string_view s);
// The same as a string of its own, for values that are kept.
std::string trimmed(std::string_view s);

// The length of the well-formed UTF-8 sequence that starts at s[i], or 0 when
// there is none (a stray continuation byte, an overlong form, a surrogate, a
// value beyond U+10FFFF or a sequence cut short by the end of s).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// True when s is well-formed UTF-8 in the sense of utf8_sequence_length.
bool valid_utf8(std::string_view s);

// s with each byte that does not start a well-formed sequence replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view s);

// The longest prefix of s of at most max_bytes that does not cut a character.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// The number of code points (bytes that are not continuation bytes).
std::size_t code_points(std::string_view s);

}  // namespace samen::text
