// Web and API routes of accounts: login and logout, profile, invitations,
// and the admin pages for users, API tokens and the audit log.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "accounts/audit.hpp"
#include "accounts/invitation_mail.hpp"
#include "accounts/secrets.hpp"
#include "accounts/sessions.hpp"
#include "accounts/throttle.hpp"
#include "app/api.hpp"
#include "app/write.hpp"
#include "app/app.hpp"
#include "accounts/module.hpp"
#include "documents/download.hpp"
#include "notify/module.hpp"
#include "notify/outbox.hpp"

namespace samen::app {

using accounts::Access;
using accounts::Role;

namespace {

constexpr std::int64_t kCookieMaxAge = accounts::kSessionIdleSeconds;

std::string session_cookie(const Context& ctx, const std::string& value, std::int64_t max_age) {
  std::string c = "samen_session=" + value + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (ctx.app.options().behind_tls) c += "; Secure";
  return c;
}

// Only local paths, so the login form cannot be used to redirect elsewhere.
std::string safe_next(const std::string& next) { return http::is_local_path(next) ? next : "/"; }

std::string client_address(const Context& ctx) {
  return http::client_address(ctx.req, ctx.app.options().behind_tls);
}

void field_error(web::Dict& d, const std::string& field, const std::string& message) {
  d.SetValueAndShowSection(field + "_ERROR", message, field + "_INVALID");
  d.ShowSection("HAS_ERRORS");
}

// ---- login / logout ---------------------------------------------------------

http::Response login_form(Context& ctx, const std::string& email, const std::string& error, int status) {
  web::Dict d = ctx.content_dict();
  d.SetValue("EMAIL", email);
  d.SetValue("NEXT", safe_next(ctx.req.query_param("next").value_or(ctx.form_or_empty("next"))));
  if (!error.empty()) d.SetValueAndShowSection("ERROR", error, "FAILED");
  return ctx.page("login", ctx.t("login.title"), d, status);
}

http::Response login_page(Context& ctx) {
  if (ctx.user()) return http::Response::redirect("/");
  return login_form(ctx, "", "", 200);
}

// The lock refusing a login: its audit label (a locked address counts its
// refusals in one row whatever e-mail is tried) and when it ends.
struct Lock {
  std::string label;
  std::int64_t until = 0;
};
std::optional<Lock> lock_of(store::Connection& c, const std::string& account_key, const std::string& ip_key,
                            const std::string& email, std::int64_t now) {
  if (auto s = accounts::load_throttle(c, ip_key); accounts::is_locked(s, now)) return Lock{"(address locked)", s.locked_until};
  if (auto s = accounts::load_throttle(c, account_key); accounts::is_locked(s, now))
    return Lock{email.empty() ? "(invalid)" : email, s.locked_until};
  return std::nullopt;
}

// A refused login, counted in one audit row per lock, address and window;
// Retry-After says when the lock ends.
http::Response refuse_locked(Context& ctx, store::Connection& c, const Lock& lock, const std::string& ip_key) {
  accounts::record_repeated_audit(c, {0, ctx.now, std::nullopt, lock.label, "login.locked", "", "", "", ip_key.substr(3)},
                                  accounts::kAccountPolicy.window_seconds);
  auto res = login_form(ctx, ctx.form().get("email"), ctx.t("login.locked"), 429);
  res.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, lock.until - ctx.now)));
  return res;
}

