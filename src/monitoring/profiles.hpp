// The monitoring's profile of an organisation (migrations/0002_profiles.sql):
// sector and language community, which the core network does not hold. The
// survey form groups organisations by sector; the metrics pages cut the
// network into subnetworks by them. An organisation without a row is 'other'.
#pragma once
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace samen::monitoring {

inline constexpr std::array<std::string_view, 6> kSectors = {"childcare", "pre_school", "out_of_school",
                                                             "health",    "social",     "other"};
inline constexpr std::array<std::string_view, 4> kLanguageCommunities = {"nl", "fr", "bilingual", "other"};

struct Profile {
  std::string sector = "other";
  std::string language = "other";
};

// Every organisation's profile that has a row, by organisation id.
std::map<std::string, Profile> load_profiles(store::Connection& c);
// The profile of one organisation in `all` ('other'/'other' without a row).
Profile profile_of(const std::map<std::string, Profile>& all, const std::string& organization_id);
// Sets one organisation's profile; a code off the lists is a WaveError 422.
void save_profile(store::Connection& c, const std::string& organization_id, const Profile& p, std::int64_t now);

}  // namespace samen::monitoring
