// The PostgreSQL search engine: full-text search in the database itself, so
// every server process on the database sees a change as soon as the writer
// re-indexes after its commit. Samen computes the terms (folded words and
// stems, as for Xapian) and stores them as tsvectors: service_search.doc
// holds every term, the filter terms too (one GIN index scan intersects
// words and filters, with no row read to check a filter), and rank_doc the
// terms of the name and headings with weights A/B (its own GIN index) for
// the relevance tiers a page is read in (tiers_of), and tags the filter
// terms again, in the row, for the tiers walked along the key. The synonym
// groups a service's text carries are terms too (concept terms, as for
// Xapian): a query asks for a group's term instead of every member's words.
// Typo suggestions use pg_trgm when it can be installed, else a prefix scan of
// search_words with an edit distance.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <variant>

#include "directory/search/search_engines.hpp"
#include "util/text_fold.hpp"

namespace samen::directory::detail {
namespace {

using store::Connection;
using store::Params;

constexpr std::string_view kFormat = "10";  // bump when the terms change: forces a rebuild
constexpr std::string_view kFormatSetting = "search.postgres_format";
// The fingerprint of the synonym dictionary the concept terms were built with.
constexpr std::string_view kSynonymsSetting = "search.postgres_synonyms";
constexpr std::int64_t kSearchWriteLock = 0x53454152434800;  // "SEARCH": serialises index writers
constexpr std::size_t kMaxLexemeBytes = 1000;

// A lexeme quoted for tsvector/tsquery input.
std::string lexeme_literal(std::string_view lexeme) { return store::pg_lexeme(lexeme); }

char weight_of(Field f) {
  switch (f) {
    case Field::name: return 'A';
    case Field::secondary: return 'B';
    case Field::body: return 'C';
    case Field::place: break;
  }
  return 'D';
}

unsigned once_per_occurrence(Field) { return 1; }

// The concept terms of the synonym groups whose member is all among `text`
// (SynonymDictionary::groups_in), with whether one is all in the name.
std::vector<std::pair<std::string, bool>> concept_terms(const SynonymDictionary& synonyms,
                                                        const std::vector<IndexTerm>& text) {
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& g : synonyms.groups_in(text, once_per_occurrence))
    if (std::string term = concept_term(g.group); term.size() <= kMaxLexemeBytes)
      out.emplace_back(std::move(term), g.name_wdf > 0);
  return out;
}

// All text and filter terms as tsvector input, without positions: 'term'
// 'other' ... Filter terms start with 'X' (text terms are folded words or
// start with 'Z', concept terms with 'C'), so they never meet.
std::string doc_vector(const DocumentTerms& t, const SynonymDictionary& synonyms) {
  std::set<std::string> terms;
  for (const auto& [term, field] : t.text_terms)
    if (term.size() <= kMaxLexemeBytes) terms.insert(term);
  for (auto& [term, in_name] : concept_terms(synonyms, t.text_terms)) terms.insert(std::move(term));
  for (const auto& term : t.filter_terms)
    if (term.size() <= kMaxLexemeBytes) terms.insert(term);
  std::string out;
  for (const auto& term : terms) out += lexeme_literal(term) + ' ';
  return out;
}

// The filter terms alone, for the row's tags column (migration 0012): a
// filter checked on a walked row reads them, not the out-of-line doc.
std::string tags_vector(const DocumentTerms& t) {
  std::string out;
  for (const auto& term : t.filter_terms)  // a set: sorted, unique
    if (term.size() <= kMaxLexemeBytes) out += lexeme_literal(term) + ' ';
  return out;
}

// The row's place (migration 0015): the filter term of the service's one
// municipality, "*" for several, "" for none.
std::string place_of(const DocumentTerms& t) {
  const std::string prefix = municipality_term("");
  std::string place;
  for (auto it = t.filter_terms.lower_bound(prefix); it != t.filter_terms.end() && it->starts_with(prefix); ++it) {
    if (!place.empty()) return "*";
    place = *it;
  }
  return place;
}

// The terms of the name (weight A) and of other headings (B) for ranking:
// one position per term with the weight of the most important field. A
// group's concept term is there when a member is all in the headings, of
// weight A when all in the name: the tiers ask rank_doc what they would ask
// of the members' words.
std::string rank_vector(const DocumentTerms& t, const SynonymDictionary& synonyms) {
  std::map<std::string, char> best;
  std::vector<IndexTerm> headings;
  for (const auto& [term, field] : t.text_terms) {
    if (field != Field::name && field != Field::secondary) continue;
    headings.push_back({term, field});
    if (term.size() > kMaxLexemeBytes) continue;
    auto [it, inserted] = best.try_emplace(term, weight_of(field));
    if (!inserted) it->second = std::min(it->second, weight_of(field));  // 'A' < 'B'
  }
  for (auto& [term, in_name] : concept_terms(synonyms, headings))
    best[std::move(term)] = weight_of(in_name ? Field::name : Field::secondary);
  std::string out;
  int position = 0;
  for (const auto& [term, weight] : best) {
    position = std::min(position + 1, 16383);
    out += lexeme_literal(term) + ":" + std::to_string(position) + weight + ' ';
  }
  return out;
}

// A plain word among the terms (stems start with 'Z', filter terms with 'X'):
// the kind search_words counts.
bool is_plain_word(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

std::string any_of(const std::vector<std::string>& terms) {
  std::string out = "(";
  for (std::size_t i = 0; i < terms.size(); ++i) out += (i ? " | " : "") + lexeme_literal(terms[i]);
  return out + ")";
}

// Which alternatives of a unit a tsquery names: all of them, the typed
// words only (synonyms and compound parts left out), or the typed words as
// typed (without their stems: a part of the matches, read from a posting
// list per word); and whether it needs every unit (the search) or any one
// (a match in part).
enum class Alternatives { all, typed, as_typed };
enum class Units { every, any };
// How the members of a unit's synonym groups are asked for: by their words,
// or by the groups' concept terms, which the documents carry exactly when
// they hold a member's words (doc_vector, rank_vector): the same matches,
// and a GIN scan of one posting list per group where the members' words
// were an OR of up to a dozen ANDs, some of very common words ("enfants").
// Concept terms only when the index was built with the query's dictionary.
enum class Synonyms { words, concepts };

std::string text_tsquery(const QueryPlan& plan, Synonyms synonyms, Alternatives which = Alternatives::all,
                         Units units = Units::every) {
  std::string out;
  for (const auto& unit : plan.units) {
    const bool has_typed = std::any_of(unit.alternatives.begin(), unit.alternatives.end(),
                                       [](const Alternative& a) { return !a.synonym; });
    // The unit's synonym alternatives are its groups' members (plan_query).
    const bool as_concepts = synonyms == Synonyms::concepts && !unit.groups.empty();
    std::string alternatives;
    for (const auto& alt : unit.alternatives) {
      if (alt.synonym && ((which != Alternatives::all && has_typed) || as_concepts)) continue;
      std::string all;
      for (const auto& w : alt.words)  // a word's terms: the word, then its stems (typed_word_terms)
        all += (all.empty() ? "" : " & ") +
               (which == Alternatives::as_typed ? lexeme_literal(w.terms.at(0)) : any_of(w.terms));
      alternatives += (alternatives.empty() ? "(" : " | (") + all + ")";
    }
    if (as_concepts && (which == Alternatives::all || !has_typed)) {
      std::vector<std::string> concepts;
      for (const auto& group : unit.groups) concepts.push_back(concept_term(group));
      alternatives += (alternatives.empty() ? "(" : " | (") + any_of(concepts) + ")";
    }
    out += (out.empty() ? "(" : units == Units::every ? " & (" : " | (") + alternatives + ")";
  }
  return out;
}

// The same tsquery asking for its terms in the name only: each lexeme
// (lexeme_literal's quoting) gets weight A, the name's in rank_doc
// (rank_vector). Tested on a row, `rank_doc @@ name_query(q)` is
// `ts_filter(rank_doc, '{a}') @@ q` without building a filtered tsvector per
// row (0.6 ms of a 2,000-row walk).
std::string name_query(std::string_view tsquery) {
  std::string out;
  for (std::size_t i = 0; i < tsquery.size(); ++i) {
    out += tsquery[i];
    if (tsquery[i] != '\'') continue;
    for (++i; i < tsquery.size(); ++i) {  // the lexeme, to its closing quote
      out += tsquery[i];
      if (tsquery[i] == '\\' && i + 1 < tsquery.size()) out += tsquery[++i];
      else if (tsquery[i] == '\'' && i + 1 < tsquery.size() && tsquery[i + 1] == '\'') out += tsquery[++i];
      else if (tsquery[i] == '\'') break;
    }
    out += ":A";
  }
  return out;
}

std::string tags_tsquery(const SearchFilters& f) {
  std::string out;
  for (const auto& clause : filter_clauses(f)) out += (out.empty() ? "" : " & ") + any_of(clause);
  return out;
}

// '{"a","b"}' for CAST(? AS TEXT[]).
std::string text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += i ? ",\"" : "\"";
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string like_escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string sort_column(i18n::Lang lang) { return "sort_" + std::string(i18n::code(lang)); }

// A search's matches in relevance tiers, best first. For the words:
//   5: as typed (without their synonyms) in the name;
//   4: they or a synonym in the name;
//   3: in the name or the headings (other names, organisation, categories);
//   2: some of them there (a two-word search naming a place);
//   1: anywhere.
// A tier holds the matches of its condition that no better tier holds, in
// the order of their ids: walking the primary key meets a tier's matches
// evenly spread (by name, those naming the word first all sort together, and
// the walk to them read a third of the table), and Xapian too orders equal
// weights by no meaning. The conditions on rank_doc (small, in the row) come
// first, so a walk tests them before reading doc. The name's terms are
// rank_doc's of weight A, with a GIN index of their own (so the planner knows
// how rare a word is in names).
// Without words: one tier, the filters, by name in the UI language.
// A condition of a WHERE clause with its parameters.
struct Condition {
  std::string sql;
  Params params;
  Condition& and_(const std::string& more, const Params& p) {
    if (more.empty()) return *this;
    sql += (sql.empty() ? "" : " AND ") + more;
    params.insert(params.end(), p.begin(), p.end());
    return *this;
  }
  Condition& and_(const Condition& c) { return and_(c.sql, c.params); }
};

struct Tier {
  Condition where;
  double score = 0;
  std::string rank;  // the condition on rank_doc of this tier and the better ones ("" for the last); one parameter
  std::string rank_param;
  bool reads_doc = false;  // a walked row's out-of-line doc is fetched to test it
};
struct Tiers {
  std::vector<Tier> tiers;
  bool by_name = false;  // within a tier: by name (filters only), else by id
  Condition matches;     // every match ("" for all services)
  // Lower bounds on the matches, cheaper to know than their count (see
  // PostgresSearch::count_matches): words each found by itself in every
  // document naming it (one unit, no filters), whose search_words counts
  // bound the matches from below; and a part of the matches (the typed
  // words alone, without the synonyms' many and common words; and a part of
  // those, the words as typed, without their stems), "" when it is all of them.
  std::vector<std::string> lone_words;
  Condition as_typed_matches, typed_matches;
  Condition filters;  // on the row: tags and ages
  // A filtered search for one word as typed (`dense_word`) that may hold
  // half the services: its filters on the row, then the word in doc, tested
  // along the key (see PostgresSearch::count_up_to).
  std::string dense_word;
  Condition dense_walk;
  // With a filter on one municipality: its filter term, the place whose
  // services a walk along the key reads (walk_source), and the part of
  // the table it and the services of several places hold (0 when unknown).
  std::string place;
  double place_share = 1;
};

// tiered_page: a tier's first walk along an index reads no further than
// kPostgresWalkRows rows (a tier that tests doc, fetched out of line, a tenth
// as far); then a tier of more than kDenseTier matches per row the page
// needs is walked to the end of the page, one with fewer read from the GIN
// indexes and sorted.
constexpr std::int64_t kDenseTier = 20;
// The shared walk of the tiers on the row stops after this many matches (of
// any of them) per row the page needs: the best tier is often a fifth of them.
constexpr std::size_t kWalkedMatches = 10;
// The walk's first rows, where a better tier not met lets a worse one stop it
// (PostgresSearch::walked_tiers).
constexpr std::int64_t kProbeRows = 250;

constexpr std::string_view kNameTerms = "ts_filter(rank_doc, '{a}')";  // migration 0010 indexes it
// The index table's estimated rows, in a statement (VACUUM ANALYZE after a rebuild sets them).
const std::string kTableRows = "(SELECT reltuples FROM pg_class WHERE oid = to_regclass('service_search'))";

// The rows a walk along the key reads, no further than `rows`, as a FROM
// item `alias`: the table's; with a filter on one municipality, the services
// of that place and those of several places (migration 0015), merged in id
// order: a twentieth of the table, where the walk read twenty rows for each
// one it could use. The walk tests their filter terms as on any row. Each
// branch has its LIMIT, so the planner reads the place's index in order.
Condition walk_source(const Tiers& tiers, std::int64_t rows, const std::string& alias) {
  if (tiers.place.empty()) return {"(SELECT * FROM service_search ORDER BY service_id LIMIT ?) " + alias, {rows}};
  return {"(SELECT * FROM ((SELECT * FROM service_search WHERE place = ? ORDER BY service_id LIMIT ?) UNION ALL "
          "(SELECT * FROM service_search WHERE place = '*' ORDER BY service_id LIMIT ?)) u ORDER BY service_id "
          "LIMIT ?) " + alias,
          {tiers.place, rows, rows, rows}};
}

// A broad search's first walk along the key (PostgresSearch::walked_tiers):
// the tiers tested on the row, each tier's first matches met, and what the
// walk saw. Service ids are random (UUIDs), so the walked rows are a sample
// of the table, and its matches of the tiers on the row (a part of all the
// matches) estimate how many there are. When the sample holds at least
// kSampledMatches of them and they scale to kEstimateMargin times the exact
// limit, the search is broad without a count: the GIN count read every
// match's posting before its LIMIT (1.5-2.5 ms for the bench's broad
// searches, the most costly statement of many). The result says it is an
// estimate (SearchResult::estimated). Fewer matches, or a walk over the whole
// table, leave the decision to the count.
struct Walk {
  std::vector<std::vector<store::Row>> tiers;  // by tier index (empty for tiers not walked)
  std::size_t most = 0;                        // rows kept per tier (0: no walk)
  std::int64_t met = 0;                        // matches met of the walked tiers
  std::int64_t walked = 0;                     // rows walked to meet them (the table's walk: walk_rows, at most)
  double table_rows = 0;                       // the estimated rows the walk reads from (walk_source)
  double all_rows = 0;                         // the table's estimated rows (pg_class.reltuples)
  // With a limit of 500 at 100,000 services, 2,000 rows walked: 20 matches
  // met. Were there only 500, 10 would be expected, and 20 or more happen
  // once in 300 searches at that worst case, less often below it.
  static constexpr std::int64_t kSampledMatches = 20;
  static constexpr double kEstimateMargin = 2;

  // Whether a tier the walk met `met_of_tier` times has fewer matches than
  // `rows`, by the same estimate (a walk over the whole table knows).
  bool sparse(std::size_t met_of_tier, std::int64_t rows) const {
    if (most == 0 || walked <= 0) return false;
    const double scale = std::max(1.0, table_rows / static_cast<double>(walked));
    return static_cast<double>(met_of_tier + 1) * scale < static_cast<double>(rows);
  }

  bool shows_more_than(std::int64_t limit) const {
    if (met < kSampledMatches || walked <= 0 || table_rows <= static_cast<double>(walked)) return false;
    return static_cast<double>(met) * table_rows / static_cast<double>(walked) >=
           kEstimateMargin * static_cast<double>(limit);
  }
};

Tiers tiers_of(const QueryPlan& plan, const SearchFilters& f, Synonyms synonyms) {
  Tiers out;
  // The filters, on the row: the filter terms in tags (migration 0012), the age.
  const std::string tags = tags_tsquery(f);
  Condition filters, age;
  if (f.age_years) age.and_("min_age <= ? AND max_age >= ?", {*f.age_years, *f.age_years});
  if (!tags.empty()) filters.and_("tags @@ CAST(? AS tsquery)", {tags});
  filters.and_(age);
  out.filters = filters;
  if (f.municipalities.size() == 1) {
    SearchFilters one;
    one.municipalities = f.municipalities;
    out.place = filter_clauses(one).at(0).at(0);  // as the filter asks for it
  }
  if (plan.browse()) {
    out.by_name = true;
    out.matches = filters;
    if (!out.matches.sql.empty()) out.tiers.push_back({out.matches, 0, "", ""});
    return out;
  }
  // Every match (counted first), and a tier that needs doc anyway: the words
  // and the filter terms in one condition on doc (doc holds the filter terms
  // too), so one scan of its GIN index intersects them.
  const std::string words = text_tsquery(plan, synonyms);
  const Condition on_doc{"doc @@ CAST(? AS tsquery)", {words + (tags.empty() ? "" : " & " + tags)}};
  out.matches = Condition(on_doc).and_(age);
  const std::string typed = text_tsquery(plan, synonyms, Alternatives::typed);
  if (typed != words)
    out.typed_matches = Condition{"doc @@ CAST(? AS tsquery)", {typed + (tags.empty() ? "" : " & " + tags)}}.and_(age);
  if (const std::string as_typed = text_tsquery(plan, synonyms, Alternatives::as_typed); as_typed != typed)
    out.as_typed_matches =
        Condition{"doc @@ CAST(? AS tsquery)", {as_typed + (tags.empty() ? "" : " & " + tags)}}.and_(age);
  if (plan.units.size() == 1 && !filters.sql.empty())
    for (const auto& alt : plan.units[0].alternatives)
      if (!alt.synonym && alt.words.size() == 1 && is_plain_word(alt.words[0].terms.at(0))) {
        out.dense_word = alt.words[0].terms.at(0);  // the word as typed: a part of the matches
        out.dense_walk = Condition(filters).and_("doc @@ CAST(? AS tsquery)", {lexeme_literal(out.dense_word)});
        break;
      }
  if (plan.units.size() == 1 && filters.sql.empty())
    for (const auto& alt : plan.units[0].alternatives)
      if (alt.words.size() == 1)
        for (const auto& term : alt.words[0].terms)
          if (is_plain_word(term)) out.lone_words.push_back(term);
  std::string better, better_param;  // the condition on rank_doc of the tiers above
  // A tier on rank_doc; with every word there (`all_words`), doc is not read
  // (the filters are checked on tags). The conditions on the row come first:
  // a walk along the key tests them before it fetches doc.
  // A name tier's condition is tested on a row as rank_doc with the terms
  // weighted (name_query), through @@'s function: the planner matches only
  // operators to indexes, and ANDed rank_doc's GIN index (three times the
  // name's postings) into the tier's GIN reading. That reading takes the name
  // index's form, also in the condition (the same rows).
  enum class Where { name, headings };
  auto rank_tier = [&](Where where, const std::string& query, bool all_words, double score) {
    const std::string rank = query.empty()           ? ""
                             : where == Where::name ? "ts_match_vq(rank_doc, CAST(? AS tsquery))"
                                                    : "rank_doc @@ CAST(? AS tsquery)";
    const std::string param = where == Where::name ? name_query(query) : query;
    if (rank == better && param == better_param) return;  // the same as the tier above (no synonyms, one word)
    Tier t{{}, score, rank, param, !all_words};
    t.where.and_(filters);  // the cheapest test of a walked row first (one term, two numbers)
    if (!rank.empty()) t.where.and_(rank, {param});
    if (where == Where::name) t.where.and_(std::string(kNameTerms) + " @@ CAST(? AS tsquery)", {query});
    if (!better.empty()) t.where.and_("NOT (" + better + ")", {better_param});
    if (!all_words) t.where.and_(on_doc);  // its filter terms again: one GIN scan intersects them
    out.tiers.push_back(std::move(t));
    better = rank;
    better_param = param;
  };
  rank_tier(Where::name, text_tsquery(plan, synonyms, Alternatives::typed), true, 5);
  rank_tier(Where::name, words, true, 4);
  rank_tier(Where::headings, words, true, 3);
  rank_tier(Where::headings, text_tsquery(plan, synonyms, Alternatives::all, Units::any), false, 2);
  rank_tier(Where::headings, "", false, 1);  // anywhere else
  return out;
}

// A service's rows: the document and its suggestion labels.
struct IndexRows {
  std::string id;
  DocumentTerms terms;
  std::int64_t updated_at = 0;
};

// A service's suggestion labels as kept in its row: "lang:label" (cleaned), each once.
std::vector<std::string> suggestion_labels(const DocumentTerms& t) {
  std::set<std::string> out;
  for (auto lang : i18n::kLangs)
    for (const auto& label : t.labels[lang_index(lang)])
      out.insert(std::string(i18n::code(lang)) + ":" + text::clean_utf8(label, 200));
  return {out.begin(), out.end()};
}

// search_suggestions' rows a service counts in: (lang, tail, label) for each
// of its labels and word it can be completed from, each once.
using SuggestionKey = std::tuple<std::string, std::string, std::string>;
using SuggestionCounts = std::map<SuggestionKey, std::int64_t>;
void count_suggestions(const std::vector<std::string>& labels, std::int64_t change, SuggestionCounts& counts) {
  std::set<SuggestionKey> keys;
  for (const auto& entry : labels) {
    const auto colon = entry.find(':');
    if (colon == std::string::npos) continue;
    std::string lang = entry.substr(0, colon), label = entry.substr(colon + 1);
    for (auto& tail : word_start_tails(label_key(label))) keys.emplace(lang, std::move(tail), label);
  }
  for (const auto& key : keys) counts[key] += change;
}

// service_search's row of a service: its columns, their placeholders and the
// values, the one place that says what the row holds (the incremental
// reindex and the bulk rebuild both write it from here).
constexpr std::string_view kSearchColumns =
    "service_id, doc, rank_doc, tags, min_age, max_age, sort_nl, sort_fr, sort_en, hours, card, labels, "
    "indexed_updated_at, place";
constexpr std::string_view kSearchPlaceholders =
    "(?, CAST(? AS tsvector), CAST(? AS tsvector), CAST(? AS tsvector), ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT[]), "
    "CAST(? AS BIGINT), ?)";
Params search_row(const IndexRows& r, const SynonymDictionary& synonyms) {
  return {r.id, doc_vector(r.terms, synonyms), rank_vector(r.terms, synonyms), tags_vector(r.terms), r.terms.min_age, r.terms.max_age,
          r.terms.sort_keys[0], r.terms.sort_keys[1], r.terms.sort_keys[2], r.terms.hours, r.terms.card,
          text_array(suggestion_labels(r.terms)), r.updated_at, place_of(r.terms)};
}

// Writes rows in multi-row INSERTs of about kParamsPerInsert parameters.
constexpr std::size_t kParamsPerInsert = 4000;
void insert_many(Connection& c, std::string_view table, std::string_view columns, std::string_view placeholders,
                 const std::vector<Params>& rows, std::string_view tail = "") {
  std::string sql;
  Params p;
  auto flush = [&] {
    if (p.empty()) return;
    c.exec("INSERT INTO " + std::string(table) + " (" + std::string(columns) + ") VALUES " + sql + std::string(tail), p);
    sql.clear();
    p.clear();
  };
  for (const auto& row : rows) {
    if (!p.empty()) sql += ", ";
    sql += placeholders;
    p.insert(p.end(), row.begin(), row.end());
    if (p.size() >= kParamsPerInsert) flush();
  }
  flush();
}

// The rows of one batch of services, computed off the writing thread.
struct BatchRows {
  std::vector<Params> search;
  std::map<std::string, std::int64_t> words;  // folded word → services using it
  SuggestionCounts suggestions;
};

BatchRows batch_rows(const std::vector<ServiceDocument>& docs, const SynonymDictionary& synonyms) {
  BatchRows out;
  for (const auto& d : docs) {
    if (!d.searchable) continue;
    const IndexRows r{d.id, document_terms(d), d.updated_at};
    for (const auto& w : r.terms.words) ++out.words[w];
    count_suggestions(suggestion_labels(r.terms), 1, out.suggestions);
    out.search.push_back(search_row(r, synonyms));
  }
  return out;
}

// One thread computing batches' rows in the order given, so a rebuild turns
// one batch into rows (Samen's CPU) while it reads the next one and writes
// the previous one (the database's). One thread keeps text::stem's cache warm.
class RowMaker {
 public:
  // The dictionary outlives the maker (the rebuild's, loaded in its transaction).
  explicit RowMaker(const SynonymDictionary& synonyms) : synonyms_(synonyms), thread_([this] { run(); }) {}
  ~RowMaker() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  RowMaker(const RowMaker&) = delete;
  RowMaker& operator=(const RowMaker&) = delete;

  std::future<BatchRows> submit(std::vector<ServiceDocument> docs) {
    std::packaged_task<BatchRows()> task([this, docs = std::move(docs)] { return batch_rows(docs, synonyms_); });
    auto result = task.get_future();
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    wake_.notify_all();
    return result;
  }

 private:
  void run() {
    for (;;) {
      std::packaged_task<BatchRows()> task;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return done_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();  // an exception reaches the caller through the future
    }
  }
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<BatchRows()>> tasks_;
  bool done_ = false;
  const SynonymDictionary& synonyms_;
  std::thread thread_;
};

// A full rebuild fills a copy of a table without indexes and swaps it in, in
// the rebuild's transaction: PostgreSQL builds a GIN index in bulk many times
// faster than it inserts row by row (with fastupdate off, each row's ~190
// terms touched as many index pages, ~145 KB of WAL per service), and
// searches read the old table until the commit. The copy takes the table's
// columns, storage and options, then its indexes, constraints, owner and
// grants from the catalogue, so a migration changing the table needs nothing here.
class TableCopy {
 public:
  TableCopy(Connection& c, std::string table) : c_(c), table_(std::move(table)), copy_(table_ + "_build") {
    std::string options;
    for (const auto& r : c_.exec("SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = to_regclass(?)",
                                 {table_}).rows)
      options = r.text(0);
    c_.exec("CREATE TABLE " + copy_ + " (LIKE " + table_ + " INCLUDING ALL EXCLUDING INDEXES)" +
            (options.empty() ? "" : " WITH (" + options + ")"));
  }
  const std::string& name() const { return copy_; }

  // Builds the table's indexes and constraints on the filled copy (under
  // names of the copy's), drops the table and gives the copy its names.
  void swap_in() {
    std::vector<std::pair<std::string, std::string>> indexes, constraints;  // (table's name, copy's name)
    for (const auto& r : c_.exec(
             "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
             "WHERE x.indrelid = to_regclass(?) AND NOT EXISTS (SELECT 1 FROM pg_constraint k "
             "WHERE k.conrelid = x.indrelid AND k.conindid = x.indexrelid) ORDER BY i.relname",
             {table_}).rows) {
      const std::string name = copy_ + "_i" + std::to_string(indexes.size());
      c_.exec(index_on_copy(r.text(1), name));
      indexes.emplace_back(r.text(0), name);
    }
    for (const auto& r : c_.exec("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                 "WHERE conrelid = to_regclass(?) AND contype IN ('p', 'u', 'f', 'x') "
                                 "ORDER BY contype DESC, conname",  // the primary key first
                                 {table_}).rows) {
      const std::string name = copy_ + "_c" + std::to_string(constraints.size());
      c_.exec("ALTER TABLE " + copy_ + " ADD CONSTRAINT " + name + " " + r.text(1));
      constraints.emplace_back(r.text(0), name);
    }
    const std::vector<std::string> access = access_statements();
    c_.exec("DROP TABLE " + table_);
    c_.exec("ALTER TABLE " + copy_ + " RENAME TO " + table_);
    for (const auto& [old_name, name] : indexes) c_.exec("ALTER INDEX " + name + " RENAME TO " + quoted(old_name));
    for (const auto& [old_name, name] : constraints)
      c_.exec("ALTER TABLE " + table_ + " RENAME CONSTRAINT " + name + " TO " + quoted(old_name));
    for (const auto& statement : access) c_.exec(statement);
  }

 private:
  static std::string quoted(std::string_view identifier) {
    std::string out = "\"";
    for (char ch : identifier) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
  }
  // The table's owner and the privileges granted to other roles (a
  // read-only reporting role, say), as statements that give them to the copy
  // once it has the table's name: the copy belongs to whoever rebuilds, with
  // no grants. The owner first, so that the grants are recorded as its.
  std::vector<std::string> access_statements() const {
    std::vector<std::string> out;
    for (const auto& r : c_.exec("SELECT 'ALTER TABLE ' || quote_ident(?) || ' OWNER TO ' || "
                                 "quote_ident(pg_get_userbyid(relowner)) FROM pg_class WHERE oid = to_regclass(?)",
                                 {table_, table_}).rows)
      out.push_back(r.text(0));
    for (const auto& r : c_.exec(
             "SELECT 'GRANT ' || a.privilege_type || ' ON ' || quote_ident(?) || ' TO ' || "
             "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END || "
             "CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END "
             "FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
             "WHERE c.oid = to_regclass(?) AND a.grantee <> c.relowner ORDER BY 1",
             {table_, table_}).rows)
      out.push_back(r.text(0));
    return out;
  }
  // "CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ..." → the same on the copy, named `name`.
  std::string index_on_copy(const std::string& definition, const std::string& name) const {
    const auto index = definition.find(" INDEX ");
    const auto on = definition.find(" ON ", index == std::string::npos ? 0 : index);
    const auto using_at = definition.find(" USING ", on == std::string::npos ? 0 : on);
    if (index == std::string::npos || on == std::string::npos || using_at == std::string::npos)
      throw store::StoreError(store::StoreError::Kind::other, "search: unexpected index definition: " + definition);
    return definition.substr(0, index + 7) + name + " ON " + copy_ + definition.substr(using_at);
  }

  Connection& c_;
  std::string table_, copy_;
};

class PostgresSearch : public ServiceSearch {
 public:
  explicit PostgresSearch(store::Database& db) : db_(db), synonyms_(db) {}

  void open() {
    detect_trigram();
    std::optional<std::string> format, indexed;
    std::string dictionary;
    {
      auto lease = db_.acquire();
      format = read_setting(*lease, std::string(kFormatSetting));
      indexed = read_setting(*lease, std::string(kSynonymsSetting));
      dictionary = SynonymDictionary::load(*lease).fingerprint();
    }
    if (format != kFormat || indexed != dictionary) {  // new terms, or concept terms of other synonyms
      rebuild();
      return;
    }
    // Services written while no process re-indexed them (a crash between
    // commit and re-index) are caught up here.
    std::vector<std::string> stale;
    {
      auto lease = db_.acquire();
      for (const auto& r : lease->exec(
               // Rows of services deleted since too (no foreign key removes them: migration 0013).
               "SELECT COALESCE(s.id, x.service_id) FROM services s FULL JOIN service_search x ON x.service_id = s.id "
               "WHERE s.id IS NULL OR (x.service_id IS NULL AND s.status = 'active' AND s.archived_at IS NULL) "
               "OR x.indexed_updated_at < s.updated_at").rows)
        stale.push_back(r.text(0));
    }
    constexpr std::size_t kMaxCatchUp = 2000;  // beyond: a bulk import, faster rebuilt whole
    if (stale.size() > kMaxCatchUp) rebuild();
    else if (!stale.empty()) reindex_services(stale);
  }

  SearchResult search(const SearchQuery& q) override {
    const auto start = std::chrono::steady_clock::now();
    SearchResult result;
    try {
      const auto synonyms = synonyms_.get();
      QueryPlan plan = plan_query(q.text, q.lang, *synonyms);
      auto lease = db_.acquire();
      // store/settings.hpp: the planner and tsvectors, kept on the connection
      // from one search to the next. Generic plans for the walks along the
      // key (and this lookup), until a statement reads the GIN indexes.
      store::PreferIndexScans index_scans(*lease, store::PreferIndexScans::Plans::generic);
      // Dutch compounds split against the words the index holds.
      add_compound_parts(plan, [&](const std::vector<std::string>& candidates) { return known_words(*lease, candidates); });
      result.highlight = plan.highlight;
      const Synonyms asked = concept_terms_ && indexed_synonyms(*lease) == synonyms->fingerprint()
                                 ? Synonyms::concepts
                                 : Synonyms::words;
      run_search(*lease, index_scans, q, plan, asked, result);
      if (result.total == 0) {
        index_scans.custom();
        result.did_you_mean = spelling_fix(*lease, plan);
      }
    } catch (const store::StoreError& e) {
      if (e.kind() == store::StoreError::Kind::connection || e.kind() == store::StoreError::Kind::busy) throw;
      give_up_search(result, e.what());
    }
    result.engine_ms = elapsed_ms(start);
    return result;
  }

  std::vector<std::string> suggest(std::string_view prefix, i18n::Lang lang, std::size_t limit) override {
    return suggest_labels(prefix, limit, [&](const std::string& key, const SuggestionSink& add) {
      auto lease = db_.acquire();
      // Every tail of a label counts the same services: MAX is their number.
      for (const auto& r : lease->exec(
               "SELECT label, MAX(services) AS n FROM search_suggestions "
               "WHERE lang = ? AND tail LIKE ? ESCAPE '\\' AND services > 0 GROUP BY label ORDER BY n DESC, label LIMIT ?",
               {std::string(i18n::code(lang)), like_escaped(key) + "%", static_cast<std::int64_t>(kMaxSuggestScan)})
               .rows)
        add(r.text(0), r.int64(1));
    });
  }

  void reindex_service(const std::string& service_id) override { reindex({service_id}); }
  void reindex_services(const std::vector<std::string>& service_ids) override {
    for_each_batch(service_ids, [&](std::vector<std::string> batch) {
      reindex(batch);
      return true;
    });
  }

  // Every service into fresh tables swapped in at the end (TableCopy), in
  // one transaction: searches read the old index until the commit.
  void rebuild() override {
    store::in_transaction(db_, [&](Connection& c) {
      c.exec("SELECT pg_advisory_xact_lock(CAST(? AS BIGINT))", {kSearchWriteLock});
      c.exec("SET LOCAL maintenance_work_mem = '256MB'");  // the GIN indexes built in memory, in one go
      // Each batch's documents by index: the planner hash-joined every address per batch of 400 services
      // (0.5 s a batch at 100,000 services, 8 ms by addresses_location).
      c.exec("SET LOCAL enable_seqscan = off");
      TableCopy search(c, "service_search");
      c.exec("DELETE FROM search_words");
      c.exec("DELETE FROM search_suggestions");
      std::map<std::string, std::int64_t> word_counts;
      SuggestionCounts suggestion_counts;
      const SynonymDictionary synonyms = SynonymDictionary::load(c);  // the concept terms' (kSynonymsSetting)
      auto write = [&](BatchRows rows) {
        insert_many(c, search.name(), kSearchColumns, kSearchPlaceholders, rows.search);
        for (const auto& [word, n] : rows.words) word_counts[word] += n;
        for (const auto& [key, n] : rows.suggestions) suggestion_counts[key] += n;
      };
      // Batch k's rows are computed while batch k + 1 is read and batch k - 1 written.
      RowMaker maker(synonyms);
      std::future<BatchRows> pending;
      for_each_batch(all_service_ids(c), [&](std::vector<std::string> batch) {
        auto next = maker.submit(load_service_documents(c, batch));
        if (pending.valid()) write(pending.get());
        pending = std::move(next);
        return true;
      });
      if (pending.valid()) write(pending.get());
      search.swap_in();
      insert_word_counts(c, word_counts);
      insert_suggestion_counts(c, suggestion_counts);
      write_setting(c, std::string(kFormatSetting), std::string(kFormat));
      write_setting(c, std::string(kSynonymsSetting), synonyms.fingerprint());
    });
    indexed_synonyms_.forget();
    word_counts_.forget();
    // Fresh statistics, so the planner picks the GIN indexes for rare words at
    // once; VACUUM sets the visibility map of the fresh tables (index-only scans).
    db_.acquire()->exec("VACUUM (ANALYZE) service_search, search_words, search_suggestions");
    place_shares_.forget();  // the place column's new statistics
  }

  std::string engine_name() const override { return "postgres"; }

  std::vector<std::string> offered_languages() override {
    std::vector<std::string> codes;
    auto lease = db_.acquire();
    // The distinct codes by a skip scan of languages_lower_code (a handful of index probes
    // instead of a join of every language row), each kept if a searchable service speaks it: a
    // LATERAL ... LIMIT 1 per code, since an EXISTS became a hash semi-join over every row again.
    for (const auto& r : lease->exec(
             "WITH RECURSIVE codes(c) AS ("
             " (SELECT LOWER(code) FROM languages WHERE LOWER(code) IS NOT NULL ORDER BY LOWER(code) LIMIT 1)"
             " UNION ALL SELECT (SELECT LOWER(code) FROM languages WHERE LOWER(code) > codes.c"
             " ORDER BY LOWER(code) LIMIT 1) FROM codes WHERE codes.c IS NOT NULL) "
             "SELECT c FROM codes CROSS JOIN LATERAL (SELECT 1 FROM languages l "
             "JOIN service_search x ON x.service_id = l.service_id WHERE LOWER(l.code) = codes.c LIMIT 1) hit "
             "WHERE c IS NOT NULL ORDER BY 1").rows) {
      std::string code = text::fold(text::clean_utf8(r.text(0), 16));
      code = code.substr(0, code.find_first_of("-_"));  // as indexed: "nl-BE" offers "nl"
      if (is_offered_language_code(code)) codes.push_back(std::move(code));
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
  }

 private:
  // pg_trgm needs CREATE privilege on the database (superuser before PG 13):
  // without it, typo suggestions fall back to a prefix scan.
  void detect_trigram() {
    auto lease = db_.acquire();
    try {
      lease->exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    } catch (const store::StoreError& e) {
      spdlog::info("search: pg_trgm not available ({}); typo suggestions use a prefix scan", e.what());
    }
    try {
      trigram_ = !lease->exec("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").empty();
      // Looked up first: CREATE INDEX IF NOT EXISTS locks search_words before
      // it finds the index, so a start waited behind any writer of the words
      // (an import's transaction) until the statement timeout.
      if (trigram_ && lease->exec("SELECT to_regclass('search_words_trgm') IS NULL").rows.at(0).boolean(0))
        lease->exec("CREATE INDEX IF NOT EXISTS search_words_trgm ON search_words USING GIN (word gin_trgm_ops)");
    } catch (const store::StoreError& e) {
      spdlog::info("search: no trigram index on search_words ({})", e.what());
    }
  }

  void reindex(const std::vector<std::string>& ids) {
    try {
      write_entries(ids);
    } catch (const std::exception& e) {
      // The write itself is committed; the next start catches the entry up.
      spdlog::error("search: could not index {} service(s): {}", ids.size(), e.what());
    }
  }

  void write_entries(const std::vector<std::string>& ids) {
    // Read before the transaction: a reload takes a connection of its own. A
    // dictionary other than the index's makes searches ask for every member's
    // words (search), until the next start rebuilds.
    const auto synonyms = synonyms_.get();
    store::in_transaction(db_, [&](Connection& c) {
      c.exec("SELECT pg_advisory_xact_lock(CAST(? AS BIGINT))", {kSearchWriteLock});
      BatchRows rows = batch_rows(load_service_documents(c, ids), *synonyms);
      // Word and suggestion counts change by those of the new entries minus those of the old.
      for (const auto& r : c.exec("SELECT w FROM service_search, unnest(tsvector_to_array(doc)) AS w "
                                  "WHERE service_id = ANY(CAST(? AS TEXT[]))", {text_array(ids)}).rows) {
        if (const std::string& w = r.text(0); is_plain_word(w)) --rows.words[w];
      }
      std::map<std::string, std::vector<std::string>> old_labels;  // service → its labels
      for (const auto& r : c.exec("SELECT service_id, l FROM service_search, unnest(labels) AS l "
                                  "WHERE service_id = ANY(CAST(? AS TEXT[]))", {text_array(ids)}).rows)
        old_labels[r.text(0)].push_back(r.text(1));
      for (const auto& [id, labels] : old_labels) count_suggestions(labels, -1, rows.suggestions);
      c.exec("DELETE FROM service_search WHERE service_id = ANY(CAST(? AS TEXT[]))", {text_array(ids)});
      std::erase_if(rows.words, [](const auto& kv) { return kv.second == 0; });
      std::erase_if(rows.suggestions, [](const auto& kv) { return kv.second == 0; });
      insert_many(c, "service_search", kSearchColumns, kSearchPlaceholders, rows.search);
      insert_word_counts(c, rows.words);
      insert_suggestion_counts(c, rows.suggestions);
    });
    word_counts_.forget();
  }

  // Counts added to those stored (a rebuild starts from none), in key order:
  // concurrent writers lock rows in one order.
  static void insert_suggestion_counts(Connection& c, const SuggestionCounts& counts) {
    std::vector<Params> rows;
    for (const auto& [key, n] : counts) rows.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
    insert_many(c, "search_suggestions", "lang, tail, label, services", "(?, ?, ?, CAST(? AS BIGINT))", rows,
                " ON CONFLICT (lang, tail, label) DO UPDATE SET services = search_suggestions.services + "
                "excluded.services");
  }

  static void insert_word_counts(Connection& c, const std::map<std::string, std::int64_t>& counts) {
    std::vector<Params> rows;
    for (const auto& [word, n] : counts) rows.push_back({word, n});  // sorted: writers lock rows in one order
    insert_many(c, "search_words", "word, services", "(?, CAST(? AS BIGINT))", rows,
                " ON CONFLICT (word) DO UPDATE SET services = search_words.services + excluded.services");
  }

  void run_search(Connection& c, store::PreferIndexScans& plans, const SearchQuery& q, const QueryPlan& plan,
                  Synonyms synonyms, SearchResult& result) {
    const Page page = page_of(q);
    result.hits.clear();
    Tiers tiers = tiers_of(plan, q.filters, synonyms);
    if (!tiers.place.empty()) tiers.place_share = place_share(c, tiers.place);
    if (tiers.matches.sql.empty() && !q.filters.open_at) {
      // Everything by name: read the page along the name index, count apart.
      auto rows = store::exec_prepared(c, "SELECT service_id, card FROM service_search ORDER BY " + sort_column(q.lang) +
                             ", service_id LIMIT ? OFFSET ?",
                         {static_cast<std::int64_t>(page.limit), static_cast<std::int64_t>(page.offset)});
      for (const auto& r : rows.rows) result.hits.push_back({r.text(0), 0, r.text(1)});
      result.total = store::exec_prepared(c, "SELECT COUNT(*) FROM service_search").rows.at(0).int64(0);
      return;
    }
    // open_at alone: checked on the hours.
    const Condition matches = tiers.matches.sql.empty() ? Condition{"TRUE", {}} : tiers.matches;
    std::int64_t matched = 0;
    bool broad = false, estimated = false;
    Walk walk;
    std::optional<store::Result> by_name;
    if (q.every_match) {
      plans.custom();
      matched = store::exec_prepared(c, "SELECT COUNT(*) FROM service_search WHERE " + matches.sql, matches.params).rows.at(0).int64(0);
    } else {
      const std::int64_t limit = exact_rank_limit_.load();
      // The first page's walk before any count: when its sample of the
      // table shows the search broad, no count is needed (see Walk).
      if (!q.filters.open_at) walk = walked_tiers(c, q, tiers, page.offset + page.limit);
      // Filters without words: the page first, walked along the name, the
      // same rows whether the search is broad or narrow (one tier); a page
      // filled by the walk is the sample.
      if (!q.filters.open_at && tiers.by_name && tiers.tiers.size() == 1 && walk_rows_.load() > 0) {
        plans.custom();
        by_name = read_tier(c, q, tiers, tiers.tiers[0], walk_rows_.load(), page.offset + page.limit);
        if (!by_name->rows.empty() && by_name->rows[0].int64(3) == 1) {
          walk.most = page.offset + page.limit;
          walk.met = static_cast<std::int64_t>(by_name->rows.size());
          walk.walked = walk_rows_.load();
          walk.table_rows = walk.all_rows = by_name->rows[0].real(4);
        }
      }
      if (walk.shows_more_than(limit)) {
        matched = limit;
        broad = estimated = true;
      } else {
        plans.custom();
        matched = count_up_to(c, tiers, matches, limit + 1, walk);
        broad = matched > limit;
        if (broad) matched = limit;
      }
    }
    if (matched == 0) return;
    // A broad search's page is read tier by tier; a narrow one's (or every
    // match, for the API) ranks its few matches at once: walking the name
    // index for a tier with few matches would read most of the table.
    auto fetch_page = [&](std::size_t offset, std::size_t count) {
      if (!broad) plans.custom();
      return broad ? tiered_page(c, plans, q, tiers, offset, count, walk)
                   : ranked_page(c, q, tiers, matches, offset, count);
    };
    if (q.filters.open_at) {
      filter_open_at(*q.filters.open_at, page, [&](std::size_t offset, std::size_t count) {
        CandidateBatch batch;
        batch.items = fetch_page(offset, count);
        // A short batch is the last one: the candidates are all known then.
        if (batch.items.size() < count) batch.candidates = static_cast<std::int64_t>(offset + batch.items.size());
        else batch.candidates = matched;
        return batch;
      }, result);
      if (broad && result.hits.size() >= page.limit) result.more_than_total = true;
      return;
    }
    if (by_name) {
      for (std::size_t i = page.offset; i < by_name->rows.size(); ++i)
        result.hits.push_back({by_name->rows[i].text(0), tiers.tiers[0].score, by_name->rows[i].text(1)});
    } else {
      for (auto& h : fetch_page(page.offset, page.limit))
        result.hits.push_back({std::move(h.service_id), h.score, std::move(h.card)});
    }
    result.total = matched;
    if (!broad) return;
    // A broad search's page cut short by the end of the matches gives the
    // total; otherwise there are more than the limit, and than the pages seen.
    if (result.hits.size() < page.limit && !result.hits.empty()) {
      result.total = static_cast<std::int64_t>(page.offset + result.hits.size());
      return;
    }
    result.total = std::max<std::int64_t>(matched, static_cast<std::int64_t>(page.offset + result.hits.size()));
    result.more_than_total = true;
    result.estimated = estimated;
  }

  // How many match, no further than `cap`, decided from a lower bound when
  // one reaches the cap: counting reads the GIN index's every match into a
  // bitmap before the LIMIT applies (kinderopvang: 52,941 rows, the costliest
  // statement of a broad search), and a synonym group's common words
  // ("day care", "milieu d'accueil") make it many times longer. A lone
  // word's service count (search_words) costs an index probe; the typed
  // words without their stems or synonyms, with a filter, a short GIN scan
  // ("gratis" and its three stems were four lists of 52,000 services, each
  // merged into the bitmap).
  //
  // A filtered search for a word that half the services hold ("gratis" with
  // cost=free) walks the key first, filters tested on the row before doc:
  // half a walk's rows reach the cap, where the GIN count intersected two
  // posting lists of 52,000 services (12 ms, most of it the tsquery checked
  // per item). The word's search_words count against the table's estimated
  // rows (from the walk) decides whether to walk at all, so a rarer word
  // costs nothing: the counts come from word_services' cache, where a
  // statement for them cost a custom plan (0.4-0.6 ms) on every filtered
  // search for one word. Without a walk (open_at), no dense walk either.
  std::int64_t count_up_to(Connection& c, const Tiers& tiers, const Condition& matches, std::int64_t cap,
                           const Walk& walk) {
    if (!tiers.dense_word.empty() && walk.most > 0 &&
        static_cast<double>(word_services(c, {tiers.dense_word})[tiers.dense_word]) * 2 >= walk.all_rows &&
        dense_walk_count(c, tiers, cap) >= cap)
      return cap;
    if (!tiers.lone_words.empty()) {
      std::int64_t most = 0;
      for (const auto& [word, services] : word_services(c, tiers.lone_words)) most = std::max(most, services);
      if (most >= cap) return cap;
    }
    for (const Condition* part : {&tiers.as_typed_matches, &tiers.typed_matches})
      if (!part->sql.empty() && count_matches(c, *part, cap) >= cap) return cap;
    return count_matches(c, matches, cap);
  }

  // Matches of the dense word with the filters among the first rows along
  // the key, no further than `cap`.
  static std::int64_t dense_walk_count(Connection& c, const Tiers& tiers, std::int64_t cap) {
    const Condition walked = walk_source(tiers, walk_rows_.load() / 2, "w");
    Params p = walked.params;
    p.insert(p.end(), tiers.dense_walk.params.begin(), tiers.dense_walk.params.end());
    p.emplace_back(cap);
    return store::exec_prepared(c,
                                "SELECT COUNT(*) FROM (SELECT 1 FROM " + walked.sql + " WHERE " + tiers.dense_walk.sql +
                                    " LIMIT ?) m",
                                p)
        .rows.at(0)
        .int64(0);
  }

  // How many match, no further than `cap` (the GIN index gives the bitmap of
  // the matches, and only the first cap rows are read), since an exact COUNT
  // of a broad search read a heap page per match, many times what its page
  // reads (the HSDS API, every_match, counts them all instead).
  static std::int64_t count_matches(Connection& c, const Condition& matches, std::int64_t cap) {
    Params p = matches.params;
    p.emplace_back(cap);
    return store::exec_prepared(c, "SELECT COUNT(*) FROM (SELECT 1 FROM service_search WHERE " + matches.sql + " LIMIT ?) m", p)
        .rows.at(0).int64(0);
  }

  // What a page shows of a match, read with it from the same row (no second
  // statement by key): the card, and the hours when they filter.
  static std::string shown_columns(const SearchQuery& q) {
    return std::string("card, ") + (q.filters.open_at ? "hours" : "''");
  }
  static HoursCandidate candidate(const store::Row& r, double score) { return {r.text(0), score, r.text(2), r.text(1)}; }

  // Matches offset .. offset + count - 1 of a broad search: the tiers in
  // turn, none after the tier that fills the page. A tier's matches are read
  // in their order (by id; without words by name), in the first of three ways
  // that applies:
  //   - walking that order's index no further than walk_rows_ rows, the
  //     tier's condition tested on each row: a dense tier gives the page at
  //     once. The tiers tested on the row alone (rank_doc, tags) share one
  //     walk (walked_tiers), which sorts each row into its tier;
  //   - else, counted from the GIN indexes no further than kDenseTier rows for
  //     each one the page needs: with more, walked to the end of the page;
  //   - with fewer, the rows the count read, sorted (the planner alone
  //     misjudged how many services name a word, and walked the whole table
  //     for a tier without matches).
  // The count is the costly part of a dense tier (its bitmap holds every
  // match before the LIMIT applies; a synonym group's common words, "day
  // care", make it longer), hence the short walk first. All three give the
  // same rows in the same order, so which one answers changes only the cost.
  static std::vector<HoursCandidate> tiered_page(Connection& c, store::PreferIndexScans& plans, const SearchQuery& q,
                                                 const Tiers& tiers, std::size_t offset, std::size_t count,
                                                 const Walk& done) {
    std::vector<HoursCandidate> page;
    const std::size_t end = offset + count;
    std::size_t before = 0;  // matches in the tiers read so far
    // The walk run_search did serves when it kept enough rows of each tier.
    const Walk fresh = done.most >= end ? Walk{} : walked_tiers(c, q, tiers, end);
    const Walk& walk = done.most >= end ? done : fresh;
    const auto& walked = walk.tiers;
    for (std::size_t t = 0; t < tiers.tiers.size() && before < end; ++t) {
      const Tier& tier = tiers.tiers[t];
      const auto need = static_cast<std::int64_t>(end - before);
      const bool in_row = !tier.reads_doc && !tiers.by_name;
      std::vector<store::Row> rows;
      if (in_row && walked[t].size() >= static_cast<std::size_t>(need)) {
        rows.assign(walked[t].begin(), walked[t].begin() + need);
      } else if (in_row && walk.sparse(walked[t].size(), kDenseTier * need)) {
        // Planned for its words: a generic plan read the filters' GIN index
        // first (a municipality's services) even when the name's held none.
        plans.custom();
        rows = sorted_tier(c, q, tier, need).rows;
      } else {
        // A tier on the row was walked already; one testing doc walks a tenth as far.
        const std::int64_t walk = in_row ? 0 : tier.reads_doc ? walk_rows_.load() / 10 : walk_rows_.load();
        plans.custom();  // its GIN readings' plans depend on the words
        rows = read_tier(c, q, tiers, tier, walk, need).rows;
      }
      for (std::size_t i = 0; i < rows.size(); ++i)
        if (before + i >= offset) page.push_back(candidate(rows[i], tier.score));
      before += rows.size();
    }
    return page;
  }

  // The first tiers, those tested on the row alone, in one walk along the
  // primary key no further than walk_rows_ rows, stopping at kWalkedMatches
  // matches of them per row wanted or at a tier's `most`-th (below): for each
  // tier, its first `most` matches met (the tier's first ones when there are
  // `most`, since the walk reads a stretch of ids from the first). By the
  // tier's index; empty for the others. Planned once per connection (run_search
  // asks for generic plans until a GIN reading): no parameter changes the plan.
  static Walk walked_tiers(Connection& c, const SearchQuery& q, const Tiers& tiers, std::size_t most) {
    Walk out;
    out.tiers.resize(tiers.tiers.size());
    std::size_t in_row = 0;
    while (!tiers.by_name && in_row < tiers.tiers.size() && !tiers.tiers[in_row].reads_doc) ++in_row;
    const std::int64_t walk_rows = walk_rows_.load();
    if (in_row == 0 || walk_rows <= 0) return out;
    out.most = most;
    // A row's tier: the first whose rank condition it meets (the better tiers' conditions are within the worse ones').
    std::string which;
    Params p;
    for (std::size_t t = 0; t + 1 < in_row; ++t) {
      which += " WHEN " + tiers.tiers[t].rank + " THEN " + std::to_string(t);
      p.emplace_back(tiers.tiers[t].rank_param);
    }
    which = which.empty() ? "0" : "CASE" + which + " ELSE " + std::to_string(in_row - 1) + " END";
    const Tier& last = tiers.tiers[in_row - 1];
    const Condition any = Condition(tiers.filters).and_(last.rank, {last.rank_param});
    const auto matches_wanted = static_cast<std::int64_t>(most * kWalkedMatches);
    const auto wanted = static_cast<std::int64_t>(most);
    // A running count of each tier's matches: the walk stops at the row after
    // the best tier's `most`-th (a window's run condition ends the scan),
    // since the page needs no worse tier then: a dense best tier
    // ("kinderopvang" in names) is met a few hundred rows in. It stops as
    // well at a worse tier's `most`-th when no better tier was met in the
    // walk's first kProbeRows rows (`probe`): the better tiers are then
    // likely few, read from the GIN indexes ("speelotheek" is in no name, in
    // 3% of the headings). With a better tier common after all, that reading
    // costs more, never changes the rows.
    std::string running, stop;
    Params stops;
    for (std::size_t t = 0; t < in_row; ++t) {
      const std::string n = std::to_string(t);
      running += ", COUNT(*) FILTER (WHERE tier = " + n + ") OVER b AS c" + n;
      stop += t == 0 ? "c0 <= ?" : " AND c" + n + " <= CASE WHEN (SELECT best FROM probe) >= " + n +
                                      " THEN ? ELSE " + std::to_string(std::numeric_limits<std::int32_t>::max()) + " END";
      stops.emplace_back(wanted);
    }
    const Condition probed = walk_source(tiers, std::min(walk_rows, kProbeRows), "w");
    const Condition walked = walk_source(tiers, walk_rows, "src");
    // A place's walk numbers its rows (the walk's reach, below); the
    // table's is taken as walk_rows long (numbering its rows cost 0.2-0.3 ms):
    // a stopped walk then estimates fewer matches, on the safe side, and with
    // the table's rows it claims broad at 20 matches met either way.
    const std::string reached =
        tiers.place.empty() ? "0" : "row_number() OVER (ORDER BY service_id ROWS UNBOUNDED PRECEDING)";
    Params p_all = p;  // which, in the probe
    p_all.insert(p_all.end(), probed.params.begin(), probed.params.end());
    p_all.insert(p_all.end(), any.params.begin(), any.params.end());
    p_all.insert(p_all.end(), {wanted});            // a full tier
    p_all.insert(p_all.end(), p.begin(), p.end());  // which, in the walk
    p_all.insert(p_all.end(), walked.params.begin(), walked.params.end());
    p_all.insert(p_all.end(), any.params.begin(), any.params.end());
    p_all.insert(p_all.end(), {matches_wanted});
    p_all.insert(p_all.end(), stops.begin(), stops.end());
    p_all.insert(p_all.end(), {wanted});
    const std::string shown = shown_columns(q);
    // Each row with its tier, the walk's count of matches and the table's
    // estimated rows, for Walk::shows_more_than. None of a tier after the
    // first one met `most` times (`full_tier`): that tier ends the page.
    for (auto& row : store::exec_prepared(c,
             "WITH probe AS MATERIALIZED (SELECT COALESCE(MIN(tier), " + std::to_string(in_row) + ") AS best FROM "
             "(SELECT " + which + " AS tier FROM " + probed.sql + " WHERE " + any.sql + ") p) "
             "SELECT m.*, rt.n FROM (SELECT " + kTableRows + " AS n) rt "
             "LEFT JOIN (SELECT service_id, " + shown + ", tier, met, reach FROM (SELECT *, MIN(CASE WHEN in_tier >= ? THEN "
             "tier END) OVER () AS full_tier FROM (SELECT *, row_number() OVER (PARTITION BY tier ORDER BY service_id) AS r, "
             "COUNT(*) OVER (PARTITION BY tier) AS in_tier, COUNT(*) OVER () AS met, MAX(at) OVER () AS reach FROM "
             "(SELECT *" + running + " FROM (SELECT service_id, " + shown + ", " + which + " AS tier, at FROM (SELECT *, " +
             reached + " AS at FROM " + walked.sql + ") w WHERE " +
             any.sql + " ORDER BY service_id LIMIT ?) s WINDOW b AS (ORDER BY "
             "service_id ROWS UNBOUNDED PRECEDING)) b WHERE " + stop + ") x WHERE r <= ?) y WHERE full_tier IS NULL OR "
             "tier <= full_tier) m ON TRUE ORDER BY m.tier, m.service_id",
             p_all).rows) {
      out.walked = walk_rows;
      out.all_rows = row.real(6);
      out.table_rows = out.all_rows * tiers.place_share;
      if (row.is_null(0)) continue;  // no match met: the table's rows only
      out.met = row.int64(4);
      // A place's walk: the rows walked to the last match met, the sample's
      // size, where a walk that stopped early read fewer than walk_rows.
      // Past the last match a walk not stopped read rows without any: with
      // 20 matches or more spread at random their share is small (half the
      // walk, once in a million), so the density this gives is hardly an
      // overestimate.
      if (row.int64(5) > 0) out.walked = row.int64(5);
      const auto t = static_cast<std::size_t>(row.int64(3));
      if (t < out.tiers.size()) out.tiers[t].push_back(std::move(row));
    }
    return out;
  }

  // A tier the walk met few of: every match read from the GIN indexes (the
  // subquery's OFFSET 0 keeps the planner from walking the key for the
  // ORDER BY), the first `need` by id. The rows read_tier's sorted reading
  // gives, in a statement a quarter as costly to plan.
  static store::Result sorted_tier(Connection& c, const SearchQuery& q, const Tier& tier, std::int64_t need) {
    Params p = tier.where.params;
    p.emplace_back(need);
    return store::exec_prepared(c, "SELECT * FROM (SELECT service_id, " + shown_columns(q) + " FROM service_search WHERE " +
                                       tier.where.sql + " OFFSET 0) m ORDER BY service_id LIMIT ?",
                                p);
  }

  // One tier's first `need` matches by the walk (no further than `walk` rows),
  // the counted walk or the sorted GIN reading (tiered_page), in one
  // statement: the first two CTEs gate the readings by one-time filters,
  // evaluated only when reached. The count keeps the rows it met: when they
  // are all the matches, the sorted reading sorts them, where a second GIN
  // scan of the tier took as long as the first.
  static store::Result read_tier(Connection& c, const SearchQuery& q, const Tiers& tiers, const Tier& tier,
                                 std::int64_t walk, std::int64_t need) {
    const std::string order = tiers.by_name ? sort_column(q.lang) + ", service_id" : "service_id";
    const std::string columns = "service_id, " + shown_columns(q);
    const std::string kept = tiers.by_name ? columns + ", " + sort_column(q.lang) : columns;  // and what orders them
    const std::int64_t dense = kDenseTier * need + 1;
    const Condition& w = tier.where;
    // The parameters in the statement's order: each ? and each copy of the tier's condition.
    Params p;
    auto add = [&](std::initializer_list<std::variant<std::int64_t, const Condition*>> items) {
      for (const auto& item : items) {
        if (const auto* cond = std::get_if<const Condition*>(&item))
          p.insert(p.end(), (*cond)->params.begin(), (*cond)->params.end());
        else
          p.emplace_back(std::get<std::int64_t>(item));
      }
    };
    const Condition source = tiers.by_name ? Condition{"(SELECT * FROM service_search ORDER BY " + order + " LIMIT ?) s", {walk}}
                                           : walk_source(tiers, walk, "s");
    add({&source, &w, need});      // walk
    add({need, &w, dense});        // matched (counted)
    add({need});                   // walk's rows
    add({&w, need, dense, need});  // walked to the page's end
    add({dense, need});            // sorted, of the rows matched
    const std::string short_of = "(SELECT COUNT(*) FROM walk) < ?";
    // Each row says which reading gave it (1: the walk), with the table's
    // estimated rows (run_search estimates from a walk that filled the page).
    return store::exec_prepared(c, "WITH walk AS MATERIALIZED (SELECT " + columns + " FROM " + source.sql + " WHERE " +
                      w.sql + " ORDER BY " + order + " LIMIT ?), "
                      "matched AS MATERIALIZED (SELECT " + kept + " FROM service_search WHERE " + short_of + " AND " +
                      w.sql + " LIMIT ?) "
                      "(SELECT *, 1, " + kTableRows + " FROM walk WHERE (SELECT COUNT(*) FROM walk) >= ?) "
                      "UNION ALL (SELECT " + columns + ", 2, 0 FROM service_search WHERE " + w.sql + " AND " + short_of +
                      " AND (SELECT COUNT(*) FROM matched) >= ? ORDER BY " + order + " LIMIT ?) "
                      "UNION ALL (SELECT " + columns + ", 3, 0 FROM matched WHERE (SELECT COUNT(*) FROM matched) < ? "
                      "ORDER BY " + order + " LIMIT ?)",
                  p);
  }

  // Matches offset .. offset + count - 1 of a narrow search: every match
  // (from the GIN index) with its tier, best first, then as tiered_page orders a tier.
  static std::vector<HoursCandidate> ranked_page(Connection& c, const SearchQuery& q, const Tiers& tiers,
                                                 const Condition& matches, std::size_t offset, std::size_t count) {
    std::string score;
    Params p;
    for (const auto& tier : tiers.tiers) {
      if (tier.rank.empty()) continue;
      score += " WHEN " + tier.rank + " THEN " + std::to_string(tier.score);
      p.emplace_back(tier.rank_param);
    }
    const std::string lowest = std::to_string(tiers.tiers.back().score);
    score = score.empty() ? lowest : "CASE" + score + " ELSE " + lowest + " END";
    p.insert(p.end(), matches.params.begin(), matches.params.end());
    p.emplace_back(static_cast<std::int64_t>(count));
    p.emplace_back(static_cast<std::int64_t>(offset));
    std::vector<HoursCandidate> page;
    for (const auto& r : store::exec_prepared(c, "SELECT service_id, " + shown_columns(q) + ", " + score +
                                    " AS score FROM service_search WHERE " + matches.sql + " ORDER BY score DESC, " +
                                    (tiers.by_name ? sort_column(q.lang) + ", " : "") + "service_id LIMIT ? OFFSET ?",
                                p).rows)
      page.push_back(candidate(r, r.real(3)));
    return page;
  }

  // Words that match nothing, replaced by the closest indexed word.
  std::optional<std::string> spelling_fix(Connection& c, const QueryPlan& plan) {
    std::vector<std::pair<std::size_t, std::string>> fixes;
    for (const auto& word : plan.checkable) {
      if (!c.exec("SELECT 1 FROM service_search WHERE doc @@ CAST(? AS tsquery) LIMIT 1", {any_of(word.terms)})
               .empty())
        continue;
      if (auto fix = closest_word(c, plan.tokens[word.token])) fixes.emplace_back(word.token, *fix);
    }
    std::string corrected = corrected_query(plan, fixes);
    if (corrected.empty()) return std::nullopt;
    return corrected;
  }

  std::optional<std::string> closest_word(Connection& c, const std::string& word) {
    store::Result candidates;
    const auto length = static_cast<std::int64_t>(word.size());
    if (trigram_) {
      try {
        candidates = c.exec("SELECT word, services FROM search_words WHERE services > 0 AND word % ? "
                            "ORDER BY similarity(word, ?) DESC, services DESC LIMIT 30",
                            {word, word});
      } catch (const store::StoreError& e) {
        if (e.kind() == store::StoreError::Kind::connection) throw;
        spdlog::info("search: pg_trgm went away ({}); typo suggestions use a prefix scan", e.what());
        trigram_ = false;
      }
    }
    if (!trigram_) {
      // Without trigrams: words with the same first letter and about the same length.
      std::string first = word.substr(0, 1);
      while (first.size() < word.size() && (static_cast<unsigned char>(word[first.size()]) & 0xC0) == 0x80)
        first += word[first.size()];
      candidates = c.exec("SELECT word, services FROM search_words WHERE services > 0 AND word LIKE ? ESCAPE '\\' "
                          "AND length(word) BETWEEN ? AND ? LIMIT 5000",
                          {like_escaped(first) + "%", length - 3, length + 3});
    }
    const std::size_t allowed = text::edit_distance(word, "") <= 4 ? 1 : 2;
    std::optional<std::string> best;
    std::size_t best_distance = allowed + 1;
    std::int64_t best_services = 0;
    for (const auto& r : candidates.rows) {
      const std::size_t d = text::edit_distance(word, r.text(0));
      if (d == 0 || d > allowed) continue;
      if (d < best_distance || (d == best_distance && r.int64(1) > best_services)) {
        best = r.text(0);
        best_distance = d;
        best_services = r.int64(1);
      }
    }
    return best;
  }

  // How many services hold each word (search_words; 0 for none),
  // remembered like the synonyms for a few seconds and forgotten on this
  // process's own writes: the lookup was a round trip of every search with a
  // long word (its possible parts, add_compound_parts) or a lone word
  // (count_up_to). Another process's writes are seen within seconds.
  struct WordCountCache {
    std::mutex mutex;
    std::map<std::string, std::int64_t> services;  // word → services holding it
  };
  static constexpr std::size_t kMaxKnownWords = 20000;
  ExpiringValue<std::shared_ptr<WordCountCache>> word_counts_{std::chrono::seconds(5)};

  std::map<std::string, std::int64_t> word_services(Connection& c, const std::vector<std::string>& words) {
    const auto cache = word_counts_.get([] { return std::make_shared<WordCountCache>(); });
    std::map<std::string, std::int64_t> out;
    std::vector<std::string> unasked;
    {
      std::lock_guard lock(cache->mutex);
      for (const auto& word : words) {
        if (const auto it = cache->services.find(word); it == cache->services.end()) unasked.push_back(word);
        else out[word] = it->second;
      }
    }
    if (unasked.empty()) return out;
    for (const auto& word : unasked) out[word] = 0;
    for (const auto& r : store::exec_prepared(c, "SELECT word, services FROM search_words WHERE word = ANY(CAST(? AS "
                                                 "TEXT[]))",
                                              {text_array(unasked)}).rows)
      out[r.text(0)] = std::max<std::int64_t>(0, r.int64(1));
    std::lock_guard lock(cache->mutex);
    if (cache->services.size() + unasked.size() > kMaxKnownWords) cache->services.clear();
    for (const auto& word : unasked) cache->services[word] = out[word];
    return out;
  }

  // The part of the table a walk of `place` reads (walk_source): that
  // place's services and those of several places, from the statistics of
  // the place column (pg_stats, set by the VACUUM ANALYZE after a rebuild and
  // by autovacuum), remembered for a minute; 0 when they do not say (the
  // walk then estimates nothing: the count decides).
  double place_share(Connection& c, const std::string& place) {
    const auto shares = place_shares_.get([&] {
      auto out = std::make_shared<std::map<std::string, double>>();
      for (const auto& r : store::exec_prepared(c, "SELECT v, f FROM pg_stats s, unnest(CAST(CAST(s.most_common_vals AS "
                                                   "TEXT) AS TEXT[]), s.most_common_freqs) AS m(v, f) WHERE s.schemaname = "
                                                   "current_schema() AND s.tablename = 'service_search' AND s.attname = "
                                                   "'place'").rows)
        (*out)[r.text(0)] = r.real(1);
      return std::shared_ptr<const std::map<std::string, double>>(std::move(out));
    });
    const auto it = shares->find(place);
    if (it == shares->end()) return 0;
    const auto several = shares->find("*");
    return it->second + (several == shares->end() ? 0 : several->second);
  }
  ExpiringValue<std::shared_ptr<const std::map<std::string, double>>> place_shares_{std::chrono::seconds(60)};

  // Which of a long word's possible parts the index holds.
  std::set<std::string> known_words(Connection& c, const std::vector<std::string>& candidates) {
    std::set<std::string> known;
    for (const auto& [word, services] : word_services(c, candidates))
      if (services > 0) known.insert(word);
    return known;
  }

  store::Database& db_;
  SynonymCache synonyms_;
  // The fingerprint of the dictionary the index's concept terms were built
  // with (kSynonymsSetting), re-read as often as the dictionary (another
  // process may rebuild).
  std::string indexed_synonyms(Connection& c) {
    return indexed_synonyms_.get([&] { return read_setting(c, std::string(kSynonymsSetting)).value_or(""); });
  }
  ExpiringValue<std::string> indexed_synonyms_{std::chrono::seconds(5)};
  std::atomic<bool> trigram_{false};

 public:
  static inline std::atomic<std::int64_t> exact_rank_limit_{kExactRankLimit};
  static inline std::atomic<std::int64_t> walk_rows_{kPostgresWalkRows};
  static inline std::atomic<bool> concept_terms_{true};
};

}  // namespace

void set_postgres_exact_rank_limit(std::int64_t limit) { PostgresSearch::exact_rank_limit_ = limit; }
void set_postgres_walk_rows(std::int64_t rows) { PostgresSearch::walk_rows_ = rows; }
void set_postgres_concept_terms(bool on) { PostgresSearch::concept_terms_ = on; }

std::unique_ptr<ServiceSearch> make_postgres_search(store::Database& db) {
  auto engine = std::make_unique<PostgresSearch>(db);
  engine->open();
  return engine;
}

}  // namespace samen::directory::detail
