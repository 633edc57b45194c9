// The monitoring module's request handlers, listed in its route table
// (module.cpp): the survey waves' JSON API (api.cpp), the coordinator's wave
// pages (wave_pages.cpp), the organisations' profiles (profile_pages.cpp).
#pragma once
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

http::Response waves_page(app::Context& ctx);        // GET /monitoring
http::Response new_wave_page(app::Context& ctx);     // GET /monitoring/waves/new
http::Response create_wave_page(app::Context& ctx);  // POST /monitoring/waves/new
http::Response wave_page(app::Context& ctx);         // GET /monitoring/waves/{id}[?show=not_answered]
http::Response invite_page(app::Context& ctx);       // POST /monitoring/waves/{id}/invitations
http::Response remind_page(app::Context& ctx);       // POST /monitoring/waves/{id}/reminders
http::Response close_wave_page(app::Context& ctx);   // POST /monitoring/waves/{id}/close

http::Response metrics_page(app::Context& ctx);     // GET /monitoring/waves/{id}/metrics?ties=&by=
http::Response comparison_page(app::Context& ctx);  // GET /monitoring/waves/{id}/comparison?with=&ties=

http::Response profiles_page(app::Context& ctx);       // GET /monitoring/organizations
http::Response save_profiles_page(app::Context& ctx);  // POST /monitoring/organizations

}  // namespace samen::monitoring
