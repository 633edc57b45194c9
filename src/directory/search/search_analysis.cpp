// Index terms of a service and query plans (see search_analysis.hpp). Pure
// functions over ServiceDocument and the typed text, shared by both engines.
#include "directory/search/search_analysis.hpp"

#include <sodium.h>

#include <algorithm>
#include <climits>
#include <map>
#include <unordered_map>

#include "core/brussels.hpp"
#include "directory/search/service_card.hpp"
#include "util/text.hpp"
#include "util/text_fold.hpp"

namespace samen::directory::detail {
namespace {

constexpr std::array<i18n::Lang, 3> kLangOrder{i18n::Lang::nl, i18n::Lang::fr, i18n::Lang::en};

void push_unique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// Which of a member's or a typed phrase's words a search requires: all but
// the stopwords, or every word when it has only those ("ONE", "la" still count).
std::vector<std::size_t> meaningful_indices(const std::vector<std::string>& words) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (!text::is_stopword(words[i])) out.push_back(i);
  if (out.empty())
    for (std::size_t i = 0; i < words.size(); ++i) out.push_back(i);
  return out;
}

// The terms of a text in order (each word's stem, when stemmed, then the
// word) and its words, as add_text adds them.
struct TextTerms {
  std::vector<std::string> terms;
  std::vector<std::string> words;
};

TextTerms analyse_text(std::string_view text, i18n::Lang lang, bool stemmed) {
  TextTerms out;
  for (auto& w : text::folded_words(text)) {
    if (text::is_stopword(w)) continue;
    if (stemmed) out.terms.push_back(std::string(kStemPrefix) + text::stem(lang, w));
    out.terms.push_back(w);
    out.words.push_back(std::move(w));
  }
  return out;
}

// What this thread made of the texts it analysed last (one cache per
// caller: each instantiation has its own), by key. Many services share texts (category labels,
// municipality names and postcodes, an organisation's name, descriptions
// written once for several services): folding (ICU) and stemming them again
// was most of a document's analysis. Bounded (a server's every thread may
// index): emptied when its keys and values reach kMaxCachedBytes. The
// reference stays valid until the thread's next call for the same Value.
constexpr std::size_t kMaxCachedBytes = std::size_t{2} << 20;
template <class Value, class Make, class Bytes>
const Value& cached(std::string key, Make make, Bytes bytes_of) {
  thread_local std::unordered_map<std::string, Value> cache;
  thread_local std::size_t cached_bytes = 0;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  Value made = make();
  const std::size_t bytes = key.size() + bytes_of(made);
  if (cached_bytes + bytes > kMaxCachedBytes) {
    cache.clear();
    cached_bytes = 0;
  }
  cached_bytes += bytes;
  return cache.emplace(std::move(key), std::move(made)).first->second;
}

const TextTerms& cached_analysis(std::string_view text, i18n::Lang lang, bool stemmed) {
  std::string key;
  key.reserve(text.size() + 2);
  key += static_cast<char>('0' + static_cast<int>(lang));
  key += stemmed ? 's' : 'p';
  key += text;
  return cached<TextTerms>(std::move(key), [&] { return analyse_text(text, lang, stemmed); }, [](const TextTerms& t) {
    std::size_t bytes = 0;
    for (const auto& term : t.terms) bytes += term.size() + sizeof(std::string);
    for (const auto& w : t.words) bytes += w.size() + sizeof(std::string);
    return bytes;
  });
}

// Adds the words of a text, each as itself and as its stem in the text's language.
void add_text(DocumentTerms& out, std::string_view text, i18n::Lang lang, Field field, bool stemmed = true) {
  const TextTerms& analysed = cached_analysis(text, lang, stemmed);
  for (const auto& term : analysed.terms) out.text_terms.push_back({term, field});
  out.words.insert(analysed.words.begin(), analysed.words.end());
}

}  // namespace

// ---- indexing ---------------------------------------------------------------------

