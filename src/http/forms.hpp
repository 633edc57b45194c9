// Decoding of URL-encoded forms and query strings, percent-encoding, and
// UTF-8 validation. Invalid input raises FormError instead of passing bytes
// through, so handlers only ever see well-formed UTF-8.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/text.hpp"

namespace samen::http {

class FormError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Fields = std::vector<std::pair<std::string, std::string>>;

// Parses "a=1&b=x+y%21"; invalid percent escapes or invalid UTF-8 → FormError.
// At most max_fields fields (more → FormError).
Fields parse_urlencoded(std::string_view body, std::size_t max_fields = 1000);

// Lenient variant for query strings: drops fields that do not decode to valid UTF-8.
Fields parse_query_lenient(std::string_view query);

// Strict UTF-8 check (the one in util/text.hpp), named here for the callers of the form layer.
using text::valid_utf8;
std::string percent_decode(std::string_view s, bool plus_is_space);  // throws FormError
std::string url_encode(std::string_view s);  // for query values and path segments

// Whether a decoded `next=` value is a path on this site, to redirect to:
// it starts with one '/', and neither it nor its own decoding holds '//', a
// backslash or a control character (browsers drop tabs and newlines, so
// "/\t/evil.example" would lead to another site).
bool is_local_path(std::string_view decoded);
// A raw request path fit for a link on this site: runs of '/' collapsed
// into one, so "//evil.example" cannot become a scheme-relative URL.
std::string normalized_path(std::string_view raw_path);

// A field lookup over parsed fields.
class Form {
 public:
  Form() = default;
  explicit Form(Fields fields) : fields_(std::move(fields)) {}
  std::string get(std::string_view name) const;  // "" when absent
  bool has(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  const Fields& fields() const { return fields_; }

 private:
  Fields fields_;
};

}  // namespace samen::http
