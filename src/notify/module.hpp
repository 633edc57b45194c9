// The notify module: the outbox's admin page (/admin/outbox: waiting, sent and
// dead-letter messages, retry and cancel) and its periodic jobs (delivery
// through SMTP when --smtp-url is set; clean-up of old finished messages).
// Other modules only call notify::enqueue (outbox.hpp).
#pragma once
#include "app/module.hpp"
#include "notify/delivery.hpp"

namespace samen::app {
class App;
}

namespace samen::notify {

const app::Module& module();

// The delivery settings of this process (sender from AppOptions::mail_from).
DeliverySettings delivery_settings(const app::App& app);
// One delivery pass with the process's SMTP URL; does nothing without one
// (the messages wait in the outbox). The body of the notify.deliver job.
DeliveryReport deliver_now(app::App& app, std::int64_t now);

inline constexpr std::int64_t kKeepFinishedSeconds = 30 * 24 * 3600;  // sent and dead messages, then purged

}  // namespace samen::notify
