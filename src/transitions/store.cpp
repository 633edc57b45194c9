// The transitions module's queries (store.hpp).
#include "transitions/store.hpp"

#include <nlohmann/json.hpp>

#include "transitions/keyring.hpp"
#include "util/uuid.hpp"

namespace samen::transitions {

using nlohmann::json;
using store::Param;
using store::Params;

namespace {

constexpr const char* kSettingColumns =
    "s.id, s.version, s.kind, s.capacity, s.age_min_months, s.age_max_months, s.languages, s.year_start, "
    "s.year_end, s.created_at, s.updated_at, COALESCE(v.organization_id, ''), v.name";

Setting setting_of(const store::Row& r) {
  Setting s;
  s.id = r.text(0);
  s.version = r.int64(1);
  s.kind = r.text(2);
  s.capacity = r.opt_int64(3);
  s.age_min_months = r.opt_int64(4);
  s.age_max_months = r.opt_int64(5);
  s.languages = parse_languages(r.text(6));
  s.year_start = r.text(7);
  s.year_end = r.text(8);
  s.created_at = r.int64(9);
  s.updated_at = r.int64(10);
  s.organization_id = r.text(11);
  s.name = r.text(12);
  return s;
}

Param opt_param(const std::optional<std::int64_t>& v) { return v ? Param(*v) : Param(nullptr); }

constexpr const char* kHandoverColumns =
    "id, version, created_at, updated_at, sending_setting_id, receiving_setting_id, transition_date, delete_after, "
    "language, created_by, contents";

Handover handover_of(const store::Row& r) {
  Handover h;
  h.id = r.text(0);
  h.version = r.int64(1);
  h.created_at = r.int64(2);
  h.updated_at = r.int64(3);
  h.sending_setting_id = r.text(4);
  h.receiving_setting_id = r.text(5);
  h.transition_date = r.text(6);
  h.delete_after = r.int64(7);
  h.language = r.text(8);
  h.created_by = r.opt_int64(9);
  return h;
}

std::vector<HandoverLine> lines(store::Connection& c, const std::string& where, const Params& params,
                                std::int64_t limit) {
  std::vector<HandoverLine> out;
  Params p = params;
  p.push_back(limit);
  c.each(
      "SELECT h.id, h.sending_setting_id, sv.name, h.receiving_setting_id, rv.name, h.transition_date, h.created_at "
      "FROM transitions_handovers h JOIN services sv ON sv.id = h.sending_setting_id "
      "JOIN services rv ON rv.id = h.receiving_setting_id WHERE " +
          where + " ORDER BY h.transition_date DESC, h.id LIMIT ?",
      p, [&](const store::Row& r) {
        out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.int64(6)});
        return true;
      });
  return out;
}

}  // namespace

std::optional<ServiceRef> service_ref(store::Connection& c, const std::string& service_id) {
  auto r = c.exec("SELECT id, name, COALESCE(organization_id, '') FROM services WHERE id = ?", {service_id});
  if (r.empty()) return std::nullopt;
  return ServiceRef{r.rows[0].text(0), r.rows[0].text(1), r.rows[0].text(2)};
}

std::optional<Setting> load_setting(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kSettingColumns +
                      " FROM transitions_settings s JOIN services v ON v.id = s.id WHERE s.id = ?",
                  {id});
  if (r.empty()) return std::nullopt;
  return setting_of(r.rows[0]);
}

std::vector<Setting> list_settings(store::Connection& c) {
  std::vector<Setting> out;
  c.each(std::string("SELECT ") + kSettingColumns +
             " FROM transitions_settings s JOIN services v ON v.id = s.id WHERE s.archived_at IS NULL "
             "ORDER BY v.name, s.id",
         {}, [&](const store::Row& r) {
           out.push_back(setting_of(r));
           return true;
         });
  return out;
}

