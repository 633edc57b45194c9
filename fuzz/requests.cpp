// libFuzzer target: arbitrary bytes become a request (method, path, query,
// headers, form or JSON body) that goes through the whole App pipeline on
// a real SQLite database, as a request from the network would. Any crash,
// sanitizer report or 5xx answer is a finding.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "app/api.hpp"
#include "app/app.hpp"
#include "http/forms.hpp"
#include "store/database.hpp"

namespace {

samen::app::App& the_app() {
  static std::unique_ptr<samen::app::App> app = [] {
    auto dir = std::filesystem::temp_directory_path() / ("samen-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    auto db = samen::store::Database::open("", dir, 2);
    samen::app::migrate(*db);
    samen::app::AppOptions o;
    o.access_log = false;
    return std::make_unique<samen::app::App>(o, std::move(db));
  }();
  return *app;
}

// Splits the input at the first few newlines: method, target, content type, cookie, body.
std::string_view next_line(std::string_view& in) {
  auto nl = in.find('\n');
  std::string_view line = in.substr(0, nl);
  in = nl == std::string_view::npos ? std::string_view{} : in.substr(nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  // The parsers on their own first.
  try {
    (void)samen::http::parse_urlencoded(in);
  } catch (const samen::http::FormError&) {
  }
  (void)samen::http::parse_query_lenient(in);

  static const char* kMethods[] = {"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"};
  samen::http::Request req;
  std::string_view method = next_line(in);
  req.method = method.empty() ? "GET" : kMethods[static_cast<unsigned char>(method[0]) % 6];
  std::string target(next_line(in));
  if (target.empty() || target[0] != '/') target = "/" + target;
  auto q = target.find('?');
  req.path = target.substr(0, q);
  if (q != std::string::npos) req.query = target.substr(q + 1);
  std::string_view type = next_line(in);
  req.headers.emplace_back("content-type", !type.empty() && type[0] == 'j' ? "application/json"
                                                                           : "application/x-www-form-urlencoded");
  std::string_view cookie = next_line(in);
  if (!cookie.empty()) req.headers.emplace_back("cookie", std::string(cookie));
  req.headers.emplace_back("accept-language", "fr-BE,fr;q=0.9");
  req.body = std::string(in);
  req.remote_ip = "127.0.0.1";
  auto res = the_app().handle(req);
  if (res.status >= 500) std::abort();
  return 0;
}
