// Retention: handovers whose retention ended are deleted, with their
// consents, by the job `transitions.retention` (hourly, and once at
// start-up). Deletion is real: the rows are gone. Each batch is its own short
// transaction, so requests are served between batches. What SQLite keeps of
// deleted rows in free pages and the WAL until they are reused is ciphertext
// only (crypto.hpp), readable with the current key alone; `samen keys rotate`
// makes such remnants (and old backups) unreadable.
#include <spdlog/spdlog.h>

#include "accounts/audit.hpp"
#include "transitions/handlers.hpp"
#include "transitions/store.hpp"

namespace samen::transitions {

namespace {
constexpr std::int64_t kBatch = 500;
}

std::size_t run_retention(store::Database& db, std::int64_t now) {
  std::size_t total = 0;
  for (;;) {
    std::size_t n = store::in_transaction(db, [&](store::Connection& c) {
      auto ids = delete_expired(c, now, kBatch);
      if (!ids.empty()) {
        accounts::AuditEntry a;
        a.at = now;
        a.actor_label = "retention job";
        a.action = "transitions.retention.delete";
        a.target_type = "transitions_handover";
        a.detail = std::to_string(ids.size()) + " handover(s) past retention";
        accounts::record_audit(c, a);
      }
      return ids.size();
    });
    total += n;
    if (n < static_cast<std::size_t>(kBatch)) break;
  }
  if (total > 0) spdlog::info("{{\"event\":\"transitions.retention\",\"deleted\":{}}}", total);
  return total;
}

}  // namespace samen::transitions