DocumentTerms document_terms(const ServiceDocument& d) {
  DocumentTerms out;
  // Each language's texts with that language's stemmer. An untranslated text
  // repeats the Dutch one: it is indexed once (queries try all three stemmers).
  std::set<std::string_view> texts_done;  // views of d's texts, which outlive it
  auto add_field = [&](const std::string& text, i18n::Lang lang, Field field) {
    if (!text.empty() && texts_done.insert(text).second) add_text(out, text, lang, field, true);
  };
  for (auto lang : kLangOrder) {
    const ServiceTexts& t = d.texts[lang_index(lang)];
    add_field(t.name, lang, Field::name);
    add_field(t.alternate_name, lang, Field::secondary);
    add_field(d.organization_name[lang_index(lang)], lang, Field::secondary);
    for (const auto& label : d.category_labels[lang_index(lang)]) add_field(label, lang, Field::secondary);
    add_field(t.description, lang, Field::body);
    add_field(t.eligibility_description, lang, Field::body);
    add_field(t.application_process, lang, Field::body);
    add_field(t.fees_description, lang, Field::body);
  }
  for (const auto& nis : d.municipalities) {
    if (const core::Municipality* m = core::municipality_by_nis(nis)) {
      add_text(out, m->name_nl, i18n::Lang::nl, Field::place, false);
      if (m->name_fr != m->name_nl) add_text(out, m->name_fr, i18n::Lang::fr, Field::place, false);
    }
  }
  for (const auto& pc : d.postcodes) add_text(out, pc, i18n::Lang::nl, Field::place, false);

  for (const auto& m : d.municipalities) out.filter_terms.insert(municipality_term(m));
  for (const auto& l : d.languages) out.filter_terms.insert(language_term(l));
  for (const auto& c : d.category_ids) out.filter_terms.insert(category_term(c));
  for (auto c : d.costs) out.filter_terms.insert(cost_term(c));
  for (int day : open_weekdays(d.hours)) out.filter_terms.insert(weekday_term(day));
  for (const auto& term : hour_of_week_terms(d.hours)) out.filter_terms.insert(term);
  if (!d.organization_id.empty()) out.filter_terms.insert(organization_term(d.organization_id));

  for (auto lang : kLangOrder) {
    const auto l = lang_index(lang);
    out.sort_keys[l] = label_key(d.texts[l].name);
    push_unique(out.labels[l], d.texts[l].name);
    for (const auto& label : d.category_labels[l]) push_unique(out.labels[l], label);
  }
  out.min_age = d.min_age.value_or(kNoMinAge);
  out.max_age = d.max_age.value_or(kNoMaxAge);
  out.hours = encode_hours(d.hours);
  out.card = encode_card(card_of(d));
  return out;
}

std::string municipality_term(std::string_view nis) { return "XMUN" + std::string(nis); }
std::string language_term(std::string_view code) { return "XLANG" + text::fold(text::clean_utf8(code, 16)); }
bool is_offered_language_code(std::string_view code) {
  return code.size() >= 2 && code.size() <= 3 &&
         std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}
std::string category_term(std::string_view term_id) { return "XCAT" + std::string(term_id); }
std::string cost_term(CostFilter c) {
  switch (c) {
    case CostFilter::free: return "XCOSTfree";
    case CostFilter::paid: return "XCOSTpaid";
    case CostFilter::income_related: return "XCOSTincome_related";
    case CostFilter::any: break;
  }
  return "XCOSTany";
}
std::string weekday_term(int weekday) { return "XDAY" + std::to_string(weekday); }
std::string organization_term(std::string_view id) { return "XORG" + std::string(id); }
std::string hour_of_week_term(int hour_of_week) {
  return "XHOW" + std::to_string(hour_of_week / kHoursPerOpenBlock);
}

