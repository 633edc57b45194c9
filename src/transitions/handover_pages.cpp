// The handover pages: /transitions (the caller's sent and received
// handovers, the settings), the form the sending setting's staff fill in with
// the parent, in the parent's language (?lang=), a handover's page (the
// sender: everything, its consents, the consent form and withdrawal; a
// consented receiver: the consented parts), and the printable copy for the
// parent in the parent's language. Reads and refusals are audited through
// read_handover (api.cpp), in the same transaction as the read.
#include "app/app.hpp"
#include "app/write.hpp"
#include "core/permissions.hpp"
#include "i18n/i18n.hpp"
#include "notify/module.hpp"
#include "transitions/evaluation.hpp"
#include "transitions/handlers.hpp"
#include "transitions/pathways.hpp"
#include "transitions/store.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace samen::transitions {

using app::Context;
using app::HttpError;

namespace {

std::string handover_href(const std::string& id) { return "/transitions/handovers/" + http::url_encode(id); }

std::string today(std::int64_t now) { return dates::format_iso(dates::from_days_since_epoch(now / 86400)); }

void error_list(Context& ctx, web::Dict& d, const FieldErrors& errors, const std::string& prefix) {
  for (const auto& [field, key] : errors) {
    d.ShowSection("HAS_ERRORS");
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", prefix + field);
    e->SetValue("MESSAGE", ctx.t(key));
  }
}

void setting_options(web::Dict& d, const char* section, const std::vector<Setting>& settings,
                     const std::string& selected) {
  for (const auto& s : settings) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", s.id);
    o->SetValue("LABEL", s.name);
    if (s.id == selected) o->ShowSection("SELECTED");
  }
}

void handover_lines(web::Dict& d, const char* section, const std::vector<HandoverLine>& lines) {
  for (const auto& l : lines) {
    auto* r = d.AddSectionDictionary(section);
    r->SetValue("HREF", handover_href(l.id));
    r->SetValue("FROM", l.sending_name);
    r->SetValue("TO", l.receiving_name);
    r->SetValue("DATE", l.transition_date);
  }
}

// The settings the caller writes handovers for (those of their organisations).
std::vector<Setting> own_settings(store::Connection& c, const accounts::User& u) {
  std::vector<Setting> out;
  for (auto& s : list_settings(c))
    if (standing(u, s.organization_id) == Standing::sender) out.push_back(std::move(s));
  return out;
}

http::Response handover_form(Context& ctx, const http::Form& f, const FieldErrors& errors, int status) {
  auto lease = ctx.app.db().acquire();
  const auto& user = me(ctx);
  auto own = own_settings(*lease, user);
  if (own.empty()) throw HttpError(403, "forbidden", "transitions.error.no_setting");
  web::Dict d = ctx.content_dict();
  d.SetValue("CSRF", ctx.csrf);
  d.SetValue("LANGUAGE", std::string(i18n::code(ctx.lang)));
  for (auto l : i18n::kLangs) {
    auto* o = d.AddSectionDictionary("LANG_LINKS");
    o->SetValue("HREF", "/transitions/handovers/new?lang=" + std::string(i18n::code(l)));
    o->SetValue("LABEL", ctx.t("transitions.lang." + std::string(i18n::code(l))));
    o->SetValue("CODE", std::string(i18n::code(l)));
    o->ShowSection(l == ctx.lang ? "CURRENT" : "OTHER");
  }
  setting_options(d, "SENDING_OPTIONS", own, f.get("sending_setting_id"));
  setting_options(d, "RECEIVING_OPTIONS", list_settings(*lease), f.get("receiving_setting_id"));
  for (const char* field : {"child_first_name", "child_birth_month", "home_languages", "what_helps", "parent_wishes",
                            "health_notes", "transition_date"}) {
    std::string upper = field;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    d.SetValue(upper, f.get(field));
  }
  error_list(ctx, d, errors, "th-");
  return ctx.page("transitions_handover_form", ctx.t("transitions.handover.new"), d, status);
}

