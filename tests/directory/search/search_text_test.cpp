// The pure parts of search, without a database: folding, word splitting,
// stemming, spelling distance, cost normalisation, opening-hours text form,
// Brussels postcodes, the family taxonomy tables and query plans (synonyms,
// caps and hostile input).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/brussels.hpp"
#include "directory/model/taxonomy.hpp"
#include "directory/search/search_analysis.hpp"
#include "directory/search/search_document.hpp"
#include "util/text_fold.hpp"

namespace samen::directory {
namespace {

using i18n::Lang;

TEST(SearchText, FoldsCaseAccentsAndLigatures) {
  EXPECT_EQ(text::fold("Crèche"), "creche");
  EXPECT_EQ(text::fold("ÉCOLE DE DEVOIRS"), "ecole de devoirs");
  EXPECT_EQ(text::fold("Sœur, Straße, Ærø"), "soeur, strasse, aero");
  EXPECT_EQ(text::fold("Kinderopvang"), "kinderopvang");
  EXPECT_EQ(text::fold("ﬁche ²"), "fiche 2");  // compatibility forms
}

// Mixed texts (fold sends only their words with non-ASCII letters through
// ICU): the same as folding the whole text at once, also where a letter's
// folding depends on its neighbours or a mark follows a space.
TEST(SearchText, FoldsMixedTextsAsAWhole) {
  EXPECT_EQ(text::fold("Accueil de la Petite Enfance à Uccle, Crèche « Les Étoiles » (0-3 ans)."),
            "accueil de la petite enfance a uccle, creche « les etoiles » (0-3 ans).");
  EXPECT_EQ(text::fold("ΟΔΟΣ ΟΔΟΣ. ΣΑ Σ"), "οδος οδος. σα σ");  // final sigma decided within a word
  EXPECT_EQ(text::fold("café \u0301x e\u0301 Ǆ ǅ"), "cafe x e dz dz");
  EXPECT_EQ(text::fold("  Straße  ABC  ﬁn  "), "  strasse  abc  fin  ");
  EXPECT_EQ(text::fold("ΑΣ x ΑΣ y Σ"), "ας x ας y σ");
  EXPECT_EQ(text::fold("x \u0301y Z"), "x y z");
  EXPECT_EQ(text::fold("Œ"), "oe");
  EXPECT_EQ(text::fold("ÀÉÎ"), "aei");
  EXPECT_EQ(text::fold("tab\tÉté"), "tab\tete");
}

TEST(SearchText, CleansInvalidUtf8AndCapsLength) {
  EXPECT_EQ(text::clean_utf8("ab\xff\xfe" "cd"), "abcd");
  EXPECT_EQ(text::clean_utf8("a\xC3"), "a");            // truncated sequence
  EXPECT_EQ(text::clean_utf8("a\xED\xA0\x80z"), "az");  // encoded surrogate
  EXPECT_EQ(text::clean_utf8(std::string("a\0b\tc", 5)), "ab c");
  EXPECT_EQ(text::clean_utf8("crèche crèche", 6), "crèche");
  EXPECT_EQ(text::clean_utf8(std::string(10000, 'x'), 200).size(), 200u);
}

TEST(SearchText, SplitsWordsOnPunctuationApostrophesAndHyphens) {
  EXPECT_EQ(text::split_words(text::fold("L'école de devoirs, Saint-Gilles! (0-3)")),
            (std::vector<std::string>{"l", "ecole", "de", "devoirs", "saint", "gilles", "0", "3"}));
  EXPECT_TRUE(text::split_words("!!! ... ???").empty());
  EXPECT_TRUE(text::split_words(std::string(100, 'a')).empty());  // not a word anyone types
}

TEST(SearchText, StemsPluralsToTheSingularPerLanguage) {
  EXPECT_EQ(text::stem(Lang::nl, "activiteiten"), text::stem(Lang::nl, "activiteit"));
  EXPECT_EQ(text::stem(Lang::nl, "boeken"), text::stem(Lang::nl, "boek"));
  EXPECT_EQ(text::stem(Lang::nl, "ouders"), text::stem(Lang::nl, "ouder"));
  EXPECT_EQ(text::stem(Lang::fr, "creches"), text::stem(Lang::fr, "creche"));
  EXPECT_EQ(text::stem(Lang::fr, "familles"), text::stem(Lang::fr, "famille"));
  EXPECT_EQ(text::stem(Lang::en, "families"), text::stem(Lang::en, "family"));
  EXPECT_EQ(text::stem(Lang::en, "parents"), text::stem(Lang::en, "parent"));
}

TEST(SearchText, StopwordsAndSingleLetters) {
  EXPECT_TRUE(text::is_stopword("de"));
  EXPECT_TRUE(text::is_stopword("les"));
  EXPECT_TRUE(text::is_stopword("the"));
  EXPECT_TRUE(text::is_stopword("l"));
  EXPECT_FALSE(text::is_stopword("3"));
  EXPECT_FALSE(text::is_stopword("creche"));
}

TEST(SearchText, EditDistanceCountsTranspositionsOnce) {
  EXPECT_EQ(text::edit_distance("kinderopvnag", "kinderopvang"), 1u);
  EXPECT_EQ(text::edit_distance("creche", "crèche"), 1u);  // code points, not bytes
  EXPECT_EQ(text::edit_distance("", "abc"), 3u);
  EXPECT_EQ(text::edit_distance("same", "same"), 0u);
}

TEST(SearchText, ClassifiesHsdsCostOptions) {
  using detail::classify_cost;
  EXPECT_EQ(classify_cost("free", std::nullopt), CostFilter::free);
  EXPECT_EQ(classify_cost("Gratuit", std::nullopt), CostFilter::free);
  EXPECT_EQ(classify_cost("gratis voor iedereen", std::nullopt), CostFilter::free);
  EXPECT_EQ(classify_cost("Bijdrage", 0.0), CostFilter::free);
  EXPECT_EQ(classify_cost("income_related", std::nullopt), CostFilter::income_related);
  EXPECT_EQ(classify_cost("Prijs volgens inkomen", 12.0), CostFilter::income_related);
  EXPECT_EQ(classify_cost("selon les revenus", std::nullopt), CostFilter::income_related);
  EXPECT_EQ(classify_cost("paid", 5.0), CostFilter::paid);
  EXPECT_EQ(classify_cost("", std::nullopt), CostFilter::paid);
}

TEST(SearchText, OpeningHoursSurviveTheirTextForm) {
  OpeningHours h;
  h.weekly.push_back({2, 14 * 60, 17 * 60, "2024-01-01", ""});
  h.weekly.push_back({4, 22 * 60, 2 * 60, "", "2024-12-31"});
  h.exceptions.push_back({"2024-07-01", "2024-07-31", true, 0, 0, "zomer; sluiting, juli"});
  h.exceptions.push_back({"2024-12-24", "2024-12-24", false, 9 * 60, 12 * 60, ""});
  const OpeningHours back = detail::decode_hours(detail::encode_hours(h));
  ASSERT_EQ(back.weekly.size(), 2u);
  EXPECT_EQ(back.weekly[1].weekday, 4);
  EXPECT_EQ(back.weekly[1].opens_minute, 22 * 60);
  EXPECT_EQ(back.weekly[1].closes_minute, 120);
  EXPECT_EQ(back.weekly[0].valid_from, "2024-01-01");
  EXPECT_EQ(back.weekly[1].valid_to, "2024-12-31");
  ASSERT_EQ(back.exceptions.size(), 2u);
  EXPECT_TRUE(back.exceptions[0].closed);
  EXPECT_EQ(back.exceptions[0].ends_on, "2024-07-31");
  EXPECT_FALSE(back.exceptions[1].closed);
  EXPECT_EQ(back.exceptions[1].closes_minute, 12 * 60);
  EXPECT_TRUE(detail::decode_hours("garbage;;w1,2;x").empty());
}

TEST(SearchText, BrusselsPostcodesMapToNisCodes) {
  const auto& all = core::brussels_municipalities();
  ASSERT_EQ(all.size(), 19u);
  std::set<std::string> codes, postcodes;
  for (const auto& m : all) {
    codes.insert(m.nis_code);
    for (const auto& p : m.postcodes) EXPECT_TRUE(postcodes.insert(p).second) << p;
    EXPECT_GT(m.latitude, 50.76);
    EXPECT_LT(m.longitude, 4.48);
  }
  EXPECT_EQ(codes.size(), 19u);
  EXPECT_EQ(core::municipality_for_postcode("1000")->nis_code, "21004");
  EXPECT_EQ(core::municipality_for_postcode("1120")->nis_code, "21004");
  EXPECT_EQ(core::municipality_for_postcode(" B-1060 ")->name_fr, "Saint-Gilles");
  EXPECT_EQ(core::municipality_for_postcode("1070")->name(Lang::nl), "Anderlecht");
  EXPECT_EQ(core::municipality_for_postcode("1190")->name(Lang::nl), "Vorst");
  EXPECT_EQ(core::municipality_for_postcode("1190")->name(Lang::fr), "Forest");
  EXPECT_EQ(core::municipality_for_postcode("2000"), nullptr);
  EXPECT_EQ(core::municipality_for_postcode("10000"), nullptr);
  EXPECT_EQ(core::municipality_for_postcode(""), nullptr);
  EXPECT_EQ(core::municipality_by_nis("21019")->name_fr, "Woluwe-Saint-Pierre");
}

TEST(SearchText, FamilyTaxonomyHasStableIdsAndThreeLanguages) {
  std::set<std::string> ids, codes;
  for (const auto& t : family_terms()) {
    EXPECT_TRUE(ids.insert(t.id).second) << t.id;
    EXPECT_TRUE(codes.insert(t.code).second) << t.code;
    EXPECT_EQ(t.id.size(), 36u);
    EXPECT_FALSE(t.nl.empty() || t.fr.empty() || t.en.empty()) << t.code;
    EXPECT_FALSE(t.description_nl.empty() || t.description_fr.empty() || t.description_en.empty()) << t.code;
    if (!t.parent_code.empty()) {
      EXPECT_TRUE(family_term_id(t.parent_code).has_value()) << t.code;
    }
  }
  for (std::string_view code : {"prenatal", "childcare", "preschool", "out-of-school", "parenting", "child-health",
                                "social-financial", "language-integration", "meeting-place", "play", "homework",
                                "family-support", "toy-library"})
    EXPECT_TRUE(family_term_id(code).has_value()) << code;
  EXPECT_EQ(family_term_id("childcare"), "ca1ede42-ee22-4d04-aedd-3dea82fa5f30");
  EXPECT_FALSE(family_term_id("nope").has_value());
}

detail::SynonymDictionary sample_synonyms() {
  return detail::SynonymDictionary::from_rows({{"childcare", "nl", "kinderopvang"},
                                               {"childcare", "fr", "crèche"},
                                               {"childcare", "fr", "milieu d'accueil"},
                                               {"childcare", "en", "childcare"},
                                               {"health", "nl", "Kind en Gezin"},
                                               {"health", "fr", "ONE"}});
}

TEST(SearchText, QueryPlanExpandsSynonymsAcrossLanguages) {
  auto plan = detail::plan_query("Crèches", Lang::fr, sample_synonyms());
  ASSERT_EQ(plan.units.size(), 1u);  // "crèches" matches the member "crèche" by its stem
  const auto& alts = plan.units[0].alternatives;
  ASSERT_EQ(alts.size(), 5u);  // as typed, then kinderopvang, crèche, milieu d'accueil, childcare
  EXPECT_EQ(alts[0].words[0].word, "creches");
  EXPECT_FALSE(alts[0].synonym);
  std::set<std::string> highlight(plan.highlight.begin(), plan.highlight.end());
  for (std::string w : {"creches", "kinderopvang", "milieu", "accueil", "childcare"})
    EXPECT_TRUE(highlight.contains(w)) << w;
  EXPECT_TRUE(plan.checkable.empty());  // a synonym is never a typo

  // Multi-word members match as a phrase of the query, longest first.
  plan = detail::plan_query("kind en gezin anderlecht", Lang::nl, sample_synonyms());
  ASSERT_EQ(plan.units.size(), 2u);
  EXPECT_EQ(plan.units[0].alternatives.size(), 2u);
  EXPECT_EQ(plan.units[0].alternatives[0].words.size(), 2u);  // "en" is a stopword
  EXPECT_EQ(plan.units[1].alternatives[0].words[0].word, "anderlecht");
  ASSERT_EQ(plan.checkable.size(), 1u);
  EXPECT_EQ(plan.tokens[plan.checkable[0].token], "anderlecht");
}

// Xapian indexes a synonym group as one concept term of the services whose
// text holds all the required words of one member (each as the word or its
// stem in the member's language), as a query's alternative for that member
// would match them; and the plan names the groups of each unit.
TEST(SearchText, SynonymGroupsOfAServiceTextAsAQueryWouldMatchThem) {
  const auto synonyms = sample_synonyms();
  auto wdf = [](detail::Field f) { return f == detail::Field::name ? 8u : 1u; };
  auto groups = [&](std::vector<detail::IndexTerm> terms) {
    std::map<std::string, std::pair<unsigned, unsigned>> out;
    for (const auto& g : synonyms.groups_in(terms, +wdf)) out[g.group] = {g.wdf, g.name_wdf};
    return out;
  };
  using detail::Field;
  using Weights = std::map<std::string, std::pair<unsigned, unsigned>>;
  // The French stem of "crèches" ("Zcrech") fills the member "crèche", in the
  // name and the body; the word "creches" itself is no member's.
  EXPECT_EQ(groups({{"Zcrech", Field::name}, {"creches", Field::name}, {"Zcrech", Field::body}}),
            (Weights{{"childcare", {9u, 8u}}}));
  EXPECT_EQ(groups({{"Zcrech", Field::name}, {"creche", Field::name}}), (Weights{{"childcare", {16u, 16u}}}));
  // "milieu d'accueil": both words are needed ("d" is a stopword); one of them is not enough.
  EXPECT_EQ(groups({{"milieu", Field::body}}), Weights{});
  EXPECT_EQ(groups({{"milieu", Field::body}, {"accueil", Field::body}}), (Weights{{"childcare", {1u, 0u}}}));
  // "Kind en Gezin" without "en" (a stopword); "ONE" alone, a word the member has only.
  EXPECT_EQ(groups({{"kind", Field::body}, {"gezin", Field::name}}), (Weights{{"health", {1u, 0u}}}));
  EXPECT_EQ(groups({{"one", Field::name}}), (Weights{{"health", {8u, 8u}}}));
  // The best member weighs for the group.
  EXPECT_EQ(groups({{"one", Field::body}, {"childcare", Field::name}, {"kinderopvang", Field::body}}),
            (Weights{{"childcare", {8u, 8u}}, {"health", {1u, 0u}}}));
  EXPECT_EQ(groups({{"opvang", Field::name}}), Weights{});
  EXPECT_TRUE(detail::SynonymDictionary().groups_in({{"kinderopvang", Field::name}}, +wdf).empty());

  // The plan's units name their groups.
  auto plan = detail::plan_query("crèche anderlecht", Lang::fr, synonyms);
  ASSERT_EQ(plan.units.size(), 2u);
  EXPECT_EQ(plan.units[0].groups, std::vector<std::string>{"childcare"});
  EXPECT_TRUE(plan.units[1].groups.empty());
  // The fingerprint names the dictionary's rows.
  EXPECT_EQ(synonyms.fingerprint(), sample_synonyms().fingerprint());
  EXPECT_NE(synonyms.fingerprint(), detail::SynonymDictionary::from_rows({{"childcare", "nl", "kinderopvang"}}).fingerprint());
}

TEST(SearchText, QueryPlanTermsIncludeStemsOfEveryLanguage) {
  auto plan = detail::plan_query("activiteiten", Lang::nl, detail::SynonymDictionary());
  ASSERT_EQ(plan.units.size(), 1u);
  const auto& terms = plan.units[0].alternatives[0].words[0].terms;
  EXPECT_EQ(terms[0], "activiteiten");
  EXPECT_EQ(terms[1], "Z" + text::stem(Lang::nl, "activiteiten"));  // the UI language's stem first
  EXPECT_EQ(detail::corrected_query(plan, {{0, "activiteit"}}), "activiteit");
  EXPECT_EQ(detail::corrected_query(plan, {}), "");
}

TEST(SearchText, QueryPlanSurvivesHostileInput) {
  const auto syn = sample_synonyms();
  std::string huge;
  for (int i = 0; i < 2000; ++i) huge += "woord" + std::to_string(i) + " ";
  for (const std::string& q : {std::string("\xff\xfe\xfd"), std::string(10240, '('), std::string("\"a\" AND OR ("),
                               std::string("'; DROP TABLE services; --"), std::string("*:* NEAR/3 ~ ^ \\"),
                               std::string("\0\0\0", 3), huge, std::string("")}) {
    auto plan = detail::plan_query(q, Lang::en, syn);
    EXPECT_LE(plan.units.size(), detail::kMaxQueryWords);
  }
  EXPECT_TRUE(detail::plan_query("?!.,;:()[]{}", Lang::nl, syn).browse());
  EXPECT_TRUE(detail::plan_query("de het een", Lang::nl, syn).browse());
  EXPECT_EQ(detail::plan_query(huge, Lang::nl, syn).units.size(), detail::kMaxQueryWords);
}

TEST(SearchText, FilterClausesAndSuggestionTails) {
  SearchFilters f;
  f.municipalities = {"21001", "21004"};
  f.languages = {"FR"};
  f.cost = CostFilter::income_related;
  f.open_weekday = 9;  // out of range: matches nothing rather than everything
  const auto clauses = detail::filter_clauses(f);
  ASSERT_EQ(clauses.size(), 4u);
  EXPECT_EQ(clauses[0], (std::vector<std::string>{"XMUN21001", "XMUN21004"}));
  EXPECT_EQ(clauses[1], (std::vector<std::string>{"XLANGfr"}));
  EXPECT_EQ(clauses[2], (std::vector<std::string>{"XCOSTincome_related"}));
  EXPECT_EQ(clauses[3], (std::vector<std::string>{"XDAYnone"}));
  EXPECT_EQ(detail::label_key("Huis van het Kind!"), "huis van het kind");
  EXPECT_EQ(detail::word_start_tails("huis van het kind"),
            (std::vector<std::string>{"huis van het kind", "van het kind", "het kind", "kind"}));
}

TEST(SearchText, DutchCompoundsSplitIntoKnownWords) {
  const std::set<std::string> lexicon = {"opvoeding", "ondersteuning", "ouders", "huis", "werk", "klas", "de"};
  int lookups = 0;
  detail::KnownWords known = [&](const std::vector<std::string>& candidates) {
    ++lookups;
    std::set<std::string> out;
    for (const auto& c : candidates)
      if (lexicon.contains(c)) out.insert(c);
    return out;
  };
  EXPECT_EQ(detail::decompound("opvoedingsondersteuning", known),
            (std::vector<std::string>{"opvoeding", "ondersteuning"}))
      << "joined by a linking s";
  EXPECT_EQ(lookups, 1) << "one lookup per word";
  EXPECT_EQ(detail::decompound("ouderondersteuning", known), (std::vector<std::string>{"ouder", "ondersteuning"}))
      << "a part the index holds only in the plural";
  EXPECT_EQ(detail::decompound("huiswerkklas", known), (std::vector<std::string>{"huis", "werk", "klas"}));
  EXPECT_TRUE(detail::decompound("kinderopvang", known).empty()) << "unknown parts";
  EXPECT_TRUE(detail::decompound("huiswerk", {}).empty()) << "no lexicon";
  EXPECT_TRUE(detail::decompound("dehuis", known).empty()) << "too short, and stopwords are no parts";
  EXPECT_TRUE(detail::decompound("opvoeding", known).empty()) << "a known word alone is no compound";

  auto plan = detail::plan_query("opvoedingsondersteuning gratis", Lang::nl, detail::SynonymDictionary());
  detail::add_compound_parts(plan, known);
  ASSERT_EQ(plan.units.size(), 2u);
  ASSERT_EQ(plan.units[0].alternatives.size(), 2u) << "the word itself, or its parts together";
  EXPECT_TRUE(plan.units[0].alternatives[1].synonym);
  ASSERT_EQ(plan.units[0].alternatives[1].words.size(), 2u);
  EXPECT_EQ(plan.units[0].alternatives[1].words[1].word, "ondersteuning");
  EXPECT_EQ(plan.units[1].alternatives.size(), 1u);
  EXPECT_NE(std::find(plan.highlight.begin(), plan.highlight.end(), "opvoeding"), plan.highlight.end());
  const auto before = plan.units[0].alternatives.size();
  detail::add_compound_parts(plan, known);
  EXPECT_EQ(plan.units[0].alternatives.size(), before) << "once per plan";
}

// A service's terms, in text order with repeats, each text with its own
// language's stemmer: the same whether its texts were analysed before (each
// thread keeps the analysis of recent texts) or not, and a text shared by
// two languages is stemmed in each.
TEST(SearchText, DocumentTermsDoNotDependOnTextsAnalysedBefore) {
  auto terms_of = [](const detail::DocumentTerms& t) {
    std::vector<std::string> out;
    for (const auto& [term, field] : t.text_terms) out.push_back(term + "/" + std::to_string(static_cast<int>(field)));
    out.insert(out.end(), t.words.begin(), t.words.end());
    return out;
  };
  detail::ServiceDocument d;
  d.id = "s1";
  d.texts[0].name = "Kinderen en ouders";
  d.texts[0].description = "Spelen met kinderen, kinderen spelen.";
  d.texts[1].name = "Kinderen en ouders";  // the same words under the French stemmer
  d.texts[1].description = "Les enfants jouent.";
  d.municipalities = {"21004"};
  const auto first = terms_of(detail::document_terms(d));
  const std::vector<std::string> expected_start{"Zkinder/0", "kinderen/0", "Zouder/0", "ouders/0"};
  ASSERT_GE(first.size(), expected_start.size());
  EXPECT_EQ(std::vector<std::string>(first.begin(), first.begin() + 4), expected_start);
  // "Kinderen en ouders" in French: indexed once (the Dutch text already is), so
  // the description's French stems follow; each text's words and stems appear.
  EXPECT_NE(std::find(first.begin(), first.end(), "Zenfant/2"), first.end());
  EXPECT_EQ(std::count(first.begin(), first.end(), "kinderen/2"), 2);
  // Other texts in between, then again (now from the analyses this thread keeps).
  for (int i = 0; i < 100; ++i) {
    detail::ServiceDocument other;
    other.texts[0].name = "Dienst " + std::to_string(i);
    detail::document_terms(other);
  }
  EXPECT_EQ(terms_of(detail::document_terms(d)), first);
  d.texts[0].description = "Spelen met ouders.";
  const auto changed = terms_of(detail::document_terms(d));
  EXPECT_EQ(std::count(changed.begin(), changed.end(), "kinderen/2"), 0);
}

}  // namespace
}  // namespace samen::directory
