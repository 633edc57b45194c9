// Tests for samen::i18n: language negotiation, catalogs and fallback, ICU
// MessageFormat plurals, Brussels-time dates and locale-aware numbers, and the
// completeness of the embedded catalogs against each other and the templates.
#include "i18n/i18n.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <thread>

#include "web/embedded.hpp"

namespace samen::i18n {
namespace {

constexpr std::int64_t kSummer = 1782900000;  // 2026-07-01T10:00:00Z
constexpr std::int64_t kWinter = 1768471200;  // 2026-01-15T10:00:00Z
const std::string kNarrowNbsp = "\u202F";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// ---- parse_lang / negotiate -------------------------------------------------

TEST(I18nLang, CodeRoundTrips) {
  for (Lang l : kLangs) EXPECT_EQ(parse_lang(code(l)), l);
}

TEST(I18nLang, ParseLangAcceptsRegionsAndCase) {
  EXPECT_EQ(parse_lang("nl"), Lang::nl);
  EXPECT_EQ(parse_lang("fr-BE"), Lang::fr);
  EXPECT_EQ(parse_lang("EN"), Lang::en);
  EXPECT_EQ(parse_lang("en_GB"), Lang::en);
  EXPECT_EQ(parse_lang(" nl-be "), Lang::nl);
  EXPECT_EQ(parse_lang("fr-Latn-BE"), Lang::fr);
}

TEST(I18nLang, ParseLangRejectsOthers) {
  EXPECT_EQ(parse_lang(""), std::nullopt);
  EXPECT_EQ(parse_lang("de"), std::nullopt);
  EXPECT_EQ(parse_lang("n"), std::nullopt);
  EXPECT_EQ(parse_lang("nld"), std::nullopt);
  EXPECT_EQ(parse_lang("nl-"), std::nullopt);
  EXPECT_EQ(parse_lang("fr-BE-"), std::nullopt);
  EXPECT_EQ(parse_lang("en-<script>"), std::nullopt);
  EXPECT_EQ(parse_lang("*"), std::nullopt);
}

TEST(I18nNegotiate, QueryWinsOverSavedAndHeader) {
  EXPECT_EQ(negotiate("fr", "nl", "en"), Lang::fr);
  EXPECT_EQ(negotiate("EN-us", std::nullopt, std::nullopt), Lang::en);
}

TEST(I18nNegotiate, InvalidQueryFallsThroughToSaved) {
  EXPECT_EQ(negotiate("xx", "fr", "en"), Lang::fr);
  EXPECT_EQ(negotiate("", "en", std::nullopt), Lang::en);
}

TEST(I18nNegotiate, SavedWinsOverHeader) { EXPECT_EQ(negotiate(std::nullopt, "en", "fr"), Lang::en); }

TEST(I18nNegotiate, AcceptLanguageHonoursQValues) {
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "en-US,en;q=0.9,fr;q=0.8"), Lang::en);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "de-DE,fr-BE;q=0.7,nl;q=0.3"), Lang::fr);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "en;q=0.2, nl;q=0.9"), Lang::nl);
  EXPECT_EQ(negotiate(std::nullopt, "zz", "fr-BE"), Lang::fr);
}

TEST(I18nNegotiate, EqualQualityKeepsHeaderOrder) {
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "fr;q=0.5,en;q=0.5"), Lang::fr);
}

TEST(I18nNegotiate, WildcardAndZeroQualityIgnored) {
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "*"), kDefaultLang);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "*;q=1,en;q=0.1"), Lang::en);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "fr;q=0,en;q=0.1"), Lang::en);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "en;q=0.000"), kDefaultLang);
}

TEST(I18nNegotiate, MalformedPartsSkipped) {
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "fr;q=abc,en;q=0.5"), Lang::en);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "fr;q=2,en;q=0.5"), Lang::en);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, ",,;;,en;;q=0.4,"), Lang::en);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "fr;q,en"), Lang::en);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "fr;level=1;q=0.9"), Lang::fr);
}

