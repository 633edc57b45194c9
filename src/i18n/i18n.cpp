// Languages, message catalogs and locale-aware formatting for the UI: language
// negotiation (?lang, saved preference, Accept-Language), JSON catalogs with
// English fallback, ICU MessageFormat, and ICU date/number formatting in the
// Europe/Brussels time zone with per-thread cached formatters.
#include "i18n/i18n.hpp"

#include <unicode/datefmt.h>
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "util/text.hpp"
#include "web/embedded.hpp"

namespace samen::i18n {
namespace {

constexpr char kTimeZone[] = "Europe/Brussels";

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The subtags after the primary language ("BE", "Latn-BE"): each 1-8 letters
// or digits, separated by '-' or '_'.
bool valid_subtags(std::string_view rest) {
  for (;;) {
    auto end = rest.find_first_of("-_");
    auto part = rest.substr(0, end);
    if (part.empty() || part.size() > 8) return false;
    for (char c : part)
      if (!is_alpha(c) && !is_digit(c)) return false;
    if (end == std::string_view::npos) return true;
    rest.remove_prefix(end + 1);
  }
}

icu::Locale icu_locale(Lang l) {
  switch (l) {
    case Lang::nl: return icu::Locale("nl", "BE");
    case Lang::fr: return icu::Locale("fr", "BE");
    case Lang::en: break;
  }
  return icu::Locale("en", "GB");
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString from_utf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Parses a q-value ("1", "0.8", "1.000"); nullopt when malformed or > 1.
std::optional<double> parse_q(std::string_view v) {
  v = text::trim(v);
  if (v.empty() || v.size() > 5 || (v[0] != '0' && v[0] != '1')) return std::nullopt;
  if (v.size() == 1) return v[0] - '0';
  if (v[1] != '.') return std::nullopt;
  double q = v[0] - '0', scale = 0.1;
  for (char c : v.substr(2)) {
    if (!is_digit(c)) return std::nullopt;
    q += (c - '0') * scale;
    scale /= 10;
  }
  if (q > 1.0) return std::nullopt;
  return q;
}

// The q-value of one Accept-Language entry's parameters (after the tag);
// nullopt when a parameter is malformed.
std::optional<double> entry_quality(std::string_view params) {
  double q = 1.0;
  while (!params.empty()) {
    auto end = params.find(';');
    auto param = text::trim(params.substr(0, end));
    params = end == std::string_view::npos ? std::string_view{} : params.substr(end + 1);
    if (param.empty()) continue;
    auto eq = param.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    auto name = text::trim(param.substr(0, eq));
    if (name.size() != 1 || ascii_lower(name[0]) != 'q') continue;  // unknown parameter
    auto parsed = parse_q(param.substr(eq + 1));
    if (!parsed) return std::nullopt;
    q = *parsed;
  }
  return q;
}

std::optional<Lang> best_accepted(std::string_view header) {
  std::optional<Lang> best;
  double best_q = 0.0;
  while (!header.empty()) {
    auto end = header.find(',');
    auto entry = header.substr(0, end);
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    auto semi = entry.find(';');
    auto tag = text::trim(entry.substr(0, semi));
    if (tag.empty() || tag == "*") continue;
    auto lang = parse_lang(tag);
    if (!lang) continue;
    auto q = entry_quality(semi == std::string_view::npos ? std::string_view{} : entry.substr(semi + 1));
    if (!q || *q <= 0.0) continue;
    if (!best || *q > best_q) {
      best = lang;
      best_q = *q;
    }
  }
  return best;
}

// Keys missing from every catalog are interned here so text() can return a
// stable reference to the key itself. Keys come from code and templates, so
// the set stays small.
const std::string& intern_missing(std::string_view key) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> keys;
  std::lock_guard lock(mutex);
  auto it = keys.find(key);
  if (it == keys.end()) it = keys.emplace(key).first;
  return *it;
}

std::map<std::string, std::string, std::less<>> parse_catalog(Lang l, const std::string& text) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error("i18n: catalog " + std::string(code(l)) + " is not valid JSON: " + e.what());
  }
  if (!doc.is_object())
    throw std::runtime_error("i18n: catalog " + std::string(code(l)) + " must be a JSON object");
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [key, value] : doc.items()) {
    if (!value.is_string())
      throw std::runtime_error("i18n: catalog " + std::string(code(l)) + ": value of \"" + key +
                               "\" is not a string");
    out.emplace(key, value.get<std::string>());
  }
  return out;
}

