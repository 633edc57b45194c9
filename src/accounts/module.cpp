// The accounts module's plug: its routes and home panel, its CLI commands
// (user add, user passwd, token create) and the demo network's accounts.
#include "accounts/module.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "accounts/audit.hpp"
#include "accounts/jobs.hpp"
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "accounts/users.hpp"
#include "app/app.hpp"
#include "demo/demo.hpp"

namespace samen::accounts {

namespace {

std::string read_password_stdin() {
  std::string pw;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

void check_password(const std::string& pw) {
  if (auto problem = password_problem(pw); !problem.empty())
    throw CLI::ValidationError("password", i18n::Catalog::embedded().text(i18n::Lang::en, problem));
}

void audit_cli(store::Connection& c, const std::string& action, std::int64_t user_id, const std::string& detail) {
  record_audit(c, {0, app::unix_now(), std::nullopt, "cli", action, "user", std::to_string(user_id), detail, ""});
}

// An administrator's overview on the home page: accounts, events and failed logins of the last day.
std::string admin_overview(app::Context& ctx) {
  if (ctx.role() != Role::admin) return "";
  auto lease = ctx.app.db().acquire();
  AuditFilter f;
  f.from = ctx.now - 24 * 3600;
  web::Dict d("admin_overview");
  d.SetValue("USERS", i18n::format_integer(ctx.lang, count_users(*lease)));
  d.SetValue("EVENTS", i18n::format_integer(ctx.lang, count_audit(*lease, f)));
  f.action = "login.failed";
  d.SetValue("FAILED", i18n::format_integer(ctx.lang, count_audit(*lease, f)));
  return web::render(ctx.lang, "home_admin_overview", d);
}

class AccountsModule : public app::Module {
 public:
  std::string_view name() const override { return "accounts"; }

  void routes(app::Routes& r) const override {
    app::register_accounts(r);
    r.home_panel(admin_overview);
  }

  void commands(app::CommandLine& cl) const override {
    auto* user = cl.group("user", "Manage accounts");
    auto* add = cl.add(user, "add", "Create an account; the password is read from stdin", 1,
                       [this](store::Database& db, const app::CommandLine::Store&) { return user_add(db); });
    add->add_option("--email", email_, "E-mail address (login)")->required();
    add->add_option("--name", name_, "Full name")->required();
    add->add_option("--role", role_, "admin, coordinator, facilitator, partner or parent_rep")->required();
    add->add_option("--org", orgs_, "Organisation id (repeatable)");
    add->add_flag("--password-stdin", password_stdin_, "Read the password from the first line of stdin")->required();
    auto* passwd = cl.add(user, "passwd", "Set an account's password from stdin", 1,
                          [this](store::Database& db, const app::CommandLine::Store&) { return user_passwd(db); });
    passwd->add_option("--email", email_, "E-mail address")->required();
    passwd->add_flag("--password-stdin", password_stdin_, "Read the password from the first line of stdin")->required();

    auto* token = cl.group("token", "API bearer tokens");
    auto* create = cl.add(token, "create", "Create a token; printed once, on the last line", 1,
                          [this](store::Database& db, const app::CommandLine::Store&) { return token_create(db); });
    create->add_option("--email", email_, "Account the token acts for")->required();
    create->add_option("--label", label_, "What the token is for");
    create->add_option("--expires-days", token_days_, "Valid for this many days (default: until revoked)")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{3650}));
  }

  void load_demo(const app::DemoLoad& load) const override {
    demo::load_network(load.db, load.now);
    std::string password = demo::reset_demo_admin(load.db, load.now);
    load.announce.push_back("Admin login: " + std::string(demo::kAdminEmail) + " / " + password +
                            "  (one-time password: choose your own after signing in)");
  }

  std::vector<app::Job> jobs() const override { return {purge_sessions_job()}; }
  void start(app::App& app) const override { app.put(std::make_shared<LoginSeams>()); }

 private:
  int user_add(store::Database& db) const {
    auto role = parse_role(role_);
    if (!role) throw CLI::ValidationError("--role", "must be one of admin, coordinator, facilitator, partner, parent_rep");
    if (normalize_email(email_).empty()) throw CLI::ValidationError("--email", "not a valid e-mail address");
    if (name_.empty() || name_.size() > 200) throw CLI::ValidationError("--name", "must be 1-200 characters");
    std::string pw = read_password_stdin();
    check_password(pw);
    auto now = app::unix_now();
    auto id = store::in_transaction(db, [&](store::Connection& c) {
      if (find_user_by_email(c, email_))
        throw std::runtime_error("an account with e-mail " + normalize_email(email_) + " already exists");
      for (const auto& o : orgs_)
        if (c.exec("SELECT 1 FROM organizations WHERE id = ?", {o}).empty())
          throw std::runtime_error("unknown organisation id " + o);
      auto id = create_user(c, {email_, name_, *role, "nl", hash_password(pw), orgs_}, now);
      audit_cli(c, "user.created", id, role_);
      return id;
    });
    std::cout << "created account " << id << " for " << normalize_email(email_) << std::endl;
    return 0;
  }

  int user_passwd(store::Database& db) const {
    std::string pw = read_password_stdin();
    check_password(pw);
    auto now = app::unix_now();
    store::in_transaction(db, [&](store::Connection& c) {
      auto u = find_user_by_email(c, email_);
      if (!u) throw std::runtime_error("no account with e-mail " + email_);
      set_password_hash(c, u->id, hash_password(pw), now);
      end_user_sessions(c, u->id);
      audit_cli(c, "user.password", u->id, "");
    });
    std::cout << "password changed" << std::endl;
    return 0;
  }

  int token_create(store::Database& db) const {
    auto now = app::unix_now();
    std::string raw = store::in_transaction(db, [&](store::Connection& c) {
      auto u = find_user_by_email(c, email_);
      if (!u) throw std::runtime_error("no account with e-mail " + email_);
      if (u->disabled) throw std::runtime_error("the account " + email_ + " is disabled");
      auto t = create_api_token(c, u->id, label_, now,
                                token_days_ ? std::optional(now + token_days_ * 24 * 3600) : std::nullopt);
      record_audit(c, {0, now, std::nullopt, "cli", "token.created", "api_token", t.substr(0, 12), label_, ""});
      return t;
    });
    std::cout << "API token for " << normalize_email(email_) << " (shown once):\n" << raw << std::endl;
    return 0;
  }

  // Bound to the command-line options (one process runs one command).
  mutable std::string email_, name_, role_, label_ = "cli";
  mutable std::vector<std::string> orgs_;
  mutable bool password_stdin_ = false;
  mutable std::int64_t token_days_ = 0;
};

}  // namespace

const app::Module& module() {
  static const AccountsModule m;
  return m;
}

}  // namespace samen::accounts
