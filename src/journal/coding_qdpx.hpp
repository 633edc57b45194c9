// The journal's codebook, coded notes and memos as a REFI-QDA project (QDPX,
// REFI-QDA 1.5 / QDA-XML 1.0): `project.qde` (XML written with libxml2's
// xmlTextWriter, valid against Project.xsd) and one plain-text source per
// activity's notes and per answer of an answer set in `sources/<guid>.txt`,
// zipped with libzip. A passage's startPosition/endPosition are its
// code-point offsets in that text, which is the notes or the answer exactly
// as stored (coding.hpp). No I/O here: the
// caller gathers what the reader may see.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "journal/coding.hpp"

namespace samen::journal {

struct QdpxCoding {
  std::string id, code_id;
  std::int64_t start = 0, end = 0;
  std::int64_t author_id = 0;  // 0: unknown
  std::int64_t created_at = 0;
};
struct QdpxSource {
  std::string kind = "activity";  // "activity" (its notes) or "answer" (one answer of an answer set)
  std::string id, title, notes;    // notes: the source's text as stored
  std::int64_t created_at = 0;
  std::vector<QdpxCoding> codings;
};
struct QdpxMemo {
  std::string id, code_id, text;
  std::int64_t author_id = 0, created_at = 0;
};
struct QdpxProject {
  std::string name;
  std::int64_t created_at = 0;
  std::vector<Code> codes;  // archived ones are exported as not codable
  std::vector<QdpxSource> sources;
  std::vector<QdpxMemo> memos;
  std::map<std::int64_t, std::string> users;  // id → name of the authors named above
  i18n::Lang lang = i18n::Lang::nl;           // the language of the code names
};

// The GUID of a Samen id in the project: the id itself when it is a UUID,
// else a name-based UUID of kind + id (the same on every export).
std::string qdpx_guid(const std::string& kind, const std::string& id);
// project.qde.
std::string qdpx_project_xml(const QdpxProject& project);
// The .qdpx archive: project.qde and sources/<guid>.txt (throws std::runtime_error when libzip fails).
std::string qdpx_archive(const QdpxProject& project);

}  // namespace samen::journal
