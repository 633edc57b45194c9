// The notify module: admin outbox page, its route table and jobs.
#include "notify/module.hpp"

#include <CLI/CLI.hpp>
#include <chrono>

#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/download.hpp"
#include "notify/outbox.hpp"

namespace samen::notify {

namespace {

using app::Context;
using app::HttpError;

constexpr std::int64_t kPerPage = 50;

std::int64_t id_param(Context& ctx) {
  std::string s = ctx.param("id");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw HttpError(404, "not_found", "error.not_found");
  return std::stoll(s);
}

std::string when(const Context& ctx, std::int64_t t) { return i18n::format_time(ctx.lang, t, i18n::DateStyle::date_time); }

void fill_tabs(Context& ctx, web::Dict& d, store::Connection& c, Status current) {
  for (Status s : {Status::queued, Status::sent, Status::dead}) {
    auto* tab = d.AddSectionDictionary("TABS");
    std::string name(status_name(s));
    tab->SetValue("HREF", "/admin/outbox?status=" + name);
    tab->SetValue("LABEL", ctx.t("outbox.tab." + name));
    tab->SetValue("COUNT", i18n::format_integer(ctx.lang, count_entries(c, s)));
    if (s == current) tab->ShowSection("CURRENT");
  }
}

void fill_row(Context& ctx, web::Dict& row, const OutboxEntry& e) {
  row.SetValue("ID", std::to_string(e.id));
  row.SetValue("CREATED", when(ctx, e.created_at));
  row.SetValue("TO", e.message.to);
  row.SetValue("SUBJECT", e.message.subject);
  row.SetValue("LANG", e.message.lang);
  row.SetValue("ATTEMPTS", i18n::format_integer(ctx.lang, e.attempts));
  if (e.status == Status::queued) row.SetValueAndShowSection("NEXT", when(ctx, e.next_attempt_at), "WAITING");
  if (e.sent_at) row.SetValueAndShowSection("SENT_AT", when(ctx, *e.sent_at), "SENT");
  if (e.cancelled_at)
    row.SetValueAndShowSection("CANCELLED_AT", when(ctx, *e.cancelled_at), "CANCELLED");
  if (e.last_error) row.SetValueAndShowSection("ERROR", *e.last_error, "FAILED");
  if (e.status == Status::dead) row.ShowSection("CAN_RETRY");
}

// A status list as CSV/XLSX: the page's columns for every message of that status
// (addresses and subjects, no bodies: those may hold invitation links).
http::Response outbox_download(Context& ctx, Status status, documents::TableFormat format) {
  using documents::ColumnType;
  documents::Table t({{ctx.t("outbox.created"), ColumnType::date_time},
                      {ctx.t("outbox.to"), ColumnType::text},
                      {ctx.t("outbox.subject"), ColumnType::text},
                      {ctx.t("outbox.lang"), ColumnType::text},
                      {ctx.t("outbox.attempts"), ColumnType::integer},
                      {ctx.t("outbox.sent_at"), ColumnType::date_time},
                      {ctx.t("outbox.last_error"), ColumnType::text}});
  auto lease = ctx.app.db().acquire();
  for (const auto& e : list_entries(*lease, status, count_entries(*lease, status), 0))
    t.add_row({documents::DateTime{e.created_at}, e.message.to, e.message.subject, e.message.lang,
               std::int64_t{e.attempts},
               e.sent_at ? documents::Cell(documents::DateTime{*e.sent_at}) : documents::Cell(std::monostate{}),
               e.last_error.value_or("")});
  ctx.audit("outbox.export", "outbox", std::string(status_name(status)));
  return documents::table_download(t, format, "outbox-" + std::string(status_name(status)));
}

http::Response outbox_page(Context& ctx) {
  auto status = parse_status(ctx.req.query_param("status").value_or("queued"));
  if (!status) throw HttpError(404, "not_found", "error.not_found");
  if (auto format = documents::table_format(ctx); format != documents::TableFormat::html)
    return outbox_download(ctx, *status, format);
  auto page = app::page_request(ctx, kPerPage, 200);
  web::Dict d = ctx.content_dict();
  auto lease = ctx.app.db().acquire();
  fill_tabs(ctx, d, *lease, *status);
  std::int64_t total = count_entries(*lease, *status);
  auto entries = list_entries(*lease, *status, page.per_page, page.offset());
  for (const auto& e : entries) fill_row(ctx, *d.AddSectionDictionary("ENTRIES"), e);
  if (entries.empty()) d.ShowSection("EMPTY");
  if (ctx.app.setting("smtp-url").empty()) d.ShowSection("NO_SMTP");
  d.SetValue("CAPTION", ctx.t("outbox.tab." + std::string(status_name(*status))));
  d.SetValue("STATUS", std::string(status_name(*status)));
  d.SetValue("TOTAL", ctx.tf("outbox.total", {{"count", total}}));
  std::string base = "/admin/outbox?status=" + std::string(status_name(*status)) + "&page=";
  if (page.page > 1) d.SetValueAndShowSection("PREV_HREF", base + std::to_string(page.page - 1), "PREV");
  if (page.offset() + page.per_page < total)
    d.SetValueAndShowSection("NEXT_HREF", base + std::to_string(page.page + 1), "NEXT");
  return ctx.page("admin_outbox", ctx.t("outbox.title"), d);
}

http::Response outbox_retry(Context& ctx) {
  auto id = id_param(ctx);
  app::write(ctx, [&](app::Change& change) {
    if (!retry_entry(change.db, id, ctx.now)) throw HttpError(409, "not_dead", "outbox.not_dead");
    change.audit("outbox.retried", "outbox", std::to_string(id));
  });
  return http::Response::redirect("/admin/outbox?status=queued&done=outbox_retried");
}

http::Response outbox_cancel(Context& ctx) {
  auto id = id_param(ctx);
  app::write(ctx, [&](app::Change& change) {
    if (!cancel_entry(change.db, id, ctx.now)) throw HttpError(409, "not_waiting", "outbox.not_waiting");
    change.audit("outbox.cancelled", "outbox", std::to_string(id));
  });
  return http::Response::redirect("/admin/outbox?status=dead&done=outbox_cancelled");
}

class NotifyModule final : public app::Module {
 public:
  std::string_view name() const override { return "notify"; }