Catalog load_embedded() {
  std::map<Lang, std::string> json;
  for (Lang l : kLangs) {
    auto name = "catalogs/" + std::string(code(l)) + ".json";
    auto data = embedded::find(name);
    if (!data) throw std::runtime_error("i18n: embedded catalog " + name + " is missing");
    json.emplace(l, std::string(*data));
  }
  return Catalog::from_json(json);
}

icu::Formattable to_formattable(const Arg& arg) {
  if (const auto* i = std::get_if<std::int64_t>(&arg)) return icu::Formattable(static_cast<int64_t>(*i));
  if (const auto* d = std::get_if<double>(&arg)) return icu::Formattable(*d);
  return icu::Formattable(from_utf8(std::get<std::string>(arg)));
}

std::unique_ptr<icu::DateFormat> create_date_format(Lang l, DateStyle style) {
  using F = icu::DateFormat;
  auto locale = icu_locale(l);
  std::unique_ptr<F> fmt;
  switch (style) {
    case DateStyle::short_date: fmt.reset(F::createDateInstance(F::kShort, locale)); break;
    case DateStyle::medium_date: fmt.reset(F::createDateInstance(F::kMedium, locale)); break;
    case DateStyle::long_date: fmt.reset(F::createDateInstance(F::kLong, locale)); break;
    case DateStyle::date_time: fmt.reset(F::createDateTimeInstance(F::kMedium, F::kShort, locale)); break;
    case DateStyle::time: fmt.reset(F::createTimeInstance(F::kShort, locale)); break;
  }
  if (!fmt) throw std::runtime_error("i18n: cannot create ICU date format");
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(kTimeZone));
  if (!zone || *zone == icu::TimeZone::getUnknown())
    throw std::runtime_error("i18n: ICU does not know the time zone Europe/Brussels");
  fmt->adoptTimeZone(zone.release());
  return fmt;
}

// ICU formatters are not safe for concurrent use: each thread keeps its own.
icu::DateFormat& date_format(Lang l, DateStyle style) {
  thread_local std::map<std::pair<Lang, DateStyle>, std::unique_ptr<icu::DateFormat>> cache;
  auto& slot = cache[{l, style}];
  if (!slot) slot = create_date_format(l, style);
  return *slot;
}

icu::NumberFormat& number_format(Lang l) {
  thread_local std::map<Lang, std::unique_ptr<icu::NumberFormat>> cache;
  auto& slot = cache[l];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::NumberFormat::createInstance(icu_locale(l), status));
    if (U_FAILURE(status) || !slot) {
      slot.reset();
      throw std::runtime_error(std::string("i18n: cannot create ICU number format: ") + u_errorName(status));
    }
  }
  return *slot;
}

}  // namespace

std::string_view code(Lang l) {
  switch (l) {
    case Lang::nl: return "nl";
    case Lang::fr: return "fr";
    case Lang::en: break;
  }
  return "en";
}

std::optional<Lang> parse_lang(std::string_view s) {
  s = text::trim(s);
  if (s.size() < 2 || !is_alpha(s[0]) || !is_alpha(s[1])) return std::nullopt;
  if (s.size() > 2 && ((s[2] != '-' && s[2] != '_') || !valid_subtags(s.substr(3)))) return std::nullopt;
  const char primary[] = {ascii_lower(s[0]), ascii_lower(s[1])};
  for (Lang l : kLangs)
    if (code(l) == std::string_view(primary, 2)) return l;
  return std::nullopt;
}

