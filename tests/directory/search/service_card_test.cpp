// Result cards (service_card.hpp) without a database: what a card keeps of
// a service document, that it survives its JSON form, and how a reader sees
// it (fallback texts marked, municipality names in the reader's language,
// open now from the stored hours). Unreadable cards are refused, not guessed.
#include "directory/search/service_card.hpp"

#include <gtest/gtest.h>

namespace samen::directory {
namespace {

using i18n::Lang;

detail::ServiceDocument sample_document() {
  detail::ServiceDocument d;
  d.id = "svc-1";
  d.own_name = {"Kinderopvang Zonnebloem", "Crèche Tournesol", ""};
  d.own_description = {std::string(400, 'a') + " einde", "", ""};
  d.organization_name = {"VZW Zon", "ASBL Soleil", "VZW Zon"};
  d.municipalities = {"21015", "21001"};
  d.min_age = 0;
  d.max_age = 3;
  d.costs = {CostFilter::income_related, CostFilter::free};
  d.hours.weekly.push_back({0, 7 * 60, 18 * 60, "", ""});  // Mondays 7:00-18:00
  return d;
}

TEST(ServiceCard, KeepsWhatAResultListShowsAndSurvivesItsJsonForm) {
  const ServiceCard card = card_of(sample_document());
  EXPECT_EQ(card.name[0], "Kinderopvang Zonnebloem");
  EXPECT_EQ(card.name[2], "");  // not translated: stays empty so the reader sees a fallback note
  EXPECT_LE(card.description[0].size(), kCardDescriptionChars + 3);
  EXPECT_TRUE(card.description[0].ends_with("\xE2\x80\xA6"));  // cut with an ellipsis
  EXPECT_EQ(card.costs, (std::vector<std::string>{"free", "income_related"}));

  auto back = decode_card(encode_card(card));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->name, card.name);
  EXPECT_EQ(back->description, card.description);
  EXPECT_EQ(back->organization, card.organization);
  EXPECT_EQ(back->municipalities, card.municipalities);
  EXPECT_EQ(back->minimum_age, 0);
  EXPECT_EQ(back->maximum_age, 3);
  EXPECT_EQ(back->costs, card.costs);
  EXPECT_EQ(back->hours, card.hours);
}

TEST(ServiceCard, AServiceWithoutAgesKeepsThemOpen) {
  auto d = sample_document();
  d.min_age.reset();
  d.max_age.reset();
  auto back = decode_card(encode_card(card_of(d)));
  ASSERT_TRUE(back);
  EXPECT_FALSE(back->minimum_age);
  EXPECT_FALSE(back->maximum_age);
}

TEST(ServiceCard, ReadersSeeTheirLanguageOrAMarkedFallback) {
  const ServiceCard card = card_of(sample_document());
  const std::int64_t t = 1795424400;  // Monday 2026-11-23 09:00 UTC = 10:00 in Brussels
  auto fr = summary_of("svc-1", card, Lang::fr, t);
  EXPECT_EQ(fr.name.text, "Crèche Tournesol");
  EXPECT_FALSE(fr.name.fallback);
  EXPECT_EQ(fr.organization, "ASBL Soleil");
  EXPECT_EQ(fr.municipalities, (std::vector<std::string>{"Anderlecht", "Schaerbeek"}));
  EXPECT_TRUE(fr.description.fallback);  // only in Dutch
  EXPECT_EQ(fr.description.lang, Lang::nl);
  EXPECT_TRUE(fr.has_hours);
  EXPECT_TRUE(fr.open_now);

  auto en = summary_of("svc-1", card, Lang::en, t + 10 * 3600);  // 20:00: closed
  EXPECT_TRUE(en.name.fallback);
  EXPECT_EQ(en.name.text, "Kinderopvang Zonnebloem");
  EXPECT_FALSE(en.open_now);
  EXPECT_EQ(summary_of("svc-1", card, Lang::nl, t).municipalities,
            (std::vector<std::string>{"Anderlecht", "Schaarbeek"}));
}

TEST(ServiceCard, RefusesTextThatIsNoCard) {
  EXPECT_FALSE(decode_card(""));
  EXPECT_FALSE(decode_card("w0,420,1080,,;"));  // the hours-only data of an older index
  EXPECT_FALSE(decode_card("{\"v\":2}"));
  EXPECT_FALSE(decode_card("[1,2,3]"));
  auto odd = decode_card("{\"v\":1,\"n\":[1,null,\"x\"],\"m\":\"21004\",\"a0\":\"3\"}");  // wrong types: ignored
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->name[2], "x");
  EXPECT_TRUE(odd->name[0].empty());
  EXPECT_TRUE(odd->municipalities.empty());
  EXPECT_FALSE(odd->minimum_age);
}

}  // namespace
}  // namespace samen::directory
