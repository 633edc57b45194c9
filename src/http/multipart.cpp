// multipart/form-data parsing: delimiter lines "--BOUNDARY" CRLF, part
// headers up to an empty line, content up to CRLF "--BOUNDARY", and the
// close delimiter "--BOUNDARY--". Anything else is a FormError.
#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

#include "util/text.hpp"

namespace samen::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits "form-data; name=\"a\"; filename=\"b.csv\"" into (key, value) pairs after the first token.
struct DispositionParams {
  std::string type;
  std::vector<std::pair<std::string, std::string>> params;
};

DispositionParams parse_disposition(std::string_view v) {
  DispositionParams d;
  std::size_t i = 0;
  auto skip_ws = [&] {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t')) ++i;
  };
  skip_ws();
  std::size_t start = i;
  while (i < v.size() && v[i] != ';') ++i;
  d.type = lower(text::trim(v.substr(start, i - start)));
  while (i < v.size()) {
    ++i;  // ';'
    skip_ws();
    std::size_t key_start = i;
    while (i < v.size() && v[i] != '=' && v[i] != ';') ++i;
    std::string key = lower(text::trim(v.substr(key_start, i - key_start)));
    if (i >= v.size() || v[i] != '=') throw FormError("multipart: parameter without value");
    ++i;
    skip_ws();
    std::string value;
    if (i < v.size() && v[i] == '"') {
      ++i;
      bool closed = false;
      while (i < v.size()) {
        char c = v[i++];
        if (c == '\\' && i < v.size()) {
          value += v[i++];
        } else if (c == '"') {
          closed = true;
          break;
        } else {
          value += c;
        }
      }
      if (!closed) throw FormError("multipart: unterminated quoted parameter");
      skip_ws();
      if (i < v.size() && v[i] != ';') throw FormError("multipart: text after a quoted parameter");
    } else {
      std::size_t value_start = i;
      while (i < v.size() && v[i] != ';') ++i;
      value = std::string(text::trim(v.substr(value_start, i - value_start)));
    }
    if (key.empty()) throw FormError("multipart: empty parameter name");
    d.params.emplace_back(std::move(key), std::move(value));
  }
  return d;
}

bool boundary_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

MultipartPart parse_part_headers(std::string_view headers) {
  MultipartPart part;
  bool disposition_seen = false;
  std::size_t pos = 0;
  while (pos < headers.size()) {
    std::size_t end = headers.find("\r\n", pos);
    if (end == std::string_view::npos) end = headers.size();
    std::string_view line = headers.substr(pos, end - pos);
    pos = end + 2;
    if (line.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) throw FormError("multipart: malformed part header");
    std::string name = lower(text::trim(line.substr(0, colon)));
    std::string_view value = text::trim(line.substr(colon + 1));
    if (name == "content-disposition") {
      if (disposition_seen) throw FormError("multipart: two Content-Disposition headers");
      disposition_seen = true;
      auto d = parse_disposition(value);
      if (d.type != "form-data") throw FormError("multipart: part is not form-data");
      bool has_name = false;
      for (auto& [k, v] : d.params) {
        if (k == "name") part.name = v, has_name = true;
        else if (k == "filename") part.filename = v, part.has_filename = true;
      }
      if (!has_name || part.name.empty()) throw FormError("multipart: part without a name");
    } else if (name == "content-type") {
      part.content_type = std::string(value);
    }
  }
  if (!disposition_seen) throw FormError("multipart: part without Content-Disposition");
  if (!valid_utf8(part.name) || !valid_utf8(part.filename)) throw FormError("multipart: names must be UTF-8");
  // Browsers send the base name; drop any directory part other clients might send.
  auto slash = part.filename.find_last_of("/\\");
  if (slash != std::string::npos) part.filename.erase(0, slash + 1);
  return part;
}

}  // namespace

bool is_multipart_form(std::string_view content_type) {
  auto semi = content_type.find(';');
  return lower(text::trim(content_type.substr(0, semi))) == "multipart/form-data";
}

std::string multipart_boundary(std::string_view content_type) {
  if (!is_multipart_form(content_type)) throw FormError("not multipart/form-data");
  auto semi = content_type.find(';');
  if (semi == std::string_view::npos) throw FormError("multipart: no boundary");
  auto d = parse_disposition("x" + std::string(content_type.substr(semi)));
  for (auto& [k, v] : d.params) {
    if (k != "boundary") continue;
    if (v.empty() || v.size() > 70 || v.back() == ' ' || !std::all_of(v.begin(), v.end(), boundary_char))
      throw FormError("multipart: invalid boundary");
    return v;
  }
  throw FormError("multipart: no boundary");
}

std::vector<MultipartPart> parse_multipart(std::string_view content_type, std::string_view body,
                                           const MultipartLimits& limits) {
  const std::string delimiter = "--" + multipart_boundary(content_type);
  const std::string separator = "\r\n" + delimiter;
  if (!body.starts_with(delimiter)) throw FormError("multipart: body does not start with the boundary");
  std::vector<MultipartPart> parts;
  std::size_t pos = delimiter.size();
  while (true) {
    // After a delimiter: "--" closes the body, CRLF starts a part.
    if (body.substr(pos, 2) == "--") {
      std::string_view rest = body.substr(pos + 2);
      if (!rest.empty() && rest != "\r\n") throw FormError("multipart: data after the close delimiter");
      break;
    }
    if (body.substr(pos, 2) != "\r\n") throw FormError("multipart: malformed delimiter line");
    pos += 2;
    if (parts.size() == limits.max_parts) throw FormError("multipart: too many parts");
    std::size_t headers_end = body.find("\r\n\r\n", pos);
    // A part with no headers at all cannot be form-data.
    if (headers_end == std::string_view::npos || headers_end - pos > limits.max_header_bytes)
      throw FormError("multipart: part headers missing or too long");
    MultipartPart part = parse_part_headers(body.substr(pos, headers_end - pos));
    std::size_t data_start = headers_end + 4;
    std::size_t data_end = body.find(separator, data_start);
    if (data_end == std::string_view::npos) throw FormError("multipart: missing close delimiter");
    part.data = std::string(body.substr(data_start, data_end - data_start));
    if (!part.has_filename && !valid_utf8(part.data)) throw FormError("multipart: text field is not UTF-8");
    parts.push_back(std::move(part));
    pos = data_end + separator.size();
  }
  return parts;
}

Fields multipart_text_fields(const std::vector<MultipartPart>& parts) {
  Fields f;
  for (const auto& p : parts)
    if (!p.has_filename) f.emplace_back(p.name, p.data);
  return f;
}

}  // namespace samen::http
