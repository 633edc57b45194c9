// REFI-QDA export of the coding (coding_qdpx.hpp).
#include "journal/coding_qdpx.hpp"

#include <zip.h>

#include <functional>
#include <memory>
#include <stdexcept>

#include "app/api.hpp"
#include "documents/xml_writer.hpp"
#include "util/uuid.hpp"

namespace samen::journal {

namespace {

using documents::xml_text;
using documents::XmlWriter;  // every text made safe for XML 1.0 (xml_writer.hpp)

std::string user_guid(std::int64_t id) { return qdpx_guid("user", std::to_string(id)); }

// A code's guid: the one it was imported with, so a round trip keeps it.
std::string code_guid(const Code& c) { return c.guid.empty() ? qdpx_guid("code", c.id) : c.guid; }

void write_code(XmlWriter& w, const QdpxProject& p, const Code& c, const std::vector<Code>& all, int depth) {
  w.start("Code");
  w.attribute("guid", code_guid(c));
  w.attribute("name", xml_text(c.label(p.lang)));
  w.attribute("isCodable", c.archived_at || !c.codable ? "false" : "true");
  if (valid_colour(c.colour)) w.attribute("color", c.colour);
  if (!c.description.empty()) w.text_element("Description", xml_text(c.description));
  for (const auto& m : p.memos)
    if (m.code_id == c.id) {
      w.start("NoteRef");
      w.attribute("targetGUID", qdpx_guid("memo", m.id));
      w.end();
    }
  if (depth < 64)
    for (const auto& child : all)
      if (child.parent_id == c.id) write_code(w, p, child, all, depth + 1);
  w.end();
}

}  // namespace

std::string qdpx_guid(const std::string& kind, const std::string& id) {
  if (uuid::valid(id)) return id;
  return uuid::name_based("samen-qdpx:" + kind + ":" + id);
}

std::string qdpx_project_xml(const QdpxProject& p) {
  std::map<std::string, std::string> code_guids;  // id → guid, for the CodeRefs
  for (const auto& c : p.codes) code_guids[c.id] = code_guid(c);
  XmlWriter w;
  w.start("Project");
  w.attribute("xmlns", "urn:QDA-XML:project:1.0");
  w.attribute("name", xml_text(p.name));
  w.attribute("origin", "Samen");
  w.attribute("creationDateTime", app::rfc3339(p.created_at));
  if (!p.users.empty()) {
    w.start("Users");
    for (const auto& [id, name] : p.users) {
      w.start("User");
      w.attribute("guid", user_guid(id));
      w.attribute("name", xml_text(name));
      w.end();
    }
    w.end();
  }
  // The tree: each top-level code (tree_order's depth 0, which includes a code
  // whose parent is not exported) with its children inside.
  if (!p.codes.empty()) {
    w.start("CodeBook");
    w.start("Codes");
    for (auto [c, depth] : tree_order(p.codes, p.lang))
      if (depth == 0) write_code(w, p, *c, p.codes, 0);
    w.end();
    w.end();
  }
  if (!p.sources.empty()) {
    w.start("Sources");
    for (const auto& s : p.sources) {
      std::string guid = qdpx_guid(s.kind, s.id);
      w.start("TextSource");
      w.attribute("guid", guid);
      w.attribute("name", xml_text(s.title));
      w.attribute("plainTextPath", "internal://" + guid + ".txt");
      w.attribute("creationDateTime", app::rfc3339(s.created_at));
      for (const auto& k : s.codings) {
        w.start("PlainTextSelection");
        w.attribute("guid", qdpx_guid("selection", k.id));
        w.attribute("startPosition", std::to_string(k.start));
        w.attribute("endPosition", std::to_string(k.end));
        if (k.author_id) w.attribute("creatingUser", user_guid(k.author_id));
        w.attribute("creationDateTime", app::rfc3339(k.created_at));
        w.start("Coding");
        w.attribute("guid", qdpx_guid("coding", k.id));
        if (k.author_id) w.attribute("creatingUser", user_guid(k.author_id));
        w.attribute("creationDateTime", app::rfc3339(k.created_at));
        w.start("CodeRef");
        auto g = code_guids.find(k.code_id);
        w.attribute("targetGUID", g != code_guids.end() ? g->second : qdpx_guid("code", k.code_id));
        w.end();
        w.end();  // Coding
        w.end();  // PlainTextSelection
      }
      w.end();
    }
    w.end();
  }
  if (!p.memos.empty()) {
    w.start("Notes");
    for (const auto& m : p.memos) {
      w.start("Note");
      w.attribute("guid", qdpx_guid("memo", m.id));
      w.attribute("name", "Memo");
      if (m.author_id) w.attribute("creatingUser", user_guid(m.author_id));
      w.attribute("creationDateTime", app::rfc3339(m.created_at));
      w.text_element("PlainTextContent", xml_text(m.text));
      w.end();
    }
    w.end();
  }
  w.end();
  return w.finish();
}

std::string qdpx_archive(const QdpxProject& p) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!out) throw std::runtime_error("qdpx: cannot create the archive buffer");
  zip_source_keep(out);  // read back after zip_close
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> keep(out, zip_source_free);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (!z) throw std::runtime_error("qdpx: cannot open the archive");
  // Every buffer stays alive until zip_close reads it.
  std::vector<std::string> contents;
  contents.reserve(p.sources.size() + 1);
  auto add = [&](const std::string& name, std::string data) {
    contents.push_back(std::move(data));
    zip_source_t* s = zip_source_buffer(z, contents.back().data(), contents.back().size(), 0);
    if (!s || zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (s) zip_source_free(s);
      zip_discard(z);
      throw std::runtime_error("qdpx: cannot add " + name);
    }
  };
  add("project.qde", qdpx_project_xml(p));
  for (const auto& s : p.sources) add("sources/" + qdpx_guid(s.kind, s.id) + ".txt", s.notes);
  if (zip_close(z) < 0) {
    zip_discard(z);
    throw std::runtime_error("qdpx: cannot write the archive");
  }
  zip_stat_t st;
  if (zip_source_stat(out, &st) < 0 || zip_source_open(out) < 0) throw std::runtime_error("qdpx: cannot read the archive");
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = zip_source_read(out, bytes.data(), st.size);
  zip_source_close(out);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) throw std::runtime_error("qdpx: cannot read the archive");
  return bytes;
}

}  // namespace samen::journal
