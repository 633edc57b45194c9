// Import of a codebook from another QDA tool (coding_import.hpp): reading
// .qdc and .qdpx files (hierarchy, colours, refusals of bad files and of any
// DTD, so no XXE), the plan (created / skipped / problems), and the import
// page on both databases: preview writes nothing, confirm writes once,
// importing twice creates nothing, Samen's own QDPX round-trips its guids.
#include <gtest/gtest.h>

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <nlohmann/json.hpp>
#include <set>

#include "accounts/audit.hpp"
#include "accounts/sessions.hpp"
#include "journal/coding_import.hpp"
#include "journal/coding_qdpx.hpp"
#include "journal/coding_store.hpp"
#include "support/app_client.hpp"
#include "support/test_app.hpp"
#include "support/test_db.hpp"

namespace samen::journal {
namespace {

using accounts::Role;

const std::string kQdc = R"(<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo">
  <Codes>
    <Code guid="A1B2C3D4-0000-4000-8000-000000000001" name="Toegang" isCodable="true" color="#FF8800">
      <Description>Hoe ouders de weg vinden</Description>
      <Code guid="a1b2c3d4-0000-4000-8000-000000000002" name="Drempels" isCodable="true" color="red">
        <Code guid="a1b2c3d4-0000-4000-8000-000000000003" name="Taal" isCodable="true"/>
      </Code>
    </Code>
    <Code guid="a1b2c3d4-0000-4000-8000-000000000004" name="Vertrouwen" isCodable="true" color="#1a7f37"/>
  </Codes>
</CodeBook>
)";

std::string zip_of(const std::map<std::string, std::string>& files) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  for (const auto& [name, data] : files)
    zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0), ZIP_FL_OVERWRITE);
  zip_close(z);
  zip_stat_t st;
  zip_source_stat(out, &st);
  zip_source_open(out);
  std::string bytes(st.size, '\0');
  zip_source_read(out, bytes.data(), st.size);
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

std::string refusal(std::string_view bytes) {
  try {
    parse_codebook_file(bytes);
  } catch (const CodebookFileError& e) {
    return e.key;
  }
  return "accepted";
}

TEST(JournalQdcImport, NestedCodesAreReadWithTheirParentsColoursAndDescriptions) {
  auto codes = parse_codebook_file(kQdc);
  ASSERT_EQ(codes.size(), 4u);
  EXPECT_EQ(codes[0].guid, "a1b2c3d4-0000-4000-8000-000000000001") << "guids compare in lower case";
  EXPECT_EQ(codes[0].parent_guid, "");
  EXPECT_EQ(codes[0].description, "Hoe ouders de weg vinden");
  EXPECT_EQ(codes[1].parent_guid, codes[0].guid);
  EXPECT_EQ(codes[2].parent_guid, codes[1].guid);
  EXPECT_EQ(codes[2].depth, 2);
  EXPECT_EQ(codes[3].parent_guid, "");

  auto plan = plan_codebook_import(codes, {});
  ASSERT_EQ(plan.create.size(), 4u);
  EXPECT_TRUE(plan.errors.empty());
  EXPECT_EQ(plan.create[0].code.colour, "#ff8800") << "normalised";
  EXPECT_EQ(plan.create[0].code.label_fr, "Toegang") << "the one name in all three languages";
  EXPECT_EQ(plan.create[0].code.label_en, "Toegang");
  EXPECT_EQ(plan.create[1].parent_guid, codes[0].guid);
  EXPECT_EQ(plan.create[1].code.colour, "#1f6feb") << "an invalid colour is replaced";
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_EQ(plan.warnings[0].key, "journal.coding.import.warning.colour");
  EXPECT_EQ(plan.warnings[0].name, "Drempels");
}

