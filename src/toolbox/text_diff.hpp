// The changed words inside one field of two method versions, for the version
// comparison page: Myers' O(ND) difference on words and the spaces between
// them (never on characters), with a bound on the number of edits so a field
// rewritten from top to bottom costs little and is shown whole instead.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samen::toolbox {

struct TextPiece {
  enum Kind { same, removed, added } kind = same;
  std::string text;
  bool operator==(const TextPiece&) const = default;
};

// The pieces that turn `before` into `after`, in order, adjacent pieces of a
// kind merged (their texts joined give back `before` without the added
// pieces and `after` without the removed ones). nullopt when more than
// `max_edits` words would change or a text holds more than `max_words` words:
// then the two are better read whole.
std::optional<std::vector<TextPiece>> word_diff(std::string_view before, std::string_view after,
                                                std::size_t max_edits = 200, std::size_t max_words = 20000);

}  // namespace samen::toolbox
