// Surveys as a module of the platform (issue 17, "Parents' voice"):
// multilingual questionnaires for parents or partners, published by an
// anonymous link or by invitation (e-mails through the outbox), answered
// without an account on a cheap phone, with results as charts and tables,
// CSV/XLSX and the JSON API /api/v1/surveys. Other modules use store.hpp.
#pragma once
#include "app/module.hpp"

namespace samen::surveys {

const app::Module& module();

}  // namespace samen::surveys
