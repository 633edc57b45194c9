// URL-encoded form and query decoding with strict UTF-8 validation.
#include "http/forms.hpp"

namespace samen::http {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= s.size()) throw FormError("truncated percent escape");
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) throw FormError("invalid percent escape");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  if (!valid_utf8(out)) throw FormError("invalid UTF-8");
  return out;
}

Fields parse_urlencoded(std::string_view body, std::size_t max_fields) {
  Fields fields;
  while (!body.empty()) {
    auto amp = body.find('&');
    std::string_view part = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (part.empty()) continue;
    if (fields.size() >= max_fields) throw FormError("too many fields");
    auto eq = part.find('=');
    std::string name = percent_decode(part.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? "" : percent_decode(part.substr(eq + 1), true);
    fields.emplace_back(std::move(name), std::move(value));
  }
  return fields;
}

Fields parse_query_lenient(std::string_view query) {
  Fields fields;
  while (!query.empty() && fields.size() < 200) {
    auto amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    try {
      std::string name = percent_decode(part.substr(0, eq), true);
      std::string value = eq == std::string_view::npos ? "" : percent_decode(part.substr(eq + 1), true);
      fields.emplace_back(std::move(name), std::move(value));
    } catch (const FormError&) {
      // A malformed field in a URL someone typed is dropped, not fatal.
    }
  }
  return fields;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace {
bool has_unsafe_path_text(std::string_view s) {
  if (s.find("//") != std::string_view::npos || s.find('\\') != std::string_view::npos) return true;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}
}  // namespace

bool is_local_path(std::string_view decoded) {
  if (decoded.empty() || decoded.front() != '/' || decoded.size() > 2000 || has_unsafe_path_text(decoded))
    return false;
  try {
    return !has_unsafe_path_text(percent_decode(decoded, false));
  } catch (const FormError&) {
    return false;
  }
}

std::string normalized_path(std::string_view raw_path) {
  std::string out;
  for (char c : raw_path) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    if (c == '\\') {
      out += "%5C";
      continue;
    }
    out += c;
  }
  if (out.empty() || out.front() != '/') out.insert(out.begin(), '/');
  return out;
}

std::string Form::get(std::string_view name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return v;
  return {};
}

bool Form::has(std::string_view name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return true;
  return false;
}

std::vector<std::string> Form::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields_)
    if (k == name) out.push_back(v);
  return out;
}

}  // namespace samen::http
