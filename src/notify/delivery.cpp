// One delivery pass over the outbox.
#include "notify/delivery.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <random>

#include "accounts/secrets.hpp"
#include "notify/message.hpp"
#include "notify/outbox.hpp"

namespace samen::notify {

namespace {

double random_jitter() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

void log_failure(std::int64_t id, const std::string& error, bool dead) {
  spdlog::warn(nlohmann::json{{"event", dead ? "mail_dead" : "mail_retry"}, {"outbox_id", id}, {"error", error}}
                   .dump());
}

}  // namespace

DeliveryReport deliver_due(store::Database& db, Transport& transport, const DeliverySettings& settings,
                           std::int64_t now, const std::function<double()>& jitter) {
  DeliveryReport report;
  auto started = std::chrono::steady_clock::now();
  std::vector<std::int64_t> ids;
  {
    auto lease = db.acquire();
    ids = due_ids(*lease, now, settings.batch);
  }
  for (auto id : ids) {
    if (std::chrono::steady_clock::now() - started > settings.budget) break;
    std::optional<OutboxEntry> entry;
    {
      auto lease = db.acquire();
      entry = claim_for_delivery(*lease, id, now, settings.lease_seconds);
    }
    if (!entry) continue;  // another server took it
    std::string error;
    bool permanent = false;
    try {
      Envelope env{settings.from, settings.from_name, entry->message_key, now, accounts::random_token(18)};
      transport.send(settings.from, entry->message.to, build_mime(entry->message, env));
    } catch (const SendError& e) {
      error = e.what();
      permanent = e.permanent;
    } catch (const MessageError& e) {  // stored before a check was tightened: sending can never work
      error = e.what();
      permanent = true;
    }
    auto lease = db.acquire();
    if (error.empty()) {
      mark_sent(*lease, id, now);
      ++report.sent;
      continue;
    }
    auto next = after_failure(settings.retry, entry->attempts + 1, permanent, now, jitter ? jitter() : random_jitter());
    mark_failed(*lease, id, error, next.dead, next.dead ? now : next.next_attempt_at);
    ++(next.dead ? report.dead : report.retrying);
    log_failure(id, error, next.dead);
  }
  return report;
}

}  // namespace samen::notify
