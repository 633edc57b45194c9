// The public service finder in-process on both databases: the search page
// and its filters, safe highlighting, language fallback with its note, the
// service page (today's hours, contacts, map link), 404s, suggestions, map
// points, hostile or out-of-range parameters (never a 500), the page weight
// budget and every page of the demo directory in three languages. Also the
// pure helpers: query parsing, highlighting, excerpts, fallback order.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "directory/module.hpp"
#include "app/app.hpp"
#include "directory/demo/demo_directory.hpp"
#include "directory/finder/finder_params.hpp"
#include "web/highlight.hpp"
#include "directory/finder/service_view.hpp"
#include "directory/model/schedule.hpp"
#include "directory/model/taxonomy.hpp"
#include "directory/search/search.hpp"
#include "directory/search/search_engines.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "util/dates.hpp"
#include "web/embedded.hpp"
#include "web/render.hpp"

namespace samen::directory {
namespace {

using store::Param;
using web::excerpt;
using web::highlight_html;
using testing::AppClient;

constexpr std::int64_t kT = 1700000000;
constexpr const char* kOrg = "00000000-0000-4000-8000-0000000000a1";
constexpr const char* kOpvang = "10000000-0000-4000-8000-000000000001";    // nl+fr, open day and night
constexpr const char* kHuiswerk = "10000000-0000-4000-8000-000000000002";  // only Dutch texts
constexpr const char* kScript = "10000000-0000-4000-8000-000000000003";    // a hostile name
constexpr const char* kArchived = "10000000-0000-4000-8000-000000000004";
constexpr const char* kClosing = "10000000-0000-4000-8000-000000000005";   // temporarily closed, English only

std::size_t count_of(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
  return n;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

class FinderTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    seed_family_taxonomy(db());
    exec("INSERT INTO organizations (id, name, description, website, email, created_at, updated_at) VALUES "
         "(?, 'Huis van het Kind Zuid', 'Een netwerk voor gezinnen.', 'https://hvhk.example.org', "
         "'info@hvhk.example.org', ?, ?)",
         {std::string(kOrg), kT, kT});
    add_network();
    app_ = testing::make_test_app(test_db(), 4);
    directory::search(*app_).rebuild();
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }

  void exec(const std::string& sql, const store::Params& p = {}) { db().acquire()->exec(sql, p); }

  void add_service(const std::string& id, const std::string& name, const std::string& description,
                   std::optional<double> min_age, std::optional<double> max_age, const std::string& status = "active",
                   bool archived = false) {
    exec("INSERT INTO services (id, organization_id, name, description, status, minimum_age, maximum_age, email, "
         "application_process, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {id, std::string(kOrg), name, description, status, min_age ? Param(*min_age) : Param(nullptr),
          max_age ? Param(*max_age) : Param(nullptr), std::string("contact@dienst.example.org"),
          std::string("Bel ons of kom langs."), kT, kT, archived ? Param(kT) : Param(nullptr)});
  }
  void translate(const std::string& id, const std::string& field, const std::string& lang, const std::string& v) {
    exec("INSERT INTO translations (resource_type, resource_id, field, lang, value) VALUES ('service', ?, ?, ?, ?)",
         {id, field, lang, v});
  }
  void add_location(const std::string& service, const std::string& postcode, double lat, double lon) {
    const std::string suffix = service.substr(9);
    exec("INSERT INTO locations (id, organization_id, name, latitude, longitude, created_at, updated_at) "
         "VALUES (?, ?, 'Hoofdzetel', ?, ?, ?, ?)",
         {"20000000-" + suffix, std::string(kOrg), lat, lon, kT, kT});
    exec("INSERT INTO addresses (id, location_id, address_1, city, state_province, postal_code, country, "
         "address_type) VALUES (?, ?, 'Zonnestraat 12', 'Brussel', 'Brussel', ?, 'BE', 'physical')",
         {"30000000-" + suffix, "20000000-" + suffix, postcode});
    exec("INSERT INTO service_at_location (id, service_id, location_id) VALUES (?, ?, ?)",
         {"40000000-" + suffix, service, "20000000-" + suffix});
  }
  void add_language(const std::string& service, const std::string& code) {
    exec("INSERT INTO languages (id, service_id, code) VALUES (?, ?, ?)", {service + "-" + code, service, code});
  }
  void add_category(const std::string& service, const std::string& code) {
    exec("INSERT INTO attributes (id, link_id, taxonomy_term_id, link_entity) VALUES (?, ?, ?, 'service')",
         {service + "-" + code, service, family_term_id(code).value()});
  }
  void add_cost(const std::string& service, const std::string& option, std::optional<double> amount) {
    exec("INSERT INTO cost_options (id, service_id, option, amount) VALUES (?, ?, ?, ?)",
         {service + "-cost", service, option, amount ? Param(*amount) : Param(nullptr)});
  }

