// The one write path of every module. A handler describes a change as a
// function of a `Change` (the transaction's connection, the caller, the
// time); `write()` runs it in one transaction: the module checks permission
// and the version the editor read (`check_version`), writes, records field
// history (core/history.hpp) and its audit entries (`Change::audit`) on that
// same connection, so a change and its audit entry commit or vanish
// together. Only after the commit do the hooks it registered run
// (`Change::after_commit`: reindexing, notifications): they never see a
// change that was rolled back, and a failing hook cannot undo a committed one.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "accounts/audit.hpp"
#include "app/app.hpp"
#include "app/context.hpp"
#include "store/database.hpp"

namespace samen::app {

// Throws StaleVersion when the editor read another version than the stored
// one. nullopt: the caller sent no version (the transaction's own isolation
// is the only check).
void check_version(std::optional<std::int64_t> expected, std::int64_t stored);

// The audit entry of the current caller (actor, address, time).
accounts::AuditEntry audit_entry(const Context& ctx, const std::string& action, const std::string& target_type,
                                 const std::string& target_id, const std::string& detail);

class Change {
 public:
  Change(Context& ctx, store::Connection& db) : ctx(ctx), db(db) {}
  Change(const Change&) = delete;
  Change& operator=(const Change&) = delete;

  Context& ctx;
  store::Connection& db;  // the transaction's connection: every query of the change goes here

  std::int64_t now() const { return ctx.now; }
  // The signed-in caller; HttpError 401 when there is none.
  const accounts::User& user() const;
  // "email" of the caller, or "" (history rows' updated_by).
  std::string actor_label() const;

  // Appends an audit entry in this transaction.
  void audit(const std::string& action, const std::string& target_type = "", const std::string& target_id = "",
             const std::string& detail = "");
  // Runs `hook` after the commit (in registration order), never on rollback.
  void after_commit(std::function<void()> hook) { hooks_.push_back(std::move(hook)); }

  // For write(): runs the hooks; a hook's exception is logged, not thrown
  // (the change is committed and the answer must say so).
  void run_hooks() noexcept;

 private:
  std::vector<std::function<void()>> hooks_;
};

// Runs fn(Change&) in one transaction, then its after-commit hooks; returns
// what fn returns. Anything fn throws rolls everything back (audit entries
// included) and propagates; no hook runs.
template <class Fn>
auto write(Context& ctx, Fn&& fn) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  Change change(ctx, **lease);
  auto finish = [&] {
    lease.reset();  // back to the pool before the hooks, which may need connections of their own
    change.run_hooks();
  };
  if constexpr (std::is_void_v<decltype(fn(change))>) {
    store::run_in_transaction(**lease, [&] { fn(change); });
    finish();
  } else {
    auto result = store::run_in_transaction(**lease, [&] { return fn(change); });
    finish();
    return result;
  }
}

}  // namespace samen::app