http::Response login_submit(Context& ctx) {
  const auto& f = ctx.form();
  std::string email = accounts::normalize_email(f.get("email"));
  std::string password = f.get("password");
  std::string ip = client_address(ctx);
  std::string next = safe_next(f.get("next"));
  auto lease = ctx.app.db().acquire();
  std::string account_key = "user:" + (email.empty() ? f.get("email").substr(0, 254) : email);
  std::string ip_key = accounts::address_subject(ip);
  if (auto lock = lock_of(*lease, account_key, ip_key, email, ctx.now)) return refuse_locked(ctx, *lease, *lock, ip_key);
  std::optional<accounts::User> user = email.empty() ? std::nullopt : accounts::find_user_by_email(*lease, email);
  std::optional<std::string> hash = user ? accounts::password_hash_of(*lease, user->id) : std::nullopt;
  bool ok = false;
  if (user && !user->disabled && hash && !hash->empty()) ok = accounts::verify_password(*hash, password);
  else accounts::burn_password_time(password);
  if (!ok) {
    accounts::record_failure(*lease, account_key, ctx.now, accounts::kAccountPolicy);
    accounts::record_failure(*lease, ip_key, ctx.now, accounts::kAddressPolicy);
    accounts::record_repeated_audit(*lease, {0, ctx.now, user ? std::optional(user->id) : std::nullopt,
                                             email.empty() ? "(invalid)" : email, "login.failed", "user",
                                             user ? std::to_string(user->id) : "", "", ip_key.substr(3)},
                                    accounts::kAccountPolicy.window_seconds);
    // The same answer whether the account exists or not.
    return login_form(ctx, f.get("email"), ctx.t("login.failed"), 401);
  }
  if (const auto& seam = ctx.app.get<accounts::LoginSeams>().after_password_check) seam();
  // Guesses sent in parallel with this one may have locked the account or
  // the address while the password was being checked.
  if (auto lock = lock_of(*lease, account_key, ip_key, email, ctx.now)) return refuse_locked(ctx, *lease, *lock, ip_key);
  accounts::clear_throttle(*lease, account_key);
  // A language chosen with the switch before logging in becomes the account's.
  if (auto chosen = ctx.req.cookie("samen_lang"); chosen && i18n::parse_lang(*chosen) && chosen->size() == 2 &&
                                                  *chosen != user->lang)
    accounts::update_profile(*lease, user->id, user->name, *chosen, ctx.now);
  // A session id known before the login (planted, or another account's) ends here.
  if (auto old = ctx.req.cookie("samen_session")) accounts::end_session(*lease, *old);
  std::string sid = accounts::create_session(*lease, user->id, ip, ctx.now);
  accounts::record_audit(*lease, {0, ctx.now, user->id, user->email, "login", "user", std::to_string(user->id), "", ip});
  ctx.set_cookies.push_back(session_cookie(ctx, sid, kCookieMaxAge));
  return http::Response::redirect(user->must_change_password ? "/profile" : next);
}

http::Response logout(Context& ctx) {
  if (auto sid = ctx.req.cookie("samen_session")) {
    ctx.audit("logout", "user", ctx.user() ? std::to_string(ctx.user()->id) : "");
    auto lease = ctx.app.db().acquire();
    accounts::end_session(*lease, *sid);
  }
  ctx.set_cookies.push_back(session_cookie(ctx, "", 0));
  return http::Response::redirect("/?done=logout");
}

// ---- profile -----------------------------------------------------------------

void fill_lang_options(Context& ctx, web::Dict& d, const std::string& selected) {
  for (auto l : i18n::kLangs) {
    auto* o = d.AddSectionDictionary("LANG_OPTIONS");
    o->SetValue("CODE", std::string(i18n::code(l)));
    o->SetValue("LABEL", ctx.t("lang." + std::string(i18n::code(l))));
    if (selected == i18n::code(l)) o->ShowSection("SELECTED");
  }
}

http::Response profile_page(Context& ctx, web::Dict& d, int status = 200) {
  const auto& u = *ctx.user();
  d.SetValue("EMAIL", u.email);
  d.SetValue("ROLE", ctx.t(accounts::role_label_key(u.role)));
  fill_lang_options(ctx, d, u.lang);
  if (u.must_change_password) d.ShowSection("MUST_CHANGE");
  return ctx.page("profile", ctx.t("profile.title"), d, status);
}

http::Response profile(Context& ctx) {
  web::Dict d = ctx.content_dict();
  d.SetValue("NAME", ctx.user()->name);
  return profile_page(ctx, d);
}

http::Response profile_save(Context& ctx) {
  const auto& f = ctx.form();
  std::string name = f.get("name");
  std::string lang = f.get("lang");
  web::Dict d = ctx.content_dict();
  d.SetValue("NAME", name);
  bool bad = false;
  if (name.empty() || name.size() > 200) field_error(d, "NAME", ctx.t("profile.name_invalid")), bad = true;
  if (!i18n::parse_lang(lang) || lang.size() != 2) field_error(d, "LANG", ctx.t("profile.lang_invalid")), bad = true;
  if (bad) return profile_page(ctx, d, 422);
  auto lease = ctx.app.db().acquire();
  accounts::update_profile(*lease, ctx.user()->id, name, lang, ctx.now);
  return http::Response::redirect("/profile?done=profile&lang=" + lang);
}

