// The flat spreadsheet import: CSV and XLSX reading (quotes, line breaks,
// BOM, semicolons, invalid UTF-8, limits), multipart uploads, the column
// mapping, the dry run (writes nothing) and the import (writes what the
// preview showed, idempotent) on both databases, and the staff pages
// end to end (access, CSRF, stale previews, audit).
#include <gtest/gtest.h>
#include <zip.h>

#include <regex>
#include <tuple>

#include "accounts/audit.hpp"
#include "accounts/secrets.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "directory/import/spreadsheet_import.hpp"
#include "directory/import/spreadsheet_table.hpp"
#include "directory/model/records.hpp"
#include "directory/model/taxonomy.hpp"
#include "http/multipart.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "util/text.hpp"

namespace samen {
namespace {

using namespace directory;

// ---- CSV ------------------------------------------------------------------------------------

TEST(SheetCsv, ReadsExcelStyleSemicolonsWithBomQuotesAndLineBreaks) {
  std::string csv =
      "\xEF\xBB\xBFNaam;Organisatie;Beschrijving\r\n"
      "Kinderopvang De Mol;\"VZW \"\"De Mol\"\"\";\"Twee regels:\r\nopvang; spel\"\r\n"
      "\r\n"
      "Speelotheek;Org B;Lenen\r\n";
  auto t = parse_csv(csv);
  ASSERT_EQ(t.header, (std::vector<std::string>{"Naam", "Organisatie", "Beschrijving"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].number, 2);
  EXPECT_EQ(t.rows[0].cells[1], "VZW \"De Mol\"");
  EXPECT_EQ(t.rows[0].cells[2], "Twee regels:\r\nopvang; spel");
  EXPECT_EQ(t.rows[0].error, "");
  // The blank record counts as a row, as in Excel.
  EXPECT_EQ(t.rows[1].number, 4);
  EXPECT_EQ(t.rows[1].cells[0], "Speelotheek");
}

TEST(SheetCsv, DetectsCommasTabsAndTheSepHint) {
  EXPECT_EQ(detect_delimiter("a,b,c"), ',');
  EXPECT_EQ(detect_delimiter("a;b;c,d"), ';');
  EXPECT_EQ(detect_delimiter("a\tb\tc"), '\t');
  EXPECT_EQ(detect_delimiter("\"x;y;z\",b"), ',');
  auto commas = parse_csv("name,organisation\nA,\"B, C\"\n");
  EXPECT_EQ(commas.rows.at(0).cells[1], "B, C");
  auto tabs = parse_csv("name\torganisation\rA\tB\r");  // old Mac line ends
  EXPECT_EQ(tabs.rows.at(0).cells[1], "B");
  EXPECT_EQ(tabs.rows.at(0).number, 2);
  auto hint = parse_csv("sep=,\nname;x,organisation\nA;1,B\n");
  EXPECT_EQ(hint.header, (std::vector<std::string>{"name;x", "organisation"}));
}

TEST(SheetCsv, InvalidUtf8StaysWithItsRowAsAClearError) {
  auto t = parse_csv("Naam;Organisatie\nCr\xE8" "che;Org\nGoed;Org\n");  // Latin-1 è
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].error, "sheet.error.invalid_utf8");
  EXPECT_EQ(t.rows[0].cells[0], "Cr\xEF\xBF\xBD" "che");
  EXPECT_EQ(t.rows[1].error, "");
  EXPECT_EQ(text::replace_invalid_utf8("a\xC0\xAF" "b"), "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");  // overlong
}

TEST(SheetCsv, ReportsUnclosedQuotesExtraCellsAndFileProblems) {
  auto t = parse_csv("a;b\n1;2\n\"3;4\n5;6\n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1].number, 3);
  EXPECT_EQ(t.rows[1].error, "sheet.error.unclosed_quote");
  auto extra = parse_csv("a;b\n1;2;3\n1;2;;\n");
  EXPECT_EQ(extra.rows[0].error, "sheet.error.extra_cells");
  EXPECT_EQ(extra.rows[1].error, "");  // empty extra cells are harmless
  EXPECT_EQ(extra.rows[0].cells.size(), 2u);
  auto key = [](const std::string& bytes, SheetLimits limits = {}) {
    try {
      parse_spreadsheet(bytes, limits);
    } catch (const SheetError& e) {
      return e.key;
    }
    return std::string("no error");
  };
  EXPECT_EQ(key(""), "sheet.error.empty");
  EXPECT_EQ(key("\n;;\n"), "sheet.error.empty");
  EXPECT_EQ(key("a;b\n"), "sheet.error.no_rows");
  EXPECT_EQ(key("\xFF\xFE" "a\0;\0", {}), "sheet.error.utf16");
  EXPECT_EQ(key(std::string("a;b\n1\0;2\n", 10)), "sheet.error.binary");
  EXPECT_EQ(key("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), "sheet.error.xls");
  SheetLimits small;
  small.max_rows = 2;
  EXPECT_EQ(key("a\n1\n2\n3\n", small), "sheet.error.too_many_rows");
  small.max_columns = 2;
  EXPECT_EQ(key("a;b;c\n1;2;3\n", small), "sheet.error.too_many_columns");
  small.max_cell_bytes = 4;
  EXPECT_EQ(parse_csv("a\n12345\n", small).rows[0].error, "sheet.error.cell_too_long");
}

TEST(SheetCsv, TheCarriedJsonRoundTripsAndRejectsTampering) {
  auto t = parse_csv("Naam;Org\n\"x\ny\";é\n");
  auto back = table_from_json(table_to_json(t));
  EXPECT_EQ(back.header, t.header);
  ASSERT_EQ(back.rows.size(), 1u);
  EXPECT_EQ(back.rows[0].cells, t.rows[0].cells);
  EXPECT_EQ(back.rows[0].number, 2);
  for (const char* bad : {"", "{}", "[]", "{\"h\":[\"a\"],\"r\":[]}", "{\"h\":[\"a\"],\"r\":[[2,\"\",[\"x\",\"y\"]]]}",
                          "{\"h\":[\"a\"],\"r\":[[2,\"evil\",[\"x\"]]]}", "{\"h\":[\"a\"],\"r\":[[0,\"\",[\"x\"]]]}"})
    EXPECT_THROW(table_from_json(bad), SheetError) << bad;
}

// ---- XLSX -----------------------------------------------------------------------------------

// Builds an .xlsx in memory from (path, content) entries.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [path, content] : entries) {
    auto* copy = new std::string(content);
    zip_source_t* s = zip_source_buffer(z, copy->data(), copy->size(), 0);
    zip_file_add(z, path.c_str(), s, ZIP_FL_ENC_UTF_8);
    static std::vector<std::unique_ptr<std::string>> keep;
    keep.emplace_back(copy);
  }
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  auto size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

std::string xlsx_with_sheet(const std::string& sheet_xml, const std::string& shared = "") {
  return make_zip({
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
      {"xl/workbook.xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
       "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
       "<sheets><sheet name=\"Diensten\" sheetId=\"1\" r:id=\"rId3\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId3\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/></Relationships>"},
      {"xl/sharedStrings.xml", shared},
      {"xl/worksheets/data.xml", sheet_xml},
  });
}

TEST(SheetXlsx, ReadsTheFirstSheetWithSharedAndInlineStringsAndNumbers) {
  std::string shared =
      "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<si><t>Naam</t></si><si><t>Organisatie</t></si><si><t>Leeftijd vanaf</t></si>"
      "<si><r><t>Crèche </t></r><r><t>Les Lucioles</t></r><rPh><t>ignored</t></rPh></si><si><t>Org &amp; Co</t></si></sst>";
  std::string sheet =
      "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\"><v>2.5</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>Speelotheek</t></is></c><c r=\"C5\"><v>3.0000000000000004</v></c></row>"
      "</sheetData></worksheet>";
  auto t = parse_spreadsheet(xlsx_with_sheet(sheet, shared));
  EXPECT_EQ(t.header, (std::vector<std::string>{"Naam", "Organisatie", "Leeftijd vanaf"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].number, 2);
  EXPECT_EQ(t.rows[0].cells, (std::vector<std::string>{"Crèche Les Lucioles", "Org & Co", "2.5"}));
  EXPECT_EQ(t.rows[1].number, 5);
  EXPECT_EQ(t.rows[1].cells, (std::vector<std::string>{"Speelotheek", "", "3"}));
}

TEST(SheetXlsx, RefusesBrokenArchivesAndDoctypes) {
  auto key = [](const std::string& bytes) {
    try {
      parse_spreadsheet(bytes);
    } catch (const SheetError& e) {
      return e.key;
    }
    return std::string("no error");
  };
  EXPECT_EQ(key(std::string("PK\x03\x04garbage", 11)), "sheet.error.not_xlsx");
  std::string doctype =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\">"
      "<is><t>&a;</t></is></c></row></sheetData></worksheet>";
  EXPECT_EQ(key(xlsx_with_sheet(doctype)), "sheet.error.not_xlsx");
  EXPECT_EQ(key(make_zip({{"hello.txt", "not a workbook"}})), "sheet.error.not_xlsx");
  SheetLimits tiny;
  tiny.max_xml_bytes = 100;
  try {
    parse_xlsx(xlsx_with_sheet("<worksheet><sheetData>" + std::string(500, ' ') + "</sheetData></worksheet>"), tiny);
    ADD_FAILURE() << "no error";
  } catch (const SheetError& e) {
    EXPECT_EQ(e.key, "sheet.error.too_large");
  }
}

// A small XLSX that would unpack to gigabytes is refused with a clear error
// before it is held: one long shared string repeated in every cell (5 GB of
// cells), more shared strings than a sheet can show, or too much of their text.
TEST(SheetXlsx, BoundsWhatACraftedFileUnpacksTo) {
  auto key = [](const std::string& bytes) {
    try {
      parse_spreadsheet(bytes);
    } catch (const SheetError& e) {
      return e.key;
    }
    return std::string("no error");
  };
  const std::string sst = "<?xml version=\"1.0\"?><sst>";
  std::string one_long = sst + "<si><t>" + std::string(10000, 'x') + "</t></si></sst>";
  std::string every_cell = "<worksheet><sheetData>";
  for (int r = 1; r <= 5000; ++r) {
    every_cell += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 100; ++c) every_cell += "<c t=\"s\"><v>0</v></c>";
    every_cell += "</row>";
  }
  every_cell += "</sheetData></worksheet>";
  auto amplifying = xlsx_with_sheet(every_cell, one_long);
  EXPECT_LT(amplifying.size(), 1u << 20) << "the crafted file is small";
  EXPECT_EQ(key(amplifying), "sheet.error.too_large");

  const std::string small_sheet =
      "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"2\"><c t=\"s\"><v>1</v></c></row>"
      "</sheetData></worksheet>";
  std::string many = sst;
  for (int i = 0; i < 600000; ++i) many += "<si/>";
  many += "</sst>";
  EXPECT_EQ(key(xlsx_with_sheet(small_sheet, many)), "sheet.error.too_large") << "600,000 shared strings";
  std::string long_texts = sst;
  for (int i = 0; i < 1800; ++i) long_texts += "<si><t>" + std::string(10000, 'a' + i % 26) + "</t></si>";
  long_texts += "</sst>";
  EXPECT_EQ(key(xlsx_with_sheet(small_sheet, long_texts)), "sheet.error.too_large") << "18 MB of shared text";
  // Within the bounds the same kind of file reads as before.
  std::string fine = sst + "<si><t>Naam</t></si><si><t>Speelotheek</t></si></sst>";
  auto t = parse_spreadsheet(xlsx_with_sheet(small_sheet, fine));
  EXPECT_EQ(t.header, std::vector<std::string>{"Naam"});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells, std::vector<std::string>{"Speelotheek"});
}

// ---- multipart ---------------------------------------------------------------------------------

TEST(Multipart, ParsesFieldsAndFilesStrictly) {
  std::string type = "multipart/form-data; boundary=----b0undary";
  std::string body =
      "------b0undary\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
      "------b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\dir\\\\lijst.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\na;b\r\n1;2\r\n\r\n"
      "------b0undary--\r\n";
  auto parts = http::parse_multipart(type, body);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "_csrf");
  EXPECT_EQ(parts[0].data, "tok");
  EXPECT_TRUE(parts[1].has_filename);
  EXPECT_EQ(parts[1].filename, "lijst.csv");
  EXPECT_EQ(parts[1].data, "a;b\r\n1;2\r\n");
  EXPECT_EQ(http::multipart_text_fields(parts), (http::Fields{{"_csrf", "tok"}}));
  EXPECT_EQ(http::multipart_boundary("Multipart/Form-Data; charset=x; boundary=\"a b\""), "a b");

  for (const auto& [t, b] : std::vector<std::pair<std::string, std::string>>{
           {"multipart/form-data", body},                                     // no boundary
           {"multipart/form-data; boundary=", body},                          // empty boundary
           {type, "junk" + body},                                             // preamble
           {type, "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"},  // no close
           {type, "------b0undary\r\nContent-Type: text/plain\r\n\r\nx\r\n------b0undary--"},  // no disposition
           {type, "------b0undary\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n------b0undary--"},
           {type, "------b0undary\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n------b0undary--"},
           {type, "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xFF\r\n------b0undary--"},
           {type, "------b0undary--\r\nextra"},
       })
    EXPECT_THROW(http::parse_multipart(t, b), http::FormError) << b;
  std::string many;
  for (int i = 0; i < 21; ++i) many += "------b0undary\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
  EXPECT_THROW(http::parse_multipart(type, many + "------b0undary--"), http::FormError);
}

// ---- mapping and cell parsers -----------------------------------------------------------------

TEST(SheetMapping, GuessesFieldsFromDutchFrenchAndEnglishTitles) {
  std::vector<std::string> header = {"Naam dienst", "Nom du service", "Organisatie", "Adres", "Code postal", "Gemeente",
                                     "Telefoon", "E-mail", "Website", "Leeftijd vanaf", "Leeftijd tot", "Talen",
                                     "Categorie", "Prijs", "Beschrijving", "Description FR", "Opmerkingen"};
  auto m = guess_mapping(header);
  std::vector<SheetField> expected = {
      SheetField::service_name_nl, SheetField::service_name_fr, SheetField::organization, SheetField::street,
      SheetField::postcode,        SheetField::municipality,    SheetField::phone,        SheetField::email,
      SheetField::website,         SheetField::min_age,         SheetField::max_age,      SheetField::languages,
      SheetField::category,        SheetField::cost,            SheetField::description_nl, SheetField::description_fr,
      SheetField::ignore};
  EXPECT_EQ(m, expected);
  EXPECT_TRUE(mapping_problems(m, header.size()).empty());
  EXPECT_EQ(mapping_problems({SheetField::ignore}, 1),
            (std::vector<std::string>{"sheet.mapping.need_name", "sheet.mapping.need_organization"}));
  EXPECT_EQ(mapping_problems({SheetField::organization, SheetField::service_name_nl, SheetField::organization}, 3),
            (std::vector<std::string>{"sheet.mapping.twice"}));
  for (auto f : sheet_fields()) EXPECT_EQ(parse_field_code(field_code(f)), f);
  EXPECT_FALSE(parse_field_code("password").has_value());
}

TEST(SheetMapping, ParsesLanguagesCategoriesAndCosts) {
  EXPECT_EQ(parse_language_list("nl, FR; Arabisch/anglais"), (std::vector<std::string>{"ar", "en", "fr", "nl"}));
  EXPECT_EQ(parse_language_list("nl fr tr"), (std::vector<std::string>{"fr", "nl", "tr"}));
  EXPECT_FALSE(parse_language_list("nl, klingon").has_value());
  auto childcare = *family_term_id("childcare");
  EXPECT_EQ(parse_category_list("Kinderopvang; crèche"), (std::vector<std::string>{childcare}));
  EXPECT_EQ(parse_category_list("École de devoirs")->front(), *family_term_id("homework"));
  EXPECT_FALSE(parse_category_list("astronautics").has_value());
  EXPECT_EQ(parse_cost("Gratis")->option, "free");
  EXPECT_EQ(parse_cost("€ 0")->option, "free");
  EXPECT_EQ(parse_cost("selon les revenus")->option, "income_related");
  auto paid = parse_cost("€ 5,50 per sessie");
  ASSERT_TRUE(paid);
  EXPECT_EQ(paid->option, "paid");
  EXPECT_DOUBLE_EQ(*paid->amount, 5.5);
  EXPECT_EQ(parse_cost("payant")->option, "paid");
  EXPECT_FALSE(parse_cost("misschien").has_value());
}

// ---- dry run and import on both databases ------------------------------------------------------

const char* kSheet =
    "Naam dienst;Nom du service;Organisatie;Beschrijving;Adres;Postcode;Telefoon;Leeftijd vanaf;Leeftijd tot;Talen;"
    "Categorie;Prijs\n"
    "Kinderopvang De Mol;Crèche De Mol;VZW De Mol;Opvang voor baby's;Gentsesteenweg 12;1080;+32 2 411 22 33;0;3;"
    "nl, fr, ar;kinderopvang;inkomensgerelateerd\n"
    "Occasionele opvang De Mol;;VZW De Mol;Opvang voor enkele dagen;Gentsesteenweg 12;1080;;0;3;nl;kinderopvang;gratis\n"
    "Speelotheek Knikker;Ludothèque Knikker;Nieuwe Org;Speelgoed lenen;Rue Haute 5;9999;;;;;toy-library;€ 10\n"
    "Huiswerkklas;;;Hulp bij huiswerk;;;;6;3;nl;huiswerkbegeleiding;\n"
    "Kinderopvang De Mol;;VZW De Mol;Dubbel;;;;;;;;\n";

class SpreadsheetImportTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    seed_family_taxonomy(db());
  }
  std::int64_t count(const std::string& sql) {
    auto lease = db().acquire();
    return lease->exec(sql).rows.at(0).int64(0);
  }
  std::vector<std::int64_t> all_counts() {
    std::vector<std::int64_t> out;
    for (const char* t : {"organizations", "services", "locations", "addresses", "translations", "languages",
                          "attributes", "cost_options", "phones", "metadata", "service_at_location"})
      out.push_back(count(std::string("SELECT COUNT(*) FROM ") + t));
    return out;
  }
  ImportPlan plan(const std::string& csv) {
    auto table = parse_csv(csv);
    auto lease = db().acquire();
    return plan_import(*lease, table, guess_mapping(table.header));
  }
  ImportResult import(const std::string& csv, ImportPlan* shown = nullptr) {
    auto table = parse_csv(csv);
    return store::in_transaction(db(), [&](store::Connection& c) {
      auto p = plan_import(c, table, guess_mapping(table.header));
      if (shown) *shown = p;
      return apply_import(c, p, {"coordinator@example.org", 1767225600});
    });
  }
};