  void add_network() {
    add_service(kOpvang, "Kinderopvang Zonnestraal", "Opvang voor baby's en peuters van elk gezin.", 0, 3);
    translate(kOpvang, "name", "fr", "Crèche Rayon de Soleil");
    translate(kOpvang, "description", "fr", "Accueil des bébés et des bambins.");
    add_location(kOpvang, "1070", 50.836, 4.308);
    add_language(kOpvang, "nl");
    add_language(kOpvang, "fr");
    add_category(kOpvang, "childcare");
    add_cost(kOpvang, "free", std::nullopt);
    exec("INSERT INTO schedules (id, service_id, freq, byday, opens_at, closes_at) VALUES "
         "('sch-1', ?, 'WEEKLY', 'MO,TU,WE,TH,FR,SA,SU', '00:00', '24:00')", {std::string(kOpvang)});
    exec("INSERT INTO schedule_exceptions (id, service_id, starts_on, ends_on, closed, description) VALUES "
         "('exc-1', ?, '2099-12-25', '2099-12-26', 1, 'Kerstverlof')", {std::string(kOpvang)});
    exec("INSERT INTO phones (id, service_id, number, type) VALUES ('ph-1', ?, '+32 (0)2 123 45 67', 'voice')",
         {std::string(kOpvang)});
    exec("INSERT INTO contacts (id, service_id, name, title, email) VALUES ('ct-1', ?, 'An Peeters', "
         "'Verantwoordelijke', 'an@dienst.example.org')", {std::string(kOpvang)});
    exec("INSERT INTO phones (id, contact_id, number) VALUES ('ph-2', 'ct-1', '0470 12 34 56')");
    exec("INSERT INTO phones (id, location_id, number) VALUES ('ph-3', ?, '02 555 00 00')",
         {"20000000-" + std::string(kOpvang).substr(9)});

    add_service(kHuiswerk, "Huiswerkklas De Brug", "Hulp bij huiswerk voor scholieren.", 6, 12);
    add_location(kHuiswerk, "1060", 50.827, 4.346);
    add_language(kHuiswerk, "fr");
    add_category(kHuiswerk, "homework");
    add_cost(kHuiswerk, "paid", 5.0);

    add_service(kScript, "<script>alert(1)</script> Kinderopvang", "Ook <b>vet</b> & \"quotes\".", 1, 4);
    add_location(kScript, "1000", 50.847, 4.357);
    add_cost(kScript, "income_related", std::nullopt);

    add_service(kArchived, "Kinderopvang Gesloten", "Bestaat niet meer.", 0, 3, "active", true);
    add_service(kClosing, "", "", std::nullopt, std::nullopt, "temporarily closed");
    translate(kClosing, "name", "en", "Toy library in English only");
  }

  std::string term(const std::string& code) { return family_term_id(code).value(); }

  std::unique_ptr<app::App> app_;
};

// ---- the search page ---------------------------------------------------------------

TEST_P(FinderTest, SearchPageHasLabelledFiltersAndListsActiveServices) {
  AppClient c(*app_, "nl");
  auto r = c.get("/services");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string& b = r.body;
  for (const char* f : {"q", "age", "birth", "municipality", "language", "category", "open"})
    EXPECT_TRUE(contains(b, std::string("<label for=\"") + f + "\">")) << f;
  EXPECT_TRUE(contains(b, "<legend>Leeftijd van je kind</legend>"));
  EXPECT_TRUE(contains(b, "<legend>Kosten</legend>"));
  EXPECT_TRUE(contains(b, "method=\"get\" action=\"/services\""));
  // The 19 municipalities, by their Dutch names for a Dutch reader.
  EXPECT_TRUE(contains(b, "<option value=\"21013\">Sint-Gillis</option>"));
  EXPECT_EQ(count_of(b, "<option value=\"210"), 19u);
  // Languages from the languages table, named in the reader's language.
  EXPECT_TRUE(contains(b, "<option value=\"fr\">Frans</option>"));
  // Categories from the taxonomy with their Dutch labels.
  EXPECT_TRUE(contains(b, "<option value=\"" + term("homework") + "\">Huiswerkbegeleiding</option>"));
  // Results: headings in a list; archived and non-active services are not listed.
  EXPECT_TRUE(contains(b, "<ul class=\"results\""));
  EXPECT_TRUE(contains(b, "3 diensten gevonden"));
  EXPECT_TRUE(contains(b, "Huiswerkklas De Brug"));
  EXPECT_FALSE(contains(b, "Kinderopvang Gesloten"));
  EXPECT_FALSE(contains(b, "Toy library"));
  EXPECT_TRUE(contains(b, "href=\"/services/" + std::string(kHuiswerk) + "?lang=nl\""));
  EXPECT_TRUE(contains(b, "Nu open"));  // the day-and-night service
  EXPECT_TRUE(contains(b, web::asset_url("js/finder.js")));
  EXPECT_TRUE(contains(b, "aria-current=\"page\">Aanbod</a>"));  // the navigation entry
}

