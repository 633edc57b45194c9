// Reading a REFI-QDA codebook and planning its import (coding_import.hpp).
#include "journal/coding_import.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "util/uuid.hpp"

namespace samen::journal {

namespace {

constexpr int kMaxDepth = 64;  // deeper nesting is no codebook a person made
constexpr std::size_t kMaxQdeBytes = 64u << 20;

bool is(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}
const xmlNode* child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}
std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}
std::string text_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}
std::string trim(std::string s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && space(s[i])) ++i;
  return s.substr(i);
}
std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

void read_codes(const xmlNode* parent, const std::string& parent_guid, int depth, std::vector<ImportedCode>& out) {
  if (depth > kMaxDepth) throw CodebookFileError("journal.coding.import.error.too_deep");
  for (const xmlNode* n = parent->children; n; n = n->next) {
    if (!is(n, "Code")) continue;
    if (out.size() >= kMaxImportCodes) throw CodebookFileError("journal.coding.import.error.too_many");
    ImportedCode c;
    // A code without a guid still gets a stable one: its place in the file.
    c.guid = lower(trim(attribute(n, "guid")));
    if (c.guid.empty()) c.guid = uuid::name_based("samen-import:" + parent_guid + ":" + std::to_string(out.size()));
    c.parent_guid = parent_guid;
    c.name = trim(attribute(n, "name"));
    c.colour = trim(attribute(n, "color"));
    // xsd:boolean: "false" or "0" (surrounding white space allowed) makes a grouping code.
    std::string codable = trim(attribute(n, "isCodable"));
    c.codable = codable != "false" && codable != "0";
    if (const xmlNode* d = child(n, "Description")) c.description = trim(text_of(d));
    c.depth = depth;
    out.push_back(c);
    read_codes(n, c.guid, depth + 1, out);
  }
}

using Doc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

// The file inside a ZIP named project.qde (any case, any folder-less spelling).
std::string qde_of_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw CodebookFileError("journal.coding.import.error.not_zip");
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!z) {
    zip_source_free(src);
    throw CodebookFileError("journal.coding.import.error.not_zip");
  }
  std::unique_ptr<zip_t, void (*)(zip_t*)> archive(z, zip_discard);
  zip_int64_t index = zip_name_locate(z, "project.qde", ZIP_FL_NOCASE);
  if (index < 0) throw CodebookFileError("journal.coding.import.error.no_project");
  zip_stat_t st;
  if (zip_stat_index(z, index, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
    throw CodebookFileError("journal.coding.import.error.not_zip");
  if (st.size > kMaxQdeBytes) throw CodebookFileError("journal.coding.import.error.too_large");
  zip_file_t* f = zip_fopen_index(z, index, 0);
  if (!f) throw CodebookFileError("journal.coding.import.error.not_zip");
  std::string out(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw CodebookFileError("journal.coding.import.error.not_zip");
  return out;
}

}  // namespace

std::vector<ImportedCode> parse_codebook_xml(std::string_view xml) {
  if (xml.size() > kMaxQdeBytes) throw CodebookFileError("journal.coding.import.error.too_large");
  // No entity substitution, no DTD loading, no network (XML_PARSE_NONET);
  // a document with any DOCTYPE is refused below, so no entity is ever read.
  // A DOCTYPE is refused before parsing too, so the reason is named even
  // when libxml2 would stop at an entity it was told not to load.
  if (xml.find("<!DOCTYPE") != std::string_view::npos) throw CodebookFileError("journal.coding.import.error.dtd");
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  Doc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "codebook.xml", nullptr, options), xmlFreeDoc);
  if (!doc) throw CodebookFileError("journal.coding.import.error.not_xml");
  if (doc->intSubset || doc->extSubset) throw CodebookFileError("journal.coding.import.error.dtd");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* book = nullptr;
  if (is(root, "CodeBook")) book = root;
  else if (is(root, "Project")) book = child(root, "CodeBook");
  else throw CodebookFileError("journal.coding.import.error.wrong_root");
  std::vector<ImportedCode> out;
  if (const xmlNode* codes = child(book, "Codes")) read_codes(codes, "", 0, out);
  if (out.empty()) throw CodebookFileError("journal.coding.import.error.no_codes");
  return out;
}