std::set<std::string> hour_of_week_terms(const OpeningHours& h) {
  std::set<std::string> terms;
  auto add_hours = [&](int weekday, int from_minute, int to_minute) {  // [from, to)
    for (int hour = from_minute / 60; hour * 60 < to_minute && hour < 24; ++hour)
      terms.insert(hour_of_week_term(((weekday % 7 + 7) % 7) * 24 + hour));  // the set keeps one per block
  };
  for (const auto& w : h.weekly) {
    if (w.closes_minute > w.opens_minute) {
      add_hours(w.weekday, w.opens_minute, w.closes_minute);
    } else {  // runs past midnight (as schedule.cpp reads it)
      add_hours(w.weekday, w.opens_minute, 24 * 60);
      if (w.closes_minute < w.opens_minute) add_hours(w.weekday + 1, 0, w.closes_minute);
    }
  }
  for (const auto& x : h.exceptions)
    if (!x.closed) terms.insert(std::string(kSpecialHoursTerm));
  return terms;
}

std::vector<std::vector<std::string>> filter_clauses(const SearchFilters& f) {
  std::vector<std::vector<std::string>> clauses;
  auto clause_of = [&](const std::vector<std::string>& values, std::string (*term)(std::string_view)) {
    if (values.empty()) return;
    std::vector<std::string> c;
    for (const auto& v : values) push_unique(c, term(text::clean_utf8(v, 200)));
    clauses.push_back(std::move(c));
  };
  clause_of(f.municipalities, municipality_term);
  clause_of(f.languages, language_term);
  clause_of(f.categories, category_term);
  if (f.cost != CostFilter::any) clauses.push_back({cost_term(f.cost)});
  if (f.open_weekday && *f.open_weekday >= 0 && *f.open_weekday <= 6) clauses.push_back({weekday_term(*f.open_weekday)});
  else if (f.open_weekday) clauses.push_back({"XDAYnone"});
  // A service open at a moment has regular hours in that hour of the week
  // (or special hours some day): narrows the candidates the engine then
  // checks against the hours themselves.
  if (f.open_at) {
    const BrusselsTime t = brussels_time(*f.open_at);
    clauses.push_back({hour_of_week_term(t.weekday * 24 + t.minute / 60), std::string(kSpecialHoursTerm)});
  }
  if (f.organization_id) clauses.push_back({organization_term(text::clean_utf8(*f.organization_id, 200))});
  return clauses;
}

// Cached per thread (see cached): an index's documents share most labels
// (categories, names in languages without their own), and folding each
// again was a twentieth of preparing a document.
std::string label_key(std::string_view label) {
  auto fold_label = [&] {
    std::string key;
    for (const auto& w : text::folded_words(label)) {
      if (!key.empty()) key += ' ';
      key += w;
    }
    return key;
  };
  return cached<std::string>(std::string(label), fold_label, [](const std::string& key) { return key.size(); });
}

std::vector<std::string> word_start_tails(const std::string& key, std::size_t max_tails) {
  std::vector<std::string> tails;
  std::size_t at = 0;
  while (at < key.size() && tails.size() < max_tails) {
    tails.push_back(std::string(text::utf8_prefix(key.substr(at), 80)));
    auto space = key.find(' ', at);
    if (space == std::string::npos) break;
    at = space + 1;
  }
  return tails;
}

// ---- synonyms ---------------------------------------------------------------------

SynonymDictionary SynonymDictionary::from_rows(const std::vector<std::array<std::string, 3>>& rows) {
  SynonymDictionary d;
  crypto_generichash_state hash;
  crypto_generichash_init(&hash, nullptr, 0, 16);
  for (const auto& [group, lang_code, term] : rows) {
    for (const std::string* field : {&group, &lang_code, &term}) {
      crypto_generichash_update(&hash, reinterpret_cast<const unsigned char*>(field->c_str()), field->size() + 1);
    }
    auto lang = i18n::parse_lang(lang_code);
    Member m{group, lang.value_or(i18n::Lang::nl), text::folded_words(term), {}};
    if (m.words.empty()) continue;
    for (const auto& w : m.words) m.stems.push_back(text::stem(m.lang, w));
    // The member's required words as slots, each filled by the word and its stem.
    std::vector<std::uint32_t> slots;
    for (std::size_t i : meaningful_indices(m.words)) {
      const std::uint32_t slot = d.slot_count_++;
      d.slots_of_term_[m.words[i]].push_back(slot);
      d.slots_of_term_[std::string(kStemPrefix) + m.stems[i]].push_back(slot);
      slots.push_back(slot);
    }
    d.required_slots_.push_back(std::move(slots));
    d.members_.push_back(std::move(m));
  }
  unsigned char digest[16];
  crypto_generichash_final(&hash, digest, sizeof digest);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  d.fingerprint_ = hex;
  return d;
}

