// The transitions module's encryption at rest without a server: sealing and
// opening, a fresh nonce per value, tampering and misplaced values refused,
// key ids and key check values, key files (0600, refused when others may read
// them, clear errors when missing or not a key).
#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <fstream>

#include "support/test_db.hpp"
#include "transitions/crypto.hpp"

namespace samen::transitions {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_GE(sodium_init(), 0); }
};

TEST_F(CryptoTest, SealedValuesOpenWithTheirKeyAndContextOnly) {
  Key k = generate_key();
  std::string sealed = seal(k, "transitions_handovers:h1:contents", "Amira slaapt met haar knuffel");
  EXPECT_EQ(sealed.find("Amira"), std::string::npos);
  EXPECT_EQ(sealed.rfind("s1." + k.id + ".", 0), 0u) << sealed;
  EXPECT_EQ(open(k, "transitions_handovers:h1:contents", sealed), "Amira slaapt met haar knuffel");
  EXPECT_EQ(sealed_key_id(sealed), k.id);

  // The same value twice: two nonces, two ciphertexts.
  EXPECT_NE(seal(k, "c", "same"), seal(k, "c", "same"));

  // Another row's value copied here does not open.
  try {
    open(k, "transitions_handovers:h2:contents", sealed);
    FAIL() << "opened under another context";
  } catch (const CryptoError& e) {
    EXPECT_EQ(e.kind, CryptoError::Kind::tampered);
  }
  // Another key: recognised by the key id before any decryption.
  try {
    open(generate_key(), "transitions_handovers:h1:contents", sealed);
    FAIL() << "opened under another key";
  } catch (const CryptoError& e) {
    EXPECT_EQ(e.kind, CryptoError::Kind::unknown_key);
  }
}

TEST_F(CryptoTest, EveryChangedCharacterIsDetected) {
  Key k = generate_key();
  std::string sealed = seal(k, "ctx", "health notes: allergic to nuts");
  std::size_t body = sealed.find('.', 3) + 1;
  int refused = 0;
  for (std::size_t i = body; i < sealed.size(); ++i) {
    std::string t = sealed;
    t[i] = t[i] == 'A' ? 'B' : 'A';
    if (t == sealed) continue;
    try {
      open(k, "ctx", t);
      ADD_FAILURE() << "a change at " << i << " went unnoticed";
    } catch (const CryptoError& e) {
      EXPECT_EQ(e.kind, CryptoError::Kind::tampered);
      ++refused;
    }
  }
  EXPECT_GT(refused, 40);
  EXPECT_THROW(open(k, "ctx", sealed.substr(0, body + 10)), CryptoError) << "truncated";
  EXPECT_THROW(open(k, "ctx", "plain text"), CryptoError);
  EXPECT_THROW(sealed_key_id("s1.short.x"), CryptoError);
}

TEST_F(CryptoTest, KeyCheckValuesRecogniseTheirKeyOnly) {
  Key a = generate_key(), b = generate_key();
  EXPECT_NE(a.id, b.id);
  EXPECT_EQ(a.id.size(), 16u);
  EXPECT_TRUE(key_matches(a, key_check(a)));
  EXPECT_FALSE(key_matches(b, key_check(a)));
  EXPECT_FALSE(key_matches(a, "not base64 !"));
  EXPECT_EQ(key_from_bytes(a.bytes).id, a.id) << "the id is derived from the key";
}

TEST_F(CryptoTest, KeyFilesAreOwnerOnlyAndCheckedOnReading) {
  testing::TempDir dir;
  auto file = dir.path() / "sub" / "transitions.key";
  Key k = generate_key();
  write_key_file(file, k);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(read_key_file(file).id, k.id);
  EXPECT_THROW(write_key_file(file, generate_key()), std::runtime_error) << "never over an existing key";
  EXPECT_EQ(read_key_file(file).id, k.id);

  ::chmod(file.c_str(), 0644);
  try {
    read_key_file(file);
    FAIL() << "a key others may read was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
  }
  try {
    read_key_file(dir.path() / "none.key");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("is missing"), std::string::npos) << e.what();
  }
  auto bad = dir.path() / "bad.key";
  { std::ofstream(bad) << "not a key\n"; }
  ::chmod(bad.c_str(), 0600);
  EXPECT_THROW(read_key_file(bad), std::runtime_error);
}

}  // namespace
}  // namespace samen::transitions