http::Response password_save(Context& ctx) {
  const auto& f = ctx.form();
  const auto& u = *ctx.user();
  web::Dict d = ctx.content_dict();
  d.SetValue("NAME", u.name);
  auto lease = ctx.app.db().acquire();
  auto hash = accounts::password_hash_of(*lease, u.id);
  if (!hash || !accounts::verify_password(*hash, f.get("current_password"))) {
    field_error(d, "CURRENT", ctx.t("password.current_wrong"));
    return profile_page(ctx, d, 422);
  }
  std::string pw = f.get("new_password");
  if (auto problem = accounts::password_problem(pw); !problem.empty()) {
    field_error(d, "NEW", ctx.t(problem));
    return profile_page(ctx, d, 422);
  }
  if (pw != f.get("confirm_password")) {
    field_error(d, "CONFIRM", ctx.t("password.mismatch"));
    return profile_page(ctx, d, 422);
  }
  const std::string new_hash = accounts::hash_password(pw);  // ~100 ms: before the transaction, not inside
  app::write(ctx, [&](app::Change& change) {
    accounts::set_password_hash(change.db, u.id, new_hash, ctx.now);
    // Other sessions of this account end; this one goes on.
    change.db.exec("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?", {u.id, ctx.session->id_hash});
    change.audit("user.password", "user", std::to_string(u.id));
  });
  return http::Response::redirect("/profile?done=password");
}

// ---- invitations -------------------------------------------------------------

http::Response invite_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto user = accounts::user_for_invitation(*lease, ctx.param("token"), ctx.now);
  if (!user) throw HttpError(404, "invitation_invalid", "invite.invalid");
  web::Dict d = ctx.content_dict();
  d.SetValue("NAME", user->name);
  d.SetValue("EMAIL", user->email);
  d.SetValue("TOKEN", ctx.param("token"));
  return ctx.page("invite", ctx.t("invite.title"), d);
}

http::Response invite_accept(Context& ctx) {
  std::string token = ctx.param("token");
  auto lease = ctx.app.db().acquire();
  auto user = accounts::user_for_invitation(*lease, token, ctx.now);
  if (!user) throw HttpError(404, "invitation_invalid", "invite.invalid");
  const auto& f = ctx.form();
  std::string pw = f.get("new_password");
  web::Dict d = ctx.content_dict();
  d.SetValue("NAME", user->name);
  d.SetValue("EMAIL", user->email);
  d.SetValue("TOKEN", token);
  if (auto problem = accounts::password_problem(pw); !problem.empty()) {
    field_error(d, "NEW", ctx.t(problem));
    return ctx.page("invite", ctx.t("invite.title"), d, 422);
  }
  if (pw != f.get("confirm_password")) {
    field_error(d, "CONFIRM", ctx.t("password.mismatch"));
    return ctx.page("invite", ctx.t("invite.title"), d, 422);
  }
  store::in_transaction(ctx.app.db(), [&](store::Connection& c) {
    accounts::set_password_hash(c, user->id, accounts::hash_password(pw), ctx.now);
    accounts::use_invitation(c, token, ctx.now);
    accounts::end_user_sessions(c, user->id);  // whoever was signed in with the old password is not any more
    accounts::record_audit(c, {0, ctx.now, user->id, user->email, "invitation.accepted", "user",
                               std::to_string(user->id), "", client_address(ctx)});
  });
  return http::Response::redirect("/login?done=invitation");
}

// ---- admin: users ------------------------------------------------------------

void fill_role_options(Context& ctx, web::Dict& d, std::optional<Role> selected) {
  for (Role r : accounts::kRoles) {
    auto* o = d.AddSectionDictionary("ROLE_OPTIONS");
    o->SetValue("CODE", std::string(accounts::role_name(r)));
    o->SetValue("LABEL", ctx.t(accounts::role_label_key(r)));
    if (selected == r) o->ShowSection("SELECTED");
  }
}

void fill_org_options(Context& ctx, web::Dict& d, const std::vector<std::string>& selected) {
  auto lease = ctx.app.db().acquire();
  for (const auto& row : lease->exec("SELECT id, name FROM organizations WHERE archived_at IS NULL ORDER BY name").rows) {
    auto* o = d.AddSectionDictionary("ORG_OPTIONS");
    o->SetValue("ID", row.text(0));
    o->SetValue("NAME", row.text(1));
    if (std::find(selected.begin(), selected.end(), row.text(0)) != selected.end()) o->ShowSection("SELECTED");
  }
}

