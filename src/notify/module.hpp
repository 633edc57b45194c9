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

// The serve settings of e-mail (Module::serve_options): --smtp-url, --mail-from
// and --public-url, with their SAMEN_* variables.
// Samen's absolute address for links in e-mails, without a trailing slash
// ("" when unknown: then no e-mail with a link is queued).
std::string public_url(const app::App& app);
// The delivery settings of this process (sender from --mail-from).
DeliverySettings delivery_settings(const app::App& app);
// One delivery pass with the process's SMTP URL; does nothing without one
// (the messages wait in the outbox). The body of the notify.deliver job.
DeliveryReport deliver_now(app::App& app, std::int64_t now);

inline constexpr std::int64_t kKeepFinishedSeconds = 30 * 24 * 3600;  // sent and dead messages, then purged

}  // namespace samen::notify
