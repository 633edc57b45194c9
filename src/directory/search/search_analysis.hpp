// The engine-independent half of search: which terms a service is indexed
// under, and how a typed query becomes a query plan. Both engines (Xapian
// and PostgreSQL) index and query exactly these terms, so they find the same
// services. Terms: folded words ("creche"), stems with a "Z" prefix
// ("Zcrech", each text stemmed in its own language), and filter terms
// (XMUN<nis>, XLANG<code>, XCAT<term id>, XCOST<kind>, XDAY<weekday>,
// XHOW<hour of week>, XORG<id>).
#pragma once
#include <array>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "directory/search/search.hpp"
#include "directory/search/search_document.hpp"

namespace samen::directory::detail {

// ---- indexing ---------------------------------------------------------------------

// Where a word occurs: a match in the name counts most.
enum class Field { name, secondary, body, place };

struct IndexTerm {
  std::string term;
  Field field;
};

struct DocumentTerms {
  std::vector<IndexTerm> text_terms;        // in text order, with repeats
  std::set<std::string> filter_terms;       // boolean terms for the filters
  std::set<std::string> words;              // folded words (spelling dictionary)
  std::array<std::vector<std::string>, 3> labels;  // per UI language: name and category labels (for suggest)
  std::array<std::string, 3> sort_keys;     // folded name per language (browsing order)
  double min_age = 0, max_age = 0;          // open bounds as kNoMinAge / kNoMaxAge
  std::string hours;                        // encode_hours of the opening hours
  std::string card;                         // encode_card: what a result list shows
};

inline constexpr double kNoMinAge = -1;
inline constexpr double kNoMaxAge = 1000;
inline constexpr std::string_view kStemPrefix = "Z";

DocumentTerms document_terms(const ServiceDocument& d);

// Filter terms, shared by indexing and querying.
std::string municipality_term(std::string_view nis);
std::string language_term(std::string_view code);
// Whether a folded language code is one the language filter offers (two or three letters a-z).
bool is_offered_language_code(std::string_view code);
std::string category_term(std::string_view term_id);
std::string cost_term(CostFilter c);
std::string weekday_term(int weekday);
std::string organization_term(std::string_view id);
// The blocks of kHoursPerOpenBlock hours of the week a service regularly opens
// in (hour 0 = Monday 00:00-00:59 .. 167; block 0 = Monday 00:00-03:59 .. 41),
// plus kSpecialHoursTerm when exceptions give it other hours some days. Only
// a pre-filter: the engine checks the candidates against the hours
// themselves, so blocks, not single hours, are enough (10 terms instead of 50
// for a service open on weekdays 8-18; fewer terms make a faster index).
inline constexpr int kHoursPerOpenBlock = 4;
std::string hour_of_week_term(int hour_of_week);  // the term of the block holding that hour
inline constexpr std::string_view kSpecialHoursTerm = "XHOWANY";
std::set<std::string> hour_of_week_terms(const OpeningHours& h);

// The filters as clauses of boolean terms: a service must carry at least one
// term of every clause. Age and open_at are not in here (engines handle them).
std::vector<std::vector<std::string>> filter_clauses(const SearchFilters& f);

// Suggestions: the key of a label (its folded words joined by one space) and
// the keys of its tails from each word on ("huis van het kind" → ..., "kind").
std::string label_key(std::string_view label);
std::vector<std::string> word_start_tails(const std::string& key, std::size_t max_tails = 6);

// ---- synonyms ---------------------------------------------------------------------

class SynonymDictionary {
 public:
  struct Member {
    std::string group;
    i18n::Lang lang = i18n::Lang::nl;
    std::vector<std::string> words;  // folded
    std::vector<std::string> stems;  // in the member's language
  };
  struct Match {
    std::size_t length = 0;           // query words covered
    std::vector<const Member*> members;  // every member of the matching groups
  };
  SynonymDictionary() = default;
  // rows: (group_id, lang, term)
  static SynonymDictionary from_rows(const std::vector<std::array<std::string, 3>>& rows);
  static SynonymDictionary load(store::Connection& c);
  // The longest member matching the folded words from `at` on (a word matches
  // when equal or when its stem in the member's language is the same);
  // stems[i] holds the nl, fr and en stems of words[i].
  Match longest_match(const std::vector<std::string>& words, const std::vector<std::array<std::string, 3>>& stems,
                      std::size_t at) const;
  bool empty() const { return members_.empty(); }

