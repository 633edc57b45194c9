// A Xapian index's whole contents as lines (every document's terms with
// their wdf, values and data under its number, the metadata but the
// generation, the spelling entries): two indexes are the same index when
// their lines are equal.
#pragma once
#include <string>
#include <vector>

namespace samen::testing {

std::vector<std::string> xapian_index_contents(const std::string& dir);

}  // namespace samen::testing