TEST_P(SpreadsheetImportTest, DryRunWritesNothingAndExplainsEveryRow) {
  auto before = all_counts();
  auto p = plan(kSheet);
  EXPECT_EQ(all_counts(), before);
  ASSERT_EQ(p.rows.size(), 5u);
  EXPECT_EQ(p.creates, 2);
  EXPECT_EQ(p.errors, 3);
  EXPECT_EQ(p.new_organizations, 1);
  EXPECT_EQ(p.rows[0].action, RowAction::create);
  EXPECT_TRUE(p.rows[0].new_organization);
  EXPECT_EQ(p.rows[1].action, RowAction::create);
  EXPECT_FALSE(p.rows[1].new_organization);  // the same new organisation, created once
  auto keys = [](const PlannedRow& r) {
    std::set<std::string> k;
    for (const auto& x : r.problems) k.insert(x.message_key);
    return k;
  };
  EXPECT_EQ(p.rows[2].row_number, 4);
  EXPECT_EQ(keys(p.rows[2]), (std::set<std::string>{"sheet.row.postcode_invalid"}));
  EXPECT_EQ(p.rows[2].problems[0].field, SheetField::postcode);
  EXPECT_EQ(p.rows[2].problems[0].args.at("value"), "9999");
  EXPECT_TRUE(keys(p.rows[3]).count("sheet.row.organization_missing"));
  EXPECT_TRUE(keys(p.rows[3]).count("staff.invalid.age_order"));
  EXPECT_EQ(keys(p.rows[4]), (std::set<std::string>{"sheet.row.duplicate"}));
  EXPECT_EQ(p.rows[4].problems[0].args.at("row"), "2");
  // The same data gives the same plan.
  EXPECT_EQ(plan(kSheet).fingerprint, p.fingerprint);
}