TEST(JournalQdcImport, ExistingCodesAreSkippedByGuidOrByLabelUnderTheSameParent) {
  auto codes = parse_codebook_file(kQdc);
  Code by_guid;
  by_guid.id = "stored-1";
  by_guid.guid = codes[0].guid;
  Code by_label;  // "Drempels" under the stored "Toegang", another guid
  by_label.id = "stored-2";
  by_label.parent_id = "stored-1";
  by_label.label_nl = by_label.label_fr = "x";
  by_label.label_en = "Drempels";
  Code elsewhere;  // "Vertrouwen" under another parent is another code
  elsewhere.id = "stored-3";
  elsewhere.parent_id = "stored-2";
  elsewhere.label_nl = "Vertrouwen";
  auto plan = plan_codebook_import(codes, {by_guid, by_label, elsewhere});
  ASSERT_EQ(plan.skip.size(), 2u);
  EXPECT_EQ(plan.skip[0].existing_id, "stored-1");
  EXPECT_EQ(plan.skip[1].existing_id, "stored-2");
  ASSERT_EQ(plan.create.size(), 2u);
  EXPECT_EQ(plan.create[0].code.label_nl, "Taal");
  EXPECT_EQ(plan.create[0].code.parent_id, "stored-2") << "a new child of a skipped code goes under the stored one";
  EXPECT_EQ(plan.create[0].parent_guid, "");
  EXPECT_EQ(plan.create[1].code.label_nl, "Vertrouwen");
  EXPECT_EQ(plan.create[1].code.parent_id, "");
}

TEST(JournalQdcImport, EmptyNamesDuplicateGuidsAndTooManyCodesAreRefused) {
  auto plan = plan_codebook_import(parse_codebook_xml(R"(<CodeBook><Codes><Code guid="g1" name="  "/></Codes></CodeBook>)"), {});
  ASSERT_EQ(plan.errors.size(), 1u);
  EXPECT_EQ(plan.errors[0].key, "journal.coding.import.error.empty_name");
  plan = plan_codebook_import(
      parse_codebook_xml(R"(<CodeBook><Codes><Code guid="g1" name="a"/><Code guid="G1" name="b"/></Codes></CodeBook>)"), {});
  ASSERT_EQ(plan.errors.size(), 1u);
  EXPECT_EQ(plan.errors[0].key, "journal.coding.import.error.duplicate_guid");
  std::string many = "<CodeBook><Codes>";
  for (std::size_t i = 0; i <= kMaxImportCodes; ++i) many += "<Code guid=\"g" + std::to_string(i) + "\" name=\"c\"/>";
  many += "</Codes></CodeBook>";
  EXPECT_EQ(refusal(many), "journal.coding.import.error.too_many");
  std::vector<ImportedCode> too_many(kMaxImportCodes + 1);
  EXPECT_EQ(plan_codebook_import(too_many, {}).errors.at(0).key, "journal.coding.import.error.too_many");
}

TEST(JournalQdcImport, BadFilesAreRefusedWithTheirReason) {
  EXPECT_EQ(refusal(""), "journal.coding.import.error.empty");
  EXPECT_EQ(refusal("just text, no XML"), "journal.coding.import.error.not_xml");
  EXPECT_EQ(refusal("<CodeBook><Codes><Code name='x'>"), "journal.coding.import.error.not_xml");
  EXPECT_EQ(refusal("<html><body/></html>"), "journal.coding.import.error.wrong_root");
  EXPECT_EQ(refusal("<CodeBook><Codes/></CodeBook>"), "journal.coding.import.error.no_codes");
  EXPECT_EQ(refusal("PK\x03\x04 broken zip"), "journal.coding.import.error.not_zip");
  EXPECT_EQ(refusal(zip_of({{"other.xml", kQdc}})), "journal.coding.import.error.no_project");
  std::string project = R"(<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes>)"
                        R"(<Code guid="g1" name="Uit project"/></Codes></CodeBook></Project>)";
  auto codes = parse_codebook_file(zip_of({{"project.qde", project}, {"sources/x.txt", "tekst"}}));
  ASSERT_EQ(codes.size(), 1u);
  EXPECT_EQ(codes[0].name, "Uit project");
  std::string deep = "<CodeBook><Codes>", close;
  for (int i = 0; i < 70; ++i) deep += "<Code guid=\"d" + std::to_string(i) + "\" name=\"d\">", close += "</Code>";
  EXPECT_EQ(refusal(deep + close + "</Codes></CodeBook>"), "journal.coding.import.error.too_deep");
}