TEST_P(FinderTest, FiltersNarrowTheResults) {
  AppClient c(*app_, "nl");
  auto names = [&](const std::string& query) {
    auto r = c.get("/services?" + query);
    EXPECT_EQ(r.status, 200) << query;
    std::set<std::string> out;
    if (contains(r.body, "Zonnestraal")) out.insert("opvang");
    if (contains(r.body, "Huiswerkklas")) out.insert("huiswerk");
    if (contains(r.body, "alert(1)")) out.insert("script");
    return out;
  };
  using S = std::set<std::string>;
  EXPECT_EQ(names("age=2"), (S{"opvang", "script"}));
  EXPECT_EQ(names("age=8"), (S{"huiswerk"}));
  EXPECT_EQ(names("age=2%2C5"), (S{"opvang", "script"}));  // "2,5"
  EXPECT_EQ(names("municipality=21013"), (S{"huiswerk"}));
  EXPECT_EQ(names("municipality=21001"), (S{"opvang"}));
  EXPECT_EQ(names("language=fr"), (S{"opvang", "huiswerk"}));
  EXPECT_EQ(names("language=nl"), (S{"opvang"}));
  EXPECT_EQ(names("category=" + term("homework")), (S{"huiswerk"}));
  EXPECT_EQ(names("cost=free"), (S{"opvang"}));
  EXPECT_EQ(names("cost=paid"), (S{"huiswerk"}));
  EXPECT_EQ(names("cost=income_related"), (S{"script"}));
  EXPECT_EQ(names("open=now"), (S{"opvang"}));
  EXPECT_EQ(names("open=su"), (S{"opvang"}));
  EXPECT_EQ(names("age=2&municipality=21004"), (S{"script"}));
  // A birth date: a child born 900 days ago is almost two and a half.
  std::string birth = dates::add_days(brussels_date(app::unix_now()), -900);
  EXPECT_EQ(names("birth=" + birth), (S{"opvang", "script"}));
  EXPECT_EQ(names("q=huiswerk"), (S{"huiswerk"}));
  EXPECT_EQ(names("q=huiswerk&municipality=21001"), S{});
}

TEST_P(FinderTest, FiltersStayInTheFormAndInLinks) {
  AppClient c(*app_, "nl");
  auto r = c.get("/services?q=kinderopvang&age=2&municipality=21001&cost=free&open=now&lang=nl");
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  EXPECT_TRUE(contains(b, "value=\"kinderopvang\""));
  EXPECT_TRUE(contains(b, "id=\"age\" name=\"age\" type=\"text\" inputmode=\"decimal\" value=\"2\""));
  EXPECT_TRUE(contains(b, "<option value=\"21001\" selected>Anderlecht</option>"));
  EXPECT_TRUE(contains(b, "value=\"free\" checked"));
  EXPECT_TRUE(contains(b, "<option value=\"now\" selected>"));
  EXPECT_TRUE(contains(b, "<details class=\"filters\" open>"));
  // The search box carries the filters; links keep them (map view, share, clear keeps the text).
  EXPECT_TRUE(contains(b, "<input type=\"hidden\" name=\"municipality\" value=\"21001\">"));
  EXPECT_TRUE(contains(b, "q=kinderopvang&amp;age=2&amp;municipality=21001&amp;cost=free&amp;open=now&amp;view=map"
                          "&amp;lang=nl"));
  EXPECT_TRUE(contains(b, "href=\"/services?q=kinderopvang&amp;lang=nl\">Filters wissen</a>"));
  // The language switch keeps the whole search.
  EXPECT_TRUE(contains(b, "municipality=21001&amp;cost=free&amp;open=now&amp;lang=fr\""));
}

TEST_P(FinderTest, HighlightsMatchesAndEscapesEverything) {
  AppClient c(*app_, "nl");
  auto r = c.get("/services?q=kinderopvang");
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  EXPECT_TRUE(contains(b, "<mark>Kinderopvang</mark> Zonnestraal"));
  EXPECT_TRUE(contains(b, "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Kinderopvang</mark>"));
  EXPECT_FALSE(contains(b, "<script>alert"));
  EXPECT_TRUE(contains(b, "Ook &lt;b&gt;vet&lt;/b&gt; &amp; &quot;quotes&quot;."));
  EXPECT_FALSE(contains(b, "<b>vet</b>"));
  // The title carries the search text, escaped.
  auto hostile = c.get("/services?q=%3Cscript%3Ex%3C%2Fscript%3E");
  EXPECT_EQ(hostile.status, 200);
  EXPECT_FALSE(contains(hostile.body, "<script>x"));
  EXPECT_TRUE(contains(hostile.body, "&lt;script&gt;x&lt;/script&gt;"));
}

// The result cache answers a repeated search (Server-Timing says so), and a
// reindex in this process empties it: an edit shows on the very next search.
TEST_P(FinderTest, RepeatedSearchesShareAnAnswerUntilTheIndexChanges) {
  AppClient c(*app_, "nl");
  auto first = c.get("/services?q=kinderopvang");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(contains(first.header("server-timing").value_or(""), "search;dur="));
  EXPECT_FALSE(contains(first.header("server-timing").value_or(""), "cache;desc=hit"));
  auto again = c.get("/services?q=kinderopvang");
  EXPECT_TRUE(contains(again.header("server-timing").value_or(""), "cache;desc=hit"));
  EXPECT_TRUE(contains(again.body, "<mark>Kinderopvang</mark> Zonnestraal"));
  // Another filter is another search.
  auto other = c.get("/services?q=kinderopvang&age=2");
  EXPECT_FALSE(contains(other.header("server-timing").value_or(""), "cache;desc=hit"));

  exec("UPDATE services SET name = 'Kinderopvang Regenboog', updated_at = ? WHERE id = ?", {kT + 10, std::string(kOpvang)});
  directory::search(*app_).reindex_service(kOpvang);
  auto after = c.get("/services?q=kinderopvang");
  EXPECT_FALSE(contains(after.header("server-timing").value_or(""), "cache;desc=hit"));
  EXPECT_TRUE(contains(after.body, "<mark>Kinderopvang</mark> Regenboog"));
  EXPECT_FALSE(contains(after.body, "Zonnestraal"));
}