http::Response users_page(Context& ctx, web::Dict& d, int status = 200) {
  auto lease = ctx.app.db().acquire();
  for (const auto& u : accounts::list_users(*lease)) {
    auto* row = d.AddSectionDictionary("USERS");
    row->SetValue("ID", std::to_string(u.id));
    row->SetValue("NAME", u.name);
    row->SetValue("EMAIL", u.email);
    row->SetValue("ROLE", ctx.t(accounts::role_label_key(u.role)));
    row->SetValue("STATUS", ctx.t(u.disabled ? "users.disabled" : "users.active"));
    row->SetIntValue("ORG_COUNT", static_cast<long>(u.organizations.size()));
  }
  return ctx.page("admin_users", ctx.t("users.title"), d, status);
}

http::Response users_download(Context& ctx, documents::TableFormat format) {
  using documents::ColumnType;
  documents::Table t({{ctx.t("users.name"), ColumnType::text},
                      {ctx.t("users.email"), ColumnType::text},
                      {ctx.t("users.role"), ColumnType::text},
                      {ctx.t("users.status"), ColumnType::text},
                      {ctx.t("users.orgs"), ColumnType::integer}});
  auto lease = ctx.app.db().acquire();
  for (const auto& u : accounts::list_users(*lease))
    t.add_row({u.name, u.email, ctx.t(accounts::role_label_key(u.role)),
               ctx.t(u.disabled ? "users.disabled" : "users.active"), static_cast<std::int64_t>(u.organizations.size())});
  ctx.audit("users.export", "user", "", std::string(format == documents::TableFormat::csv ? "csv" : "xlsx"));
  return documents::table_download(t, format, "users");
}
// Queues the invitation e-mail on the connection of the invitation's
// transaction. False when none can be sent: Samen's public address is not
// known (--public-url) or SMTP would not take the address.
bool queue_invitation_mail(Context& ctx, store::Connection& c, const accounts::Invitee& invitee,
                           const std::string& raw_token) {
  std::string base = notify::public_url(ctx.app);
  if (base.empty()) return false;
  try {
    notify::enqueue(c, accounts::invitation_message(ctx.app.catalog(), invitee, ctx.user()->name,
                                                    base + "/invite/" + raw_token),
                    ctx.now);
    return true;
  } catch (const notify::MessageError&) {
    return false;
  }
}

void show_mail_notice(web::Dict& done, bool mailed) { done.ShowSection(mailed ? "MAILED" : "NOT_MAILED"); }

http::Response users(Context& ctx) {
  if (auto format = documents::table_format(ctx); format != documents::TableFormat::html) return users_download(ctx, format);
  web::Dict d = ctx.content_dict();
  fill_role_options(ctx, d, Role::partner);
  fill_org_options(ctx, d, {});
  fill_lang_options(ctx, d, std::string(i18n::code(ctx.lang)));
  return users_page(ctx, d);
}

http::Response user_invite(Context& ctx) {
  const auto& f = ctx.form();
  accounts::NewUser nu;
  nu.email = accounts::normalize_email(f.get("email"));
  nu.name = f.get("name");
  auto role = accounts::parse_role(f.get("role"));
  nu.organizations = f.all("organizations");
  nu.lang = i18n::parse_lang(f.get("lang")) ? std::string(i18n::code(*i18n::parse_lang(f.get("lang")))) : "nl";
  web::Dict d = ctx.content_dict();
  d.SetValue("EMAIL", f.get("email"));
  d.SetValue("NAME", nu.name);
  fill_role_options(ctx, d, role);
  fill_org_options(ctx, d, nu.organizations);
  fill_lang_options(ctx, d, nu.lang);
  bool bad = false;
  if (nu.email.empty()) field_error(d, "EMAIL", ctx.t("users.email_invalid")), bad = true;
  if (nu.name.empty() || nu.name.size() > 200) field_error(d, "NAME", ctx.t("profile.name_invalid")), bad = true;
  if (!role) field_error(d, "ROLE", ctx.t("users.role_invalid")), bad = true;
  if (bad) return users_page(ctx, d, 422);
  nu.role = *role;
  std::string token;
  bool mailed = false;
  try {
    token = store::in_transaction(ctx.app.db(), [&](store::Connection& c) {
      auto id = accounts::create_user(c, nu, ctx.now);
      auto raw = accounts::create_invitation(c, id, ctx.user()->id, ctx.now);
      accounts::record_audit(c, {0, ctx.now, ctx.user()->id, ctx.user()->email, "user.invited", "user",
                                 std::to_string(id), std::string(accounts::role_name(nu.role)), client_address(ctx)});
      mailed = queue_invitation_mail(ctx, c, {nu.email, nu.name, nu.lang}, raw);
      return raw;
    });
  } catch (const store::StoreError& e) {
    if (e.kind() == store::StoreError::Kind::unique_violation) {
      field_error(d, "EMAIL", ctx.t("users.email_taken"));
      return users_page(ctx, d, 409);
    }
    if (e.kind() == store::StoreError::Kind::constraint) {
      field_error(d, "ORGS", ctx.t("users.orgs_invalid"));
      return users_page(ctx, d, 422);
    }
    throw;
  }
  web::Dict done = ctx.content_dict();
  done.SetValue("NAME", nu.name);
  done.SetValue("EMAIL", nu.email);
  done.SetValue("INVITE_PATH", "/invite/" + token);
  show_mail_notice(done, mailed);
  return ctx.page("admin_invited", ctx.t("users.invited_title"), done, 201);
}