TEST(JournalQdcImport, ADoctypeIsRefusedSoNoExternalEntityIsRead) {
  auto secret = std::filesystem::temp_directory_path() / "samen-qdc-xxe-secret.txt";
  std::ofstream(secret) << "GEHEIM-XXE-MARKER";
  std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM \"file://" + secret.string() +
                    "\">]>\n<CodeBook><Codes><Code guid=\"g1\" name=\"&xxe;\"/></Codes></CodeBook>";
  EXPECT_EQ(refusal(xxe), "journal.coding.import.error.dtd");
  std::string param = "<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY % p SYSTEM \"file://" + secret.string() +
                      "\"> %p;]>\n<CodeBook><Codes><Code guid=\"g1\" name=\"x\"/></Codes></CodeBook>";
  EXPECT_EQ(refusal(param), "journal.coding.import.error.dtd");
  std::string laughs = "<!DOCTYPE CodeBook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                       "<CodeBook><Codes><Code guid=\"g1\" name=\"&b;\"/></Codes></CodeBook>";
  EXPECT_EQ(refusal(laughs), "journal.coding.import.error.dtd");
  std::filesystem::remove(secret);
}

// A small QDC from another tool: a grouping code (isCodable="false") holding a
// codable one, and names that differ from stored ones only in case, white
// space or Unicode normal form.
const std::string kGroupingQdc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"ATLAS.ti\"><Codes>"
    "<Code guid=\"b0000000-0000-4000-8000-000000000001\" name=\"Thema's\" isCodable=\"false\">"
    "<Code guid=\"b0000000-0000-4000-8000-000000000002\" name=\"Warme overdracht\" isCodable=\"true\"/></Code>"
    "<Code guid=\"b0000000-0000-4000-8000-000000000003\" name=\"  TOEGANG\u00a0 tot  zorg \" isCodable=\" 0 \"/>"
    "<Code guid=\"b0000000-0000-4000-8000-000000000004\" name=\"Cre\u0300che\"/>"
    "<Code guid=\"b0000000-0000-4000-8000-000000000005\" name=\"Creche\"/>"
    "</Codes></CodeBook>";

TEST(JournalQdcImport, IsCodableFalseMakesAGroupingCode) {
  auto codes = parse_codebook_file(kGroupingQdc);
  ASSERT_EQ(codes.size(), 5u);
  EXPECT_FALSE(codes[0].codable);
  EXPECT_TRUE(codes[1].codable);
  EXPECT_FALSE(codes[2].codable) << "xsd:boolean 0, with white space";
  EXPECT_TRUE(codes[3].codable) << "no attribute: codable";
  auto plan = plan_codebook_import(codes, {});
  ASSERT_EQ(plan.create.size(), 5u);
  EXPECT_FALSE(plan.create[0].code.codable);
  EXPECT_TRUE(plan.create[1].code.codable);
}

TEST(JournalQdcImport, NamesConflictWhateverTheirCaseWhiteSpaceOrNormalForm) {
  EXPECT_EQ(code_name_key("  Warme\u00a0 OVERGANGEN "), "warme overgangen");
  EXPECT_EQ(code_name_key("Cre\u0300che"), code_name_key("Cr\u00e8che")) << "NFD and NFC are one name";
  EXPECT_NE(code_name_key("Crèche"), code_name_key("Creche")) << "an accent is no case";
  EXPECT_EQ(code_name_key("STRASSE"), code_name_key("straße")) << "full case folding";
  Code toegang;
  toegang.id = "stored-1";
  toegang.label_nl = toegang.label_fr = toegang.label_en = "Toegang tot zorg";
  Code creche;
  creche.id = "stored-2";
  creche.label_nl = "Kinderopvang";
  creche.label_fr = "Cr\u00e8che";  // NFC here, NFD in the file
  creche.label_en = "Childcare";
  auto plan = plan_codebook_import(parse_codebook_file(kGroupingQdc), {toegang, creche});
  ASSERT_EQ(plan.skip.size(), 2u);
  EXPECT_EQ(plan.skip[0].existing_id, "stored-1");
  EXPECT_EQ(plan.skip[1].existing_id, "stored-2");
  ASSERT_EQ(plan.create.size(), 3u);
  EXPECT_EQ(plan.create[2].code.label_nl, "Creche") << "without the accent it is another code";
}

// ---- the page, on both databases -------------------------------------------------------

constexpr const char* kBoundary = "----samen-import-boundary";

std::string part(const std::string& name, const std::string& value, const std::string& filename = "") {
  std::string b = std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
  if (!filename.empty()) b += "; filename=\"" + filename + "\"\r\nContent-Type: application/octet-stream";
  return b + "\r\n\r\n" + value + "\r\n";
}

class JournalQdcImportTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    testing::add_test_user(db(), "coordinator@example.org", Role::coordinator, {}, "Lotte Coördinator");
    testing::add_test_user(db(), "partner@example.org", Role::partner, {}, "Sanne Partner");
    app_ = testing::make_test_app(test_db(), 4);
    client_ = std::make_unique<testing::AppClient>(*app_, "nl");
    EXPECT_EQ(client_->login("coordinator@example.org", testing::kTestPassword).status, 303);
    client_->get("/journal/coding/import");
  }
  void TearDown() override {
    client_.reset();
    app_.reset();
    DatabaseTest::TearDown();
  }
  http::Response post(const std::string& body) {
    return client_->request("POST", "/journal/coding/import", body + "--" + kBoundary + "--\r\n",
                            std::string("multipart/form-data; boundary=") + kBoundary);
  }
  http::Response upload(const std::string& bytes, const std::string& name = "codes.qdc") {
    return post(part("_csrf", client_->csrf()) + part("file", bytes, name));
  }
  // Preview, then confirm with the hidden field the preview carries.
  http::Response import(const std::string& bytes) {
    auto preview = upload(bytes);
    EXPECT_EQ(preview.status, 200) << preview.body.substr(0, 2000);
    std::smatch m;
    static const std::regex data(R"re(name="data" value="([^"]*)")re");
    if (!std::regex_search(preview.body, m, data)) return preview;
    return post(part("_csrf", client_->csrf()) + part("confirm", "1") + part("data", m[1]));
  }
  std::int64_t count(const std::string& sql) { return db().acquire()->exec(sql).rows.at(0).int64(0); }
  std::int64_t audits(const std::string& action) {
    auto lease = db().acquire();
    accounts::AuditFilter f;
    f.action = action;
    return accounts::count_audit(*lease, f);
  }
  std::unique_ptr<app::App> app_;
  std::unique_ptr<testing::AppClient> client_;
};

TEST_P(JournalQdcImportTest, NestedCodesImportOnConfirmOnlyAndASecondImportCreatesNothing) {
  auto preview = upload(kQdc);
  ASSERT_EQ(preview.status, 200) << preview.body.substr(0, 2000);
  EXPECT_NE(preview.body.find("Drempels"), std::string::npos);
  EXPECT_NE(preview.body.find("4 nieuwe codes, 0 bestaan al."), std::string::npos) << preview.body;
  EXPECT_EQ(preview.body.find("journal.coding.import."), std::string::npos) << "every text from the catalogs";
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 0) << "the preview writes nothing";

  auto done = import(kQdc);
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 2000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 4);
  auto codes = load_codes(*db().acquire());
  std::map<std::string, Code> by_label;
  for (const auto& c : codes) by_label[c.label_nl] = c;
  EXPECT_EQ(by_label["Toegang"].parent_id, "");
  EXPECT_EQ(by_label["Drempels"].parent_id, by_label["Toegang"].id);
  EXPECT_EQ(by_label["Taal"].parent_id, by_label["Drempels"].id);
  EXPECT_EQ(by_label["Taal"].label_en, "Taal");
  EXPECT_EQ(by_label["Toegang"].guid, "a1b2c3d4-0000-4000-8000-000000000001");
  EXPECT_EQ(by_label["Toegang"].colour, "#ff8800");
  EXPECT_EQ(by_label["Toegang"].description, "Hoe ouders de weg vinden");
  EXPECT_EQ(audits("journal.code.import"), 1) << "one audit entry for the whole import";
  EXPECT_EQ(audits("journal.code.create"), 0);

  auto again = upload(kQdc);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body.find("name=\"data\""), std::string::npos) << "nothing to confirm";
  EXPECT_EQ(import(kQdc).status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 4);
  EXPECT_EQ(audits("journal.code.import"), 1);
}

