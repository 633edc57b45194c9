// The key a Samen process seals and opens handovers with, checked against
// the database's key check value (transitions_key), and key rotation.
//
// Start-up (`open`): no key recorded in the database → a key file is made
// (0600, libsodium-random) unless one is there, and recorded; a key recorded
// → the file must hold that key, else start-up stops with a clear error and
// nothing is read. A rotation interrupted between its commit and putting the
// new key file in place is finished here (the new file is `<file>.new`).
// A running server follows a rotation another process made: `current` looks
// at the recorded key id in the caller's transaction and re-reads the file
// when it changed.
#pragma once
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "transitions/crypto.hpp"

namespace samen::store {
class Connection;
class Database;
}  // namespace samen::store

namespace samen::transitions {

// The key file: the `--transitions-key-file` setting, else DATA_DIR/transitions.key.
std::filesystem::path key_file_path(const std::filesystem::path& data_dir, const std::string& setting);

class Keyring {
 public:
  explicit Keyring(std::filesystem::path file) : file_(std::move(file)) {}
  // Throws std::runtime_error with a message for the operator (see above).
  void open(store::Connection& c, std::int64_t now);
  // The key recorded in the database now (re-read from the file after a rotation).
  Key current(store::Connection& c);
  const std::filesystem::path& file() const { return file_; }

 private:
  std::mutex m_;
  std::filesystem::path file_;
  std::optional<Key> key_;
};

// The sealed columns of the module: table, sealed column. A value's context
// is "<table>:<id>:<column>".
std::string seal_context(const std::string& table, const std::string& id, const std::string& column);

struct Rotation {
  std::string old_id, new_id;
  std::size_t values = 0;  // sealed values re-encrypted
};
// `samen keys rotate`: a new key in `<file>.new`, every sealed value opened
// with the old key and sealed with the new one and the key check value
// replaced in one transaction; after the commit the new file replaces the
// old one. A failure before the commit leaves the database and the old key
// file as they were (the .new file is removed).
Rotation rotate(store::Database& db, const std::filesystem::path& file, std::int64_t now);

}  // namespace samen::transitions
