// See xapian_index.hpp.
#include "support/xapian_index.hpp"

#include <xapian.h>

namespace samen::testing {

std::vector<std::string> xapian_index_contents(const std::string& dir) {
  std::vector<std::string> out;
  Xapian::Database index(dir);
  for (Xapian::docid id = 1; id <= index.get_lastdocid(); ++id) {
    std::string line = std::to_string(id) + ":";
    const Xapian::Document doc = index.get_document(id);
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) line += " " + *t + "/" + std::to_string(t.get_wdf());
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) line += " #" + std::to_string(v.get_valueno()) + "=" + *v;
    out.push_back(line + " " + doc.get_data());
  }
  for (auto k = index.metadata_keys_begin(); k != index.metadata_keys_end(); ++k)
    if (*k != "generation") out.push_back("meta " + *k + "=" + index.get_metadata(*k));
  for (auto w = index.spellings_begin(); w != index.spellings_end(); ++w)
    out.push_back("spelling " + *w + "=" + std::to_string(w.get_termfreq()));
  return out;
}

}  // namespace samen::testing