TEST_P(JournalQdcImportTest, AGroupingCodeIsImportedButNotOfferedNorAcceptedForCoding) {
  ASSERT_EQ(import(kGroupingQdc).status, 303);
  std::string grouping = db().acquire()->exec("SELECT id FROM journal_codes WHERE label_nl = 'Thema''s'").rows.at(0).text(0);
  std::string child = db().acquire()->exec("SELECT id FROM journal_codes WHERE label_nl = 'Warme overdracht'").rows.at(0).text(0);
  EXPECT_EQ(count("SELECT codable FROM journal_codes WHERE id = '" + grouping + "'"), 0);
  EXPECT_EQ(count("SELECT codable FROM journal_codes WHERE id = '" + child + "'"), 1);
  EXPECT_NE(client_->get("/journal/coding/codes").body.find("enkel groepering"), std::string::npos);
  auto r = client_->post("/journal/new", "type=partner_meeting&title=Overleg&starts_at=2014-10-07T10%3A00&duration_minutes=60"
                                         "&visibility=network&notes=Warme+overdracht+tussen+cr%C3%A8che+en+school.");
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 1500);
  std::string location = r.header("Location").value_or("");
  std::string activity = location.substr(9, location.find('?') - 9);
  auto page = client_->get("/journal/" + activity + "/code");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("value=\"" + grouping + "\""), std::string::npos) << "a grouping code is not offered";
  EXPECT_NE(page.body.find("value=\"" + child + "\""), std::string::npos);
  auto refused = client_->post("/journal/" + activity + "/codings", "code=" + grouping + "&start=0&end=5");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("groepeert enkel"), std::string::npos);
  EXPECT_EQ(client_->post("/journal/" + activity + "/codings", "code=" + child + "&start=0&end=5").status, 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codings"), 1);
  // The export gives it back as a grouping code.
  auto qdpx = client_->get("/journal/coding/project.qdpx");
  ASSERT_EQ(qdpx.status, 200);
  QdpxProject p;
  p.codes = load_codes(*db().acquire());
  std::string xml = qdpx_project_xml(p);
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(name="Thema[^"]*s" isCodable="false")re"))) << xml;
  EXPECT_TRUE(std::regex_search(xml, std::regex(R"re(name="Warme overdracht" isCodable="true")re"))) << xml;
}

