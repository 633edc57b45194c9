// Organisation profiles of the monitoring (see profiles.hpp).
#include "monitoring/profiles.hpp"

#include <algorithm>

#include "monitoring/waves.hpp"

namespace samen::monitoring {

std::map<std::string, Profile> load_profiles(store::Connection& c) {
  std::map<std::string, Profile> out;
  for (const auto& r :
       c.exec("SELECT organization_id, sector, language_community FROM monitoring_organization_profiles").rows)
    out[r.text(0)] = Profile{r.text(1), r.text(2)};
  return out;
}

Profile profile_of(const std::map<std::string, Profile>& all, const std::string& organization_id) {
  auto it = all.find(organization_id);
  return it == all.end() ? Profile{} : it->second;
}

void save_profile(store::Connection& c, const std::string& organization_id, const Profile& p, std::int64_t now) {
  if (std::find(kSectors.begin(), kSectors.end(), p.sector) == kSectors.end())
    throw WaveError(422, "monitoring.error.sector");
  if (std::find(kLanguageCommunities.begin(), kLanguageCommunities.end(), p.language) == kLanguageCommunities.end())
    throw WaveError(422, "monitoring.error.language_community");
  if (c.exec("SELECT 1 FROM organizations WHERE id = ?", {organization_id}).empty())
    throw WaveError(404, "monitoring.error.organization_unknown");
  auto updated = c.exec("UPDATE monitoring_organization_profiles SET sector = ?, language_community = ?, "
                        "updated_at = ? WHERE organization_id = ?",
                        {p.sector, p.language, now, organization_id});
  if (updated.affected == 0)
    c.exec("INSERT INTO monitoring_organization_profiles (organization_id, sector, language_community, updated_at) "
           "VALUES (?, ?, ?, ?)",
           {organization_id, p.sector, p.language, now});
}

}  // namespace samen::monitoring
