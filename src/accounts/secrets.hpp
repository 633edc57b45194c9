// Password hashing (argon2id), random tokens and token digests, all from
// libsodium. Tokens are stored only as digests, so a database leak does not
// hand out sessions or API access.
#pragma once
#include <string>
#include <string_view>

namespace samen::accounts {

// Throws std::runtime_error if libsodium cannot initialise.
void init_crypto();

std::string hash_password(std::string_view password);  // argon2id, encoded string
bool verify_password(std::string_view encoded, std::string_view password);
// A dummy verification with the same cost, so unknown accounts take as long
// as wrong passwords.
void burn_password_time(std::string_view password);

std::string random_token(std::size_t bytes = 32);  // URL-safe base64, no padding
std::string token_digest(std::string_view token);   // hex of BLAKE2b-256
bool constant_time_equal(std::string_view a, std::string_view b);

// Password rules shared by the CLI and the web forms; returns a catalog key
// describing the problem, or "" when acceptable.
std::string_view password_problem(std::string_view password);

}  // namespace samen::accounts