std::int64_t id_param(Context& ctx) {
  std::string s = ctx.param("id");
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw HttpError(404, "not_found", "error.not_found");
  return std::stoll(s);
}

http::Response user_edit_page(Context& ctx, const accounts::User& u, web::Dict& d, int status) {
  d.SetValue("ID", std::to_string(u.id));
  d.SetValue("NAME", u.name);
  d.SetValue("EMAIL", u.email);
  if (u.disabled) d.ShowSection("DISABLED");
  fill_role_options(ctx, d, u.role);
  fill_org_options(ctx, d, u.organizations);
  return ctx.page("admin_user", u.name, d, status);
}

http::Response user_edit(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  auto u = accounts::find_user(*lease, id_param(ctx));
  if (!u) throw HttpError(404, "not_found", "error.not_found");
  web::Dict d = ctx.content_dict();
  return user_edit_page(ctx, *u, d, 200);
}

http::Response user_update(Context& ctx) {
  auto id = id_param(ctx);
  const auto& f = ctx.form();
  auto lease = ctx.app.db().acquire();
  auto u = accounts::find_user(*lease, id);
  if (!u) throw HttpError(404, "not_found", "error.not_found");
  auto role = accounts::parse_role(f.get("role"));
  bool disabled = f.get("disabled") == "1";
  auto orgs = f.all("organizations");
  web::Dict d = ctx.content_dict();
  if (!role) {
    field_error(d, "ROLE", ctx.t("users.role_invalid"));
    return user_edit_page(ctx, *u, d, 422);
  }
  // An admin cannot lock themselves out.
  if (id == ctx.user()->id && (disabled || *role != Role::admin)) {
    field_error(d, "ROLE", ctx.t("users.self_lockout"));
    return user_edit_page(ctx, *u, d, 422);
  }
  std::string actor = ctx.user()->email, ip = client_address(ctx);
  std::int64_t actor_id = ctx.user()->id;
  try {
    store::in_transaction(ctx.app.db(), [&](store::Connection& c) {
      if (*role != u->role) {
        accounts::set_role(c, id, *role, ctx.now);
        accounts::record_audit(c, {0, ctx.now, actor_id, actor, "user.role", "user", std::to_string(id),
                                   std::string(accounts::role_name(u->role)) + " -> " +
                                       std::string(accounts::role_name(*role)), ip});
      }
      if (disabled != u->disabled) {
        accounts::set_disabled(c, id, disabled, ctx.now);
        if (disabled) accounts::end_user_sessions(c, id);
        accounts::record_audit(c, {0, ctx.now, actor_id, actor, disabled ? "user.disabled" : "user.enabled", "user",
                                   std::to_string(id), "", ip});
      }
      auto sorted = orgs;
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      if (sorted != u->organizations) {
        accounts::set_organizations(c, id, sorted);
        std::string list;
        for (const auto& o : sorted) list += (list.empty() ? "" : ",") + o;
        accounts::record_audit(c, {0, ctx.now, actor_id, actor, "user.organizations", "user", std::to_string(id), list, ip});
      }
    });
  } catch (const store::StoreError& e) {
    if (e.kind() != store::StoreError::Kind::constraint) throw;
    field_error(d, "ORGS", ctx.t("users.orgs_invalid"));
    return user_edit_page(ctx, *u, d, 422);
  }
  return http::Response::redirect("/admin/users/" + std::to_string(id) + "?done=saved");
}

