// libsodium-backed secrets: argon2id password hashes, random tokens, digests.
#include "accounts/secrets.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "http/forms.hpp"

namespace samen::accounts {

namespace {
// Interactive limits keep a login under ~100 ms on the 2-core target while
// staying within OWASP's argon2id recommendations (m=64 MiB, t=2).
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
}  // namespace

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  std::string enc(encoded);
  return crypto_pwhash_str_verify(enc.c_str(), password.data(), password.size()) == 0;
}

void burn_password_time(std::string_view password) {
  static const std::string dummy = hash_password("samen-dummy-password-for-timing");
  (void)verify_password(dummy, password);
}

std::string random_token(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), buf.data(), buf.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string token_digest(std::string_view token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string_view password_problem(std::string_view password) {
  if (!http::valid_utf8(password)) return "password.invalid";
  if (password.size() < 10) return "password.too_short";
  if (password.size() > 256) return "password.too_long";
  return "";
}

}  // namespace samen::accounts