  // The groups a service's text carries, as concept terms (Xapian): a group
  // whose member's words all occur among the text terms, each as the word or
  // its stem in the member's language (the words a query's alternative for
  // that member requires: stopwords left out unless it has only those). The
  // weight is the best such member's, a member's that of its least weighty
  // word, a word's the wdf of the word and its stem together (wdf_of gives a
  // field's wdf per occurrence). name_wdf: the same over the name alone (0
  // when no member is all there), for a concept term of the name.
  struct GroupWeight {
    std::string group;
    unsigned wdf = 0, name_wdf = 0;
  };
  std::vector<GroupWeight> groups_in(const std::vector<IndexTerm>& text_terms, unsigned (*wdf_of)(Field)) const;
  // Names this dictionary's content (a hash of its rows): an index of concept
  // terms is rebuilt when the dictionary it was built with changes.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  std::vector<Member> members_;
  // For groups_in: each member's required words as slots, and the slots each term fills.
  std::vector<std::vector<std::uint32_t>> required_slots_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> slots_of_term_;
  std::uint32_t slot_count_ = 0;
  std::string fingerprint_;
};

// The index terms of a synonym group: "C" + its id for a member anywhere in
// the text, "CN:" + its id for one in the name (a group id is a slug, never
// holding ':').
std::string concept_term(std::string_view group);
std::string name_concept_term(std::string_view group);

// ---- queries ----------------------------------------------------------------------

inline constexpr std::size_t kMaxQueryChars = 200;
inline constexpr std::size_t kMaxQueryWords = 12;

// One word to find: any of its terms (the folded word and its stems).
struct WordTerms {
  std::string word;
  std::vector<std::string> terms;
};
// All words of one way of saying it (the typed words, or one synonym).
struct Alternative {
  std::vector<WordTerms> words;
  bool synonym = false;
};
// One thing the user asked for: any of its alternatives must match.
struct QueryUnit {
  std::vector<Alternative> alternatives;
  // The synonym groups of the typed words (whose members are the alternatives
  // marked synonym), sorted: an engine indexing each group as one concept
  // term (Xapian) asks for those instead of every member's words.
  std::vector<std::string> groups;
};
// A typed word that may be misspelt (not stopword, not a synonym): index into tokens.
struct CheckableWord {
  std::size_t token = 0;
  std::vector<std::string> terms;
};

struct QueryPlan {
  std::vector<QueryUnit> units;               // every unit must match
  std::vector<std::string> tokens;            // the folded words as typed (did_you_mean rewrites these)
  std::vector<CheckableWord> checkable;
  std::vector<std::string> highlight;
  bool compounds_checked = false;             // add_compound_parts ran
  bool browse() const { return units.empty(); }  // no text to search: list by name
};

QueryPlan plan_query(std::string_view raw, i18n::Lang lang, const SynonymDictionary& synonyms);

// ---- Dutch compounds ---------------------------------------------------------------

// The lexicon decompounding splits against: of the candidate folded words,
// those the index holds (each engine looks them up in its own vocabulary).
using KnownWords = std::function<std::set<std::string>(const std::vector<std::string>& candidates)>;

// The parts of a Dutch compound, each a known word of at least four letters,
// joined directly or by a linking s, e, en or er ("opvoedingsondersteuning"
// → opvoeding, ondersteuning; at most three parts, the longest first part
// first); empty when the word does not split so.
std::vector<std::string> decompound(const std::string& word, const KnownWords& known);
// Adds to each typed word of the plan that splits (not a synonym) an
// alternative of its parts, all required, weighted like a synonym: the
// compound also finds the services that name its parts apart. Highlights the
// parts. Once per plan (compounds_checked).
void add_compound_parts(QueryPlan& plan, const KnownWords& known);

// The terms of a folded word typed in the UI language: the word and its stems
// in nl, fr and en (the UI language's first).
std::vector<std::string> typed_word_terms(const std::string& word, i18n::Lang lang);

// Rewrites the typed words with corrections (token index → word); "" when none.
std::string corrected_query(const QueryPlan& plan, const std::vector<std::pair<std::size_t, std::string>>& fixes);

}  // namespace samen::directory::detail
