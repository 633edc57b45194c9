// Surveys' request handlers, listed in the route table (module.cpp), and
// what they share: who may manage surveys and read which results, the
// survey of a path, the respondents' rate limit.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/rate_limit.hpp"
#include "surveys/store.hpp"

namespace samen::surveys {

// What the module keeps in the App: the per-address limit of answers saved
// through a public link (module.cpp's start()).
struct RespondState {
  RespondState(store::Database& db, std::size_t per_hour) : saves(db, per_hour, 3600) {}
  app::RateLimiter saves;
};

// Admins, coordinators and facilitators manage every survey.
accounts::Access managers();
bool manages(const accounts::User& u);
// Who reads a survey's results: managers any survey; once published, a
// parent representative a parents' survey, a partner a partners' survey one
// of their organisations was invited to.
bool may_read_results(store::Connection& c, const accounts::User& u, const Survey& s);
// The survey of the path's {id} (404).
Survey survey_of_path(store::Connection& c, const app::Context& ctx);
// The link base of respondents' links ("" when Samen's public address is unknown).
std::string link_base(const app::Context& ctx);
// A SurveyError as the caller's 4xx (HttpError), for pages without their own form.
[[noreturn]] void rethrow_http(const SurveyError& e);
// Counts a save through a public link against the per-address limit: 0 when
// admitted, otherwise the seconds to wait (the caller answers 429 with them
// as Retry-After).
std::int64_t over_limit(app::Context& ctx);

// ---- coordinator pages (pages.cpp) ----
http::Response list_page(app::Context& ctx);
http::Response new_page(app::Context& ctx);
http::Response create_page(app::Context& ctx);
http::Response survey_page(app::Context& ctx);
http::Response settings_post(app::Context& ctx);
http::Response question_add_post(app::Context& ctx);
http::Response question_update_post(app::Context& ctx);
http::Response question_delete_post(app::Context& ctx);
// Moves a question one place up or down (form field direction=up|down).
http::Response question_move_post(app::Context& ctx);
http::Response publish_post(app::Context& ctx);
http::Response close_post(app::Context& ctx);
http::Response public_link_post(app::Context& ctx);
http::Response invitations_post(app::Context& ctx);
http::Response reminders_post(app::Context& ctx);
http::Response preview_page(app::Context& ctx);

// ---- results (results_pages.cpp) ----
http::Response results_page(app::Context& ctx);
// One open question's texts, page by page.
http::Response texts_page(app::Context& ctx);
// The individual responses, one per row (?format=csv|xlsx): admins and coordinators, audited.
http::Response responses_export(app::Context& ctx);
accounts::Access response_exporters();
bool may_export_responses(const accounts::User& u);

// ---- respondents (respond.cpp) ----
http::Response respond_page(app::Context& ctx);
http::Response respond_post(app::Context& ctx);
// What a respondent typed, per question (kept as typed when it is refused).
using Raw = std::map<std::string, std::vector<std::string>>;
Raw raw_of(const Answers& answers);
// The questions a respondent sees given the answers (skip logic), with their
// inputs filled from `raw` and each one's messages (also the preview).
void fill_questions(app::Context& ctx, web::Dict& d, const Definition& def, const Raw& raw, const Problems& problems);

// ---- JSON API (api.cpp) ----
http::Response api_list(app::Context& ctx);
http::Response api_create(app::Context& ctx);
http::Response api_get(app::Context& ctx);
http::Response api_update(app::Context& ctx);
http::Response api_responses(app::Context& ctx);
http::Response api_respond(app::Context& ctx);
http::Response api_results(app::Context& ctx);

}  // namespace samen::surveys
