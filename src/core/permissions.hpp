// The "own organisation" rules of the network, the same in every module:
// admins and coordinators act on the whole network; partner staff act for the
// organisations they work for; facilitators and parent representatives read.
// Modules add their own rules per kind of record on top of these. Plain
// logic, no I/O.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/roles.hpp"
#include "accounts/users.hpp"

namespace samen::core {

// Admin or coordinator: acts on every organisation and on the teams.
bool acts_for_whole_network(const accounts::User& u);
// A partner who works for this organisation (never for "").
bool works_for(const accounts::User& u, std::string_view organization_id);
// May the user act on what this organisation owns: the whole network, or a partner working for it.
bool acts_for(const accounts::User& u, std::string_view organization_id);
// The organisations whose records the user may pick and sees in own lists: nullopt = all.
std::optional<std::vector<std::string>> own_organizations(const accounts::User& u);

// Route-level rules, for Routes::page / Routes::api.
accounts::Access network_readers();  // every signed-in role
accounts::Access network_editors();  // admin, coordinator: organisations' creation, teams
accounts::Access partner_editors();  // admin, coordinator, partner (record checks follow)

}  // namespace samen::core