// PostgreSQL: a search found broad from a sample of the services says its
// "more than" is an estimate, in the page's language.
TEST_P(FinderTest, AnEstimatedCountSaysSoOnPostgres) {
  if (!is_postgres()) GTEST_SKIP() << "PostgreSQL estimates from its walk";
  struct Restore {
    ~Restore() {
      directory::detail::set_postgres_exact_rank_limit(directory::detail::kExactRankLimit);
      directory::detail::set_postgres_walk_rows(directory::detail::kPostgresWalkRows);
    }
  } restore;
  std::vector<std::string> ids;
  for (int i = 0; i < 60; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "60000000-0000-4000-8000-%012d", 900 + i);
    add_service(id, "Ouderhuis " + std::to_string(100 + i), "Praten met andere ouders.", 0, 12);
    ids.push_back(id);
  }
  directory::search(*app_).reindex_services(ids);
  exec("ANALYZE service_search");
  directory::detail::set_postgres_exact_rank_limit(3);
  directory::detail::set_postgres_walk_rows(50);
  struct Case {
    std::string lang, text;
  };
  // More than the limit and than this page (20).
  for (const Case& c : {Case{"nl", "Meer dan 20 diensten gevonden (geschat)"},
                        Case{"fr", "Plus de 20 services trouvés (estimation)"},
                        Case{"en", "More than 20 services found (estimated)"}}) {
    AppClient client(*app_, c.lang);
    auto r = client.get("/services?q=ouderhuis&lang=" + c.lang);
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(contains(r.body, c.text)) << c.lang;
  }
  // Counted, not estimated: the page says "more than" alone.
  directory::detail::set_postgres_walk_rows(0);
  AppClient client(*app_, "nl");
  auto counted = client.get("/services?q=ouderhuis&age=3");
  EXPECT_TRUE(contains(counted.body, "Meer dan 20 diensten gevonden"));
  EXPECT_FALSE(contains(counted.body, "geschat"));
}

TEST_P(FinderTest, NoResultsGivesHelpAndPossiblyASpellingFix) {
  AppClient c(*app_, "nl");
  auto r = c.get("/services?q=kinderopvnag");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Geen diensten gevonden"));
  EXPECT_TRUE(contains(r.body, "Kijk de spelling na."));
  EXPECT_TRUE(contains(r.body, "href=\"/services?lang=nl\">Bekijk alle diensten</a>"));
  // The engines propose a fix for a typo; when they do, it is a link with the same filters.
  std::smatch m;
  if (std::regex_search(r.body, m, std::regex("Bedoelde je: <a href=\"([^\"]+)\">([^<]+)</a>"))) {
    EXPECT_EQ(m[2].str(), "kinderopvang");
    EXPECT_EQ(m[1].str(), "/services?q=kinderopvang&amp;lang=nl");
  }
  auto filtered = c.get("/services?q=kinderopvang&municipality=21013");
  EXPECT_TRUE(contains(filtered.body, "href=\"/services?q=kinderopvang&amp;lang=nl\">Zoek zonder filters</a>"));
}

TEST_P(FinderTest, OutOfRangeParametersAreExplainedNeverAnError) {
  AppClient c(*app_, "en");
  const std::string huge(10 * 1024, 'a');
  struct Case {
    std::string query, message;
  };
  const std::vector<Case> cases = {
      {"age=-5", "The age must be a number between 0 and 25 years"},
      {"age=abc", "The age must be a number between 0 and 25 years"},
      {"age=1e999", "The age must be a number between 0 and 25 years"},
      {"birth=2999-01-01", "The date of birth is in the future"},
      {"birth=2024-02-30", "The date of birth is not a valid date"},
      {"birth=1900-01-01", "more than 25 years ago"},
      {"municipality=99999", "We do not know this municipality"},
      {"language=%3Cscript%3E", "We do not know this language"},
      {"category=nope", "We do not know this type of help"},
      {"cost=cheap", "Choose free, paid or income-related"},
      {"open=someday", "Choose open now or a day of the week"},
      {"page=0", "That page number does not exist"},
      {"page=abc", "That page number does not exist"},
      {"page=99999999999999999999", "That page number does not exist"},
      {"q=" + huge, "only the first 200 characters were used"},
      {"q=%FF%FE", "could not be read and was ignored"},
      {"q=%E2%82", "could not be read and was ignored"},
  };
  for (const auto& k : cases) {
    auto r = c.get("/services?" + k.query);
    EXPECT_EQ(r.status, 200) << k.query;
    EXPECT_TRUE(contains(r.body, k.message)) << k.query;
    EXPECT_TRUE(contains(r.body, "role=\"alert\"")) << k.query;
  }
  // The field with the problem is marked and described.
  auto r = c.get("/services?age=abc");
  EXPECT_TRUE(contains(r.body, "aria-describedby=\"age-hint age-error\" aria-invalid=\"true\""));
  EXPECT_TRUE(contains(r.body, "<p id=\"age-error\" class=\"field-error\">"));
  EXPECT_TRUE(contains(r.body, "value=\"abc\""));  // shown again to be corrected
  // Unknown parameters and a page past the end are fine too.
  EXPECT_EQ(c.get("/services?page=500").status, 200);
  EXPECT_EQ(c.get("/services?foo=bar&view=weird").status, 200);
  EXPECT_EQ(c.get("/services?q=%00%01%02").status, 200);
  EXPECT_EQ(c.get("/services/map.json?age=-5&q=%FF").status, 200);
  EXPECT_EQ(c.get("/services/suggest?q=" + huge).status, 200);
  EXPECT_EQ(c.get("/services/suggest?q=%FF").status, 200);
}

