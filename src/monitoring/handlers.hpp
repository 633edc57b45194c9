// The monitoring module's request handlers, listed in its route table
// (module.cpp): the survey waves' JSON API (api.cpp), the coordinator's wave
// pages (wave_pages.cpp), the organisations' profiles (profile_pages.cpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace samen::monitoring {

http::Response api_waves(app::Context& ctx);
http::Response api_create_wave(app::Context& ctx);
http::Response api_wave(app::Context& ctx);
http::Response api_close_wave(app::Context& ctx);
http::Response api_invitations(app::Context& ctx);
http::Response api_invite(app::Context& ctx);
http::Response api_remind(app::Context& ctx);
http::Response api_responses(app::Context& ctx);
http::Response api_metrics(app::Context& ctx);
http::Response api_comparison(app::Context& ctx);
http::Response api_diagram(app::Context& ctx);
http::Response api_graphml(app::Context& ctx);

http::Response waves_page(app::Context& ctx);        // GET /monitoring
http::Response new_wave_page(app::Context& ctx);     // GET /monitoring/waves/new
http::Response create_wave_page(app::Context& ctx);  // POST /monitoring/waves/new
http::Response wave_page(app::Context& ctx);         // GET /monitoring/waves/{id}[?show=not_answered]
http::Response invite_page(app::Context& ctx);       // POST /monitoring/waves/{id}/invitations
http::Response remind_page(app::Context& ctx);       // POST /monitoring/waves/{id}/reminders
http::Response close_wave_page(app::Context& ctx);   // POST /monitoring/waves/{id}/close

http::Response metrics_page(app::Context& ctx);     // GET /monitoring/waves/{id}/metrics?ties=&by=
http::Response comparison_page(app::Context& ctx);  // GET /monitoring/waves/{id}/comparison?with=&ties=
http::Response diagram_page(app::Context& ctx);     // GET /monitoring/waves/{id}/diagram?ties=&team=&sector=&language=&level=
http::Response trends_page(app::Context& ctx);      // GET /monitoring/waves/{id}/trends?ties=
http::Response export_page(app::Context& ctx);      // GET /monitoring/waves/{id}/exports/{kind}?ties=&format=
http::Response report_page(app::Context& ctx);      // GET /monitoring/waves/{id}/report?ties=&format=html|pdf

http::Response profiles_page(app::Context& ctx);       // GET /monitoring/organizations
http::Response save_profiles_page(app::Context& ctx);  // POST /monitoring/organizations

// A figure of a wave and its label (comparison_pages.cpp), shared by the comparison and the report:
// "–" for none; a share as a percentage; a change with its sign; name as in FigureChange.
std::string number(app::Context& ctx, const std::optional<double>& v, bool percent);
std::string signed_number(app::Context& ctx, const std::optional<double>& v, bool percent);
std::string figure_label(app::Context& ctx, const std::string& name);

// The whole wave's network for the exports (export_pages.cpp); 404 for an unknown wave.
struct NetworkExport;
NetworkExport load_network_export(app::Context& ctx, const std::string& id, bool confirmed);

// The charts across waves (trend_pages.cpp), shared by the trends page and the report.
struct WavePoint;
std::string trend_charts(app::Context& ctx, const std::vector<WavePoint>& points, const std::string& id_prefix);

}  // namespace samen::monitoring