std::vector<SynonymDictionary::GroupWeight> SynonymDictionary::groups_in(const std::vector<IndexTerm>& text_terms,
                                                                         unsigned (*wdf_of)(Field)) const {
  std::vector<GroupWeight> out;
  if (members_.empty()) return out;
  std::vector<unsigned> slot_wdf(slot_count_, 0), slot_name_wdf(slot_count_, 0);
  for (const auto& [term, field] : text_terms) {
    auto it = slots_of_term_.find(term);
    if (it == slots_of_term_.end()) continue;
    for (std::uint32_t slot : it->second) {
      slot_wdf[slot] += wdf_of(field);
      if (field == Field::name) slot_name_wdf[slot] += wdf_of(field);
    }
  }
  auto least_of = [&](const std::vector<unsigned>& wdfs, std::size_t m) {
    unsigned least = UINT_MAX;
    for (std::uint32_t slot : required_slots_[m]) least = std::min(least, wdfs[slot]);
    return least == UINT_MAX ? 0u : least;
  };
  for (std::size_t m = 0; m < members_.size(); ++m) {
    const unsigned wdf = least_of(slot_wdf, m);
    if (wdf == 0) continue;
    const unsigned name_wdf = least_of(slot_name_wdf, m);
    auto same = std::find_if(out.begin(), out.end(), [&](const GroupWeight& g) { return g.group == members_[m].group; });
    if (same == out.end()) {
      out.push_back({members_[m].group, wdf, name_wdf});
    } else {
      same->wdf = std::max(same->wdf, wdf);
      same->name_wdf = std::max(same->name_wdf, name_wdf);
    }
  }
  return out;
}

std::string concept_term(std::string_view group) { return "C" + std::string(group); }
std::string name_concept_term(std::string_view group) { return "CN:" + std::string(group); }

SynonymDictionary SynonymDictionary::load(store::Connection& c) {
  std::vector<std::array<std::string, 3>> rows;
  for (const auto& r : c.exec("SELECT group_id, lang, term FROM search_synonyms ORDER BY group_id, lang, term").rows)
    rows.push_back({r.text(0), r.text(1), r.text(2)});
  return from_rows(rows);
}

SynonymDictionary::Match SynonymDictionary::longest_match(const std::vector<std::string>& words,
                                                          const std::vector<std::array<std::string, 3>>& stems,
                                                          std::size_t at) const {
  Match best;
  std::set<std::string> groups;
  for (const auto& m : members_) {
    const std::size_t n = m.words.size();
    if (n < best.length || at + n > words.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < n && same; ++i)
      same = words[at + i] == m.words[i] || stems[at + i][lang_index(m.lang)] == m.stems[i];
    if (!same) continue;
    if (n > best.length) {
      best.length = n;
      groups.clear();
    }
    groups.insert(m.group);
  }
  if (best.length == 0) return best;
  for (const auto& m : members_)
    if (groups.contains(m.group)) best.members.push_back(&m);
  return best;
}

// ---- queries ----------------------------------------------------------------------

std::vector<std::string> typed_word_terms(const std::string& word, i18n::Lang lang) {
  std::vector<std::string> terms{word};
  push_unique(terms, std::string(kStemPrefix) + text::stem(lang, word));
  for (auto other : kLangOrder)
    if (other != lang) push_unique(terms, std::string(kStemPrefix) + text::stem(other, word));
  return terms;
}

