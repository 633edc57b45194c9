// The outbox table: queueing a message inside the caller's transaction, the
// claims and outcomes of delivery, and what the admin page lists and changes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "notify/message.hpp"
#include "store/database.hpp"

namespace samen::notify {

enum class Status { queued, sent, dead };
std::string_view status_name(Status s);                // "queued", "sent", "dead"
std::optional<Status> parse_status(std::string_view s);

// Queues a message; call it on the connection of the transaction that makes
// the change, so the e-mail exists exactly when the change is committed.
// Throws MessageError for a message that cannot be sent safely. Returns its id.
std::int64_t enqueue(store::Connection& c, const Message& m, std::int64_t now);

struct OutboxEntry {
  std::int64_t id = 0;
  Message message;
  std::string message_key;
  Status status = Status::queued;
  int attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::optional<std::string> last_error;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> cancelled_at;
};

std::optional<OutboxEntry> find_entry(store::Connection& c, std::int64_t id);
// One page of a status list: waiting messages by next attempt, sent and dead newest first.
std::vector<OutboxEntry> list_entries(store::Connection& c, Status s, std::int64_t limit, std::int64_t offset);
std::int64_t count_entries(store::Connection& c, Status s);

// ---- delivery ----
// Ids of queued messages due at `now`, oldest due first.
std::vector<std::int64_t> due_ids(store::Connection& c, std::int64_t now, std::int64_t limit);
// Takes a due message for one delivery attempt by pushing its next attempt
// `lease_seconds` ahead (compare-and-set, so two servers never send it both;
// if this server dies mid-send the message is due again after the lease).
// Returns the entry when this caller got it.
std::optional<OutboxEntry> claim_for_delivery(store::Connection& c, std::int64_t id, std::int64_t now,
                                              std::int64_t lease_seconds);
void mark_sent(store::Connection& c, std::int64_t id, std::int64_t now);
// A failed attempt: counted, error kept, then dead or queued again at next_attempt_at.
void mark_failed(store::Connection& c, std::int64_t id, const std::string& error, bool dead,
                 std::int64_t next_attempt_at);

// ---- admin actions ----
// A dead message (not sent) queued again, due now, attempts counted from 0. False when not dead.
bool retry_entry(store::Connection& c, std::int64_t id, std::int64_t now);
// A waiting message moved to the dead letters as cancelled. False when not waiting.
bool cancel_entry(store::Connection& c, std::int64_t id, std::int64_t now);
// Removes sent and dead messages older than `before` (they hold invitation links); returns how many.
std::int64_t purge_finished(store::Connection& c, std::int64_t before);

}  // namespace samen::notify