TEST_P(FinderTest, PagesThroughManyResults) {
  for (int i = 0; i < 45; ++i) {
    char id[40];
    std::snprintf(id, sizeof id, "50000000-0000-4000-8000-%012d", i);
    add_service(id, "Speelpleinwerking " + std::to_string(i),
                "Een speelplein voor kinderen van 3 tot 12 jaar, elke vakantie, met begeleiding en een middagmaal. "
                "Inschrijven kan per dag of per week; broers en zussen krijgen korting.",
                3, 12);
  }
  directory::search(*app_).rebuild();
  AppClient c(*app_, "nl");
  auto first = c.get("/services?q=speelpleinwerking");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(contains(first.body, "45 diensten gevonden"));
  EXPECT_EQ(count_of(first.body, "<li class=\"result\">"), 20u);
  EXPECT_TRUE(contains(first.body, "Pagina 1 van 3"));
  EXPECT_TRUE(contains(first.body, "rel=\"next\" href=\"/services?q=speelpleinwerking&amp;page=2&amp;lang=nl\""));
  auto third = c.get("/services?q=speelpleinwerking&page=3");
  EXPECT_EQ(count_of(third.body, "<li class=\"result\">"), 5u);
  EXPECT_TRUE(contains(third.body, "rel=\"prev\""));
  EXPECT_FALSE(contains(third.body, "rel=\"next\""));
  auto past = c.get("/services?q=speelpleinwerking&page=7");
  EXPECT_EQ(past.status, 200);
  EXPECT_TRUE(contains(past.body, "Deze pagina ligt na de laatste pagina met resultaten."));
  EXPECT_TRUE(contains(past.body, "rel=\"prev\" href=\"/services?q=speelpleinwerking&amp;page=3&amp;lang=nl\""));
  // Light: a page of 20 results and the stylesheet stay under 50 KB together.
  auto css = c.get(web::asset_url("css/samen.css"));
  ASSERT_EQ(css.status, 200);
  EXPECT_LT(first.body.size() + css.body.size(), 50u * 1024)
      << "HTML " << first.body.size() << " + CSS " << css.body.size();
}

// ---- languages -----------------------------------------------------------------------

TEST_P(FinderTest, FallsBackToAnotherLanguageWithAVisibleNote) {
  AppClient fr(*app_, "fr");
  auto page = fr.get(std::string("/services/") + kHuiswerk);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<h1 lang=\"nl\">Huiswerkklas De Brug</h1>"));
  EXPECT_TRUE(contains(page.body, "(pas disponible dans votre langue ; affiché en néerlandais)"));
  EXPECT_TRUE(contains(page.body, "<div lang=\"nl\"><p>Hulp bij huiswerk voor scholieren.</p></div>"));
  // Texts that exist in French are shown without a note.
  auto opvang = fr.get(std::string("/services/") + kOpvang);
  EXPECT_TRUE(contains(opvang.body, "<h1>Crèche Rayon de Soleil</h1>"));
  EXPECT_TRUE(contains(opvang.body, "<div><p>Accueil des bébés et des bambins.</p></div>"));
  // In the result list too.
  auto list = fr.get("/services");
  EXPECT_TRUE(contains(list.body, "Crèche Rayon de Soleil"));
  EXPECT_TRUE(contains(list.body, "lang=\"nl\">Huiswerkklas De Brug</a>"));
  EXPECT_TRUE(contains(list.body, "affiché en néerlandais"));
  // A Dutch reader sees the Dutch texts, an English reader the Dutch ones with a note.
  AppClient en(*app_, "en");
  auto english = en.get(std::string("/services/") + kOpvang);
  EXPECT_TRUE(contains(english.body, "<h1 lang=\"nl\">Kinderopvang Zonnestraal</h1>"));
  EXPECT_TRUE(contains(english.body, "(not available in your language; shown in Dutch)"));
  // Only English exists: a Dutch reader gets it with the note.
  AppClient nl(*app_, "nl");
  auto closing = nl.get(std::string("/services/") + kClosing);
  ASSERT_EQ(closing.status, 200);
  EXPECT_TRUE(contains(closing.body, "<h1 lang=\"en\">Toy library in English only</h1>"));
  EXPECT_TRUE(contains(closing.body, "(niet beschikbaar in jouw taal; getoond in het Engels)"));
  EXPECT_TRUE(contains(closing.body, "Deze dienst is tijdelijk gesloten."));
}