  void routes(app::Routes& r) const override {
    const auto admin = accounts::Access::only({accounts::Role::admin});
    r.page("GET", "/admin/outbox", admin, outbox_page);
    r.page("POST", "/admin/outbox/{id}/retry", admin, outbox_retry);
    r.page("POST", "/admin/outbox/{id}/cancel", admin, outbox_cancel);
    r.nav_item({"nav.outbox", "/admin/outbox", admin, "nav.outbox.about", 83});
  }

  void serve_options(CLI::App& serve, app::Settings& settings) const override {
    serve.add_option("--smtp-url", settings["smtp-url"],
                     "Mail server for the outbox, smtp://host:port or smtps://user:pw@host (none: e-mails wait)")
        ->envname("SAMEN_SMTP_URL");
    serve.add_option("--mail-from", settings["mail-from"], "Sender address of Samen's e-mails")
        ->envname("SAMEN_MAIL_FROM");
    serve.add_option("--public-url", settings["public-url"],
                     "Samen's address in e-mail links, e.g. https://samen.example (default: http://--listen)")
        ->envname("SAMEN_PUBLIC_URL");
  }

  // The e-mail settings are checked at start-up, not at the first delivery.
  void start(app::App& app) const override {
    std::string url = public_url(app);
    if (!url.empty() && !url.starts_with("http://") && !url.starts_with("https://"))
      throw std::invalid_argument("--public-url must start with http:// or https://");
    if (url.find_first_of(" \r\n\t") != std::string::npos)
      throw std::invalid_argument("--public-url must not contain spaces or line breaks");
    if (app.setting("smtp-url").empty()) return;
    SmtpTransport check(app.setting("smtp-url"));  // throws for a URL that is not smtp:// or smtps://
    if (!is_sendable_address(app.setting("mail-from")))
      throw std::invalid_argument("--mail-from: a sender address (e.g. samen@example.org) is needed with --smtp-url");
  }

  std::vector<app::Job> jobs() const override {
    return {
        {"notify.deliver", std::chrono::seconds(5), [](app::App& a, std::int64_t now) { deliver_now(a, now); }},
        {"notify.purge", std::chrono::hours(24),
         [](app::App& a, std::int64_t now) {
           auto lease = a.db().acquire();
           purge_finished(*lease, now - kKeepFinishedSeconds);
         }},
    };
  }
};

}  // namespace

const app::Module& module() {
  static const NotifyModule instance;
  return instance;
}

std::string public_url(const app::App& app) {
  std::string url = app.setting("public-url");
  while (url.ends_with('/')) url.pop_back();
  return url;
}

DeliverySettings delivery_settings(const app::App& app) {
  DeliverySettings s;
  s.from = app.setting("mail-from");
  return s;
}

DeliveryReport deliver_now(app::App& app, std::int64_t now) {
  std::string url = app.setting("smtp-url");
  if (url.empty()) return {};
  if (!is_sendable_address(app.setting("mail-from")))  // would turn every message into a dead letter
    throw std::runtime_error("no valid sender address (--mail-from): messages wait in the outbox");
  SmtpTransport transport(url);
  return deliver_due(app.db(), transport, delivery_settings(app), now);
}

}  // namespace samen::notify