std::vector<ImportedCode> parse_codebook_file(std::string_view bytes) {
  if (bytes.size() > kMaxImportBytes) throw CodebookFileError("journal.coding.import.error.too_large");
  if (bytes.empty()) throw CodebookFileError("journal.coding.import.error.empty");
  if (bytes.substr(0, 2) == "PK") return parse_codebook_xml(qde_of_zip(bytes));
  return parse_codebook_xml(bytes);
}

std::string code_name_key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(name);
  icu::UnicodeString s = nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(),
                                                                                       static_cast<int32_t>(name.size()))),
                                        status);
  s.foldCase();
  s = nfc->normalize(s, status);  // folding can leave a string that is not NFC
  if (U_FAILURE(status)) return std::string(name);
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 ch = s.char32At(i);
    i += U16_LENGTH(ch);
    if (u_isUWhiteSpace(ch)) {
      space = !out.isEmpty();
      continue;
    }
    if (space) out.append(static_cast<UChar>(0x20));
    space = false;
    out.append(ch);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

ImportPlan plan_codebook_import(const std::vector<ImportedCode>& codes, const std::vector<Code>& existing) {
  ImportPlan plan;
  if (codes.size() > kMaxImportCodes) {
    plan.errors.push_back({"journal.coding.import.error.too_many", ""});
    return plan;
  }
  // A stored code answers to its REFI guid, and to its id when that is a
  // UUID (Samen's own export writes such ids as the guid).
  std::map<std::string, std::string> by_guid;
  for (const auto& c : existing)
    if (!c.guid.empty()) by_guid.emplace(lower(c.guid), c.id);
  for (const auto& c : existing)
    if (uuid::valid(c.id)) by_guid.emplace(c.id, c.id);

  struct Resolved {
    std::string existing_id;  // the stored code it is
    bool created = false;     // or one the plan creates
  };
  std::map<std::string, Resolved> resolved;
  for (const auto& in : codes) {
    if (resolved.contains(in.guid)) {
      plan.errors.push_back({"journal.coding.import.error.duplicate_guid", in.name});
      continue;
    }
    if (in.name.empty()) plan.errors.push_back({"journal.coding.import.error.empty_name", in.guid});
    else if (in.name.size() > 200) plan.errors.push_back({"journal.coding.import.error.name_too_long", in.name});
    if (in.description.size() > 5000)
      plan.errors.push_back({"journal.coding.import.error.description_too_long", in.name});
    Resolved parent;
    if (!in.parent_guid.empty()) {
      auto p = resolved.find(in.parent_guid);
      if (p != resolved.end()) parent = p->second;
    }
    if (auto g = by_guid.find(in.guid); g != by_guid.end()) {
      plan.skip.push_back({in.guid, in.name, g->second});
      resolved[in.guid] = {g->second, false};
      continue;
    }
    if (!parent.created) {  // a code of the same label under the same stored parent is the same code
      const std::string key = code_name_key(in.name);
      auto same = std::find_if(existing.begin(), existing.end(), [&](const Code& c) {
        return c.parent_id == parent.existing_id &&
               (code_name_key(c.label_nl) == key || code_name_key(c.label_fr) == key || code_name_key(c.label_en) == key);
      });
      if (same != existing.end()) {
        plan.skip.push_back({in.guid, in.name, same->id});
        resolved[in.guid] = {same->id, false};
        continue;
      }
    }
    PlannedCode p;
    p.code.guid = in.guid;
    p.code.label_nl = p.code.label_fr = p.code.label_en = in.name;
    p.code.description = in.description;
    p.code.codable = in.codable;
    if (valid_colour(in.colour)) p.code.colour = lower(in.colour);
    else if (!in.colour.empty()) plan.warnings.push_back({"journal.coding.import.warning.colour", in.name});
    if (parent.created) p.parent_guid = in.parent_guid;
    else p.code.parent_id = parent.existing_id;
    plan.create.push_back(std::move(p));
    resolved[in.guid] = {"", true};
  }
  return plan;
}

}  // namespace samen::journal