http::Response user_reinvite(Context& ctx) {
  auto id = id_param(ctx);
  auto lease = ctx.app.db().acquire();
  auto u = accounts::find_user(*lease, id);
  if (!u) throw HttpError(404, "not_found", "error.not_found");
  bool mailed = false;
  std::string token = app::write(ctx, [&](app::Change& change) {
    std::string raw = accounts::create_invitation(change.db, id, ctx.user()->id, ctx.now);
    change.audit("user.invited", "user", std::to_string(id), "new link");
    mailed = queue_invitation_mail(ctx, change.db, {u->email, u->name, u->lang}, raw);
    return raw;
  });
  web::Dict done = ctx.content_dict();
  done.SetValue("NAME", u->name);
  done.SetValue("EMAIL", u->email);
  done.SetValue("INVITE_PATH", "/invite/" + token);
  show_mail_notice(done, mailed);
  return ctx.page("admin_invited", ctx.t("users.invited_title"), done, 201);
}

// ---- admin: API tokens -------------------------------------------------------

std::optional<std::int64_t> parse_day(const std::string& s);

http::Response tokens_page(Context& ctx, web::Dict& d, int status = 200) {
  auto lease = ctx.app.db().acquire();
  for (const auto& t : accounts::list_api_tokens(*lease)) {
    auto* row = d.AddSectionDictionary("TOKENS");
    row->SetValue("ID", std::to_string(t.id));
    row->SetValue("PREFIX", t.prefix);
    row->SetValue("LABEL", t.label);
    row->SetValue("USER", t.user_email);
    row->SetValue("CREATED", i18n::format_time(ctx.lang, t.created_at, i18n::DateStyle::date_time));
    row->SetValue("USED", t.last_used_at ? i18n::format_time(ctx.lang, *t.last_used_at, i18n::DateStyle::date_time)
                                         : ctx.t("tokens.never"));
    row->SetValue("EXPIRES", t.expires_at ? i18n::format_time(ctx.lang, *t.expires_at, i18n::DateStyle::date_time)
                                          : ctx.t("tokens.never"));
    if (t.revoked_at) row->SetValueAndShowSection("REVOKED", i18n::format_time(ctx.lang, *t.revoked_at,
                                                  i18n::DateStyle::date_time), "IS_REVOKED");
    else if (t.expires_at && *t.expires_at <= ctx.now) row->ShowSection("IS_EXPIRED");
    else row->ShowSection("ACTIVE");
  }
  return ctx.page("admin_tokens", ctx.t("tokens.title"), d, status);
}

// The token list as CSV/XLSX: the same columns as the page (never a token itself).
http::Response tokens_download(Context& ctx, documents::TableFormat format) {
  using documents::ColumnType;
  documents::Table t({{ctx.t("tokens.prefix"), ColumnType::text},
                      {ctx.t("tokens.label"), ColumnType::text},
                      {ctx.t("tokens.user"), ColumnType::text},
                      {ctx.t("tokens.created_at"), ColumnType::date_time},
                      {ctx.t("tokens.used_at"), ColumnType::date_time},
                      {ctx.t("tokens.expires_at"), ColumnType::date_time},
                      {ctx.t("tokens.revoked"), ColumnType::date_time}});
  auto when = [](const std::optional<std::int64_t>& t) -> documents::Cell {
    if (!t) return std::monostate{};
    return documents::DateTime{*t};
  };
  auto lease = ctx.app.db().acquire();
  for (const auto& k : accounts::list_api_tokens(*lease))
    t.add_row({k.prefix, k.label, k.user_email, documents::DateTime{k.created_at}, when(k.last_used_at),
               when(k.expires_at), when(k.revoked_at)});
  return documents::table_download(t, format, "api-tokens");
}

http::Response tokens(Context& ctx) {
  if (auto format = documents::table_format(ctx); format != documents::TableFormat::html)
    return tokens_download(ctx, format);
  web::Dict d = ctx.content_dict();
  return tokens_page(ctx, d);
}

