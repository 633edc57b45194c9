// TEMPORARY: placeholder engine so the tree links while the real Xapian and
// PostgreSQL engines are written (owner: search). Replace this file whole.
#include "directory/search.hpp"

namespace samen::directory {

namespace {
class NoSearch : public ServiceSearch {
 public:
  SearchResult search(const SearchQuery&) override { return {}; }
  std::vector<std::string> suggest(std::string_view, i18n::Lang, std::size_t) override { return {}; }
  void reindex_service(const std::string&) override {}
  void rebuild() override {}
  std::string engine_name() const override { return "none"; }
};
}  // namespace

std::unique_ptr<ServiceSearch> ServiceSearch::create(store::Database&, const std::filesystem::path&) {
  return std::make_unique<NoSearch>();
}

}  // namespace samen::directory