TEST(FinderText, FallbackOrder) {
  using i18n::Lang;
  LangTexts only_nl{"Opvang", "", ""}, only_fr{"", "Crèche", ""}, only_en{"", "", "Childcare"};
  EXPECT_EQ(pick_text(only_nl, Lang::fr).lang, Lang::nl);
  EXPECT_TRUE(pick_text(only_nl, Lang::fr).fallback);
  EXPECT_FALSE(pick_text(only_nl, Lang::nl).fallback);
  EXPECT_EQ(pick_text(only_fr, Lang::en).text, "Crèche");
  EXPECT_EQ(pick_text(only_en, Lang::nl).lang, Lang::en);
  LangTexts nl_fr{"Opvang", "Crèche", ""};
  EXPECT_EQ(pick_text(nl_fr, Lang::en).text, "Opvang");  // en → nl → fr
  EXPECT_EQ(pick_text(nl_fr, Lang::fr).text, "Crèche");
  LangTexts fr_en{"", "Crèche", "Childcare"};
  EXPECT_EQ(pick_text(fr_en, Lang::nl).text, "Crèche");  // nl → fr → en
  LangTexts blank{"  ", "", ""};
  EXPECT_TRUE(pick_text(blank, Lang::nl).empty());
}

// ---- the service page -------------------------------------------------------------------

TEST_P(FinderTest, ServicePageShowsWhatWhoWhereWhenAndHowToReachIt) {
  AppClient c(*app_, "nl");
  auto r = c.get(std::string("/services/") + kOpvang);
  ASSERT_EQ(r.status, 200);
  const std::string& b = r.body;
  EXPECT_TRUE(contains(b, "<h1>Kinderopvang Zonnestraal</h1>"));
  EXPECT_TRUE(contains(b, "<p>Opvang voor baby&#39;s en peuters van elk gezin.</p>"));
  for (const char* h : {"Wat", "Voor wie", "Waar", "Wanneer", "Talen", "Kosten", "Hoe aanvragen", "Contact",
                        "Organisatie"})
    EXPECT_TRUE(contains(b, std::string("\">") + h + "</h2>")) << h;
  EXPECT_TRUE(contains(b, "0 tot 3 jaar"));
  EXPECT_TRUE(contains(b, "Zonnestraat 12<br>1070 Brussel (Anderlecht)"));
  EXPECT_TRUE(contains(b, "href=\"https://www.openstreetmap.org/?mlat=50.836000&amp;mlon=4.308000#map=17/50.836000/"
                          "4.308000\""));
  EXPECT_TRUE(contains(b, "<a href=\"tel:+3221234567\">+32 (0)2 123 45 67</a>"));
  EXPECT_TRUE(contains(b, "contact@dienst.example.org</a>"));
  EXPECT_TRUE(contains(b, "<li>An Peeters, Verantwoordelijke \xC2\xB7 <a href=\"mailto:an@dienst.example.org\">"
                          "an@dienst.example.org</a> \xC2\xB7 <a href=\"tel:0470123456\">0470 12 34 56</a></li>"));
  EXPECT_TRUE(contains(b, "<p>Telefoon: <a href=\"tel:025550000\">02 555 00 00</a></p>"));  // the location's
  EXPECT_TRUE(contains(b, "<li>Nederlands</li>"));
  EXPECT_TRUE(contains(b, "<li>Frans</li>"));
  EXPECT_TRUE(contains(b, "<p>Gratis</p>"));
  EXPECT_TRUE(contains(b, "Bel ons of kom langs."));
  EXPECT_TRUE(contains(b, "Huis van het Kind Zuid"));
  EXPECT_TRUE(contains(b, "Kinderopvang (0-3 jaar)"));
  EXPECT_TRUE(contains(b, "Nu open"));
  // Today's row of the hours table is marked.
  const std::string today = "finder.day." + std::to_string(brussels_weekday(app::unix_now()));
  const std::string day_name = app_->catalog().text(i18n::Lang::nl, today);
  EXPECT_EQ(count_of(b, "aria-current=\"date\""), 1u);
  EXPECT_TRUE(contains(b, "class=\"today\" aria-current=\"date\"><th scope=\"row\">" + day_name +
                              " <strong>(vandaag)</strong></th><td>00:00\xE2\x80\x93" "24:00</td>"));
  EXPECT_EQ(count_of(b, "<th scope=\"row\">"), 7u);
  // Exceptions to come are listed.
  EXPECT_TRUE(contains(b, "Sluitingsdagen en aangepaste uren"));
  EXPECT_TRUE(contains(b, "(Kerstverlof)"));
  // The language switch stays on this page.
  EXPECT_TRUE(contains(b, "href=\"/services/" + std::string(kOpvang) + "?lang=fr\""));
}

TEST_P(FinderTest, ServiceWithoutHoursSaysSo) {
  AppClient c(*app_, "nl");
  auto r = c.get(std::string("/services/") + kHuiswerk);
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Geen openingsuren bekend"));
  EXPECT_FALSE(contains(r.body, "aria-current=\"date\""));
  EXPECT_TRUE(contains(r.body, "<p>Betalend: \xE2\x82\xAC"));  // "€ 5,00" in nl-BE
  EXPECT_TRUE(contains(r.body, "5,00</p>"));
  EXPECT_TRUE(contains(r.body, "6 tot 12 jaar"));
}

TEST_P(FinderTest, UnknownOrArchivedServicesAre404) {
  AppClient c(*app_, "nl");
  for (std::string path : {std::string("/services/") + kArchived, std::string("/services/no-such-service"),
                           std::string("/services/") + std::string(300, 'x'), std::string("/services/%27%3B--")}) {
    auto r = c.get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_TRUE(contains(r.body, "Deze dienst bestaat niet of staat niet meer in de lijst.")) << path;
  }
  EXPECT_EQ(c.get("/services/%FF").status, 400);
}

