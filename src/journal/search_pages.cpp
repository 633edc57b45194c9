// The journal's search page /journal/search?q= (lookback_handlers.hpp):
// the engine (search.hpp) finds the visible matches, counted and paged;
// each hit shows its title, date, type, level and a snippet of the first
// text holding a searched word (escaped, the words in <mark>). The same
// search answers ?q= on /api/v1/activities (api.cpp).
#include "journal/search.hpp"

#include <map>

#include "app/api.hpp"
#include "journal/handlers.hpp"
#include "journal/lookback_handlers.hpp"
#include "util/text.hpp"
#include "web/highlight.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kPerPage = 20;
constexpr std::size_t kSnippetChars = 240;

// The searched words as typed plus their stems, for <mark>.
std::string snippet_of(const Activity& a, const std::vector<std::string>& words) {
  for (const std::string* field : {&a.notes, &a.decisions, &a.agenda}) {
    if (field->empty()) continue;
    std::string s = web::snippet_html(*field, words, kSnippetChars);
    if (s.find("<mark>") != std::string::npos) return s;
  }
  for (const std::string* field : {&a.notes, &a.agenda, &a.decisions})
    if (!field->empty()) return web::snippet_html(*field, {}, kSnippetChars);
  return "";
}

}  // namespace

SearchPage search_visible(Context& ctx, store::Connection& c, const Viewer& v, const std::string& text,
                          std::int64_t offset, std::int64_t limit, bool exact_total) {
  ActivityQuery q;
  q.text = text;
  q.viewer = v;
  q.offset = offset;
  q.limit = limit;
  if (exact_total) q.count_cap = 0;
  ActivityResults r = ctx.app.get<ActivitySearch>().search(q);
  SearchPage page;
  page.total = r.total;
  page.total_exact = r.total_exact;
  page.total_capped = r.total_capped;
  page.highlight = r.highlight;
  for (auto& a : load_activities(c, r.ids)) {
    // The index may lag a write by a moment: the record itself decides.
    if (a.archived_at || !may_see(v, a.visibility, a.team_id)) continue;
    if (a.visibility == "facilitators") ctx.audit("journal.activity.read", "journal.activity", a.id, "search");
    page.items.push_back(std::move(a));
  }
  return page;
}

http::Response search_page(Context& ctx) {
  std::string text = ctx.req.query_param("q").value_or("");
  if (text.size() > 1000) throw HttpError(400, "bad_request", "journal.lookback.error.query");
  std::int64_t page = 1;
  if (auto p = ctx.req.query_param("page"); p && !p->empty()) {
    auto parsed = parse_bounded(*p, 1, 500);
    if (!parsed) throw HttpError(400, "bad_request", "error.bad_request");
    page = *parsed;
  }
  auto lease = ctx.app.db().acquire();
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto types = activity_types(*lease);
  web::Dict d = ctx.content_dict();
  d.SetValue("Q", text);
  if (!text::trimmed(text).empty()) {
    SearchPage found = search_visible(ctx, *lease, v, text, (page - 1) * kPerPage, kPerPage);
    d.ShowSection("SEARCHED");
    const char* count_key = found.total_capped  ? "journal.lookback.search.count_more"
                            : found.total_exact ? "journal.lookback.search.count"
                                                : "journal.lookback.search.count_about";
    d.SetValue("TOTAL", ctx.tf(count_key, {{"count", found.total}}));
    for (const auto& a : found.items) {
      auto* row = d.AddSectionDictionary("HITS");
      row->SetValue("ID", a.id);
      row->SetValue("TITLE_HTML", web::highlight_html(a.title, found.highlight));
      row->SetValue("DATETIME", local_date_time(a.starts_at));
      row->SetValue("WHEN", i18n::format_time(ctx.lang, a.starts_at, i18n::DateStyle::date_time));
      row->SetValue("TYPE", type_name(ctx, types, a.type));
      row->SetValue("LEVEL", level_label(ctx, n, a.team_id));
      std::string snippet = snippet_of(a, found.highlight);
      if (!snippet.empty()) row->SetValueAndShowSection("SNIPPET_HTML", snippet, "HAS_SNIPPET");
    }
    if (found.total == 0) d.ShowSection("NO_HITS");
    std::int64_t pages = std::min<std::int64_t>((found.total + kPerPage - 1) / kPerPage, 500);
    std::string base = "/journal/search?q=" + http::url_encode(text) + "&";
    if (page > 1) d.SetValueAndShowSection("PREV_HREF", base + "page=" + std::to_string(page - 1), "PREV");
    if (page < pages) d.SetValueAndShowSection("NEXT_HREF", base + "page=" + std::to_string(page + 1), "NEXT");
    if (pages > 1)
      d.SetValueAndShowSection("PAGE_TEXT", ctx.tf("journal.page_of", {{"page", page}, {"pages", pages}}), "PAGING");
  }
  return ctx.page("journal_search", ctx.t("journal.lookback.search.title"), d);
}

}  // namespace samen::journal
