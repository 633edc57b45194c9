// What both journal search engines share (search.hpp): the terms of an
// activity and of a typed query, the engine choice, and the after-commit
// re-index. Terms: each word folded (util/text_fold.hpp: case and accents)
// and, with the prefix "Z", its Dutch and its French Snowball stem, since a
// note's language is not recorded per text; Markdown punctuation splits words.
#include "journal/search.hpp"

#include <algorithm>
#include <stdexcept>

#include "app/write.hpp"
#include "util/text.hpp"
#include "util/text_fold.hpp"

namespace samen::journal {

namespace detail {
std::unique_ptr<ActivitySearch> make_xapian_activity_search(store::Database& db, const std::filesystem::path& dir);
std::unique_ptr<ActivitySearch> make_postgres_activity_search(store::Database& db);
}  // namespace detail

namespace {

constexpr std::string_view kStemPrefix = "Z";

void push_unique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// The word and its stems; a stem equal to the word is still its own (prefixed) term.
std::vector<std::string> word_terms(const std::string& w) {
  std::vector<std::string> terms{w};
  push_unique(terms, std::string(kStemPrefix) + text::stem(i18n::Lang::nl, w));
  push_unique(terms, std::string(kStemPrefix) + text::stem(i18n::Lang::fr, w));
  return terms;
}

void add_text(std::vector<std::string>& out, std::string_view text) {
  for (const auto& w : text::folded_words(text)) {
    if (text::is_stopword(w) || w.size() > 100) continue;
    for (auto& t : word_terms(w)) out.push_back(std::move(t));
  }
}

}  // namespace

ActivityTerms activity_terms(const Activity& a) {
  ActivityTerms t;
  add_text(t.title, a.title);
  add_text(t.body, a.agenda);
  add_text(t.body, a.notes);
  add_text(t.body, a.decisions);
  return t;
}

ActivityQueryPlan plan_activity_query(std::string_view raw) {
  ActivityQueryPlan plan;
  std::vector<std::string> words = text::folded_words(text::clean_utf8(raw, kMaxQueryBytes));
  std::vector<std::string> meaningful;
  for (const auto& w : words)
    if (!text::is_stopword(w)) push_unique(meaningful, w);
  // Only stopwords typed ("de", "la"): search them as they are.
  if (meaningful.empty())
    for (const auto& w : words) push_unique(meaningful, w);
  if (meaningful.size() > kMaxQueryWords) meaningful.resize(kMaxQueryWords);
  for (const auto& w : meaningful) {
    if (w.size() > 100) continue;
    plan.words.push_back(word_terms(w));
    plan.highlight.push_back(w);
    // The stems mark the word's other forms too ("vergaderingen" for "vergadering").
    for (auto lang : {i18n::Lang::nl, i18n::Lang::fr}) {
      std::string s = text::stem(lang, w);
      if (s.size() >= 4) push_unique(plan.highlight, s);
    }
  }
  return plan;
}

std::unique_ptr<ActivitySearch> ActivitySearch::create(store::Database& db, const std::filesystem::path& data_dir) {
  if (db.dialect() == store::Dialect::postgres) return detail::make_postgres_activity_search(db);
  return detail::make_xapian_activity_search(db, data_dir / "journal-search");
}

void reindex_after_commit(app::Change& change, const std::string& activity_id) {
  ActivitySearch* engine = nullptr;
  try {
    engine = &change.ctx.app.get<ActivitySearch>();
  } catch (const std::logic_error&) {
    return;  // an App without the journal's start-up (some tests)
  }
  change.after_commit([engine, activity_id] { engine->reindex({activity_id}); });
}

}  // namespace samen::journal