namespace {

std::vector<WordTerms> meaningful(const std::vector<std::string>& words, auto&& terms_of) {
  std::vector<WordTerms> out;
  for (std::size_t i : meaningful_indices(words)) out.push_back({words[i], terms_of(words[i])});
  return out;
}

bool same_words(const Alternative& a, const Alternative& b) {
  if (a.words.size() != b.words.size()) return false;
  for (std::size_t i = 0; i < a.words.size(); ++i)
    if (a.words[i].word != b.words[i].word) return false;
  return true;
}

}  // namespace

QueryPlan plan_query(std::string_view raw, i18n::Lang lang, const SynonymDictionary& synonyms) {
  QueryPlan plan;
  plan.tokens = text::split_words(text::fold(text::clean_utf8(raw, kMaxQueryChars)));
  if (plan.tokens.size() > 2 * kMaxQueryWords) plan.tokens.resize(2 * kMaxQueryWords);
  auto typed_terms = [&](const std::string& w) { return typed_word_terms(w, lang); };
  std::vector<std::array<std::string, 3>> stems;
  for (const auto& w : plan.tokens)
    stems.push_back({text::stem(i18n::Lang::nl, w), text::stem(i18n::Lang::fr, w), text::stem(i18n::Lang::en, w)});

  for (std::size_t i = 0; i < plan.tokens.size() && plan.units.size() < kMaxQueryWords;) {
    auto match = synonyms.longest_match(plan.tokens, stems, i);
    if (match.length == 0) {
      const std::string& w = plan.tokens[i];
      if (!text::is_stopword(w)) {
        plan.units.push_back({{Alternative{{WordTerms{w, typed_terms(w)}}, false}}, {}});
        plan.checkable.push_back({i, typed_terms(w)});
        push_unique(plan.highlight, w);
        for (std::size_t t = 1; t < plan.units.back().alternatives[0].words[0].terms.size(); ++t) {
          std::string stem = plan.units.back().alternatives[0].words[0].terms[t].substr(kStemPrefix.size());
          if (stem.size() >= 3) push_unique(plan.highlight, stem);
        }
      }
      ++i;
      continue;
    }
    QueryUnit unit;
    std::vector<std::string> typed(plan.tokens.begin() + static_cast<std::ptrdiff_t>(i),
                                   plan.tokens.begin() + static_cast<std::ptrdiff_t>(i + match.length));
    unit.alternatives.push_back({meaningful(typed, typed_terms), false});
    for (const std::string& w : typed) push_unique(plan.highlight, w);
    for (const auto* m : match.members) {
      if (std::find(unit.groups.begin(), unit.groups.end(), m->group) == unit.groups.end()) unit.groups.push_back(m->group);
      auto member_terms = [&](const std::string& w) {
        std::vector<std::string> terms{w};
        push_unique(terms, std::string(kStemPrefix) + text::stem(m->lang, w));
        return terms;
      };
      Alternative alt{meaningful(m->words, member_terms), true};
      bool duplicate = std::any_of(unit.alternatives.begin(), unit.alternatives.end(),
                                   [&](const Alternative& a) { return same_words(a, alt); });
      if (duplicate) continue;
      for (const auto& w : alt.words) push_unique(plan.highlight, w.word);
      unit.alternatives.push_back(std::move(alt));
    }
    std::sort(unit.groups.begin(), unit.groups.end());
    plan.units.push_back(std::move(unit));
    i += match.length;
  }
  return plan;
}

// ---- Dutch compounds ---------------------------------------------------------------