Lang negotiate(std::optional<std::string_view> query_lang, std::optional<std::string_view> saved,
               std::optional<std::string_view> accept_language) {
  if (query_lang)
    if (auto l = parse_lang(*query_lang)) return *l;
  if (saved)
    if (auto l = parse_lang(*saved)) return *l;
  if (accept_language)
    if (auto l = best_accepted(*accept_language)) return *l;
  return kDefaultLang;
}

const Catalog& Catalog::embedded() {
  static const Catalog catalog = load_embedded();
  return catalog;
}

Catalog Catalog::from_json(const std::map<Lang, std::string>& json_by_lang) {
  Catalog c;
  for (const auto& [lang, text] : json_by_lang) c.texts_[lang] = parse_catalog(lang, text);
  return c;
}

const std::string& Catalog::text(Lang l, std::string_view key) const {
  for (Lang candidate : {l, Lang::en}) {
    auto lang = texts_.find(candidate);
    if (lang == texts_.end()) continue;
    auto it = lang->second.find(key);
    if (it != lang->second.end()) return it->second;
  }
  return intern_missing(key);
}

bool Catalog::has(Lang l, std::string_view key) const {
  auto lang = texts_.find(l);
  return lang != texts_.end() && lang->second.find(key) != lang->second.end();
}

namespace {

// The parsed MessageFormat of a pattern in a language, kept per thread (ICU
// formatters are not safe to share): parsing each time was most of the cost
// of a results page's twenty "0–3 years" lines. nullptr for a bad pattern.
const icu::MessageFormat* message_format(Lang l, const std::string& pattern) {
  thread_local std::unordered_map<std::string, std::unique_ptr<icu::MessageFormat>> formats;
  std::string key = std::string(code(l)) + '\x1f' + pattern;
  auto it = formats.find(key);
  if (it == formats.end()) {
    if (formats.size() > 4096) formats.clear();  // patterns come from the catalogs: a bound, not a policy
    UErrorCode status = U_ZERO_ERROR;
    auto fmt = std::make_unique<icu::MessageFormat>(from_utf8(pattern), icu_locale(l), status);
    if (U_FAILURE(status)) fmt.reset();
    it = formats.emplace(std::move(key), std::move(fmt)).first;
  }
  return it->second.get();
}

}  // namespace

std::string Catalog::format(Lang l, std::string_view key, const std::map<std::string, Arg>& args) const {
  const std::string& pattern = text(l, key);
  UErrorCode status = U_ZERO_ERROR;
  const icu::MessageFormat* fmt = message_format(l, pattern);
  if (!fmt) return pattern;
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  names.reserve(args.size());
  values.reserve(args.size());
  for (const auto& [name, value] : args) {
    names.push_back(from_utf8(name));
    values.push_back(to_formattable(value));
  }
  icu::UnicodeString out;
  fmt->format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return pattern;
  return to_utf8(out);
}

std::vector<std::string> Catalog::keys(Lang l) const {
  std::vector<std::string> out;
  auto lang = texts_.find(l);
  if (lang == texts_.end()) return out;
  out.reserve(lang->second.size());
  for (const auto& entry : lang->second) out.push_back(entry.first);
  return out;
}

std::string format_time(Lang l, std::int64_t unix_seconds, DateStyle style) {
  icu::UnicodeString out;
  date_format(l, style).format(static_cast<UDate>(unix_seconds) * 1000.0, out);
  return to_utf8(out);
}

std::string format_number(Lang l, double value, int max_fraction_digits) {
  auto& fmt = number_format(l);
  fmt.setMaximumFractionDigits(std::clamp(max_fraction_digits, 0, 15));
  icu::UnicodeString out;
  fmt.format(value, out);
  return to_utf8(out);
}

std::string format_integer(Lang l, std::int64_t value) {
  icu::UnicodeString out;
  number_format(l).format(static_cast<int64_t>(value), out);
  return to_utf8(out);
}

}  // namespace samen::i18n
