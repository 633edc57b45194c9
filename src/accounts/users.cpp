// Queries on users and their organisation memberships.
#include "accounts/users.hpp"

#include <algorithm>

#include "http/forms.hpp"

namespace samen::accounts {

namespace {
constexpr const char* kUserColumns =
    "SELECT id, email, name, role, lang, disabled, must_change_password, created_at FROM users ";

User user_from(store::Connection& c, const store::Row& r, bool with_orgs = true) {
  User u;
  u.id = r.int64(0);
  u.email = r.text(1);
  u.name = r.text(2);
  u.role = parse_role(r.text(3)).value_or(Role::partner);
  u.lang = r.text(4);
  u.disabled = r.boolean(5);
  u.must_change_password = r.boolean(6);
  u.created_at = r.int64(7);
  if (with_orgs) {
    for (const auto& o : c.exec("SELECT organization_id FROM user_organizations WHERE user_id = ? "
                                "ORDER BY organization_id", {u.id}).rows)
      u.organizations.push_back(o.text(0));
  }
  return u;
}
}  // namespace

std::string normalize_email(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) email.remove_prefix(1);
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) email.remove_suffix(1);
  if (email.size() < 3 || email.size() > 254 || !http::valid_utf8(email)) return "";
  auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= email.size() ||
      email.find('@', at + 1) != std::string_view::npos)
    return "";
  std::string out(email);
  for (auto& ch : out) {
    if (std::isspace(static_cast<unsigned char>(ch)) || ch == '<' || ch == '>' || ch == '"') return "";
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

std::optional<User> find_user_by_email(store::Connection& c, std::string_view email) {
  auto r = c.exec(std::string(kUserColumns) + "WHERE email = ?", {normalize_email(email)});
  if (r.empty()) return std::nullopt;
  return user_from(c, r.rows[0]);
}

std::optional<User> find_user(store::Connection& c, std::int64_t id) {
  auto r = c.exec(std::string(kUserColumns) + "WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return user_from(c, r.rows[0]);
}

std::vector<User> list_users(store::Connection& c) {
  std::vector<User> out;
  auto r = c.exec(std::string(kUserColumns) + "ORDER BY name, id");
  for (const auto& row : r.rows) out.push_back(user_from(c, row));
  return out;
}

std::optional<std::string> password_hash_of(store::Connection& c, std::int64_t id) {
  auto r = c.exec("SELECT password_hash FROM users WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return r.rows[0].opt_text(0);
}

std::int64_t create_user(store::Connection& c, const NewUser& u, std::int64_t now) {
  auto r = c.exec(
      "INSERT INTO users (email, name, role, lang, password_hash, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {normalize_email(u.email), u.name, std::string(role_name(u.role)), u.lang, store::opt(u.password_hash),
       now, now});
  std::int64_t id = r.rows.at(0).int64(0);
  set_organizations(c, id, u.organizations);
  return id;
}

void set_password_hash(store::Connection& c, std::int64_t id, const std::string& hash, std::int64_t now) {
  c.exec("UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?",
         {hash, now, id});
}

void update_profile(store::Connection& c, std::int64_t id, const std::string& name, const std::string& lang,
                    std::int64_t now) {
  c.exec("UPDATE users SET name = ?, lang = ?, updated_at = ? WHERE id = ?", {name, lang, now, id});
}

void set_role(store::Connection& c, std::int64_t id, Role role, std::int64_t now) {
  c.exec("UPDATE users SET role = ?, updated_at = ? WHERE id = ?", {std::string(role_name(role)), now, id});
}

void set_disabled(store::Connection& c, std::int64_t id, bool disabled, std::int64_t now) {
  c.exec("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?",
         {std::int64_t{disabled ? 1 : 0}, now, id});
}

void set_organizations(store::Connection& c, std::int64_t id, const std::vector<std::string>& orgs) {
  c.exec("DELETE FROM user_organizations WHERE user_id = ?", {id});
  std::vector<std::string> unique = orgs;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const auto& o : unique)
    if (!o.empty()) c.exec("INSERT INTO user_organizations (user_id, organization_id) VALUES (?, ?)", {id, o});
}

std::int64_t count_users(store::Connection& c) {
  return c.exec("SELECT COUNT(*) FROM users").rows.at(0).int64(0);
}

}  // namespace samen::accounts