// ---- suggestions and the map ---------------------------------------------------------------

TEST_P(FinderTest, SuggestAnswersJsonAndHtml) {
  AppClient c(*app_, "nl");
  auto r = c.get("/services/suggest?q=kinder");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.header("content-type").value_or("").starts_with("application/json"));
  auto j = nlohmann::json::parse(r.body);
  ASSERT_TRUE(j["suggestions"].is_array());
  EXPECT_LE(j["suggestions"].size(), 8u);
  auto empty = nlohmann::json::parse(c.get("/services/suggest?q=").body);
  EXPECT_TRUE(empty["suggestions"].empty());
  auto html = c.get("/services/suggest?q=%3Cscript&format=html");
  EXPECT_EQ(html.status, 200);
  EXPECT_FALSE(contains(html.body, "<script"));
}

TEST_P(FinderTest, MapPointsFollowTheFilters) {
  AppClient c(*app_, "fr");
  auto all = nlohmann::json::parse(c.get("/services/map.json").body);
  ASSERT_TRUE(all["points"].is_array());
  EXPECT_EQ(all["points"].size(), 3u);
  auto young = nlohmann::json::parse(c.get("/services/map.json?age=2&municipality=21001").body);
  ASSERT_EQ(young["points"].size(), 1u);
  EXPECT_EQ(young["points"][0]["id"], kOpvang);
  EXPECT_EQ(young["points"][0]["name"], "Crèche Rayon de Soleil");
  EXPECT_DOUBLE_EQ(young["points"][0]["lat"].get<double>(), 50.836);
  EXPECT_DOUBLE_EQ(young["points"][0]["lon"].get<double>(), 4.308);
  EXPECT_EQ(young["points"][0]["url"], std::string("/services/") + kOpvang + "?lang=fr");
  // The map view: Leaflet and map.js from our own assets, the points URL with the same filters, no tiles.
  auto page = c.get("/services?view=map&age=2");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "data-points-url=\"/services/map.json?age=2&amp;lang=fr\""));
  EXPECT_TRUE(contains(page.body, "data-tile-url=\"\""));
  EXPECT_TRUE(contains(page.body, web::asset_url("vendor/leaflet.js")));
  EXPECT_TRUE(contains(page.body, web::asset_url("js/map.js")));
  EXPECT_TRUE(contains(page.body, "<ul class=\"results\""));  // the list stays
  EXPECT_EQ(c.get(web::asset_url("js/map.js")).status, 200);
}

// ---- the demo directory, every page ----------------------------------------------------------

TEST_P(FinderTest, EveryDemoServicePageRendersInEveryLanguage) {
  DirectoryPlan plan;
  plan.services = 30;
  plan.now = kT;
  generate_directory(db(), plan);
  directory::search(*app_).rebuild();
  std::vector<std::string> ids;
  for (const auto& r : db().acquire()->exec("SELECT id FROM services WHERE archived_at IS NULL").rows)
    ids.push_back(r.text(0));
  ASSERT_GE(ids.size(), 30u);
  for (const char* lang : {"nl", "fr", "en"}) {
    AppClient c(*app_, lang);
    auto list = c.get("/services?lang=" + std::string(lang));
    EXPECT_EQ(list.status, 200);
    EXPECT_EQ(count_of(list.body, "<li class=\"result\">"), 20u) << lang;
    for (const auto& id : ids) {
      auto r = c.get("/services/" + id);
      EXPECT_EQ(r.status, 200) << id << " " << lang;
    }
    EXPECT_EQ(c.get("/services?view=map&lang=" + std::string(lang)).status, 200);
  }
}

SAMEN_INSTANTIATE_FOR_BACKENDS(FinderTest);

// ---- pure helpers -------------------------------------------------------------------------------

TEST(FinderText, HighlightEscapesFirstThenMarksWordsIgnoringCaseAndAccents) {
  EXPECT_EQ(highlight_html("Crèche <Les Petits> & co", {"creche"}), "<mark>Crèche</mark> &lt;Les Petits&gt; &amp; co");
  EXPECT_EQ(highlight_html("KINDEROPVANG kinderopvangen", {"kinderopvang"}),
            "<mark>KINDEROPVANG</mark> <mark>kinderopvangen</mark>");
  EXPECT_EQ(highlight_html("Gezinnen en gezin", {"gezin"}), "<mark>Gezinnen</mark> en <mark>gezin</mark>");
  EXPECT_EQ(highlight_html("de opvang", {"de"}), "<mark>de</mark> opvang");
  EXPECT_EQ(highlight_html("deze opvang", {"de"}), "deze opvang");  // short words match whole words only
  EXPECT_EQ(highlight_html("<script>alert(1)</script>", {"script"}),
            "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;");
  EXPECT_EQ(highlight_html("a\"b'c", {}), "a&quot;b&#39;c");
  EXPECT_EQ(highlight_html(std::string("caf\xC3\xA9 \xFF\xFE ok"), {"cafe"}), "<mark>café</mark>  ok");
  EXPECT_EQ(highlight_html("", {"x"}), "");
  // Decomposed accents (e + combining grave) are part of the word.
  EXPECT_EQ(highlight_html("Cre\xCC\x80" "che", {"creche"}), "<mark>Cre\xCC\x80" "che</mark>");
}

