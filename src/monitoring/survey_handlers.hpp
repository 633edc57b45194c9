// The respondent's survey pages (survey.cpp), reached with the invitation's
// token link /survey/{token}, no account.
#pragma once
#include "app/context.hpp"

namespace samen::monitoring {

http::Response survey_page(app::Context& ctx);          // GET /survey/{token}[?group=|?q=]
http::Response survey_save_tie(app::Context& ctx);      // POST /survey/{token}/ties/{org}
http::Response survey_save_factors(app::Context& ctx);  // POST /survey/{token}/factors
http::Response survey_submit(app::Context& ctx);        // POST /survey/{token}/submit

}  // namespace samen::monitoring
