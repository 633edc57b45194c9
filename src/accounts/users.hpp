// User accounts: who they are, their role, language and organisations.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/roles.hpp"
#include "store/database.hpp"

namespace samen::accounts {

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  Role role = Role::partner;
  std::string lang = "nl";
  bool disabled = false;
  bool must_change_password = false;
  std::int64_t created_at = 0;
  std::vector<std::string> organizations;  // directory organisation ids
};

struct NewUser {
  std::string email;
  std::string name;
  Role role = Role::partner;
  std::string lang = "nl";
  std::optional<std::string> password_hash;  // none: invited, sets it later
  std::vector<std::string> organizations;
};

// Lower-cases and trims; returns "" when not a plausible address.
std::string normalize_email(std::string_view email);

std::optional<User> find_user_by_email(store::Connection& c, std::string_view email);
std::optional<User> find_user(store::Connection& c, std::int64_t id);
std::vector<User> list_users(store::Connection& c);
std::optional<std::string> password_hash_of(store::Connection& c, std::int64_t id);
// Throws StoreError(unique_violation) when the email is taken.
std::int64_t create_user(store::Connection& c, const NewUser& u, std::int64_t now);
void set_password_hash(store::Connection& c, std::int64_t id, const std::string& hash, std::int64_t now);
void update_profile(store::Connection& c, std::int64_t id, const std::string& name, const std::string& lang,
                    std::int64_t now);
void set_role(store::Connection& c, std::int64_t id, Role role, std::int64_t now);
void set_disabled(store::Connection& c, std::int64_t id, bool disabled, std::int64_t now);
void set_organizations(store::Connection& c, std::int64_t id, const std::vector<std::string>& orgs);
std::int64_t count_users(store::Connection& c);

}  // namespace samen::accounts