namespace {

constexpr std::size_t kMinPart = 4;          // shorter heads and tails split too much ("op", "kind" is the least)
constexpr std::size_t kMinCompound = 2 * kMinPart;
constexpr std::size_t kMaxCompound = 40;     // longer: not a word a family types
constexpr std::size_t kMaxParts = 3;
constexpr std::string_view kLinks[] = {"", "s", "e", "en", "er"};  // Dutch linking sounds (tussenklanken)

bool plain_letters(const std::string& w) {
  return std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

// Plural endings a part may have in the index: the part of a compound is the
// singular ("ouder|ondersteuning") where the services write the plural ("ouders").
constexpr std::string_view kPluralEndings[] = {"s", "en"};

// A part is known when the index holds it or its plural, and is no stopword.
bool known_part(const std::string& part, const std::set<std::string>& known) {
  if (part.size() < kMinPart || text::is_stopword(part)) return false;
  if (known.contains(part)) return true;
  return std::any_of(std::begin(kPluralEndings), std::end(kPluralEndings),
                     [&](std::string_view end) { return known.contains(part + std::string(end)); });
}

// Splits `rest` into known parts (at most `parts_left`), the longest head first.
bool split_known(const std::string& rest, const std::set<std::string>& known, std::size_t parts_left,
                 std::vector<std::string>& out) {
  if (known_part(rest, known)) {
    out.push_back(rest);
    return true;
  }
  if (parts_left < 2) return false;
  for (std::size_t head = rest.size() - kMinPart; head >= kMinPart; --head) {
    std::string first = rest.substr(0, head);
    if (!known_part(first, known)) continue;
    for (auto link : kLinks) {
      if (rest.compare(head, link.size(), link) != 0 || rest.size() < head + link.size() + kMinPart) continue;
      out.push_back(first);
      if (split_known(rest.substr(head + link.size()), known, parts_left - 1, out)) return true;
      out.pop_back();
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> decompound(const std::string& word, const KnownWords& known) {
  if (!known || word.size() < kMinCompound || word.size() > kMaxCompound || !plain_letters(word)) return {};
  // Every piece that could be a part, and its plurals, looked up at once (one
  // query on PostgreSQL).
  std::vector<std::string> candidates;
  for (std::size_t from = 0; from + kMinPart <= word.size(); ++from)
    for (std::size_t len = kMinPart; from + len <= word.size(); ++len) {
      if (len == word.size()) continue;
      std::string piece = word.substr(from, len);
      for (auto end : kPluralEndings) candidates.push_back(piece + std::string(end));
      candidates.push_back(std::move(piece));
    }
  const std::set<std::string> found = known(candidates);
  std::vector<std::string> parts;
  for (std::size_t head = word.size() - kMinPart; head >= kMinPart; --head) {
    std::string first = word.substr(0, head);
    if (!known_part(first, found)) continue;
    for (auto link : kLinks) {
      if (word.compare(head, link.size(), link) != 0 || word.size() < head + link.size() + kMinPart) continue;
      parts = {first};
      if (split_known(word.substr(head + link.size()), found, kMaxParts - 1, parts)) return parts;
    }
  }
  return {};
}

void add_compound_parts(QueryPlan& plan, const KnownWords& known) {
  if (plan.compounds_checked) return;
  plan.compounds_checked = true;
  for (auto& unit : plan.units) {
    if (unit.alternatives.size() != 1 || unit.alternatives[0].synonym || unit.alternatives[0].words.size() != 1)
      continue;  // a synonym group already says what the words mean
    const std::string word = unit.alternatives[0].words[0].word;
    auto parts = decompound(word, known);
    if (parts.size() < 2) continue;
    Alternative alt{{}, true};
    for (const auto& part : parts) {
      alt.words.push_back({part, {part, std::string(kStemPrefix) + text::stem(i18n::Lang::nl, part)}});
      push_unique(plan.highlight, part);
    }
    unit.alternatives.push_back(std::move(alt));
  }
}

std::string corrected_query(const QueryPlan& plan, const std::vector<std::pair<std::size_t, std::string>>& fixes) {
  if (fixes.empty()) return "";
  std::vector<std::string> words = plan.tokens;
  for (const auto& [index, word] : fixes)
    if (index < words.size()) words[index] = word;
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace samen::directory::detail
