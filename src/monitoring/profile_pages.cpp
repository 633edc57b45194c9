// The organisations' monitoring profiles, for coordinators and admins
// (/monitoring/organizations): one table of every active organisation with its
// sector and language community, saved in one form (one write, one audit
// entry). A code off the lists gives the page back with the input kept (422).
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "core/network.hpp"
#include "monitoring/handlers.hpp"
#include "monitoring/profiles.hpp"
#include "monitoring/waves.hpp"

namespace samen::monitoring {

using app::Context;
using app::HttpError;

namespace {

template <std::size_t N>
void add_choices(web::Dict& row, const char* section, const std::array<std::string_view, N>& codes,
                 const std::string& key_prefix, const std::string& chosen, Context& ctx) {
  for (auto code : codes) {
    auto* o = row.AddSectionDictionary(section);
    o->SetValue("VALUE", std::string(code));
    o->SetValue("LABEL", ctx.t(key_prefix + std::string(code)));
    if (code == chosen) o->ShowSection("SELECTED");
  }
}

// The page; `input` (organisation id → profile) replaces the stored values after a problem.
http::Response profiles_view(Context& ctx, const std::map<std::string, Profile>& input, const std::string& error_key,
                             int status) {
  std::optional<store::Lease> lease(ctx.app.db().acquire());
  core::Network net = core::load_network(**lease);
  auto stored = load_profiles(**lease);
  lease.reset();
  auto d = ctx.content_dict();
  if (!error_key.empty()) d.SetValueAndShowSection("ERROR_TEXT", ctx.t(error_key), "ERROR");
  std::size_t i = 0;
  for (const auto& org : net.organizations) {
    Profile p = input.count(org.id) ? input.at(org.id) : profile_of(stored, org.id);
    auto* row = d.AddSectionDictionary("ORGS");
    row->SetValue("IDX", std::to_string(i++));
    row->SetValue("ID", org.id);
    row->SetValue("NAME", org.name.in(ctx.lang));
    add_choices(*row, "SECTORS", kSectors, "monitoring.sector.", p.sector, ctx);
    add_choices(*row, "LANGUAGES", kLanguageCommunities, "monitoring.language.", p.language, ctx);
  }
  return ctx.page("monitoring_profiles", ctx.t("monitoring.profiles.title"), d, status);
}

}  // namespace

http::Response profiles_page(Context& ctx) { return profiles_view(ctx, {}, "", 200); }

http::Response save_profiles_page(Context& ctx) {
  const auto& f = ctx.form();
  auto ids = f.all("organization");
  auto sectors = f.all("sector");
  auto languages = f.all("language");
  if (ids.size() != sectors.size() || ids.size() != languages.size() || ids.size() > 20000)
    throw HttpError(400, "bad_request", "error.bad_request");
  std::map<std::string, Profile> input;
  for (std::size_t i = 0; i < ids.size(); ++i) input[ids[i]] = Profile{sectors[i], languages[i]};
  try {
    app::write(ctx, [&](app::Change& change) {
      auto stored = load_profiles(change.db);
      std::size_t changed = 0;
      for (const auto& [id, p] : input) {
        Profile before = profile_of(stored, id);
        if (before.sector == p.sector && before.language == p.language && stored.count(id)) continue;
        save_profile(change.db, id, p, change.now());
        ++changed;
      }
      change.audit("monitoring.profiles.update", "monitoring_profiles", "", std::to_string(changed));
    });
  } catch (const WaveError& e) {
    return profiles_view(ctx, input, e.key, 422);
  }
  return http::Response::redirect("/monitoring/organizations?done=monitoring_profiles_saved");
}

}  // namespace samen::monitoring
