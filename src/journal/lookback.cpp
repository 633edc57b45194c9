// Small pieces the looking-back pages share (lookback_handlers.hpp): labels
// of levels and types in the reader's language, the ?team= choice, and the
// start-up of the search engine.
#include "journal/lookback_handlers.hpp"

#include "journal/search.hpp"
#include "util/text.hpp"

namespace samen::journal {

std::string level_label(const app::Context& ctx, const core::Network& n, const std::string& team_id) {
  if (team_id.empty() || team_id == "brussels") return ctx.t("journal.level.brussels");
  if (auto t = n.team(team_id)) return t->name.in(ctx.lang);
  return team_id;
}

std::string type_name(const app::Context& ctx, const std::vector<ActivityType>& types, const std::string& code) {
  for (const auto& t : types)
    if (t.code == code) return t.label(ctx.lang);
  return code;
}

std::string team_param(const app::Context& ctx, const core::Network& n) {
  std::string team = text::trimmed(ctx.req.query_param("team").value_or(""));
  if (team.empty() || team == "brussels" || n.team(team)) return team;
  throw app::HttpError(400, "bad_request", "journal.lookback.error.team");
}

void add_team_options(const app::Context& ctx, web::Dict& d, const core::Network& n, const std::string& selected) {
  auto option = [&](const std::string& value, const std::string& label) {
    auto* o = d.AddSectionDictionary("TEAM_OPTIONS");
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == selected) o->ShowSection("SELECTED");
  };
  option("brussels", ctx.t("journal.level.brussels"));
  for (const auto& t : n.teams) option(t.id, t.name.in(ctx.lang));
}

void start_lookback(app::App& app) {
  app.put<ActivitySearch>(ActivitySearch::create(app.db(), app.options().data_dir));
}

}  // namespace samen::journal
