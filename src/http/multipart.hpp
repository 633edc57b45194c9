// Strict parsing of multipart/form-data bodies (RFC 7578) for file uploads:
// the boundary comes from the Content-Type, every part needs a
// Content-Disposition with a name, and malformed or oversized input raises
// FormError instead of being guessed at. Text fields must be valid UTF-8.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "http/forms.hpp"

namespace samen::http {

struct MultipartPart {
  std::string name;
  std::string filename;      // "" for a text field
  bool has_filename = false;  // a file input (possibly with no file chosen)
  std::string content_type;  // as sent, "" when absent
  std::string data;
};

struct MultipartLimits {
  std::size_t max_parts = 20;
  std::size_t max_header_bytes = 8 * 1024;  // headers of one part
};

bool is_multipart_form(std::string_view content_type);
// The boundary parameter of a multipart/form-data Content-Type; FormError when missing or invalid.
std::string multipart_boundary(std::string_view content_type);
std::vector<MultipartPart> parse_multipart(std::string_view content_type, std::string_view body,
                                           const MultipartLimits& limits = {});
// The text fields (parts without a filename), as a URL-encoded form would give them.
Fields multipart_text_fields(const std::vector<MultipartPart>& parts);

}  // namespace samen::http
