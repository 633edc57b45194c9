// A route table: method + path pattern ("/admin/users/{id}") → handler.
// Matching is by literal segments and {name} parameters; the table is also
// the source for the OpenAPI comparison test and the metrics route labels.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samen::http {

template <class HandlerT>
class Router {
 public:
  struct Route {
    std::string method;
    std::string pattern;
    HandlerT handler;
    std::vector<std::string> segments;
  };

  struct Match {
    const Route* route = nullptr;                 // set when the path and method matched
    std::map<std::string, std::string> params;
    std::vector<std::string> allowed;             // methods for the path when only it matched
  };

  void add(std::string method, std::string pattern, HandlerT handler) {
    Route r{std::move(method), pattern, std::move(handler), split(pattern)};
    routes_.push_back(std::move(r));
  }

  Match match(std::string_view method, std::string_view path) const {
    Match m;
    auto segs = split(path);
    for (const auto& r : routes_) {
      std::map<std::string, std::string> params;
      if (!matches(r.segments, segs, params)) continue;
      bool same = r.method == method || (method == "HEAD" && r.method == "GET");
      if (same && !m.route) {
        m.route = &r;
        m.params = std::move(params);
      } else if (!same) {
        m.allowed.push_back(r.method);
      }
    }
    return m;
  }

  const std::vector<Route>& routes() const { return routes_; }

 private:
  static std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < path.size()) {
      if (path[i] == '/') { ++i; continue; }
      size_t j = path.find('/', i);
      if (j == std::string_view::npos) j = path.size();
      out.emplace_back(path.substr(i, j - i));
      i = j;
    }
    return out;
  }

  static bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segs,
                      std::map<std::string, std::string>& params) {
    if (pattern.size() != segs.size()) return false;
    for (size_t i = 0; i < pattern.size(); ++i) {
      const auto& p = pattern[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
        params[p.substr(1, p.size() - 2)] = segs[i];
      } else if (p != segs[i]) {
        return false;
      }
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace samen::http
