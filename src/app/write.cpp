// The shared write path (write.hpp): version checks, audit entries written
// in the change's own transaction, after-commit hooks.
#include "app/write.hpp"

#include <spdlog/spdlog.h>

#include "app/app.hpp"

namespace samen::app {

void check_version(std::optional<std::int64_t> expected, std::int64_t stored) {
  if (expected && *expected != stored) throw StaleVersion();
}

accounts::AuditEntry audit_entry(const Context& ctx, const std::string& action, const std::string& target_type,
                                 const std::string& target_id, const std::string& detail) {
  accounts::AuditEntry e;
  e.at = ctx.now;
  if (auto u = ctx.user()) {
    e.actor_id = u->id;
    e.actor_label = u->email;
  }
  e.action = action;
  e.target_type = target_type;
  e.target_id = target_id;
  e.detail = detail;
  e.remote_ip = http::client_address(ctx.req, ctx.app.options().behind_tls);
  return e;
}

const accounts::User& Change::user() const {
  if (auto u = ctx.user()) return *u;
  throw HttpError(401, "unauthorized", "error.unauthorized");
}

std::string Change::actor_label() const {
  auto u = ctx.user();
  return u ? u->email : std::string();
}

void Change::audit(const std::string& action, const std::string& target_type, const std::string& target_id,
                   const std::string& detail) {
  accounts::record_audit(db, audit_entry(ctx, action, target_type, target_id, detail));
}

void Change::run_hooks() noexcept {
  for (auto& hook : hooks_) {
    try {
      hook();
    } catch (const std::exception& e) {
      spdlog::error("{{\"event\":\"after_commit_failed\",\"route\":\"{}\",\"error\":\"{}\"}}", ctx.route, e.what());
    } catch (...) {
      spdlog::error("{{\"event\":\"after_commit_failed\",\"route\":\"{}\"}}", ctx.route);
    }
  }
  hooks_.clear();
}

}  // namespace samen::app