TEST_P(JournalQdcImportTest, SamensOwnQdpxReimportsWithTheSameGuidsAndHierarchy) {
  ASSERT_EQ(import(kQdc).status, 303);
  {  // a code made in Samen too, whose guid is derived from its id
    auto r = client_->post("/journal/coding/codes/new", "label_nl=Eigen&label_fr=Propre&label_en=Own&colour=%23123456");
    ASSERT_EQ(r.status, 303) << r.body.substr(0, 1000);
  }
  auto before = load_codes(*db().acquire());
  ASSERT_EQ(before.size(), 5u);
  QdpxProject p;
  p.name = "Samen";
  p.codes = before;
  std::string qdpx = qdpx_archive(p);
  std::set<std::string> guids_out;
  std::string qde = qdpx_project_xml(p);
  static const std::regex code_guid(R"re(<Code guid="([^"]+)")re");
  for (auto it = std::sregex_iterator(qde.begin(), qde.end(), code_guid); it != std::sregex_iterator(); ++it)
    guids_out.insert((*it)[1]);
  EXPECT_TRUE(guids_out.contains("a1b2c3d4-0000-4000-8000-000000000001")) << "the export reuses an imported guid";

  db().acquire()->exec("DELETE FROM journal_codes");
  ASSERT_EQ(import(qdpx).status, 303);
  auto after = load_codes(*db().acquire());
  ASSERT_EQ(after.size(), 5u);
  std::map<std::string, const Code*> by_guid;
  for (const auto& c : after) by_guid[c.guid] = &c;
  for (const auto& g : guids_out) EXPECT_TRUE(by_guid.contains(g)) << g;
  // Each code's parent has the guid its parent had.
  auto guid_of = [](const std::vector<Code>& codes, const std::string& id) {
    for (const auto& c : codes)
      if (c.id == id) return c.guid.empty() ? qdpx_guid("code", c.id) : c.guid;
    return std::string();
  };
  for (const auto& c : before) {
    std::string g = c.guid.empty() ? qdpx_guid("code", c.id) : c.guid;
    ASSERT_TRUE(by_guid.contains(g));
    EXPECT_EQ(guid_of(after, by_guid[g]->parent_id), guid_of(before, c.parent_id)) << c.label_nl;
  }
  p.codes = after;
  EXPECT_EQ(qdpx_project_xml(p).find("<Code guid=\"" + *guids_out.begin()) != std::string::npos, true);
}

TEST_P(JournalQdcImportTest, BadFilesAndXxeGet422AndLeaveTheCodebookUnchanged) {
  ASSERT_EQ(import(kQdc).status, 303);
  auto secret = test_db().scratch() / "secret.txt";
  std::ofstream(secret) << "GEHEIM-XXE-MARKER";
  std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM \"file://" + secret.string() +
                    "\">]>\n<CodeBook><Codes><Code guid=\"g9\" name=\"&xxe;\"/></Codes></CodeBook>";
  for (const std::string& bad : {xxe, std::string("niet eens XML"), std::string("<Project/>x"),
                                 std::string("<Html/>"), zip_of({{"readme.txt", "x"}}), std::string("PK\x03\x04zz")}) {
    auto r = upload(bad);
    EXPECT_EQ(r.status, 422) << bad.substr(0, 60);
    EXPECT_EQ(r.body.find("GEHEIM-XXE-MARKER"), std::string::npos);
    EXPECT_NE(r.body.find("Er werd niets bewaard"), std::string::npos) << "the reason in the reader's language";
  }
  // A confirm with a body that is no base64, or bad bytes, stores nothing either.
  EXPECT_EQ(post(part("_csrf", client_->csrf()) + part("confirm", "1") + part("data", "!!!")).status, 422);
  EXPECT_EQ(post(part("_csrf", client_->csrf()) + part("confirm", "1") + part("file", "<Html/>", "x.qdc")).status, 422);
  std::string empty_name = R"(<CodeBook><Codes><Code guid="n1" name="Nieuw"/><Code guid="n2" name=""/></Codes></CodeBook>)";
  EXPECT_EQ(post(part("_csrf", client_->csrf()) + part("confirm", "1") + part("file", empty_name, "x.qdc")).status, 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 4);
  EXPECT_EQ(audits("journal.code.import"), 1);
  // Without the CSRF token, nothing at all.
  EXPECT_EQ(post(part("file", kQdc, "x.qdc")).status, 403);
  // A partner may not import.
  testing::AppClient partner(*app_, "nl");
  ASSERT_EQ(partner.login("partner@example.org", testing::kTestPassword).status, 303);
  EXPECT_EQ(partner.get("/journal/coding/import").status, 403);
}

TEST_P(JournalQdcImportTest, TheApiAnswersThePlanOnADryRunAndImportsOtherwise) {
  auto api = [&](const std::string& target, const std::string& body, const std::string& type) {
    std::string token;
    {
      auto lease = db().acquire();
      token = accounts::create_api_token(*lease, accounts::find_user_by_email(*lease, "coordinator@example.org")->id, "t", 1000);
    }
    testing::AppClient client(*app_, "en");
    return client.request("POST", target, body, type, {{"authorization", "Bearer " + token}});
  };
  auto dry = api("/api/v1/codes/import?dry_run=true", kQdc, "application/xml");
  ASSERT_EQ(dry.status, 200) << dry.body;
  auto plan = nlohmann::json::parse(dry.body);
  EXPECT_EQ(plan["create"].size(), 4u);
  EXPECT_EQ(plan["create"][1]["parent_guid"], "a1b2c3d4-0000-4000-8000-000000000001");
  EXPECT_EQ(plan["warnings"].size(), 1u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 0) << "a dry run stores nothing";
  auto done = api("/api/v1/codes/import", kQdc, "application/xml");
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(nlohmann::json::parse(done.body)["created_ids"].size(), 4u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 4);
  auto again = nlohmann::json::parse(api("/api/v1/codes/import", kQdc, "application/xml").body);
  EXPECT_EQ(again["create"].size(), 0u);
  EXPECT_EQ(again["skip"].size(), 4u);
  auto bad = api("/api/v1/codes/import", zip_of({{"readme.txt", "x"}}), "application/zip");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("bevat geen project.qde"), std::string::npos) << bad.body;
  auto refused = api("/api/v1/codes/import", R"(<CodeBook><Codes><Code guid="n1" name=""/></Codes></CodeBook>)",
                     "application/xml");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["code"], "codebook_refused") << refused.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM journal_codes"), 4);
  EXPECT_EQ(audits("journal.code.import"), 1) << "an import that creates nothing writes nothing";
}

SAMEN_INSTANTIATE_FOR_BACKENDS(JournalQdcImportTest);

}  // namespace
}  // namespace samen::journal