TEST_P(SpreadsheetImportTest, ImportWritesWhatThePreviewShowedAndIsIdempotent) {
  ImportPlan shown;
  auto r = import(kSheet, &shown);
  EXPECT_EQ(r.created, shown.creates);
  EXPECT_EQ(r.skipped, shown.errors);
  EXPECT_EQ(r.organizations_created, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM organizations WHERE name = 'VZW De Mol'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 2);
  // Both services share the one location at their common address.
  EXPECT_EQ(count("SELECT COUNT(*) FROM locations"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM addresses WHERE postal_code = '1080' AND address_1 = 'Gentsesteenweg 12'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM service_at_location"), 2);
  auto lease = db().acquire();
  auto s = lease->exec("SELECT id, minimum_age, maximum_age, description FROM services WHERE name = 'Kinderopvang De Mol'");
  ASSERT_EQ(s.rows.size(), 1u);
  std::string id = s.rows[0].text(0);
  EXPECT_EQ(s.rows[0].real(2), 3);
  EXPECT_EQ(lease->exec("SELECT value FROM translations WHERE resource_id = ? AND field = 'name' AND lang = 'fr'", {id})
                .rows.at(0)
                .text(0),
            "Crèche De Mol");
  EXPECT_EQ(lease->exec("SELECT COUNT(*) FROM languages WHERE service_id = ?", {id}).rows[0].int64(0), 3);
  EXPECT_EQ(lease->exec("SELECT option FROM cost_options WHERE service_id = ?", {id}).rows.at(0).text(0),
            "income_related");
  EXPECT_EQ(lease->exec("SELECT taxonomy_term_id FROM attributes WHERE link_id = ?", {id}).rows.at(0).text(0),
            *family_term_id("childcare"));
  EXPECT_EQ(lease->exec("SELECT number FROM phones WHERE service_id = ?", {id}).rows.at(0).text(0), "+32 2 411 22 33");
  EXPECT_GT(lease->exec("SELECT COUNT(*) FROM metadata WHERE resource_id = ? AND last_action_type = 'create' "
                        "AND updated_by = 'coordinator@example.org'",
                        {id})
                .rows[0]
                .int64(0),
            3);

  // The same sheet again: nothing to do.
  auto before = all_counts();
  auto again = plan(kSheet);
  EXPECT_EQ(again.creates, 0);
  EXPECT_EQ(again.updates, 0);
  EXPECT_EQ(again.unchanged, 2);
  auto second = import(kSheet);
  EXPECT_EQ(second.created + second.updated, 0);
  EXPECT_EQ(all_counts(), before);

  // A changed cell: an update of just that field, then unchanged again.
  std::string changed = kSheet;
  changed.replace(changed.find("Opvang voor baby's"), 18, "Opvang voor baby's en peuters");
  auto update = plan(changed);
  EXPECT_EQ(update.updates, 1);
  ASSERT_EQ(update.rows[0].action, RowAction::update);
  EXPECT_EQ(update.rows[0].changed_fields, (std::vector<std::string>{"description"}));
  auto written = import(changed);
  EXPECT_EQ(written.updated, 1);
  EXPECT_EQ(lease->exec("SELECT description FROM services WHERE id = ?", {id}).rows[0].text(0),
            "Opvang voor baby's en peuters");
  EXPECT_EQ(plan(changed).updates, 0);
}

TEST_P(SpreadsheetImportTest, EmptyCellsKeepStoredValuesAndNewAddressesLinkANewLocation) {
  import(kSheet);
  std::string sparse =
      "Naam dienst;Organisatie;Beschrijving;Adres;Postcode;Talen\n"
      "Kinderopvang De Mol;vzw de mol;;Rue Haute 5;1000;\n";
  auto p = plan(sparse);
  ASSERT_EQ(p.rows.size(), 1u);
  ASSERT_EQ(p.rows[0].action, RowAction::update) << (p.rows[0].problems.empty() ? "" : p.rows[0].problems[0].message_key);
  EXPECT_EQ(p.rows[0].changed_fields, (std::vector<std::string>{"address"}));
  import(sparse);
  EXPECT_EQ(count("SELECT COUNT(*) FROM locations"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM languages l JOIN services s ON s.id = l.service_id "
                  "WHERE s.name = 'Kinderopvang De Mol'"),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services WHERE description = 'Opvang voor baby''s'"), 1);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SpreadsheetImportTest);

// ---- the pages ------------------------------------------------------------------------------------

constexpr const char* kPassword = "correct horse battery";

std::string html_unescape(std::string s) {
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }
  return s;
}

// The hidden and selected fields of the first form posting to `action`, URL-encoded.
std::string form_fields(const std::string& html, const std::string& action) {
  auto start = html.find("action=\"" + action + "\"");
  auto end = html.find("</form>", start);
  std::string form = html.substr(start, end - start);
  std::string out;
  static const std::regex hidden(R"re(<input type="hidden" name="([^"]+)" value="([^"]*)">)re");
  static const std::regex select(R"re(<select id="[^"]+" name="([^"]+)"[^>]*>[\s\S]*?<option value="([^"]+)" selected)re");
  for (std::sregex_iterator it(form.begin(), form.end(), hidden), e; it != e; ++it)
    if ((*it)[1] != "_csrf") out += "&" + std::string((*it)[1]) + "=" + http::url_encode(html_unescape((*it)[2]));
  for (std::sregex_iterator it(form.begin(), form.end(), select), e; it != e; ++it)
    out += "&" + std::string((*it)[1]) + "=" + std::string((*it)[2]);
  return out.empty() ? out : out.substr(1);
}

class SpreadsheetPagesTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    app_ = testing::make_test_app(test_db(), 4);
    seed_family_taxonomy(db());
    static const std::string hash = accounts::hash_password(kPassword);
    auto lease = db().acquire();
    for (auto [email, role, lang] : {std::tuple{"coordinator@example.org", accounts::Role::coordinator, "nl"},
                                     std::tuple{"coordinatrice@example.org", accounts::Role::coordinator, "fr"},
                                     std::tuple{"partner@example.org", accounts::Role::partner, "nl"}})
      accounts::create_user(*lease, {email, "Test", role, lang, hash, {}}, 1000);
  }
  void TearDown() override {
    app_.reset();
    DatabaseTest::TearDown();
  }
  std::int64_t count(const std::string& sql) {
    auto lease = db().acquire();
    return lease->exec(sql).rows.at(0).int64(0);
  }
  http::Response upload(testing::AppClient& c, const std::string& csv, const std::string& csrf) {
    std::string b = "samenTestBoundary42";
    std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--" + b +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"aanbod.csv\"\r\n"
                       "Content-Type: text/csv\r\n\r\n" +
                       csv + "\r\n--" + b + "--\r\n";
    return c.request("POST", "/directory/import", body, "multipart/form-data; boundary=" + b);
  }
  std::unique_ptr<app::App> app_;
};

TEST_P(SpreadsheetPagesTest, UploadMapPreviewImportEndToEnd) {
  testing::AppClient c(*app_, "fr");
  c.login("coordinatrice@example.org", kPassword);
  auto form = c.get("/directory/import");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("enctype=\"multipart/form-data\""), std::string::npos);

  auto mapping = upload(c, kSheet, c.csrf());
  ASSERT_EQ(mapping.status, 200) << mapping.body.substr(0, 2000);
  EXPECT_NE(mapping.body.find("5 lignes lues dans aanbod.csv"), std::string::npos);
  EXPECT_NE(mapping.body.find("value=\"postcode\" selected"), std::string::npos);

  auto preview = c.post("/directory/import/preview", form_fields(mapping.body, "/directory/import/preview"));
  ASSERT_EQ(preview.status, 200) << preview.body.substr(0, 2000);
  EXPECT_NE(preview.body.find("Code postal : « 9999 » n&#39;est pas un code postal bruxellois"), std::string::npos);
  EXPECT_NE(preview.body.find("le même service figure déjà à la ligne 2"), std::string::npos);
  EXPECT_NE(preview.body.find("Importer 2 lignes"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 0);

  auto done = c.post("/directory/import/apply", form_fields(preview.body, "/directory/import/apply"));
  ASSERT_EQ(done.status, 200) << done.body.substr(0, 2000);
  EXPECT_NE(done.body.find("Importation terminée"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'directory.import' AND target_id = 'aanbod.csv' "
                  "AND detail LIKE 'created=2 %'"),
            1);

  // Confirming the same preview again: the plan changed (rows now exist), so nothing is written.
  auto stale = c.post("/directory/import/apply", form_fields(preview.body, "/directory/import/apply"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("Les données ont changé depuis l&#39;aperçu"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'directory.import'"), 1);
}

TEST_P(SpreadsheetPagesTest, BadInputGetsClearAnswersAndOnlyCoordinatorsMayImport) {
  testing::AppClient c(*app_, "nl");
  c.login("coordinator@example.org", kPassword);
  c.get("/directory/import");
  auto empty = c.post("/directory/import", "pasted=");
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body.find("Kies een bestand of plak rijen."), std::string::npos);
  auto header_only = c.post("/directory/import", "pasted=" + http::url_encode("Naam;Organisatie\n"));
  EXPECT_EQ(header_only.status, 422);
  EXPECT_NE(header_only.body.find("geen rijen"), std::string::npos);
  auto pasted = c.post("/directory/import", "pasted=" + http::url_encode("Naam\tOrganisatie\nA\tB\n"));
  EXPECT_EQ(pasted.status, 200);
  // A mapping without an organisation is sent back with the problem.
  std::string fields = form_fields(pasted.body, "/directory/import/preview");
  fields = std::regex_replace(fields, std::regex("col1=organization"), "col1=ignore");
  auto bad_mapping = c.post("/directory/import/preview", fields);
  EXPECT_EQ(bad_mapping.status, 422);
  EXPECT_NE(bad_mapping.body.find("Koppel een kolom aan de naam van de organisatie."), std::string::npos);
  auto tampered = c.post("/directory/import/preview", "data=%7B%7D&col0=ignore");
  EXPECT_EQ(tampered.status, 400);
  auto broken = c.request("POST", "/directory/import", "--x\r\nnonsense", "multipart/form-data; boundary=x");
  EXPECT_EQ(broken.status, 400);
  // Without the CSRF token in the multipart body: refused.
  EXPECT_EQ(upload(c, kSheet, "wrong").status, 403);

  testing::AppClient partner(*app_, "nl");
  partner.login("partner@example.org", kPassword);
  EXPECT_EQ(partner.get("/directory/import").status, 403);
  testing::AppClient anonymous(*app_, "nl");
  EXPECT_EQ(anonymous.get("/directory/import").status, 303);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(SpreadsheetPagesTest);

}  // namespace
}  // namespace samen
