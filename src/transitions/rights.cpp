// Parents' rights (issue 19): a coordinator (or admin) finds everything held
// about a child — its handovers, their consents, and the record of who read
// them — by a setting, the child's first name and birth month, exports it as
// JSON or as a printable page, and erases it on the parent's request. Names
// are sealed, so the search opens the handovers of that one setting and
// compares; the request is a POST so the child's name is in no URL. Export
// and erasure are audited (handover ids only); the audit log keeps who read
// what and when, which names nobody.
#include <nlohmann/json.hpp>

#include "accounts/audit.hpp"
#include "app/api.hpp"
#include "app/app.hpp"
#include "app/write.hpp"
#include "i18n/i18n.hpp"
#include "transitions/handlers.hpp"
#include "transitions/store.hpp"
#include "util/text.hpp"
#include "util/text_fold.hpp"

namespace samen::transitions {

using app::Context;
using app::HttpError;
using nlohmann::json;

namespace {

struct Request {
  std::string setting_id, first_name, birth_month;
};

Request request_of(Context& ctx) {
  const auto& f = ctx.form();
  return {f.get("setting_id"), text::trimmed(f.get("first_name")), text::trimmed(f.get("birth_month"))};
}

FieldErrors check(const Request& r) {
  FieldErrors e;
  if (r.setting_id.empty()) e["setting_id"] = "transitions.error.setting";
  if (r.first_name.empty() || r.first_name.size() > 160) e["first_name"] = "transitions.error.first_name";
  if (r.birth_month.size() != 7) e["birth_month"] = "transitions.error.birth_month";
  return e;
}

struct Held {
  Handover handover;
  std::vector<Consent> consents;
  std::vector<accounts::AuditEntry> reads;
};

// The child's handovers sent or received by the setting, with their consents and read log.
std::vector<Held> find_child(store::Connection& c, const Key& key, const Request& r) {
  std::vector<std::string> ids;
  c.each("SELECT id FROM transitions_handovers WHERE sending_setting_id = ? OR receiving_setting_id = ? ORDER BY id",
         {r.setting_id, r.setting_id}, [&](const store::Row& row) {
           ids.push_back(row.text(0));
           return true;
         });
  std::string name = text::fold(r.first_name);
  std::vector<Held> out;
  for (const auto& id : ids) {
    auto h = load_handover(c, key, id);
    if (!h || h->contents.child_birth_month != r.birth_month || text::fold(h->contents.child_first_name) != name)
      continue;
    Held held{*h, consents_of(c, key, id), {}};
    c.each("SELECT at, actor_label, action, detail FROM audit_log WHERE target_type = 'transitions_handover' AND "
           "target_id = ? ORDER BY at, id",
           {id}, [&](const store::Row& row) {
             accounts::AuditEntry e;
             e.at = row.int64(0);
             e.actor_label = row.text(1);
             e.action = row.text(2);
             e.detail = row.text(3);
             held.reads.push_back(std::move(e));
             return true;
           });
    out.push_back(std::move(held));
  }
  return out;
}

json export_json(const std::vector<Held>& all) {
  json list = json::array();
  for (const auto& h : all) {
    json consents = json::array();
    for (const auto& k : h.consents)
      consents.push_back({{"id", k.id},
                          {"receiving_setting_id", k.receiving_setting_id},
                          {"given_by", k.details.given_by},
                          {"method", k.details.method},
                          {"parts", k.details.parts},
                          {"given_at", app::rfc3339(k.details.given_at)},
                          {"valid_until", app::rfc3339(k.valid_until)},
                          {"withdrawn_at", app::rfc3339_or_null(k.withdrawn_at)}});
    json log = json::array();
    for (const auto& e : h.reads)
      log.push_back({{"at", app::rfc3339(e.at)}, {"who", e.actor_label}, {"action", e.action}, {"detail", e.detail}});
    const auto& c = h.handover.contents;
    list.push_back({{"id", h.handover.id},
                    {"sending_setting_id", h.handover.sending_setting_id},
                    {"receiving_setting_id", h.handover.receiving_setting_id},
                    {"transition_date", h.handover.transition_date},
                    {"language", h.handover.language},
                    {"created_at", app::rfc3339(h.handover.created_at)},
                    {"delete_after", app::rfc3339(h.handover.delete_after)},
                    {"child_first_name", c.child_first_name},
                    {"child_birth_month", c.child_birth_month},
                    {"home_languages", c.home_languages},
                    {"what_helps", c.what_helps},
                    {"parent_wishes", c.parent_wishes},
                    {"health_notes", c.health_notes},
                    {"consents", consents},
                    {"access_log", log}});
  }
  return {{"handovers", list}};
}

std::string ids_of(const std::vector<Held>& all) {
  std::vector<std::string> ids;
  for (const auto& h : all) ids.push_back(h.handover.id);
  return join(ids);
}

http::Response form(Context& ctx, const Request& r, const FieldErrors& errors, const std::vector<Held>* found,
                    int status, bool erased = false) {
  auto lease = ctx.app.db().acquire();
  web::Dict d = ctx.content_dict();
  d.SetValue("CSRF", ctx.csrf);
  for (const auto& s : list_settings(*lease)) {
    auto* o = d.AddSectionDictionary("SETTING_OPTIONS");
    o->SetValue("VALUE", s.id);
    o->SetValue("LABEL", s.name);
    if (s.id == r.setting_id) o->ShowSection("SELECTED");
  }
  d.SetValue("SETTING_ID", r.setting_id);
  d.SetValue("FIRST_NAME", r.first_name);
  d.SetValue("BIRTH_MONTH", r.birth_month);
  for (const auto& [field, key] : errors) {
    d.ShowSection("HAS_ERRORS");
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", "tr-" + field);
    e->SetValue("MESSAGE", ctx.t(key));
  }
  if (erased) d.ShowSection("ERASED");
  if (found) {
    d.ShowSection("SEARCHED");
    if (found->empty()) d.ShowSection("NOTHING");
    else d.ShowSection("FOUND");
    d.SetValue("COUNT", std::to_string(found->size()));
    for (const auto& h : *found) {
      auto* row = d.AddSectionDictionary("HANDOVERS");
      row->SetValue("DATE", h.handover.transition_date);
      row->SetValue("CONSENTS", std::to_string(h.consents.size()));
      row->SetValue("READS", std::to_string(h.reads.size()));
    }
  }
  return ctx.page("transitions_rights", ctx.t("transitions.rights.title"), d, status);
}

// Runs the search in a transaction and hands the result to `then` (export, erasure), both audited there.
template <class Then>
http::Response with_child(Context& ctx, Then&& then) {
  Request r = request_of(ctx);
  FieldErrors e = check(r);
  if (!e.empty()) return form(ctx, r, e, nullptr, 422);
  return app::write(ctx, [&](app::Change& change) -> http::Response {
    Key key = state(ctx).keyring.current(change.db);
    try {
      auto found = find_child(change.db, key, r);
      return then(change, r, found);
    } catch (const CryptoError& err) {
      change.audit("transitions.handover.sealed_refused", "transitions_setting", r.setting_id, err.what());
      return ctx.app.error(ctx, 409, "sealed_damaged", "transitions.error.tampered");
    }
  });
}

}  // namespace

http::Response rights_page(Context& ctx) { return form(ctx, {}, {}, nullptr, 200); }

http::Response rights_search_page(Context& ctx) {
  return with_child(ctx, [&](app::Change& change, const Request& r, const std::vector<Held>& found) {
    change.audit("transitions.child.search", "transitions_setting", r.setting_id, ids_of(found));
    return form(ctx, r, {}, &found, 200);
  });
}

http::Response rights_export_page(Context& ctx) {
  bool as_json = ctx.form_or_empty("format") == "json";
  return with_child(ctx, [&](app::Change& change, const Request& r, const std::vector<Held>& found) {
    change.audit("transitions.child.export", "transitions_setting", r.setting_id,
                 std::string(as_json ? "json: " : "html: ") + ids_of(found));
    if (as_json) {
      auto res = app::json_response(200, export_json(found));
      res.set_header("Content-Disposition", "attachment; filename=\"samen-child-export.json\"");
      res.set_header("Cache-Control", "no-store");
      return res;
    }
    web::Dict d = ctx.content_dict();
    for (const auto& h : found) {
      auto* s = d.AddSectionDictionary("HANDOVERS");
      const auto& c = h.handover.contents;
      s->SetValue("DATE", h.handover.transition_date);
      s->SetValue("FIRST_NAME", c.child_first_name);
      s->SetValue("BIRTH_MONTH", c.child_birth_month);
      s->SetValue("HOME_LANGUAGES", join(c.home_languages, ", "));
      s->SetValue("WHAT_HELPS", c.what_helps);
      s->SetValue("PARENT_WISHES", c.parent_wishes);
      s->SetValue("HEALTH_NOTES", c.health_notes);
      for (const auto& k : h.consents) {
        auto* row = s->AddSectionDictionary("CONSENTS");
        row->SetValue("GIVEN_BY", k.details.given_by);
        row->SetValue("METHOD", ctx.t("transitions.method." + k.details.method));
        row->SetValue("PARTS", join(k.details.parts, ", "));
        row->SetValue("UNTIL", i18n::format_time(ctx.lang, k.valid_until - 1, i18n::DateStyle::medium_date));
        if (k.withdrawn_at)
          row->SetValueAndShowSection("WITHDRAWN_AT", i18n::format_time(ctx.lang, *k.withdrawn_at, i18n::DateStyle::date_time), "WITHDRAWN");
      }
      for (const auto& e : h.reads) {
        auto* row = s->AddSectionDictionary("READS");
        row->SetValue("AT", i18n::format_time(ctx.lang, e.at, i18n::DateStyle::date_time));
        row->SetValue("WHO", e.actor_label);
        row->SetValue("ACTION", e.action);
      }
    }
    if (found.empty()) d.ShowSection("NOTHING");
    auto res = ctx.page("transitions_rights_export", ctx.t("transitions.rights.export_title"), d);
    res.set_header("Cache-Control", "no-store");
    return res;
  });
}

http::Response rights_erase_page(Context& ctx) {
  if (ctx.form_or_empty("confirm") != "yes") {
    Request r = request_of(ctx);
    return form(ctx, r, {{"confirm", "transitions.error.confirm"}}, nullptr, 422);
  }
  return with_child(ctx, [&](app::Change& change, const Request& r, const std::vector<Held>& found) {
    for (const auto& h : found) delete_handover(change.db, h.handover.id);
    change.audit("transitions.child.erase", "transitions_setting", r.setting_id, ids_of(found));
    std::vector<Held> none;
    return form(ctx, r, {}, &none, 200, true);
  });
}

}  // namespace samen::transitions