void upsert_setting(store::Connection& c, const Setting& s, std::int64_t now) {
  Params values = {s.kind, opt_param(s.capacity), opt_param(s.age_min_months), opt_param(s.age_max_months),
                   join(s.languages), s.year_start, s.year_end};
  auto done = c.exec(
      "UPDATE transitions_settings SET version = version + 1, updated_at = ?, kind = ?, capacity = ?, "
      "age_min_months = ?, age_max_months = ?, languages = ?, year_start = ?, year_end = ? WHERE id = ?",
      [&] {
        Params p{now};
        p.insert(p.end(), values.begin(), values.end());
        p.push_back(s.id);
        return p;
      }());
  if (done.affected > 0) return;
  Params p{s.id, now, now};
  p.insert(p.end(), values.begin(), values.end());
  c.exec("INSERT INTO transitions_settings (id, version, created_at, updated_at, kind, capacity, age_min_months, "
         "age_max_months, languages, year_start, year_end) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         p);
}

void insert_handover(store::Connection& c, const Key& key, Handover& h) {
  if (h.id.empty()) h.id = uuid::random();
  h.version = 1;
  h.updated_at = h.created_at;
  std::string sealed =
      seal(key, seal_context("transitions_handovers", h.id, "contents"), to_json(h.contents).dump());
  c.exec(std::string("INSERT INTO transitions_handovers (") + kHandoverColumns +
             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {h.id, h.version, h.created_at, h.updated_at, h.sending_setting_id, h.receiving_setting_id,
          h.transition_date, h.delete_after, h.language, opt_param(h.created_by), sealed});
}

std::optional<Handover> load_handover_plain(store::Connection& c, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kHandoverColumns + " FROM transitions_handovers WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return handover_of(r.rows[0]);
}

std::optional<Handover> load_handover(store::Connection& c, const Key& key, const std::string& id) {
  auto r = c.exec(std::string("SELECT ") + kHandoverColumns + " FROM transitions_handovers WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  Handover h = handover_of(r.rows[0]);
  std::string plain = open(key, seal_context("transitions_handovers", h.id, "contents"), r.rows[0].text(10));
  json j = json::parse(plain, nullptr, false);
  if (!j.is_object()) throw CryptoError(CryptoError::Kind::tampered, "handover contents are no JSON object");
  h.contents = contents_from_json(j);
  return h;
}

bool delete_handover(store::Connection& c, const std::string& id) {
  c.exec("DELETE FROM transitions_consents WHERE handover_id = ?", {id});
  c.exec("DELETE FROM transitions_evaluation_links WHERE handover_id = ?", {id});
  return c.exec("DELETE FROM transitions_handovers WHERE id = ?", {id}).affected > 0;
}

void insert_consent(store::Connection& c, const Key& key, Consent& consent) {
  if (consent.id.empty()) consent.id = uuid::random();
  std::string sealed =
      seal(key, seal_context("transitions_consents", consent.id, "details"), to_json(consent.details).dump());
  c.exec("INSERT INTO transitions_consents (id, handover_id, receiving_setting_id, valid_until, withdrawn_at, "
         "created_at, created_by, details) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
         {consent.id, consent.handover_id, consent.receiving_setting_id, consent.valid_until, consent.created_at,
          opt_param(consent.created_by), sealed});
}

std::vector<Consent> consents_of(store::Connection& c, const Key& key, const std::string& handover_id) {
  std::vector<Consent> out;
  c.each("SELECT id, handover_id, receiving_setting_id, valid_until, withdrawn_at, created_at, created_by, details "
         "FROM transitions_consents WHERE handover_id = ? ORDER BY created_at DESC, id",
         {handover_id}, [&](const store::Row& r) {
           Consent k;
           k.id = r.text(0);
           k.handover_id = r.text(1);
           k.receiving_setting_id = r.text(2);
           k.valid_until = r.int64(3);
           k.withdrawn_at = r.opt_int64(4);
           k.created_at = r.int64(5);
           k.created_by = r.opt_int64(6);
           json j = json::parse(open(key, seal_context("transitions_consents", k.id, "details"), r.text(7)), nullptr,
                                false);
           if (!j.is_object()) throw CryptoError(CryptoError::Kind::tampered, "consent details are no JSON object");
           k.details = details_from_json(j);
           out.push_back(std::move(k));
           return true;
         });
  return out;
}

bool withdraw_consent(store::Connection& c, const std::string& handover_id, const std::string& consent_id,
                      std::int64_t now) {
  return c.exec("UPDATE transitions_consents SET withdrawn_at = ? WHERE id = ? AND handover_id = ? AND "
                "withdrawn_at IS NULL",
                {now, consent_id, handover_id})
             .affected > 0;
}

std::map<std::string, std::string> organizations_of(store::Connection& c, const std::vector<std::string>& ids) {
  std::map<std::string, std::string> out;
  if (ids.empty()) return out;
  c.each("SELECT id, COALESCE(organization_id, '') FROM services WHERE id IN (" + store::placeholder_list(ids.size()) +
             ")",
         store::text_params(ids), [&](const store::Row& r) {
           out[r.text(0)] = r.text(1);
           return true;
         });
  return out;
}

std::vector<HandoverLine> sent_by(store::Connection& c, const std::vector<std::string>& orgs, std::int64_t limit) {
  if (orgs.empty()) return {};
  return lines(c, "sv.organization_id IN (" + store::placeholder_list(orgs.size()) + ")", store::text_params(orgs),
               limit);
}

std::vector<HandoverLine> received_by(store::Connection& c, const std::vector<std::string>& orgs, std::int64_t now,
                                      std::int64_t limit) {
  if (orgs.empty()) return {};
  Params p = store::text_params(orgs);
  p.push_back(now);
  return lines(c,
               "EXISTS (SELECT 1 FROM transitions_consents k JOIN services kv ON kv.id = k.receiving_setting_id "
               "WHERE k.handover_id = h.id AND kv.organization_id IN (" +
                   store::placeholder_list(orgs.size()) + ") AND k.withdrawn_at IS NULL AND k.valid_until > ?)",
               p, limit);
}

std::vector<std::string> delete_expired(store::Connection& c, std::int64_t now, std::int64_t batch) {
  std::vector<std::string> ids;
  c.each("SELECT id FROM transitions_handovers WHERE delete_after <= ? ORDER BY delete_after, id LIMIT ?",
         {now, batch}, [&](const store::Row& r) {
           ids.push_back(r.text(0));
           return true;
         });
  if (ids.empty()) return ids;
  auto params = store::text_params(ids);
  std::string in = "(" + store::placeholder_list(ids.size()) + ")";
  c.exec("DELETE FROM transitions_consents WHERE handover_id IN " + in, params);
  c.exec("DELETE FROM transitions_evaluation_links WHERE handover_id IN " + in, params);
  c.exec("DELETE FROM transitions_handovers WHERE id IN " + in, params);
  return ids;
}

}  // namespace samen::transitions