void show_contents(Context& ctx, web::Dict& d, const Handover& h, const std::set<std::string>& parts) {
  const auto& c = h.contents;
  if (parts.count("child")) {
    d.ShowSection("PART_CHILD");
    d.SetValue("FIRST_NAME", c.child_first_name);
    d.SetValue("BIRTH_MONTH", c.child_birth_month);
  }
  if (parts.count("home_languages")) d.SetValueAndShowSection("HOME_LANGUAGES", join(c.home_languages, ", "), "PART_LANGUAGES");
  if (parts.count("what_helps")) d.SetValueAndShowSection("WHAT_HELPS", c.what_helps, "PART_HELPS");
  if (parts.count("parent_wishes")) d.SetValueAndShowSection("PARENT_WISHES", c.parent_wishes, "PART_WISHES");
  if (parts.count("health_notes")) d.SetValueAndShowSection("HEALTH_NOTES", c.health_notes, "PART_HEALTH");
  (void)ctx;
}

// The after-transition evaluation's links of the handover (evaluation.hpp),
// made on the first view once its date has passed and its school year's
// evaluation runs: the sender sees the parent's link (to hand over; it is on
// the printed copy too), its own and the receiving setting's (to pass on);
// a consented receiver sees its own. False when there are none yet.
bool show_evaluation(Context& ctx, app::Change& change, web::Dict& d, const Handover& h, Standing standing) {
  auto to = load_setting(change.db, h.receiving_setting_id);
  auto year = school_year_of(h.transition_date, to ? to->year_start : "09-01");
  if (!year) return false;
  auto links = evaluation_links(change.db, state(ctx).keyring.current(change.db), h, *year, today(change.now()),
                                change.now());
  if (!links) return false;
  std::string base = notify::public_url(ctx.app) + "/s/";
  d.ShowSection("EVALUATION");
  if (standing == Standing::sender) {
    d.ShowSection("EVALUATION_SENDER");
    d.SetValue("PARENT_LINK", base + links->at("parent"));
    d.SetValue("SENDING_HREF", "/s/" + links->at("sending"));
    d.SetValue("RECEIVING_LINK", base + links->at("receiving"));
  } else {
    d.SetValueAndShowSection("RECEIVING_HREF", "/s/" + links->at("receiving"), "EVALUATION_RECEIVER");
  }
  return true;
}

