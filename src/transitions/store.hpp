// The transitions module's queries: settings (joined with their directory
// service), handovers and consents, sealed on the way in and opened on the
// way out with the caller's key (keyring.hpp), and the retention deletion.
// Every function runs on the connection it is given (the caller's transaction).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "transitions/crypto.hpp"
#include "transitions/domain.hpp"

namespace samen::transitions {

// A directory service as a setting's page needs it: nullopt when there is no such service.
struct ServiceRef {
  std::string id, name, organization_id;
};
std::optional<ServiceRef> service_ref(store::Connection& c, const std::string& service_id);

std::optional<Setting> load_setting(store::Connection& c, const std::string& id);
// Active settings, by name.
std::vector<Setting> list_settings(store::Connection& c);
// Inserts (version 1) or updates the setting (its version checked by the caller).
void upsert_setting(store::Connection& c, const Setting& s, std::int64_t now);

// Seals and inserts a new handover (its id, version and stamps set here).
void insert_handover(store::Connection& c, const Key& key, Handover& h);
// The handover with its contents opened (CryptoError when they do not open).
std::optional<Handover> load_handover(store::Connection& c, const Key& key, const std::string& id);
// The handover's plain columns only (contents left empty).
std::optional<Handover> load_handover_plain(store::Connection& c, const std::string& id);
bool delete_handover(store::Connection& c, const std::string& id);

void insert_consent(store::Connection& c, const Key& key, Consent& consent);
// Every consent of a handover, newest first, details opened.
std::vector<Consent> consents_of(store::Connection& c, const Key& key, const std::string& handover_id);
// Withdraws a running consent; false when there is none of that id on this handover or it was withdrawn already.
bool withdraw_consent(store::Connection& c, const std::string& handover_id, const std::string& consent_id,
                      std::int64_t now);

// Organisation of each setting named (the receiving settings of consents).
std::map<std::string, std::string> organizations_of(store::Connection& c, const std::vector<std::string>& setting_ids);

// A line of a handover list (no sealed data).
struct HandoverLine {
  std::string id, sending_setting_id, sending_name, receiving_setting_id, receiving_name, transition_date;
  std::int64_t created_at = 0;
};
// Handovers sent by settings of these organisations.
std::vector<HandoverLine> sent_by(store::Connection& c, const std::vector<std::string>& organization_ids,
                                  std::int64_t limit = 500);
// Handovers with a running consent for a setting of these organisations.
std::vector<HandoverLine> received_by(store::Connection& c, const std::vector<std::string>& organization_ids,
                                      std::int64_t now, std::int64_t limit = 500);

// Deletes up to `batch` handovers (and their consents) whose retention ended
// before `now`; returns their ids.
std::vector<std::string> delete_expired(store::Connection& c, std::int64_t now, std::int64_t batch);

}  // namespace samen::transitions
