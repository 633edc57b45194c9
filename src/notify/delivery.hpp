// The delivery of the outbox: one pass takes the due messages one by one
// (each claimed, so several servers can run it), sends them and records the
// outcome — sent, retried later with backoff, or dead.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "notify/retry.hpp"
#include "notify/smtp.hpp"
#include "store/database.hpp"

namespace samen::notify {

struct DeliverySettings {
  std::string from;                 // sender address
  std::string from_name = "Samen";  // sender's display name
  RetryPolicy retry;
  std::int64_t batch = 50;          // messages looked at per pass
  std::int64_t lease_seconds = 600; // a claimed message is due again after this if the sender died
  // No new message is started after this much time in one pass, so a slow or
  // unreachable server does not hold up the other jobs (or a shutdown) long.
  std::chrono::seconds budget{20};
};

struct DeliveryReport {
  int sent = 0;
  int retrying = 0;  // failed, queued again
  int dead = 0;      // failed for good or too often
};

// Sends the messages due at `now`. jitter() gives a number in [0, 1) for the
// backoff (random by default; tests pass a fixed one).
DeliveryReport deliver_due(store::Database& db, Transport& transport, const DeliverySettings& settings,
                           std::int64_t now, const std::function<double()>& jitter = {});

}  // namespace samen::notify
