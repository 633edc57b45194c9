// The monitoring module's request handlers, listed in its route table
// (module.cpp): the survey waves' JSON API (api.cpp).
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

}  // namespace samen::monitoring