TEST(I18nNegotiate, DefaultsToDutch) {
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, std::nullopt), Lang::nl);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, "de,es;q=0.8"), Lang::nl);
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, ""), Lang::nl);
}

TEST(I18nNegotiate, NeverThrowsOnGarbageBytes) {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b) all_bytes.push_back(static_cast<char>(b));
  const std::string samples[] = {
      all_bytes, std::string("\0fr\0", 4), "\xff\xfe\xfd;q=\x80", ";q=;q=;q=", "q=0.5", "fr;q=0.5e3",
      "\xc3\x28,en;q=1.0000", std::string(10000, ','), std::string(5000, ';') + "fr", "fr-\xe2\x82\xac"};
  for (const auto& s : samples) {
    EXPECT_NO_THROW({
      Lang l = negotiate(s, s, s);
      (void)l;
    });
  }
  EXPECT_EQ(negotiate(std::nullopt, std::nullopt, std::string("\xc3\x28,en;q=1.0000")), Lang::nl);
  EXPECT_EQ(negotiate(std::string("\xff\xfe"), std::nullopt, std::string("\x01,fr")), Lang::fr);
}

// ---- catalogs --------------------------------------------------------------

Catalog sample_catalog() {
  return Catalog::from_json({
      {Lang::nl, R"({"hi": "Hallo", "svc": "{count, plural, one {# dienst} other {# diensten}}"})"},
      {Lang::fr, R"({"hi": "Bonjour", "svc": "{count, plural, one {# service} other {# services}}"})"},
      {Lang::en, R"({"hi": "Hello", "only_en": "English only", "bad": "{count, plural, one {",
                    "svc": "{count, plural, one {# service} other {# services}}",
                    "who": "{name} has {n, number} items"})"},
  });
}

TEST(I18nCatalog, TextAndFallback) {
  auto c = sample_catalog();
  EXPECT_EQ(c.text(Lang::nl, "hi"), "Hallo");
  EXPECT_EQ(c.text(Lang::fr, "hi"), "Bonjour");
  EXPECT_EQ(c.text(Lang::nl, "only_en"), "English only");
  EXPECT_EQ(c.text(Lang::fr, "no.such.key"), "no.such.key");
  EXPECT_TRUE(c.has(Lang::en, "only_en"));
  EXPECT_FALSE(c.has(Lang::nl, "only_en"));
}

TEST(I18nCatalog, MissingKeyReferenceStaysValid) {
  auto c = sample_catalog();
  const std::string& a = c.text(Lang::nl, "missing.a");
  const std::string& b = c.text(Lang::nl, "missing.b");
  EXPECT_EQ(a, "missing.a");
  EXPECT_EQ(b, "missing.b");
  EXPECT_EQ(&a, &c.text(Lang::fr, "missing.a"));
}

TEST(I18nCatalog, KeysAreListed) {
  auto c = sample_catalog();
  EXPECT_EQ(c.keys(Lang::nl), (std::vector<std::string>{"hi", "svc"}));
}

TEST(I18nCatalog, InvalidJsonThrows) {
  EXPECT_THROW(Catalog::from_json({{Lang::nl, "{not json"}}), std::runtime_error);
  EXPECT_THROW(Catalog::from_json({{Lang::fr, R"({"a": 1})"}}), std::runtime_error);
  EXPECT_THROW(Catalog::from_json({{Lang::en, R"(["a"])"}}), std::runtime_error);
  try {
    Catalog::from_json({{Lang::fr, R"({"a.b": null})"}});
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_TRUE(contains(e.what(), "a.b")) << e.what();
    EXPECT_TRUE(contains(e.what(), "fr")) << e.what();
  }
}

TEST(I18nFormat, PluralInAllThreeLanguages) {
  auto c = sample_catalog();
  EXPECT_EQ(c.format(Lang::nl, "svc", {{"count", std::int64_t{1}}}), "1 dienst");
  EXPECT_EQ(c.format(Lang::nl, "svc", {{"count", std::int64_t{3}}}), "3 diensten");
  EXPECT_EQ(c.format(Lang::fr, "svc", {{"count", std::int64_t{1}}}), "1 service");
  EXPECT_EQ(c.format(Lang::fr, "svc", {{"count", std::int64_t{0}}}), "0 service");  // French: 0 is "one"
  EXPECT_EQ(c.format(Lang::fr, "svc", {{"count", std::int64_t{2}}}), "2 services");
  EXPECT_EQ(c.format(Lang::en, "svc", {{"count", std::int64_t{1}}}), "1 service");
  EXPECT_EQ(c.format(Lang::en, "svc", {{"count", std::int64_t{0}}}), "0 services");
}

TEST(I18nFormat, PluralUsesLocaleNumbers) {
  auto c = sample_catalog();
  EXPECT_EQ(c.format(Lang::nl, "svc", {{"count", std::int64_t{1234}}}), "1.234 diensten");
  EXPECT_EQ(c.format(Lang::en, "svc", {{"count", std::int64_t{1234}}}), "1,234 services");
}

TEST(I18nFormat, StringAndDoubleArguments) {
  auto c = sample_catalog();
  EXPECT_EQ(c.format(Lang::en, "who", {{"name", std::string("Aïcha")}, {"n", 2.5}}), "Aïcha has 2.5 items");
}

TEST(I18nFormat, BadPatternReturnsRawText) {
  auto c = sample_catalog();
  EXPECT_EQ(c.format(Lang::en, "bad", {{"count", std::int64_t{1}}}), "{count, plural, one {");
  EXPECT_EQ(c.format(Lang::nl, "absent.key", {}), "absent.key");
}

// ---- dates and numbers -----------------------------------------------------

TEST(I18nTime, SummerUsesCentralEuropeanSummerTime) {
  for (Lang l : kLangs) {
    EXPECT_EQ(format_time(l, kSummer, DateStyle::time), "12:00") << code(l);
    EXPECT_TRUE(contains(format_time(l, kSummer, DateStyle::date_time), "12:00")) << code(l);
  }
}

TEST(I18nTime, WinterUsesCentralEuropeanTime) {
  for (Lang l : kLangs) {
    EXPECT_EQ(format_time(l, kWinter, DateStyle::time), "11:00") << code(l);
    EXPECT_TRUE(contains(format_time(l, kWinter, DateStyle::date_time), "11:00")) << code(l);
  }
}

TEST(I18nTime, DstSwitchInMarch) {
  EXPECT_EQ(format_time(Lang::en, 1774745999, DateStyle::time), "01:59");  // 00:59:59Z, CET
  EXPECT_EQ(format_time(Lang::en, 1774746000, DateStyle::time), "03:00");  // 01:00:00Z, CEST
}

TEST(I18nTime, LongDateIsLocalised) {
  EXPECT_EQ(format_time(Lang::nl, kSummer, DateStyle::long_date), "1 juli 2026");
  EXPECT_EQ(format_time(Lang::fr, kSummer, DateStyle::long_date), "1 juillet 2026");
  EXPECT_EQ(format_time(Lang::en, kSummer, DateStyle::long_date), "1 July 2026");
}

TEST(I18nTime, ShortAndMediumDates) {
  EXPECT_EQ(format_time(Lang::en, kWinter, DateStyle::short_date), "15/01/2026");
  for (Lang l : kLangs) {
    EXPECT_TRUE(contains(format_time(l, kWinter, DateStyle::short_date), "15")) << code(l);
    EXPECT_TRUE(contains(format_time(l, kWinter, DateStyle::medium_date), "2026")) << code(l);
  }
}

TEST(I18nTime, LocalDateAcrossMidnight) {
  // 2026-06-30T22:30:00Z is already 1 July in Brussels.
  EXPECT_EQ(format_time(Lang::en, 1782858600, DateStyle::long_date), "1 July 2026");
}

TEST(I18nTime, FormattersAreUsableFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &ok] {
      for (int i = 0; i < 200; ++i)
        ok[t] += format_time(kLangs[i % 3], kSummer, DateStyle::time) == "12:00" &&
                 format_integer(kLangs[i % 3], 7) == "7";
    });
  for (auto& th : threads) th.join();
  for (int v : ok) EXPECT_EQ(v, 200);
}

TEST(I18nNumber, GroupingAndDecimalsPerLocale) {
  EXPECT_EQ(format_number(Lang::nl, 1234.5), "1.234,5");
  EXPECT_EQ(format_number(Lang::fr, 1234.5), "1" + kNarrowNbsp + "234,5");
  EXPECT_EQ(format_number(Lang::en, 1234.5), "1,234.5");
}

TEST(I18nNumber, FractionDigitsAreLimited) {
  EXPECT_EQ(format_number(Lang::en, 3.14159), "3.14");
  EXPECT_EQ(format_number(Lang::en, 3.14159, 0), "3");
  EXPECT_EQ(format_number(Lang::nl, 3.14159, 4), "3,1416");
  EXPECT_EQ(format_number(Lang::en, 2.0, 2), "2");
}

TEST(I18nNumber, Integers) {
  EXPECT_EQ(format_integer(Lang::nl, 1234567), "1.234.567");
  EXPECT_EQ(format_integer(Lang::fr, 1234567), "1" + kNarrowNbsp + "234" + kNarrowNbsp + "567");
  EXPECT_EQ(format_integer(Lang::en, -1234567), "-1,234,567");
  EXPECT_EQ(format_integer(Lang::en, 0), "0");
}

// ---- embedded catalogs -----------------------------------------------------

TEST(I18nEmbeddedCatalog, LoadsAllThreeLanguages) {
  const auto& c = Catalog::embedded();
  for (Lang l : kLangs) {
    EXPECT_EQ(c.text(l, "app.name"), "Samen") << code(l);
    EXPECT_TRUE(c.has(l, "nav.home")) << code(l);
  }
  EXPECT_EQ(&Catalog::embedded(), &c);
  EXPECT_EQ(c.text(Lang::en, "nav.skip"), "Skip to content");
}

TEST(I18nEmbeddedCatalog, EveryKeyInEveryLanguageAndNoneEmpty) {
  const auto& c = Catalog::embedded();
  std::set<std::string> all_keys;
  for (Lang l : kLangs)
    for (auto& k : c.keys(l)) all_keys.insert(k);
  ASSERT_FALSE(all_keys.empty());
  for (Lang l : kLangs) {
    std::set<std::string> missing, empty;
    for (const auto& k : all_keys) {
      if (!c.has(l, k))
        missing.insert(k);
      else if (c.text(l, k).empty())
        empty.insert(k);
    }
    EXPECT_TRUE(missing.empty()) << "catalogs/" << code(l) << ".json lacks: " << joined(missing);
    EXPECT_TRUE(empty.empty()) << "catalogs/" << code(l) << ".json has empty values for: " << joined(empty);
  }
}

TEST(I18nEmbeddedCatalog, EveryTemplateMarkerIsTranslated) {
  const auto& c = Catalog::embedded();
  const std::regex marker(R"(\[\[([a-z0-9_.]+)\]\])");
  for (const auto& file : embedded::all()) {
    if (!file.name.starts_with("templates/") || !file.name.ends_with(".tpl")) continue;
    std::set<std::string> used;
    std::string text(file.data);
    for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it)
      used.insert((*it)[1].str());
    for (Lang l : kLangs) {
      std::set<std::string> missing;
      for (const auto& k : used)
        if (!c.has(l, k)) missing.insert(k);
      EXPECT_TRUE(missing.empty()) << file.name << " uses keys missing from catalogs/" << code(l)
                                   << ".json: " << joined(missing);
    }
  }
}

}  // namespace
}  // namespace samen::i18n