http::Response token_create(Context& ctx) {
  std::string label = ctx.form().get("label");
  std::string expires = ctx.form().get("expires");
  web::Dict d = ctx.content_dict();
  d.SetValue("LABEL", label);
  d.SetValue("EXPIRES_VALUE", expires);
  bool bad = false;
  if (label.empty() || label.size() > 100) field_error(d, "LABEL", ctx.t("tokens.label_invalid")), bad = true;
  // Valid through the chosen day (to its last second, so the list shows that day).
  std::optional<std::int64_t> expires_at;
  if (!expires.empty()) {
    expires_at = parse_day(expires);
    if (expires_at) *expires_at += 24 * 3600 - 1;
    if (!expires_at || *expires_at <= ctx.now) field_error(d, "EXPIRES", ctx.t("tokens.expires_invalid")), bad = true;
  }
  if (bad) return tokens_page(ctx, d, 422);
  std::string raw = app::write(ctx, [&](app::Change& change) {
    std::string created = accounts::create_api_token(change.db, ctx.user()->id, label, ctx.now, expires_at);
    change.audit("token.created", "api_token", created.substr(0, 12), label);
    return created;
  });
  d.SetValueAndShowSection("NEW_TOKEN", raw, "CREATED");
  return tokens_page(ctx, d, 201);
}

http::Response token_revoke(Context& ctx) {
  auto id = id_param(ctx);
  app::write(ctx, [&](app::Change& change) {
    if (!accounts::revoke_api_token(change.db, id, ctx.now)) throw HttpError(404, "not_found", "error.not_found");
    change.audit("token.revoked", "api_token", std::to_string(id));
  });
  return http::Response::redirect("/admin/tokens?done=revoked");
}

// ---- admin: audit log --------------------------------------------------------

std::optional<std::int64_t> parse_day(const std::string& s) {
  // yyyy-mm-dd, as a date input sends it; midnight Europe/Brussels is close
  // enough to UTC midnight for a filter, but use UTC+1 to stay on the day.
  int y, m, d;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31 ||
      y < 2000 || y > 2200)
    return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  return static_cast<std::int64_t>(timegm(&tm)) - 3600;
}

// Every entry the filter selects (not only one page), newest first, up to kMaxAuditExport.
constexpr std::int64_t kMaxAuditExport = 100000;

http::Response audit_download(Context& ctx, accounts::AuditFilter f, documents::TableFormat format) {
  using documents::ColumnType;
  documents::Table t({{ctx.t("audit.at"), ColumnType::date_time},
                      {ctx.t("audit.actor"), ColumnType::text},
                      {ctx.t("audit.action"), ColumnType::text},
                      {ctx.t("audit.target"), ColumnType::text},
                      {ctx.t("audit.detail"), ColumnType::text},
                      {ctx.t("audit.ip"), ColumnType::text}});
  f.limit = kMaxAuditExport;
  f.offset = 0;
  {
    auto lease = ctx.app.db().acquire();
    for (const auto& e : accounts::query_audit(*lease, f))
      t.add_row({documents::DateTime{e.at}, e.actor_label, e.action,
                 e.target_type.empty() ? "" : e.target_type + " " + e.target_id, e.detail, e.remote_ip});
    if (t.rows().size() == static_cast<std::size_t>(kMaxAuditExport))
      documents::note_if_cut(t, ctx, accounts::count_audit(*lease, f));
  }
  ctx.audit("audit.export", "", "", std::string(format == documents::TableFormat::csv ? "csv" : "xlsx"));
  return documents::table_download(t, format, "audit");
}