TEST(FinderText, Excerpt) {
  EXPECT_EQ(excerpt("kort", 10), "kort");
  EXPECT_EQ(excerpt("een twee drie vier vijf", 16), "een twee drie\xE2\x80\xA6");
  EXPECT_EQ(excerpt("regel\nvolgende", 50), "regel volgende");
  EXPECT_EQ(excerpt("ééééé", 3), "ééé\xE2\x80\xA6");
}

TEST(FinderParams, ReadsEveryFilter) {
  FinderEnvironment env;
  env.now = 1752570000;
  env.today = "2025-07-15";
  env.category_ids = {"cat-1"};
  env.lang = i18n::Lang::fr;
  auto r = parse_finder_request({{"q", " crèche "}, {"age", "2,5"}, {"municipality", "21004"},
                                 {"municipality", "21009"}, {"language", "AR"}, {"category", "cat-1"},
                                 {"cost", "income_related"}, {"open", "WE"}, {"page", "3"}, {"view", "map"}},
                                false, env);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.query.text, "crèche");
  EXPECT_EQ(r.query.lang, i18n::Lang::fr);
  EXPECT_DOUBLE_EQ(*r.query.filters.age_years, 2.5);
  EXPECT_EQ(r.query.filters.municipalities, (std::vector<std::string>{"21004", "21009"}));
  EXPECT_EQ(r.query.filters.languages, (std::vector<std::string>{"ar"}));
  EXPECT_EQ(r.query.filters.categories, (std::vector<std::string>{"cat-1"}));
  EXPECT_EQ(r.query.filters.cost, CostFilter::income_related);
  EXPECT_EQ(r.query.filters.open_weekday, 2);
  EXPECT_FALSE(r.query.filters.open_at);
  EXPECT_EQ(r.query.offset, 40);
  EXPECT_EQ(r.query.limit, 20);
  EXPECT_TRUE(r.map_view);
  EXPECT_TRUE(r.has_filters());
  EXPECT_EQ(r.query_string(true),
            "q=cr%C3%A8che&age=2%2C5&municipality=21004&municipality=21009&language=ar&category=cat-1&"
            "cost=income_related&open=we&view=map&page=3&lang=fr");
  auto now = parse_finder_request({{"open", "now"}}, false, env);
  EXPECT_EQ(now.query.filters.open_at, env.now);
}

TEST(FinderParams, BirthDateBecomesAnAge) {
  FinderEnvironment env;
  env.today = "2025-07-15";
  auto r = parse_finder_request({{"birth", "2022-01-15"}}, false, env);
  ASSERT_TRUE(r.query.filters.age_years);
  EXPECT_NEAR(*r.query.filters.age_years, 3.4, 0.05);
  auto born_today = parse_finder_request({{"birth", "2025-07-15"}}, false, env);
  EXPECT_DOUBLE_EQ(*born_today.query.filters.age_years, 0);
  // The age wins when both are given.
  auto both = parse_finder_request({{"birth", "2022-01-15"}, {"age", "7"}}, false, env);
  EXPECT_DOUBLE_EQ(*both.query.filters.age_years, 7);
  EXPECT_TRUE(both.problems.empty());
  EXPECT_EQ(both.query_string(), "age=7&lang=nl");
}

TEST(FinderParams, BadValuesAreDroppedWithANote) {
  FinderEnvironment env;
  env.today = "2025-07-15";
  auto r = parse_finder_request({{"age", "26"}, {"birth", "2026-01-01"}, {"municipality", "1000"},
                                 {"language", "english"}, {"category", "x"}, {"cost", "cheap"}, {"open", "9"},
                                 {"page", "-1"}},
                                true, env);
  std::set<std::string> fields;
  for (const auto& p : r.problems) fields.insert(p.field);
  EXPECT_EQ(fields, (std::set<std::string>{"age", "birth", "municipality", "language", "category", "cost", "open",
                                           "page", "q"}));
  EXPECT_FALSE(r.has_filters());
  EXPECT_EQ(r.page, 1);
  EXPECT_EQ(r.query.offset, 0);
  EXPECT_EQ(r.query_string(), "lang=nl");
  // Very long text is cut to 200 code points (multi-byte characters counted once).
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "é";
  auto cut = parse_finder_request({{"q", long_text}}, false, env);
  EXPECT_EQ(cut.query.text.size(), 400u);
  EXPECT_TRUE(cut.has_problem("q"));
}

TEST(FinderParams, FindsUnreadableFields) {
  EXPECT_TRUE(has_unreadable_field("q=%FF&age=2", "q"));
  EXPECT_TRUE(has_unreadable_field("age=2&q=%E2%82", "q"));
  EXPECT_TRUE(has_unreadable_field("q=%G1", "q"));
  EXPECT_FALSE(has_unreadable_field("q=cr%C3%A8che", "q"));
  EXPECT_FALSE(has_unreadable_field("qq=%FF", "q"));
  EXPECT_FALSE(has_unreadable_field("", "q"));
}

TEST(FinderText, TelephoneLinks) {
  EXPECT_EQ(tel_href("+32 (0)2 123 45 67"), "tel:+3221234567");
  EXPECT_EQ(tel_href("02/123.45.67"), "tel:021234567");
  EXPECT_EQ(tel_href("0470 12 34 56"), "tel:0470123456");
  EXPECT_EQ(tel_href("bel ons"), "");
}

}  // namespace
}  // namespace samen::directory
