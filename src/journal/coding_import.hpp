// Import of a codebook from another QDA tool (issue 15): a REFI-QDA codebook
// (.qdc, root <CodeBook>) or project (.qdpx, a ZIP whose project.qde holds a
// <CodeBook>) is read into a flat list of codes (libxml2 without DTDs,
// entities or network: no XXE), and a pure function turns that list and the
// stored codebook into a plan: the codes to create (hierarchy kept), the ones
// that already exist (same REFI guid, or the same label under the same parent,
// compared as code_name_key: NFC, case folded, white space collapsed)
// and the problems. Storing the plan is apply_codebook_import (coding_store).
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "journal/coding.hpp"

namespace samen::journal {

constexpr std::size_t kMaxImportBytes = 10u << 20;  // the uploaded file
constexpr std::size_t kMaxImportCodes = 5000;

// A file that is no codebook: `key` is a catalog key saying why.
struct CodebookFileError : std::runtime_error {
  explicit CodebookFileError(std::string k) : std::runtime_error(k), key(std::move(k)) {}
  std::string key;
};

// One <Code> of the file, in document order (a parent before its children).
struct ImportedCode {
  std::string guid, parent_guid;  // parent_guid "" = top level
  std::string name, description, colour;  // colour as written ("" = none)
  int depth = 0;
  bool codable = true;  // isCodable="false": a grouping code
};

// The codes of a .qdc or .qdpx file (a ZIP is recognised by its signature,
// anything else is read as XML). Throws CodebookFileError.
std::vector<ImportedCode> parse_codebook_file(std::string_view bytes);
// The codes of a REFI-QDA XML document whose root is <CodeBook> or <Project>.
std::vector<ImportedCode> parse_codebook_xml(std::string_view xml);

struct PlannedCode {
  Code code;  // labels, description, colour, guid; parent_id set when the parent exists already
  std::string parent_guid;  // when the parent is created by the same import ("" otherwise)
};
struct SkippedCode {
  std::string guid, name, existing_id;  // the stored code it matches
};
struct ImportProblem {
  std::string key;   // catalog key
  std::string name;  // the code it concerns ("" = the whole file)
};
struct ImportPlan {
  std::vector<PlannedCode> create;  // parents before children
  std::vector<SkippedCode> skip;
  std::vector<ImportProblem> warnings;  // imported anyway
  std::vector<ImportProblem> errors;    // nothing is imported while there is one
};

// The form of a code name that conflicts are compared in: Unicode NFC, case
// folded, runs of white space one space, none at the ends ("  Warme\u00A0
// OVERGANGEN " and "warme overgangen" are one name; "Crèche" and "Creche" two).
std::string code_name_key(std::string_view name);

// What importing `codes` into the stored codebook `existing` would do.
ImportPlan plan_codebook_import(const std::vector<ImportedCode>& codes, const std::vector<Code>& existing);

}  // namespace samen::journal
