// The family-support taxonomy and synonym groups (terms as the glossary in
// shared/glossary.md spells them) and their idempotent seeding: upserts for
// the taxonomy, terms and translations, insert-if-missing for synonyms.
#include "directory/model/taxonomy.hpp"

namespace samen::directory {

const std::vector<FamilyTerm>& family_terms() {
  static const std::vector<FamilyTerm> kTerms = {
      {"family-support", "47490534-53a7-4100-81f5-3fb593cdf35c", "", "Gezinsondersteuning", "Soutien aux familles",
       "Family support", "Brede ondersteuning voor gezinnen met jonge kinderen.",
       "Soutien global aux familles avec de jeunes enfants.", "Broad support for families with young children."},
      {"prenatal", "304a410b-3ebe-4f49-9ec3-4b172c23bfaf", "", "Prenatale ondersteuning", "Accompagnement prénatal",
       "Prenatal support", "Begeleiding tijdens de zwangerschap en na de geboorte.",
       "Accompagnement pendant la grossesse et après la naissance.", "Support during pregnancy and after birth."},
      {"childcare", "ca1ede42-ee22-4d04-aedd-3dea82fa5f30", "", "Kinderopvang (0-3 jaar)",
       "Milieu d'accueil (0-3 ans)", "Childcare (0-3)", "Opvang voor baby's en peuters tot 3 jaar.",
       "Accueil des bébés et des jeunes enfants jusqu'à 3 ans.", "Care for babies and toddlers up to 3 years."},
      {"preschool", "cbe700e3-1560-48ad-84e5-4dff1f5e02a9", "", "Kleuterschool", "École maternelle", "Pre-school",
       "Kleuteronderwijs voor kinderen van 2,5 tot 6 jaar.", "Enseignement maternel pour les enfants de 2,5 à 6 ans.",
       "Pre-school education for children from 2½ to 6."},
      {"out-of-school", "c2ce51fe-4b12-4137-8f65-cf31dc07047c", "", "Buitenschoolse opvang", "Accueil extrascolaire",
       "Out-of-school care", "Opvang voor en na school en tijdens de vakanties (3-12 jaar).",
       "Accueil avant et après l'école et pendant les vacances (3-12 ans).",
       "Care before and after school and during holidays (3-12)."},
      {"parenting", "d7081f03-72da-4ac1-9044-73a6689a457f", "", "Opvoedingsondersteuning",
       "Soutien à la parentalité", "Parenting support", "Advies en steun bij vragen over opvoeding.",
       "Conseils et soutien pour les questions d'éducation.", "Advice and support with questions about parenting."},
      {"child-health", "31fa1faa-86be-4992-9760-0e5313eeef4e", "", "Consultatiebureau", "Consultation pour enfants",
       "Child health consultations", "Preventieve gezondheidszorg voor baby's en jonge kinderen.",
       "Suivi préventif de la santé des bébés et des jeunes enfants.",
       "Preventive health care for babies and young children."},
      {"social-financial", "7f3382fb-3026-4b46-a4ff-6479ecc40980", "", "Sociale en financiële hulp",
       "Aide sociale et financière", "Social and financial help", "Hulp bij geldzaken, rechten en administratie.",
       "Aide pour l'argent, les droits et les démarches administratives.",
       "Help with money, rights and paperwork."},
      {"language-integration", "a2523f0f-089d-44d1-bc3f-30bf531fb116", "", "Taal en integratie",
       "Langue et intégration", "Language and integration", "Taallessen en hulp om je weg te vinden in Brussel.",
       "Cours de langue et aide pour trouver son chemin à Bruxelles.",
       "Language classes and help finding your way in Brussels."},
      {"meeting-place", "5b8819a4-7fa3-48a9-a3d2-0a33edd97f4d", "", "Ontmoetingsplaats voor ouders en kinderen",
       "Lieu de rencontre enfants-parents", "Meeting place for parents and children",
       "Een plek waar ouders en jonge kinderen elkaar ontmoeten.",
       "Un lieu où parents et jeunes enfants se rencontrent.", "A place where parents and young children meet."},
      {"play", "ea0d4985-4ceb-4d21-b679-cf946ca73ecf", "", "Spelen", "Jeu", "Play",
       "Spelactiviteiten en speelruimtes voor kinderen.", "Activités de jeu et espaces de jeu pour les enfants.",
       "Play activities and play spaces for children."},
      {"toy-library", "f8edb998-469c-4cb6-a736-d4c8d0c7c42b", "play", "Speelotheek", "Ludothèque", "Toy library",
       "Speelgoed en spellen uitlenen.", "Prêt de jouets et de jeux.", "Borrow toys and games."},
      {"homework", "02a6176f-10b8-45a7-b292-de504fd52141", "", "Huiswerkbegeleiding", "École de devoirs",
       "Homework support", "Hulp bij huiswerk na school.", "Aide aux devoirs après l'école.",
       "Help with homework after school."},
  };
  return kTerms;
}

const std::vector<SynonymGroup>& family_synonym_groups() {
  static const std::vector<SynonymGroup> kGroups = {
      {"childcare",
       {"kinderopvang", "kinderdagverblijf", "crèche", "onthaalouder"},
       {"crèche", "milieu d'accueil", "garderie", "accueillante"},
       {"childcare", "daycare", "day care", "nursery"}},
      {"preschool",
       {"kleuterschool", "kleuteronderwijs"},
       {"école maternelle", "maternelle"},
       {"pre-school", "preschool", "kindergarten", "nursery school"}},
      {"out-of-school",
       {"buitenschoolse opvang", "naschoolse opvang", "BKO", "IBO"},
       {"accueil extrascolaire", "accueil temps libre", "garderie scolaire"},
       {"after-school care", "out-of-school care"}},
      {"child-health",
       {"consultatiebureau", "Kind en Gezin"},
       {"consultation pour enfants", "ONE", "consultation ONE"},
       {"child health clinic", "well-baby clinic"}},
      {"parenting",
       {"opvoedingsondersteuning", "opvoedingsvragen"},
       {"soutien à la parentalité", "parentalité"},
       {"parenting support", "parenting"}},
      {"meeting-place",
       {"ontmoetingsplaats", "ontmoetingsruimte"},
       {"lieu de rencontre", "lieu de rencontre enfants-parents"},
       {"meeting place", "drop-in"}},
      {"homework",
       {"huiswerkbegeleiding", "huiswerkklas"},
       {"école de devoirs", "soutien scolaire"},
       {"homework", "homework club"}},
      {"toy-library", {"speelotheek"}, {"ludothèque"}, {"toy library"}},
      {"prenatal",
       {"prenatale ondersteuning", "zwangerschap"},
       {"accompagnement prénatal", "grossesse"},
       {"prenatal support", "pregnancy", "antenatal"}},
      {"family-support",
       {"gezinsondersteuning", "Huis van het Kind"},
       {"soutien aux familles", "soutien familial"},
       {"family support", "family centre", "family center"}},
      {"social-financial",
       {"sociale hulp", "OCMW", "financiële hulp"},
       {"aide sociale", "CPAS", "aide financière"},
       {"social help", "social welfare", "financial help"}},
      {"language-integration",
       {"taalcursus", "inburgering"},
       {"cours de langue", "FLE"},
       {"language course", "language classes"}},
      {"play", {"spelen", "speelplein"}, {"jeu", "plaine de jeux"}, {"play", "playground"}},
  };
  return kGroups;
}

std::optional<std::string> family_term_id(std::string_view code) {
  for (const auto& t : family_terms())
    if (t.code == code) return t.id;
  return std::nullopt;
}

namespace {

void upsert_translation(store::Connection& c, const std::string& term_id, std::string_view field,
                        std::string_view lang, const std::string& value) {
  c.exec(
      "INSERT INTO translations (resource_type, resource_id, field, lang, value) VALUES ('taxonomy_term', ?, ?, ?, ?) "
      "ON CONFLICT (resource_type, resource_id, field, lang) DO UPDATE SET value = excluded.value",
      {term_id, std::string(field), std::string(lang), value});
}

void seed_terms(store::Connection& c) {
  for (const auto& t : family_terms()) {
    store::Param parent = nullptr;
    if (!t.parent_code.empty()) parent = family_term_id(t.parent_code).value();
    c.exec(
        "INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id) "
        "VALUES (?, ?, ?, ?, ?, 'Samen family support', 'nl', ?) "
        "ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, "
        "description = excluded.description, parent_id = excluded.parent_id, taxonomy = excluded.taxonomy, "
        "language = excluded.language, taxonomy_id = excluded.taxonomy_id",
        {t.id, t.code, t.nl, t.description_nl, parent, std::string(kFamilyTaxonomyId)});
    upsert_translation(c, t.id, "name", "fr", t.fr);
    upsert_translation(c, t.id, "name", "en", t.en);
    upsert_translation(c, t.id, "description", "fr", t.description_fr);
    upsert_translation(c, t.id, "description", "en", t.description_en);
  }
}

void seed_synonyms(store::Connection& c) {
  for (const auto& g : family_synonym_groups()) {
    for (const auto& [lang, terms] : {std::pair{"nl", &g.nl}, std::pair{"fr", &g.fr}, std::pair{"en", &g.en}}) {
      for (const auto& term : *terms)
        c.exec("INSERT INTO search_synonyms (group_id, lang, term) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
               {g.id, std::string(lang), term});
    }
  }
}

}  // namespace

void seed_family_taxonomy(store::Connection& c) {
  c.exec(
      "INSERT INTO taxonomies (id, name, description, version) VALUES (?, 'Samen family support', ?, '1') "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, "
      "version = excluded.version",
      {std::string(kFamilyTaxonomyId),
       std::string("Categories of the services of a Brussels family-support network (nl/fr/en).")});
  seed_terms(c);
  seed_synonyms(c);
}

void seed_family_taxonomy(store::Database& db) {
  store::in_transaction(db, [](store::Connection& c) { seed_family_taxonomy(c); });
}

}  // namespace samen::directory