// The handover's page; `consent_form`/`consent_errors` keep a refused consent's input.
http::Response show_handover(Context& ctx, const http::Form& consent_form, const FieldErrors& consent_errors,
                             int status) {
  std::string id = path_id(ctx);
  const auto& user = me(ctx);
  return app::write(ctx, [&](app::Change& change) -> http::Response {
    Reading r = read_handover(change, user, id);
    if (r.refused == 403) return ctx.app.error(ctx, 403, "forbidden", "transitions.error.no_consent");
    if (r.refused == 409) return ctx.app.error(ctx, 409, "sealed_damaged", "transitions.error.tampered");
    const Handover& h = r.handover;
    auto settings = list_settings(change.db);
    auto names = [&](const std::string& sid) {
      for (const auto& s : settings)
        if (s.id == sid) return s.name;
      return sid;
    };
    web::Dict d = ctx.content_dict();
    d.SetValue("ID", h.id);
    d.SetValue("CSRF", ctx.csrf);
    d.SetValue("FROM", names(h.sending_setting_id));
    d.SetValue("TO", names(h.receiving_setting_id));
    d.SetValue("DATE", h.transition_date);
    d.SetValue("DELETE_AFTER", i18n::format_time(ctx.lang, h.delete_after, i18n::DateStyle::long_date));
    d.SetValue("LANGUAGE", ctx.t("transitions.lang." + h.language));
    show_contents(ctx, d, h, r.parts);
    if (r.standing == Standing::sender) {
      d.ShowSection("SENDER");
      d.SetValue("PRINT_HREF", handover_href(h.id) + "/print");
      for (const auto& k : r.consents) {
        auto* row = d.AddSectionDictionary("CONSENTS");
        row->SetValue("TO", names(k.receiving_setting_id));
        row->SetValue("GIVEN_BY", k.details.given_by);
        row->SetValue("METHOD", ctx.t("transitions.method." + k.details.method));
        row->SetValue("GIVEN_AT", i18n::format_time(ctx.lang, k.details.given_at, i18n::DateStyle::date_time));
        std::vector<std::string> labels;
        for (const auto& p : k.details.parts) labels.push_back(ctx.t("transitions.part." + p));
        row->SetValue("PARTS", join(labels, ", "));
        row->SetValue("UNTIL", i18n::format_time(ctx.lang, k.valid_until - 1, i18n::DateStyle::medium_date));
        if (k.withdrawn_at)
          row->SetValueAndShowSection("WITHDRAWN_AT",
                                      i18n::format_time(ctx.lang, *k.withdrawn_at, i18n::DateStyle::date_time),
                                      "WITHDRAWN");
        else if (!k.active(change.now())) row->ShowSection("EXPIRED");
        else row->SetValueAndShowSection("WITHDRAW_ACTION", handover_href(h.id) + "/consents/" + http::url_encode(k.id) + "/withdraw", "ACTIVE");
        row->SetValue("CSRF", ctx.csrf);
      }
      if (r.consents.empty()) d.ShowSection("NO_CONSENTS");
      setting_options(d, "CONSENT_SETTINGS", settings,
                      consent_form.get("receiving_setting_id").empty() ? h.receiving_setting_id
                                                                       : consent_form.get("receiving_setting_id"));
      for (const auto& m : kMethods) {
        auto* o = d.AddSectionDictionary("METHOD_OPTIONS");
        o->SetValue("VALUE", m);
        o->SetValue("LABEL", ctx.t("transitions.method." + m));
        if (consent_form.get("method") == m) o->ShowSection("SELECTED");
      }
      auto chosen = consent_form.all("parts");
      for (const auto& p : kParts) {
        auto* o = d.AddSectionDictionary("PART_OPTIONS");
        o->SetValue("VALUE", p);
        o->SetValue("LABEL", ctx.t("transitions.part." + p));
        if (std::find(chosen.begin(), chosen.end(), p) != chosen.end()) o->ShowSection("CHECKED");
      }
      d.SetValue("GIVEN_BY", consent_form.get("given_by"));
      d.SetValue("VALID_UNTIL", consent_form.get("valid_until"));
      error_list(ctx, d, consent_errors, "tc-");
    } else {
      d.ShowSection("RECEIVER");
    }
    show_evaluation(ctx, change, d, h, r.standing);
    auto res = ctx.page("transitions_handover", ctx.t("transitions.handover.title"), d, status);
    res.set_header("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace

http::Response transitions_page(Context& ctx) {
  const auto& user = me(ctx);
  auto lease = ctx.app.db().acquire();
  web::Dict d = ctx.content_dict();
  if (user.role == accounts::Role::partner) {
    d.ShowSection("PARTNER");
    if (!own_settings(*lease, user).empty()) d.ShowSection("CAN_WRITE");
    auto sent = sent_by(*lease, user.organizations);
    auto received = received_by(*lease, user.organizations, ctx.now);
    handover_lines(d, "SENT", sent);
    handover_lines(d, "RECEIVED", received);
    if (sent.empty()) d.ShowSection("NONE_SENT");
    if (received.empty()) d.ShowSection("NONE_RECEIVED");
  }
  auto settings = list_settings(*lease);
  for (const auto& s : settings) {
    auto* r = d.AddSectionDictionary("SETTINGS");
    r->SetValue("NAME", s.name);
    r->SetValue("KIND", ctx.t("transitions.kind." + s.kind));
    r->SetValue("LANGUAGES", join(s.languages, ", "));
    r->SetValue("CAPACITY", s.capacity ? std::to_string(*s.capacity) : "");
  }
  if (settings.empty()) d.ShowSection("NO_SETTINGS");
  return ctx.page("transitions_index", ctx.t("transitions.title"), d);
}

http::Response new_handover_page(Context& ctx) {
  http::Fields defaults{{"transition_date", today(ctx.now)}};
  return handover_form(ctx, http::Form(defaults), {}, 200);
}

http::Response create_handover_page(Context& ctx) {
  const auto& f = ctx.form();
  Handover h;
  h.sending_setting_id = f.get("sending_setting_id");
  h.receiving_setting_id = f.get("receiving_setting_id");
  h.contents.child_first_name = text::trimmed(f.get("child_first_name"));
  h.contents.child_birth_month = text::trimmed(f.get("child_birth_month"));
  h.contents.home_languages = parse_languages(f.get("home_languages"));
  h.contents.what_helps = text::trimmed(f.get("what_helps"));
  h.contents.parent_wishes = text::trimmed(f.get("parent_wishes"));
  h.contents.health_notes = text::trimmed(f.get("health_notes"));
  h.transition_date = text::trimmed(f.get("transition_date"));
  h.language = f.get("language");
  FieldErrors errors = validate_handover(h);
  if (!errors.empty()) return handover_form(ctx, f, errors, 422);
  const auto& user = me(ctx);
  FieldErrors missing = app::write(ctx, [&](app::Change& change) { return create_handover(change, user, h); });
  if (!missing.empty()) return handover_form(ctx, f, missing, 422);
  return http::Response::redirect(handover_href(h.id));
}

http::Response handover_page(Context& ctx) { return show_handover(ctx, http::Form(), {}, 200); }

http::Response handover_print_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& user = me(ctx);
  return app::write(ctx, [&](app::Change& change) -> http::Response {
    check_sender(change, user, id);  // the parent's copy is printed by the sending setting
    Reading r = read_handover(change, user, id);
    if (r.refused == 409) return ctx.app.error(ctx, 409, "sealed_damaged", "transitions.error.tampered");
    const Handover& h = r.handover;
    if (auto lang = i18n::parse_lang(h.language)) ctx.lang = *lang;  // in the parent's language
    auto from = load_setting(change.db, h.sending_setting_id);
    auto to = load_setting(change.db, h.receiving_setting_id);
    web::Dict d = ctx.content_dict();
    d.SetValue("FROM", from ? from->name : "");
    d.SetValue("TO", to ? to->name : "");
    d.SetValue("DATE", i18n::format_time(ctx.lang, retention_end(h.transition_date, 0), i18n::DateStyle::long_date));
    d.SetValue("DELETE_AFTER", i18n::format_time(ctx.lang, h.delete_after, i18n::DateStyle::long_date));
    show_contents(ctx, d, h, r.parts);
    for (const auto& k : r.consents) {
      if (!k.active(change.now())) continue;
      auto* row = d.AddSectionDictionary("CONSENTS");
      row->SetValue("TO", k.receiving_setting_id == h.receiving_setting_id && to ? to->name : k.receiving_setting_id);
      std::vector<std::string> labels;
      for (const auto& p : k.details.parts) labels.push_back(ctx.t("transitions.part." + p));
      row->SetValue("PARTS", join(labels, ", "));
      row->SetValue("UNTIL", i18n::format_time(ctx.lang, k.valid_until - 1, i18n::DateStyle::long_date));
    }
    show_evaluation(ctx, change, d, h, Standing::sender);  // the parent's link on the parent's copy
    auto res = ctx.page("transitions_handover_print", ctx.t("transitions.print.title"), d);
    res.set_header("Cache-Control", "no-store");
    return res;
  });
}

http::Response add_consent_page(Context& ctx) {
  std::string id = path_id(ctx);
  const auto& f = ctx.form();
  Consent k;
  k.handover_id = id;
  k.details.given_by = text::trimmed(f.get("given_by"));
  k.details.method = f.get("method");
  k.details.parts = f.all("parts");
  k.receiving_setting_id = f.get("receiving_setting_id");
  std::string until = text::trimmed(f.get("valid_until"));
  FieldErrors errors = validate_consent(k.details, until, ctx.now);
  const auto& user = me(ctx);
  if (errors.empty())
    errors = app::write(ctx, [&](app::Change& change) {
      check_sender(change, user, id);
      return add_consent(change, user, k, until);
    });
  else
    app::write(ctx, [&](app::Change& change) { check_sender(change, user, id); });  // 403/404 before 422
  if (!errors.empty()) return show_handover(ctx, f, errors, 422);
  return http::Response::redirect(handover_href(id) + "#consents");
}

http::Response withdraw_consent_page(Context& ctx) {
  std::string id = path_id(ctx);
  std::string consent_id = path_id(ctx, "consent_id");
  const auto& user = me(ctx);
  app::write(ctx, [&](app::Change& change) {
    check_sender(change, user, id);
    if (!withdraw_consent(change.db, id, consent_id, change.now()))
      throw HttpError(404, "not_found", "transitions.error.no_such_consent");
    change.audit("transitions.consent.withdraw", "transitions_handover", id, consent_id);
  });
  return http::Response::redirect(handover_href(id) + "#consents");
}

}  // namespace samen::transitions
