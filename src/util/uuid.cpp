// UUIDs (see uuid.hpp); randomness and hashing from libsodium.
#include "util/uuid.hpp"

#include <sodium.h>

#include <cctype>

namespace samen::uuid {

std::string text(unsigned char (&bytes)[16], unsigned version) {
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | (version << 4));
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
  return out;
}

std::string random() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  return text(bytes, 4);
}

std::string name_based(std::string_view name) {
  unsigned char bytes[16];
  crypto_generichash(bytes, sizeof bytes, reinterpret_cast<const unsigned char*>(name.data()), name.size(), nullptr,
                     0);
  return text(bytes, 8);
}

bool valid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash_place = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_place ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace samen::uuid
