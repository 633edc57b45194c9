// Samen's family-support taxonomy: the categories services are filed under
// (HSDS taxonomy_terms with nl/fr/en labels), and the synonym groups that let
// a search cross languages (kinderopvang ↔ crèche ↔ childcare). Seeding is
// idempotent with fixed ids, so the demo data and imports can refer to terms.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"
#include "store/database.hpp"

namespace samen::directory {

struct FamilyTerm {
  std::string code;         // stable code, e.g. "childcare"
  std::string id;           // fixed taxonomy_terms.id (UUID)
  std::string parent_code;  // "" for a top-level term
  std::string nl, fr, en;   // labels
  std::string description_nl, description_fr, description_en;
  const std::string& label(i18n::Lang lang) const {
    return lang == i18n::Lang::nl ? nl : lang == i18n::Lang::fr ? fr : en;
  }
};

struct SynonymGroup {
  std::string id;  // search_synonyms.group_id
  std::vector<std::string> nl, fr, en;
};

inline constexpr std::string_view kFamilyTaxonomyId = "0c6f2d1e-5a8b-4e57-9a0d-3b1f6c2e9a41";

const std::vector<FamilyTerm>& family_terms();
const std::vector<SynonymGroup>& family_synonym_groups();
// The taxonomy_terms id of a code ("childcare"), or nullopt for an unknown code.
std::optional<std::string> family_term_id(std::string_view code);

// Inserts or updates the taxonomy, its terms (base columns Dutch, fr/en in
// translations) and the synonym groups. Safe to run at every start; run it
// inside a transaction to make it atomic.
void seed_family_taxonomy(store::Connection& c);
// Same in its own transaction.
void seed_family_taxonomy(store::Database& db);

}  // namespace samen::directory
