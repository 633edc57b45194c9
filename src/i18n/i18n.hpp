// Languages, message catalogs and locale-aware formatting (ICU) for the UI.
// Catalogs are JSON files src/i18n/catalogs/{nl,fr,en}.json (flat key → text),
// embedded in the binary; every key must exist in all three.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samen::i18n {

enum class Lang { nl, fr, en };
inline constexpr std::array<Lang, 3> kLangs{Lang::nl, Lang::fr, Lang::en};
inline constexpr Lang kDefaultLang = Lang::nl;

std::string_view code(Lang l);                       // "nl", "fr", "en"
std::optional<Lang> parse_lang(std::string_view s);  // accepts "nl", "fr-BE", "EN"...

// Picks the UI language: ?lang= first, then the user's saved preference, then
// the best Accept-Language match (q-values honoured), then kDefaultLang.
Lang negotiate(std::optional<std::string_view> query_lang,
               std::optional<std::string_view> saved,
               std::optional<std::string_view> accept_language);

using Arg = std::variant<std::int64_t, double, std::string>;

class Catalog {
 public:
  // The catalogs embedded in the binary (loaded once, thread-safe).
  static const Catalog& embedded();
  // Builds a catalog from JSON texts (for tests); throws on invalid JSON.
  static Catalog from_json(const std::map<Lang, std::string>& json_by_lang);

  // The text for key; falls back to English, then to the key itself.
  const std::string& text(Lang l, std::string_view key) const;
  bool has(Lang l, std::string_view key) const;
  // ICU MessageFormat with named arguments, e.g. "{count, plural, one {# service} other {# services}}".
  std::string format(Lang l, std::string_view key, const std::map<std::string, Arg>& args) const;
  std::vector<std::string> keys(Lang l) const;

 private:
  std::map<Lang, std::map<std::string, std::string, std::less<>>> texts_;
};

// Formatting in the Europe/Brussels time zone, per the language's conventions
// (nl-BE, fr-BE, en-GB).
enum class DateStyle { short_date, medium_date, long_date, date_time, time };
std::string format_time(Lang l, std::int64_t unix_seconds, DateStyle style);
std::string format_number(Lang l, double value, int max_fraction_digits = 2);
std::string format_integer(Lang l, std::int64_t value);

}  // namespace samen::i18n
