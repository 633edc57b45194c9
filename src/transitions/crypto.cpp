// Sealing and opening values with crypto_secretbox, key ids, key check
// values and key files (see crypto.hpp).
#include "transitions/crypto.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace samen::transitions {

namespace {

constexpr std::string_view kPrefix = "s1.";
constexpr std::string_view kCheckConstant = "samen transitions key check v1";

std::string to_hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string to_base64(const unsigned char* p, std::size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), p, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.pop_back();  // the terminating NUL
  return out;
}

bool from_base64(std::string_view in, std::vector<unsigned char>& out) {
  out.resize(in.size());
  std::size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), in.data(), in.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return false;
  out.resize(len);
  return true;
}

// The bytes sealed: the context, a NUL, then the value; the context is checked on opening.
std::string framed(std::string_view context, std::string_view plaintext) {
  std::string m;
  m.reserve(context.size() + 1 + plaintext.size());
  m.append(context);
  m.push_back('\0');
  m.append(plaintext);
  return m;
}

}  // namespace

Key key_from_bytes(const std::array<unsigned char, 32>& bytes) {
  Key k;
  k.bytes = bytes;
  // A keyed hash would need a key; the id is a BLAKE2b digest of the key with
  // a distinct prefix, so it reveals nothing usable about the key.
  unsigned char digest[8];
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, sizeof digest);
  static constexpr unsigned char domain[] = "samen-transitions-key-id";
  crypto_generichash_update(&st, domain, sizeof domain - 1);
  crypto_generichash_update(&st, bytes.data(), bytes.size());
  crypto_generichash_final(&st, digest, sizeof digest);
  k.id = to_hex(digest, sizeof digest);
  return k;
}

Key generate_key() {
  std::array<unsigned char, 32> bytes{};
  crypto_secretbox_keygen(bytes.data());
  Key k = key_from_bytes(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return k;
}

std::string key_check(const Key& key) {
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(kCheckConstant.data()), kCheckConstant.size(),
              key.bytes.data());
  return to_base64(mac, sizeof mac);
}

bool key_matches(const Key& key, std::string_view check) {
  std::vector<unsigned char> mac;
  if (!from_base64(check, mac) || mac.size() != crypto_auth_BYTES) return false;
  return crypto_auth_verify(mac.data(), reinterpret_cast<const unsigned char*>(kCheckConstant.data()),
                            kCheckConstant.size(), key.bytes.data()) == 0;
}

std::string seal(const Key& key, std::string_view context, std::string_view plaintext) {
  std::string m = framed(context, plaintext);
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + m.size());
  unsigned char* nonce = box.data();
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(m.data()),
                        m.size(), nonce, key.bytes.data());
  sodium_memzero(m.data(), m.size());
  return std::string(kPrefix) + key.id + "." + to_base64(box.data(), box.size());
}

std::string sealed_key_id(std::string_view sealed) {
  if (sealed.substr(0, kPrefix.size()) != kPrefix) throw CryptoError(CryptoError::Kind::malformed, "not a sealed value");
  auto dot = sealed.find('.', kPrefix.size());
  if (dot == std::string_view::npos || dot - kPrefix.size() != 16)
    throw CryptoError(CryptoError::Kind::malformed, "not a sealed value");
  return std::string(sealed.substr(kPrefix.size(), 16));
}

std::string open(const Key& key, std::string_view context, std::string_view sealed) {
  std::string id = sealed_key_id(sealed);
  if (id != key.id) throw CryptoError(CryptoError::Kind::unknown_key, "sealed under key " + id);
  std::vector<unsigned char> box;
  if (!from_base64(sealed.substr(kPrefix.size() + 17), box) ||
      box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw CryptoError(CryptoError::Kind::tampered, "sealed value damaged");
  std::size_t clen = box.size() - crypto_secretbox_NONCEBYTES;
  std::string m(clen - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(m.data()), box.data() + crypto_secretbox_NONCEBYTES,
                                 clen, box.data(), key.bytes.data()) != 0)
    throw CryptoError(CryptoError::Kind::tampered, "sealed value does not authenticate");
  // The value belongs to this record and field only.
  if (m.size() < context.size() + 1 || std::string_view(m).substr(0, context.size()) != context ||
      m[context.size()] != '\0') {
    sodium_memzero(m.data(), m.size());
    throw CryptoError(CryptoError::Kind::tampered, "sealed value belongs to another record");
  }
  std::string out = m.substr(context.size() + 1);
  sodium_memzero(m.data(), m.size());
  return out;
}

Key read_key_file(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw std::runtime_error("the transitions key file " + path.string() + " is missing (" + std::strerror(errno) + ")");
  if ((st.st_mode & 077) != 0)
    throw std::runtime_error("the transitions key file " + path.string() +
                             " may be read by others than its owner; make it owner-only (chmod 600)");
  std::ifstream in(path);
  std::string hex;
  if (!in || !std::getline(in, hex))
    throw std::runtime_error("the transitions key file " + path.string() + " cannot be read");
  std::array<unsigned char, 32> bytes{};
  std::size_t len = 0;
  if (hex.size() != 64 || sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != 32)
    throw std::runtime_error("the transitions key file " + path.string() + " holds no key (64 hexadecimal digits expected)");
  sodium_memzero(hex.data(), hex.size());
  Key k = key_from_bytes(bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return k;
}

void write_key_file(const std::filesystem::path& path, const Key& key) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    throw std::runtime_error("cannot create the transitions key file " + path.string() + ": " + std::strerror(errno));
  ::fchmod(fd, 0600);  // whatever the umask
  std::string text = to_hex(key.bytes.data(), key.bytes.size()) + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  sodium_memzero(text.data(), text.size());
  ::close(fd);
  if (!ok) {
    std::filesystem::remove(path);
    throw std::runtime_error("cannot write the transitions key file " + path.string());
  }
}

}  // namespace samen::transitions