http::Response audit_page(Context& ctx) {
  accounts::AuditFilter f;
  f.action = ctx.req.query_param("action").value_or("").substr(0, 100);
  f.actor = ctx.req.query_param("actor").value_or("").substr(0, 200);
  std::string from = ctx.req.query_param("from").value_or(""), to = ctx.req.query_param("to").value_or("");
  web::Dict d = ctx.content_dict();
  d.SetValue("ACTION", f.action);
  d.SetValue("ACTOR", f.actor);
  d.SetValue("FROM", from);
  d.SetValue("TO", to);
  if (!from.empty()) {
    f.from = parse_day(from);
    if (!f.from) field_error(d, "FROM", ctx.t("audit.date_invalid"));
  }
  if (!to.empty()) {
    f.to = parse_day(to);
    if (f.to) *f.to += 24 * 3600;
    else field_error(d, "TO", ctx.t("audit.date_invalid"));
  }
  auto format = documents::table_format(ctx);
  if (format != documents::TableFormat::html) {
    if ((!from.empty() && !f.from) || (!to.empty() && !f.to))
      throw HttpError(400, "bad_date", "audit.date_invalid");
    return audit_download(ctx, f, format);
  }
  auto page = page_request(ctx, 50, 200);
  f.limit = page.per_page;
  f.offset = page.offset();
  auto lease = ctx.app.db().acquire();
  std::int64_t total = accounts::count_audit(*lease, f);
  for (const auto& e : accounts::query_audit(*lease, f)) {
    auto* row = d.AddSectionDictionary("ENTRIES");
    row->SetValue("AT", i18n::format_time(ctx.lang, e.at, i18n::DateStyle::date_time));
    row->SetValue("ACTOR", e.actor_label);
    row->SetValue("ACTION", e.action);
    row->SetValue("TARGET", e.target_type.empty() ? "" : e.target_type + " " + e.target_id);
    std::string detail = e.detail;
    if (e.repeats > 1)
      detail += (detail.empty() ? "" : " · ") +
                ctx.tf("audit.repeated", {{"count", e.repeats},
                                          {"last", i18n::format_time(ctx.lang, e.last_at.value_or(e.at),
                                                                     i18n::DateStyle::date_time)}});
    row->SetValue("DETAIL", detail);
    row->SetValue("IP", e.remote_ip);
  }
  d.SetValue("TOTAL", ctx.tf("audit.total", {{"count", total}}));
  if (auto cut = documents::export_cut_notice(ctx, total, kMaxAuditExport); !cut.empty())
    d.SetValueAndShowSection("EXPORT_CUT_TEXT", cut, "EXPORT_CUT");
  std::string base = "/admin/audit?action=" + http::url_encode(f.action) + "&actor=" + http::url_encode(f.actor) +
                     "&from=" + http::url_encode(from) + "&to=" + http::url_encode(to);
  d.SetValue("EXPORT_HREF", base + "&format=");
  base += "&page=";
  if (page.page > 1) d.SetValueAndShowSection("PREV_HREF", base + std::to_string(page.page - 1), "PREV");
  if (page.offset() + page.per_page < total)
    d.SetValueAndShowSection("NEXT_HREF", base + std::to_string(page.page + 1), "NEXT");
  return ctx.page("admin_audit", ctx.t("audit.title"), d);
}

// ---- API -----------------------------------------------------------------------

nlohmann::json user_json(const accounts::User& u) {
  return {{"id", u.id}, {"email", u.email}, {"name", u.name}, {"role", accounts::role_name(u.role)},
          {"lang", u.lang}, {"disabled", u.disabled}, {"organizations", u.organizations}};
}

http::Response api_me(Context& ctx) { return json_response(200, user_json(*ctx.user())); }

http::Response api_users(Context& ctx) {
  auto page = page_request(ctx);
  auto lease = ctx.app.db().acquire();
  auto all = accounts::list_users(*lease);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = static_cast<std::size_t>(page.offset());
       i < all.size() && items.size() < static_cast<std::size_t>(page.per_page); ++i)
    items.push_back(user_json(all[i]));
  ctx.audit("users.read", "user", "", "api");
  return json_response(200, page_json(page, static_cast<std::int64_t>(all.size()), std::move(items)));
}

}  // namespace

void register_accounts(Routes& r) {
  const Access anyone = Access::anyone(), signed_in = Access::signed_in(), admin = Access::only({Role::admin});
  r.page("GET", "/login", anyone, login_page);
  r.page("POST", "/login", anyone, login_submit);
  r.page("POST", "/logout", signed_in, logout);
  r.page("GET", "/profile", signed_in, profile);
  r.page("POST", "/profile", signed_in, profile_save);
  r.page("POST", "/profile/password", signed_in, password_save);
  r.page("GET", "/invite/{token}", anyone, invite_page);
  r.page("POST", "/invite/{token}", anyone, invite_accept);
  r.page("GET", "/admin/users", admin, users);
  r.page("POST", "/admin/users", admin, user_invite);
  r.page("GET", "/admin/users/{id}", admin, user_edit);
  r.page("POST", "/admin/users/{id}", admin, user_update);
  r.page("POST", "/admin/users/{id}/invitation", admin, user_reinvite);
  r.page("GET", "/admin/tokens", admin, tokens);
  r.page("POST", "/admin/tokens", admin, token_create);
  r.page("POST", "/admin/tokens/{id}/revoke", admin, token_revoke);
  r.page("GET", "/admin/audit", admin, audit_page);
  r.api("GET", "/api/v1/me", signed_in, api_me);
  r.api("GET", "/api/v1/users", admin, api_users);

  r.nav_item({"nav.admin", "/admin/users", admin, "nav.admin.about", 80});
  r.nav_item({"nav.audit", "/admin/audit", admin, "nav.audit.about", 81});
  r.nav_item({"nav.tokens", "/admin/tokens", admin, "nav.tokens.about", 82});
}

}  // namespace samen::app
