// Encryption at rest of the transitions module's personal data (handover
// contents, consent details): libsodium's crypto_secretbox (XSalsa20-Poly1305)
// with a random nonce per value, under a 32-byte key that lives in a key file
// outside the database. Plain C++ without I/O on the database, so it is tested
// without a server. A sealed value names the key it was sealed under (its key
// id) and is bound to the record and field it belongs to (a `context` sealed
// inside), so a value copied into another row is refused like a tampered one.
#pragma once
#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace samen::transitions {

// A refusal of the crypto layer. `tampered`: the value does not authenticate
// (changed bytes, another row's value); `unknown_key`: sealed under another
// key; `malformed`: not a sealed value at all.
class CryptoError : public std::runtime_error {
 public:
  enum class Kind { tampered, unknown_key, malformed };
  CryptoError(Kind kind, const std::string& what) : std::runtime_error(what), kind(kind) {}
  Kind kind;
};

struct Key {
  std::array<unsigned char, 32> bytes{};
  std::string id;  // 16 hex digits derived from the key (BLAKE2b), never the key itself
};

// A fresh key from libsodium's random generator.
Key generate_key();
// The key of 32 bytes (its id computed).
Key key_from_bytes(const std::array<unsigned char, 32>& bytes);

// The key check value stored in the database: a MAC (crypto_auth) of a
// constant under the key, so a wrong key file is recognised before any data
// is read, without storing anything that reveals the key.
std::string key_check(const Key& key);
bool key_matches(const Key& key, std::string_view check);

// "s1.<key id>.<base64 of nonce + MAC + ciphertext>".
std::string seal(const Key& key, std::string_view context, std::string_view plaintext);
// The plaintext; CryptoError when the value is malformed, sealed under
// another key, changed, or sealed for another context.
std::string open(const Key& key, std::string_view context, std::string_view sealed);
// The key id a sealed value names (CryptoError malformed when none).
std::string sealed_key_id(std::string_view sealed);

// Key files: 64 hexadecimal digits and a newline, mode 0600.
// Reads one; std::runtime_error with a clear message when it is missing,
// unreadable, readable by others than its owner, or not a key.
Key read_key_file(const std::filesystem::path& path);
// Writes a new one (never over an existing file), mode 0600, synced to disk.
void write_key_file(const std::filesystem::path& path, const Key& key);

}  // namespace samen::transitions
