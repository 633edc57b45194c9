// Test support: one file of a ZIP archive held in memory (XLSX, DOCX), read
// with libzip, to check what a writer put inside.
#pragma once
#include <zip.h>

#include <optional>
#include <string>
#include <string_view>

namespace samen::testing {

inline std::optional<std::string> zip_entry(std::string_view archive, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  if (!src) return std::nullopt;
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!z) {
    zip_source_free(src);
    return std::nullopt;
  }
  std::optional<std::string> out;
  if (zip_file_t* f = zip_fopen(z, name, 0)) {
    out.emplace();
    char buf[8192];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

}  // namespace samen::testing
