// Generation of the demo / benchmark service map. Content comes from category
// profiles (names, texts in nl/fr/en, ages, hours, costs) and per-municipality
// street lists; randomness is a splitmix64 stream seeded by (seed, kind,
// index), so each organisation's records depend on nothing else. Rows are
// written with multi-row INSERT ... ON CONFLICT DO NOTHING, table by table in
// foreign-key order, one transaction for everything; with a data directory the
// search index is built from each written batch meanwhile (BulkIndexBuild).
#include "directory/demo/demo_directory.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <vector>

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "core/brussels.hpp"
#include "demo/demo.hpp"
#include "directory/model/records.hpp"
#include "directory/model/taxonomy.hpp"
#include "directory/search/search.hpp"
#include "util/uuid.hpp"

namespace samen::directory {

namespace {

using store::Param;
using store::Params;

// ---- deterministic randomness ------------------------------------------------------

std::uint64_t splitmix(std::uint64_t& s) {
  std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream, std::int64_t index)
      : state_(seed * 0xD1B54A32D192ED03ULL ^ stream * 0x8CB92BA72F3D8DD7ULL ^ static_cast<std::uint64_t>(index)) {
    splitmix(state_);
  }
  std::uint64_t next() { return splitmix(state_); }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool percent(int p) { return below(100) < p; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) / 9007199254740992.0; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))]; }

 private:
  std::uint64_t state_;
};

enum Stream : std::uint64_t { kOrgStream = 1, kServiceStream = 2, kLocationStream = 3, kOrgPlanStream = 4 };

// ---- content --------------------------------------------------------------------------

struct Text3 {
  std::string nl, fr, en;
};

struct Variant {
  Text3 name, description;  // description may hold {place}: the municipality in that language
};

enum class Hours { daycare, school, after_school, consult, meeting, office, homework, toys, play, course };

struct Profile {
  std::string code;        // family taxonomy term
  std::string extra_code;  // a second category some services also get ("" = none)
  int weight = 1;          // share among invented organisations
  std::string prefix_nl, prefix_fr;  // organisation name prefix
  std::vector<Variant> variants;
  std::optional<double> min_age, max_age;
  Text3 eligibility, application;
  Hours hours = Hours::office;
  std::string costs;  // letters to draw from: F free, P paid, I income related
  double amount_low = 0, amount_high = 0;
  Text3 unit;  // what a paid amount is for
};

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> kProfiles = {
      {"childcare", "", 22, "Kinderdagverblijf", "Crèche",
       {{{"Kinderopvang", "Accueil de la petite enfance", "Childcare"},
         {"Erkende kinderopvang voor baby's en peuters van 0 tot 3 jaar in {place}. Kleine leefgroepen, aandacht voor "
          "de thuistaal en een warme overgang naar de kleuterschool.",
          "Milieu d'accueil agréé pour les bébés et les jeunes enfants de 0 à 3 ans à {place}. Petits groupes, "
          "attention à la langue parlée à la maison et transition en douceur vers l'école maternelle.",
          "Licensed childcare for babies and toddlers aged 0 to 3 in {place}. Small groups, attention to the home "
          "language and a warm transition to pre-school."}},
        {{"Occasionele opvang", "Accueil occasionnel", "Occasional childcare"},
         {"Opvang voor enkele dagen of halve dagen in {place}, bijvoorbeeld tijdens een opleiding, sollicitatie of "
          "doktersbezoek.",
          "Accueil pour quelques jours ou demi-journées à {place}, par exemple pendant une formation, un entretien "
          "d'embauche ou un rendez-vous médical.",
          "Care for a few days or half days in {place}, for example during a training course, a job interview or a "
          "doctor's appointment."}},
        {{"Flexibele opvang", "Accueil à horaires flexibles", "Flexible childcare"},
         {"Kinderopvang met vroege en late uren in {place} voor ouders met wisselende werkuren.",
          "Accueil avec horaires élargis à {place} pour les parents aux horaires de travail variables.",
          "Childcare with early and late hours in {place} for parents with changing work hours."}}},
       0, 3,
       {"Kinderen van 0 tot 3 jaar. Voorrang voor gezinnen uit de buurt en alleenstaande ouders.",
        "Enfants de 0 à 3 ans. Priorité aux familles du quartier et aux familles monoparentales.",
        "Children aged 0 to 3. Priority for local families and single parents."},
       {"Schrijf je in via het Loket Kinderopvang Brussel of kom langs tijdens de openingsuren.",
        "Inscription via le guichet d'inscription ou sur place pendant les heures d'ouverture.",
        "Register through the childcare registration desk or drop by during opening hours."},
       Hours::daycare, "IIIIP", 24, 38, {"dag", "jour", "day"}},
      {"preschool", "", 10, "Kleuterschool", "École maternelle",
       {{{"Kleuterklassen", "Classes maternelles", "Pre-school classes"},
         {"Kleuteronderwijs voor kinderen van 2,5 tot 6 jaar in {place}, met extra taalstimulering.",
          "Enseignement maternel pour les enfants de 2 ans et demi à 6 ans à {place}, avec un soutien renforcé au "
          "langage.",
          "Pre-school education for children aged 2½ to 6 in {place}, with extra language support."}},
        {{"Instapklas", "Classe d'accueil", "Starter class"},
         {"Kleine instapklas voor de jongste kleuters, met een rustige wenperiode samen met de ouders.",
          "Petite classe d'accueil pour les plus jeunes, avec une familiarisation en douceur avec les parents.",
          "Small starter class for the youngest children, with a gentle settling-in period together with the "
          "parents."}},
        {{"Kennismakingsdagen", "Journées portes ouvertes", "Open days"},
         {"Kom met je kind kennismaken met de klas en de juf of meester voor de eerste schooldag.",
          "Venez découvrir la classe et l'institutrice ou l'instituteur avec votre enfant avant le premier jour "
          "d'école.",
          "Come and meet the class and the teacher with your child before the first school day."}}},
       2.5, 6,
       {"Kinderen van 2,5 tot 6 jaar. Inschrijven kan vanaf de instapdatum.",
        "Enfants de 2 ans et demi à 6 ans. Inscription possible dès la date d'entrée.",
        "Children from 2½ to 6. Enrolment from the school entry date."},
       {"Inschrijven via het centraal aanmeldingssysteem of rechtstreeks op school.",
        "Inscription auprès du secrétariat de l'école.",
        "Enrol through the central registration system or directly at the school."},
       Hours::school, "FFFP", 5, 20, {"trimester", "trimestre", "term"}},
      {"out-of-school", "", 12, "Buitenschoolse opvang", "Accueil extrascolaire",
       {{{"Voor- en naschoolse opvang", "Garderie avant et après l'école", "Before- and after-school care"},
         {"Opvang voor en na school en op woensdagnamiddag voor kinderen van 3 tot 12 jaar in {place}.",
          "Accueil avant et après l'école et le mercredi après-midi pour les enfants de 3 à 12 ans à {place}.",
          "Care before and after school and on Wednesday afternoons for children aged 3 to 12 in {place}."}},
        {{"Vakantiewerking", "Stages de vacances", "Holiday programme"},
         {"Spel, knutselen en uitstappen tijdens de schoolvakanties.",
          "Jeux, bricolage et excursions pendant les vacances scolaires.",
          "Games, crafts and trips during the school holidays."}},
        {{"Woensdagnamiddagwerking", "Mercredis après-midi", "Wednesday afternoon club"},
         {"Sport, spel en creatieve ateliers op woensdagnamiddag, met ophaling aan de school.",
          "Sport, jeux et ateliers créatifs le mercredi après-midi, avec accompagnement depuis l'école.",
          "Sport, games and creative workshops on Wednesday afternoons, with pick-up from school."}}},
       3, 12,
       {"Kinderen van 3 tot 12 jaar die in de gemeente naar school gaan.",
        "Enfants de 3 à 12 ans scolarisés dans la commune.",
        "Children aged 3 to 12 who go to school in the municipality."},
       {"Inschrijven per trimester met het inschrijvingsformulier; vakantiewerking vanaf zes weken vooraf.",
        "Inscription par trimestre via le formulaire ; stages de vacances dès six semaines avant.",
        "Register per term with the registration form; holiday programme from six weeks before."},
       Hours::after_school, "PPPI", 1.5, 4, {"opvangmoment", "demi-journée", "session"}},
      {"meeting-place", "parenting", 8, "Ontmoetingsplaats", "Lieu de rencontre",
       {{{"Ontmoetingsplaats voor ouders en kinderen", "Lieu de rencontre enfants-parents",
          "Meeting place for parents and children"},
         {"Kom zonder afspraak spelen en andere ouders ontmoeten, samen met je kind van 0 tot 4 jaar. "
          "Onthaalmedewerkers luisteren naar je vragen.",
          "Venez sans rendez-vous jouer et rencontrer d'autres parents avec votre enfant de 0 à 4 ans. Des "
          "accueillants sont à votre écoute.",
          "Drop in without an appointment to play and meet other parents with your child aged 0 to 4. Hosts are "
          "there to listen."}},
        {{"Babyochtend", "Matinée des bébés", "Baby morning"},
         {"Een rustig moment voor ouders met baby's: babymassage, liedjes en een babbel bij een kop koffie.",
          "Un moment calme pour les parents et leurs bébés : massage, comptines et échanges autour d'un café.",
          "A quiet time for parents with babies: baby massage, songs and a chat over coffee."}},
        {{"Papa-ochtend", "Matinée des papas", "Dads' morning"},
         {"Een ochtend voor vaders en hun jonge kinderen om samen te spelen en ervaringen te delen.",
          "Une matinée pour les pères et leurs jeunes enfants, pour jouer et partager leurs expériences.",
          "A morning for fathers and their young children to play together and share experiences."}}},
       0, 4,
       {"Ouders, grootouders en andere opvoeders met kinderen van 0 tot 4 jaar. Zwangere vrouwen zijn welkom.",
        "Parents, grands-parents et autres adultes avec des enfants de 0 à 4 ans. Les futures mamans sont les "
        "bienvenues.",
        "Parents, grandparents and other carers with children aged 0 to 4. Pregnant women are welcome."},
       {"Geen inschrijving nodig: kom gewoon langs tijdens de openingsuren.",
        "Pas d'inscription : venez simplement pendant les heures d'ouverture.",
        "No registration needed: just drop in during opening hours."},
       Hours::meeting, "FFFP", 1, 2, {"bezoek", "visite", "visit"}},
      {"child-health", "", 8, "Consultatiebureau", "Consultation ONE",
       {{{"Consultaties voor baby's en peuters", "Consultations pour bébés et jeunes enfants",
          "Check-ups for babies and toddlers"},
         {"Gratis preventieve consultaties in {place}: groei en ontwikkeling volgen, vaccinaties en advies over "
          "voeding en slapen.",
          "Consultations préventives gratuites à {place} : suivi de la croissance et du développement, vaccinations "
          "et conseils sur l'alimentation et le sommeil.",
          "Free preventive check-ups in {place}: growth and development, vaccinations and advice on feeding and "
          "sleep."}},
        {{"Vaccinatiemoment", "Séance de vaccination", "Vaccination session"},
         {"Vaccinaties volgens het basisvaccinatieschema, zonder kosten.",
          "Vaccinations selon le calendrier vaccinal de base, sans frais.",
          "Vaccinations following the basic schedule, free of charge."}},
        {{"Huisbezoek na de geboorte", "Visite à domicile après la naissance", "Home visit after birth"},
         {"Een verpleegkundige komt bij je thuis langs in de eerste weken na de geboorte.",
          "Une infirmière vient chez vous pendant les premières semaines après la naissance.",
          "A nurse visits you at home in the first weeks after birth."}}},
       0, 6,
       {"Alle gezinnen met kinderen van 0 tot 6 jaar, ongeacht verblijfsstatus of ziekteverzekering.",
        "Toutes les familles avec des enfants de 0 à 6 ans, quel que soit leur statut de séjour ou leur mutuelle.",
        "All families with children aged 0 to 6, whatever their residence status or health insurance."},
       {"Maak een afspraak per telefoon; vaccinatiemomenten ook zonder afspraak.",
        "Prenez rendez-vous par téléphone ; séances de vaccination aussi sans rendez-vous.",
        "Make an appointment by phone; vaccination sessions also without an appointment."},
       Hours::consult, "F", 0, 0, {"", "", ""}},
      {"parenting", "family-support", 8, "Opvoedingspunt", "Espace parents",
       {{{"Opvoedingsondersteuning", "Soutien à la parentalité", "Parenting support"},
         {"Gesprekken met een opvoedingsondersteuner over slapen, eten, driftbuien, schermgebruik en andere vragen "
          "bij het opvoeden.",
          "Entretiens avec un professionnel sur le sommeil, les repas, les colères, les écrans et d'autres questions "
          "d'éducation.",
          "Talks with a parenting adviser about sleep, meals, tantrums, screens and other parenting questions."}},
        {{"Oudergroep", "Groupe de parents", "Parent group"},
         {"Maandelijkse oudergroep rond een opvoedingsthema in {place}, met kinderopvang tijdens de sessie.",
          "Groupe de parents mensuel autour d'un thème à {place}, avec garde des enfants pendant la séance.",
          "Monthly parent group on a parenting theme in {place}, with childcare during the session."}},
        {{"Thema-avond voor ouders", "Soirée à thème pour parents", "Parents' evening"},
         {"Infoavond met een spreker over opvoeden in een meertalige stad.",
          "Soirée d'information avec un intervenant sur l'éducation dans une ville multilingue.",
          "Information evening with a speaker on raising children in a multilingual city."}}},
       0, 18,
       {"Alle ouders en opvoeders van kinderen en jongeren in Brussel.",
        "Tous les parents et éducateurs d'enfants et de jeunes à Bruxelles.",
        "All parents and carers of children and young people in Brussels."},
       {"Bel of mail voor een afspraak; voor de oudergroep schrijf je vooraf in.",
        "Appelez ou envoyez un e-mail pour un rendez-vous ; inscription préalable pour le groupe de parents.",
        "Call or e-mail for an appointment; the parent group needs registration in advance."},
       Hours::office, "FFFP", 5, 15, {"sessie", "séance", "session"}},
      {"homework", "out-of-school", 8, "Huiswerkklas", "École de devoirs",
       {{{"Huiswerkbegeleiding", "Aide aux devoirs", "Homework support"},
         {"Hulp bij huiswerk en lezen na school in {place}, in kleine groepen met vrijwilligers.",
          "Aide aux devoirs et à la lecture après l'école à {place}, en petits groupes avec des bénévoles.",
          "Help with homework and reading after school in {place}, in small groups with volunteers."}},
        {{"Leesclub", "Club de lecture", "Reading club"},
         {"Samen lezen en voorlezen om de taal spelenderwijs te oefenen.",
          "Lire ensemble pour pratiquer la langue en s'amusant.",
          "Reading together to practise the language while having fun."}}},
       6, 12,
       {"Kinderen van het lager onderwijs (6-12 jaar).", "Enfants de l'enseignement primaire (6-12 ans).",
        "Primary school children (6-12)."},
       {"Inschrijven bij het begin van het schooljaar; er is een wachtlijst.",
        "Inscription en début d'année scolaire ; il y a une liste d'attente.",
        "Register at the start of the school year; there is a waiting list."},
       Hours::homework, "FFP", 10, 30, {"schooljaar", "année scolaire", "school year"}},
      {"family-support", "parenting", 6, "Gezinspunt", "Maison des familles",
       {{{"Gezinsondersteuning", "Soutien aux familles", "Family support"},
         {"Een vast aanspreekpunt voor alle vragen van gezinnen met jonge kinderen; samen zoeken we de juiste hulp "
          "in {place}.",
          "Un point de contact pour toutes les questions des familles avec de jeunes enfants ; nous cherchons "
          "ensemble l'aide adaptée à {place}.",
          "One contact point for every question of families with young children; together we find the right help "
          "in {place}."}},
        {{"Inloopmoment voor gezinnen", "Permanence pour les familles", "Family drop-in"},
         {"Zonder afspraak binnenlopen met vragen over kinderopvang, school, gezondheid of papieren.",
          "Passez sans rendez-vous avec vos questions sur l'accueil, l'école, la santé ou les papiers.",
          "Drop in without an appointment with questions about childcare, school, health or paperwork."}}},
       0, 12,
       {"Gezinnen met kinderen tot 12 jaar en aanstaande ouders.",
        "Familles avec enfants jusqu'à 12 ans et futurs parents.",
        "Families with children up to 12 and parents-to-be."},
       {"Kom langs tijdens het inloopmoment of bel voor een afspraak.",
        "Passez pendant la permanence ou appelez pour un rendez-vous.",
        "Come by during drop-in hours or call for an appointment."},
       Hours::office, "F", 0, 0, {"", "", ""}},
      {"social-financial", "family-support", 4, "Sociaal Huis", "Service social",
       {{{"Sociale dienstverlening voor gezinnen", "Service social pour les familles", "Social services for families"},
         {"Hulp bij groeipakket, huur, schulden, energie en andere administratieve vragen.",
          "Aide pour les allocations familiales, le loyer, les dettes, l'énergie et les démarches administratives.",
          "Help with child benefit, rent, debts, energy and other paperwork."}},
        {{"Budgetbegeleiding", "Guidance budgétaire", "Budget coaching"},
         {"Samen je budget op orde brengen en een plan maken voor schulden.",
          "Mettre de l'ordre dans votre budget et établir ensemble un plan pour les dettes.",
          "Getting your budget in order together and making a plan for debts."}}},
       std::nullopt, std::nullopt,
       {"Gezinnen die in de gemeente wonen.", "Familles domiciliées dans la commune.",
        "Families living in the municipality."},
       {"Maak een afspraak met een maatschappelijk werker.", "Prenez rendez-vous avec un assistant social.",
        "Make an appointment with a social worker."},
       Hours::office, "F", 0, 0, {"", "", ""}},
      {"language-integration", "family-support", 5, "Taalpunt", "Espace langues",
       {{{"Nederlands voor ouders", "Néerlandais pour parents", "Dutch for parents"},
         {"Taallessen Nederlands voor ouders in {place}, met opvang voor de jongste kinderen tijdens de les.",
          "Cours de néerlandais pour les parents à {place}, avec garde des plus petits pendant le cours.",
          "Dutch lessons for parents in {place}, with care for the youngest children during class."}},
        {{"Frans voor ouders", "Français pour parents", "French for parents"},
         {"Frans leren om vlotter met school en opvang te praten.",
          "Apprendre le français pour communiquer plus facilement avec l'école et la crèche.",
          "Learn French to talk more easily with school and childcare."}},
        {{"Taalcafé", "Table de conversation", "Language café"},
         {"Informeel Nederlands of Frans oefenen bij een kop thee.",
          "Pratiquer le néerlandais ou le français de façon informelle autour d'un thé.",
          "Practise Dutch or French informally over a cup of tea."}}},
       std::nullopt, std::nullopt,
       {"Ouders die in Brussel wonen, ook beginners.", "Parents habitant à Bruxelles, débutants bienvenus.",
        "Parents living in Brussels, beginners welcome."},
       {"Inschrijven na een kort intakegesprek.", "Inscription après un court entretien d'accueil.",
        "Register after a short intake interview."},
       Hours::course, "FFP", 20, 60, {"lessenreeks", "session de cours", "course"}},
      {"play", "", 4, "Speelpunt", "Espace jeux",
       {{{"Speelnamiddag", "Après-midi jeux", "Play afternoon"},
         {"Vrij spelen binnen en buiten onder begeleiding van animatoren.",
          "Jeu libre à l'intérieur et à l'extérieur avec des animateurs.",
          "Free play indoors and outdoors with play workers."}},
        {{"Speelstraat", "Rue réservée au jeu", "Play street"},
         {"In de zomer wordt een straat in {place} autovrij om te spelen.",
          "En été, une rue de {place} est fermée aux voitures pour jouer.",
          "In summer, a street in {place} is closed to cars for play."}}},
       2, 12,
       {"Kinderen van 2 tot 12 jaar; jonge kinderen samen met een volwassene.",
        "Enfants de 2 à 12 ans ; les plus petits accompagnés d'un adulte.",
        "Children aged 2 to 12; young children with an adult."},
       {"Vrije toegang.", "Accès libre.", "Free entry."}, Hours::play, "FFFP", 1, 3,
       {"namiddag", "après-midi", "afternoon"}},
      {"toy-library", "play", 3, "Speelotheek", "Ludothèque",
       {{{"Speelgoed uitlenen", "Prêt de jouets", "Toy lending"},
         {"Leen speelgoed en gezelschapsspellen voor drie weken, of speel ter plaatse.",
          "Empruntez des jouets et des jeux de société pour trois semaines, ou jouez sur place.",
          "Borrow toys and board games for three weeks, or play on the spot."}},
        {{"Spelnamiddag voor gezinnen", "Après-midi jeux en famille", "Family games afternoon"},
         {"Gezelschapsspellen ontdekken met het hele gezin.", "Découvrir des jeux de société en famille.",
          "Discover board games with the whole family."}}},
       0, 12,
       {"Gezinnen met kinderen van 0 tot 12 jaar.", "Familles avec enfants de 0 à 12 ans.",
        "Families with children aged 0 to 12."},
       {"Word lid aan de balie.", "Inscription au comptoir.", "Join at the desk."}, Hours::toys, "PPF", 5, 15,
       {"jaar", "an", "year"}},
      {"prenatal", "child-health", 3, "Prenataal punt", "Accompagnement prénatal",
       {{{"Prenatale consultaties", "Consultations prénatales", "Prenatal check-ups"},
         {"Opvolging van de zwangerschap door een vroedvrouw, ook voor wie geen ziekteverzekering heeft.",
          "Suivi de grossesse par une sage-femme, aussi sans mutuelle.",
          "Pregnancy follow-up by a midwife, also without health insurance."}},
        {{"Zwangerschapsgroep", "Groupe de futurs parents", "Pregnancy group"},
         {"Groepssessies over bevallen, borstvoeding en de eerste weken thuis.",
          "Séances en groupe sur l'accouchement, l'allaitement et les premières semaines.",
          "Group sessions on giving birth, breastfeeding and the first weeks at home."}}},
       0, 1,
       {"Aanstaande ouders en ouders van baby's tot 1 jaar.", "Futurs parents et parents de bébés jusqu'à 1 an.",
        "Parents-to-be and parents of babies up to 1 year."},
       {"Bel voor een eerste afspraak.", "Appelez pour un premier rendez-vous.", "Call for a first appointment."},
       Hours::consult, "F", 0, 0, {"", "", ""}},
  };
  return kProfiles;
}

const Profile& profile_of(const std::string& code) {
  for (const auto& p : profiles())
    if (p.code == code) return p;
  return profiles().front();
}

const Profile& weighted_profile(Rng& rng) {
  int total = 0;
  for (const auto& p : profiles()) total += p.weight;
  int r = rng.below(total);
  for (const auto& p : profiles()) {
    if (r < p.weight) return p;
    r -= p.weight;
  }
  return profiles().front();
}

// The demo network's organisations (demo.cpp, same names and descriptions) with
// what they offer and where; the coaching organisation offers no family service.
struct DemoOrg {
  std::string name, short_name, description, code, nis, lang;
};

const std::vector<DemoOrg>& demo_orgs() {
  static const std::vector<DemoOrg> kOrgs = {
      {"Huis van het Kind Brussel", "Huis van het Kind",
       "Samenwerkingsverband van gezinsondersteunende diensten in Brussel.", "family-support", "21004", "nl"},
      {"Kinderdagverblijf De Vlinder", "De Vlinder", "Kinderopvang voor baby's en peuters (0-3) in Jette.",
       "childcare", "21010", "nl"},
      {"Kinderdagverblijf Zonnebloem", "Zonnebloem", "Kinderopvang met flexibele uren in Jette.", "childcare",
       "21010", "nl"},
      {"Consultatiebureau Jette-Centrum", "Jette-Centrum",
       "Preventieve gezondheidszorg voor kinderen van 0 tot 3 jaar.", "child-health", "21010", "nl"},
      {"Ontmoetingsplaats 't Speelhuis", "'t Speelhuis", "Ontmoetingsplaats voor ouders en jonge kinderen.",
       "meeting-place", "21010", "nl"},
      {"Buitenschoolse opvang De Kastanje", "De Kastanje", "Opvang voor en na school en op woensdagnamiddag.",
       "out-of-school", "21010", "nl"},
      {"Basisschool Sint-Pieter (kleuterschool)", "Sint-Pieter", "Nederlandstalige kleuterschool in Jette.",
       "preschool", "21010", "nl"},
      {"Kinderdagverblijf Kleine Reus", "Kleine Reus", "Kinderopvang in de wijk Nieuwland.", "childcare", "21004",
       "nl"},
      {"Opvoedingswinkel Nieuwland", "Nieuwland", "Opvoedingsondersteuning en vragen over opvoeden.", "parenting",
       "21004", "nl"},
      {"Buurthuis Nieuwland", "Buurthuis Nieuwland", "Buurtwerk, ontmoeting en huiswerkbegeleiding.", "homework",
       "21004", "nl"},
      {"Consultatiebureau Anneessens", "Anneessens", "Consultaties voor jonge kinderen in het centrum.",
       "child-health", "21004", "nl"},
      {"Kleuterschool De Regenboog", "De Regenboog", "Nederlandstalige kleuterschool aan de Zennewijk.", "preschool",
       "21004", "nl"},
      {"Crèche Les Petits Pas", "Les Petits Pas", "Milieu d'accueil pour enfants de 0 à 3 ans à Schaerbeek.",
       "childcare", "21015", "fr"},
      {"Crèche L'Arc-en-ciel", "L'Arc-en-ciel", "Crèche communale à Anderlecht.", "childcare", "21001", "fr"},
      {"Halte-accueil Le Nid", "Le Nid", "Accueil occasionnel pour les tout-petits à Molenbeek.", "childcare",
       "21012", "fr"},
      {"École maternelle Les Tilleuls", "Les Tilleuls", "École maternelle francophone à Saint-Gilles.", "preschool",
       "21013", "fr"},
      {"Accueil extrascolaire Les Copains", "Les Copains", "Accueil temps libre avant et après l'école.",
       "out-of-school", "21009", "fr"},
      {"École de devoirs Le Cartable", "Le Cartable", "École de devoirs pour les enfants de 6 à 12 ans.", "homework",
       "21012", "fr"},
      {"Lieu de rencontre La Passerelle", "La Passerelle", "Lieu de rencontre enfants-parents à Forest.",
       "meeting-place", "21007", "fr"},
      {"Maison médicale du Midi", "Maison médicale du Midi", "Soins de santé de première ligne et consultations pour enfants.",
       "child-health", "21013", "fr"},
      {"CPAS Service Familles", "CPAS", "Aide sociale et financière pour les familles.", "social-financial", "21004",
       "fr"},
      {"Taalpunt Brussel", "Taalpunt Brussel", "Taalondersteuning en integratie voor ouders.", "language-integration",
       "21004", "nl"},
      {"Prenataal Steunpunt Noord", "Steunpunt Noord", "Prenatale ondersteuning voor aanstaande ouders.", "prenatal",
       "21015", "nl"},
      {"Speelotheek De Knikker", "De Knikker", "Spelotheek: speelgoed lenen en samen spelen.", "toy-library", "21012",
       "nl"},
      {"Gezinsbond Afdeling Brussel", "Gezinsbond", "Vrijwilligers die gezinnen ondersteunen.", "family-support",
       "21005", "nl"},
  };
  return kOrgs;
}

const std::vector<std::string> kProperNamesNl = {
    "Het Notenboompje", "De Pimpernel", "Kabouterhuis", "De Speelvogel", "Het Zonnetje", "De Boomhut",
    "Klein Duimpje", "De Kleine Wereld", "Het Mierennest", "De Regenboogvis", "Pinkeltje", "De Ballon",
    "Het Klavertje", "De Schelp", "Sterrenhemel", "De Tovertuin", "Hummeltjeshof", "De Kikker",
    "Het Bijenkorfje", "De Egel"};
const std::vector<std::string> kProperNamesFr = {
    "Les Lucioles", "Le Petit Prince", "Les Coccinelles", "La Ribambelle", "Les Moussaillons",
    "Le Jardin des Bambins", "Les Hirondelles", "La Farandole", "Les Marmots", "Le Colibri",
    "Les Écureuils", "La Cabane", "Les Papillons", "Le Nuage", "Les Petits Loups",
    "La Roulotte", "Les Bout'chou", "Le Manège", "Les Mésanges", "Le Cerf-volant"};
const std::vector<std::string> kFirstNames = {"Sarah", "Mohamed", "Els", "Julie", "Karim", "Nathalie", "Joris",
                                              "Aïcha", "Sophie", "Tom", "Fatma", "Lucas", "Inès", "Bram",
                                              "Malika", "Ana", "Piotr", "Ioana", "Hanne", "Youssef"};
const std::vector<std::string> kLastNames = {"Peeters", "El Amrani", "Dubois", "Janssens", "Yilmaz", "Maes",
                                             "Lambert", "Benali", "Claes", "Martin", "Nowak", "Popescu",
                                             "Wouters", "Haddad", "Lemaire", "Goossens", "Diallo", "Vermeulen"};

struct Street {
  std::string nl, fr, postcode;
};

// A few real street names per municipality (NIS code), bilingual as on the signs.
const std::vector<Street>& streets_of(const std::string& nis) {
  static const std::vector<std::pair<std::string, std::vector<Street>>> kStreets = {
      {"21001",
       {{"Bergensesteenweg", "Chaussée de Mons", "1070"}, {"Wayezstraat", "Rue Wayez", "1070"},
        {"Dapperheidsplein", "Place de la Vaillance", "1070"}, {"Clemenceaulaan", "Avenue Clemenceau", "1070"}}},
      {"21002",
       {{"Vorstlaan", "Boulevard du Souverain", "1160"}, {"Waversesteenweg", "Chaussée de Wavre", "1160"},
        {"Emile Idiersstraat", "Rue Emile Idiers", "1160"}}},
      {"21003",
       {{"Kerkstraat", "Rue de l'Église", "1082"}, {"Gentsesteenweg", "Chaussée de Gand", "1082"},
        {"Koning Albertlaan", "Avenue du Roi Albert", "1082"}}},
      {"21004",
       {{"Nieuwland", "Rue Terre-Neuve", "1000"}, {"Hoogstraat", "Rue Haute", "1000"},
        {"Anneessensplein", "Place Anneessens", "1000"}, {"Vlaamsesteenweg", "Rue de Flandre", "1000"},
        {"Emile Bockstaellaan", "Boulevard Émile Bockstael", "1020"},
        {"Frans Vekemansstraat", "Rue François Vekemans", "1120"},
        {"Romeinsesteenweg", "Chaussée Romaine", "1130"}}},
      {"21005",
       {{"Oudergemselaan", "Avenue d'Auderghem", "1040"}, {"Sint-Pieterssteenweg", "Chaussée Saint-Pierre", "1040"},
        {"Kazernenlaan", "Avenue des Casernes", "1040"}}},
      {"21006",
       {{"Haachtsesteenweg", "Chaussée de Haecht", "1140"}, {"Sint-Vincentiusplein", "Place Saint-Vincent", "1140"},
        {"Oudstrijderslaan", "Avenue des Anciens Combattants", "1140"}}},
      {"21007",
       {{"Van Volxemlaan", "Avenue Van Volxem", "1190"}, {"Sint-Denijsplein", "Place Saint-Denis", "1190"},
        {"Neerstalsesteenweg", "Chaussée de Neerstalle", "1190"}}},
      {"21008",
       {{"Keizer Karellaan", "Avenue Charles-Quint", "1083"}, {"Van Overbekelaan", "Avenue Van Overbeke", "1083"},
        {"Zeypstraat", "Rue de Zeyp", "1083"}}},
      {"21009",
       {{"Elsensesteenweg", "Chaussée d'Ixelles", "1050"}, {"Flageyplein", "Place Flagey", "1050"},
        {"Malibranstraat", "Rue Malibran", "1050"}}},
      {"21010",
       {{"Kardinaal Mercierplein", "Place Cardinal Mercier", "1090"}, {"Leopold I-straat", "Rue Léopold Ier", "1090"},
        {"Wemmelsesteenweg", "Chaussée de Wemmel", "1090"}, {"Jetselaan", "Boulevard de Jette", "1090"}}},
      {"21011",
       {{"Simonisplein", "Place Simonis", "1081"}, {"Vandervekenstraat", "Rue Vanderveken", "1081"},
        {"Leopold II-laan", "Boulevard Léopold II", "1081"}}},
      {"21012",
       {{"Gentsesteenweg", "Chaussée de Gand", "1080"}, {"Graaf van Vlaanderenstraat", "Rue Comte de Flandre", "1080"},
        {"Ninoofsesteenweg", "Chaussée de Ninove", "1080"}, {"Vierwindenstraat", "Rue des Quatre-Vents", "1080"}}},
      {"21013",
       {{"Waterloosesteenweg", "Chaussée de Waterloo", "1060"}, {"Overwinningsstraat", "Rue de la Victoire", "1060"},
        {"Alsembergsesteenweg", "Chaussée d'Alsemberg", "1060"}}},
      {"21014",
       {{"Leuvensesteenweg", "Chaussée de Louvain", "1210"}, {"Sint-Joostplein", "Place Saint-Josse", "1210"},
        {"Kruidtuinlaan", "Boulevard du Jardin Botanique", "1210"}}},
      {"21015",
       {{"Haachtsesteenweg", "Chaussée de Haecht", "1030"}, {"Brabantstraat", "Rue de Brabant", "1030"},
        {"Helmetsesteenweg", "Chaussée de Helmet", "1030"}, {"Colignonplein", "Place Colignon", "1030"}}},
      {"21016",
       {{"Alsembergsesteenweg", "Chaussée d'Alsemberg", "1180"}, {"Brugmannlaan", "Avenue Brugmann", "1180"},
        {"De Frélaan", "Avenue De Fré", "1180"}}},
      {"21017",
       {{"Keymplein", "Place Keym", "1170"}, {"Terhulpsesteenweg", "Chaussée de La Hulpe", "1170"},
        {"Vorstlaan", "Boulevard du Souverain", "1170"}}},
      {"21018",
       {{"Georges Henrilaan", "Avenue Georges Henri", "1200"}, {"Roodebeeksteenweg", "Chaussée de Roodebeek", "1200"},
        {"Tombergstraat", "Rue Tomberg", "1200"}}},
      {"21019",
       {{"Tervurenlaan", "Avenue de Tervueren", "1150"}, {"Dumonplein", "Place Dumon", "1150"},
        {"Orbanlaan", "Avenue Orban", "1150"}}},
  };
  for (const auto& [code, list] : kStreets)
    if (code == nis) return list;
  return kStreets.front().second;
}

struct LanguageName {
  std::string code, name;
};
const std::vector<LanguageName> kExtraLanguages = {
    {"ar", "Arabic"}, {"tr", "Turkish"}, {"es", "Spanish"}, {"pl", "Polish"}, {"ro", "Romanian"},
    {"pt", "Portuguese"}, {"it", "Italian"}, {"bg", "Bulgarian"}, {"ru", "Russian"}, {"uk", "Ukrainian"},
    {"sq", "Albanian"}, {"ln", "Lingala"}};

// ---- helpers ----------------------------------------------------------------------------

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// ASCII letters and digits of a name, lower case, for invented e-mail domains.
std::string slug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) && c < 128) out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-' && (c == ' ' || c == '\'' || c == '-')) out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "dienst" : out;
}

// Civil date of a day count since 1970-01-01 (H. Hinnant's algorithm).
std::string iso_day(std::int64_t days) {
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  auto doe = static_cast<unsigned>(days - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return buf;
}

std::string phone_number(Rng& rng) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "+32 2 %03d %02d %02d", 200 + rng.below(700), rng.below(100), rng.below(100));
  return buf;
}

std::string money(double amount) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  std::string s = buf;
  return s;
}

// Multi-row INSERT ... ON CONFLICT DO NOTHING for one table (SQLite: INSERT
// OR IGNORE, see ForeignKeysUnchecked): rows are buffered and written in statements of at most ~30,000 parameters. A
// batch's rows go out in statements of a few fixed sizes (the largest, then
// 64, 8 and 1 rows), so the connection's statement cache keeps each one: a
// statement sized to each flush's remainder was parsed afresh every flush
// (a tenth of storing the benchmark directory).
class Batch {
 public:
  Batch(store::Dialect dialect, std::string table, std::vector<std::string> columns)
      : columns_(columns.size()), sqlite_(dialect == store::Dialect::sqlite) {
    head_ = std::string(sqlite_ ? "INSERT OR IGNORE INTO " : "INSERT INTO ") + table + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) head_ += (i ? ", " : "") + columns[i];
    head_ += ") VALUES ";
    const std::size_t largest = std::max<std::size_t>(1, std::min<std::size_t>(500, 30000 / columns_));
    for (std::size_t rows : {largest, std::size_t{64}, std::size_t{8}, std::size_t{1}})
      if (rows <= largest && (sizes_.empty() || rows < sizes_.back().first)) sizes_.emplace_back(rows, sql_for(rows));
  }
  void add(Params row) {
    for (auto& p : row) params_.push_back(std::move(p));
  }
  std::size_t pending() const { return params_.size() / columns_; }
  // Writes the buffered rows; returns how many were inserted.
  std::int64_t flush(store::Connection& c) {
    std::int64_t inserted = 0;
    const std::size_t rows = pending();
    std::size_t first = 0;
    for (const auto& [n, sql] : sizes_) {
      for (; rows - first >= n; first += n) {
        Params chunk(std::make_move_iterator(params_.begin() + static_cast<std::ptrdiff_t>(first * columns_)),
                     std::make_move_iterator(params_.begin() + static_cast<std::ptrdiff_t>((first + n) * columns_)));
        inserted += c.exec(sql, chunk).affected;
      }
    }
    params_.clear();
    return inserted;
  }

 private:
  std::string sql_for(std::size_t rows) const {
    std::string one = "(";
    for (std::size_t i = 0; i < columns_; ++i) one += i ? ", ?" : "?";
    one += ")";
    std::string sql = head_;
    sql.reserve(head_.size() + rows * (one.size() + 2) + 32);
    for (std::size_t r = 0; r < rows; ++r) {
      if (r) sql += ", ";
      sql += one;
    }
    return sqlite_ ? sql : sql + " ON CONFLICT DO NOTHING";
  }
  std::size_t columns_;
  bool sqlite_;
  std::string head_;
  std::vector<std::pair<std::size_t, std::string>> sizes_;  // rows per statement, largest first, and its SQL
  Params params_;
};

// Every table the generator writes, in foreign-key order.
struct Tables {
  explicit Tables(store::Dialect d) : dialect(d) {}
  store::Dialect dialect;  // first: the batches below use it
  Batch organizations{dialect, "organizations", {"id", "name", "description", "website", "email", "created_at", "updated_at"}};
  Batch locations{dialect, "locations",
                  {"id", "location_type", "organization_id", "name", "description", "transportation", "latitude",
                   "longitude", "created_at", "updated_at"}};
  Batch addresses{dialect, "addresses",
                  {"id", "location_id", "address_1", "city", "state_province", "postal_code", "country",
                   "address_type"}};
  Batch services{dialect, "services",
                 {"id", "organization_id", "name", "description", "url", "email", "status", "application_process",
                  "fees_description", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
                  "assurer_email", "last_modified", "created_at", "updated_at"}};
  Batch service_at_location{dialect, "service_at_location", {"id", "service_id", "location_id"}};
  Batch contacts{dialect, "contacts", {"id", "service_id", "name", "title", "email"}};
  Batch phones{dialect, "phones", {"id", "location_id", "service_id", "organization_id", "number", "type"}};
  Batch schedules{dialect, "schedules", {"id", "service_id", "freq", "wkst", "byday", "opens_at", "closes_at"}};
  Batch exceptions{dialect, "schedule_exceptions", {"id", "service_id", "starts_on", "ends_on", "closed", "description"}};
  Batch languages{dialect, "languages", {"id", "service_id", "name", "code"}};
  Batch costs{dialect, "cost_options", {"id", "service_id", "option", "currency", "amount", "amount_description"}};
  Batch attributes{dialect, "attributes", {"id", "link_id", "taxonomy_term_id", "link_type", "link_entity"}};
  Batch translations{dialect, "translations", {"resource_type", "resource_id", "field", "lang", "value"}};
  std::vector<std::string> service_ids;  // of the services added since the last flush, in order

  void flush(store::Connection& c, DirectoryCounts& counts) {
    counts.organizations += organizations.flush(c);
    std::int64_t l = locations.flush(c);
    counts.locations += l;
    std::int64_t s = services.flush(c);
    counts.services += s;
    counts.rows += l + s;
    for (Batch* b : {&addresses, &service_at_location, &contacts, &phones, &schedules, &exceptions, &languages,
                     &costs, &attributes, &translations})
      counts.rows += b->flush(c);
  }
};

// ---- the generator ------------------------------------------------------------------------

struct OrgPlan {
  std::string id, name, proper, lang;
  const Profile* profile = nullptr;
  const core::Municipality* municipality = nullptr;
  std::string email, website;
  bool demo = false;
  std::string demo_description;
};

const core::Municipality& municipality_or_first(const std::string& nis) {
  if (auto m = core::municipality_by_nis(nis)) return *m;
  return core::brussels_municipalities().front();
}

class Generator {
 public:
  Generator(const DirectoryPlan& plan) : plan_(plan) {
    today_ = plan.now / 86400;
    year_ = std::stoi(iso_day(today_).substr(0, 4));
  }

  // Organisation k with its locations and services 2k and 2k+1 (those below the plan's count).
  void organisation(std::int64_t k, Tables& t) {
    OrgPlan org = plan_org(k);
    Param now = plan_.now;
    t.organizations.add({org.id, org.name, org.demo ? org.demo_description : org_description_nl(org), org.website,
                         org.email, now, now});
    if (!org.demo)
      t.translations.add({std::string("organization"), org.id, std::string("description"), std::string("fr"),
                          org_description_fr(org)});
    Rng rng(plan_.seed, kOrgStream, k);
    t.phones.add({uuid("org-phone", k, 0), nullptr, nullptr, org.id, phone_number(rng), std::string("voice")});

    // One location, a second one for about a quarter of the organisations.
    std::vector<std::string> location_ids;
    int location_count = rng.percent(25) ? 2 : 1;
    for (int j = 0; j < location_count; ++j) location_ids.push_back(location(org, k, j, t));

    // Two services, drawn from the profile's variants without repeating.
    const auto& variants = org.profile->variants;
    int first = rng.below(static_cast<int>(variants.size()));
    int second = (first + 1 + rng.below(static_cast<int>(variants.size()) - 1)) % static_cast<int>(variants.size());
    for (int j = 0; j < 2; ++j) {
      std::int64_t index = 2 * k + j;
      if (index >= plan_.services) break;
      service(org, index, variants[static_cast<std::size_t>(j == 0 ? first : second)],
              location_ids[static_cast<std::size_t>(j) % location_ids.size()], t);
    }
  }

 private:
  std::string uuid(const std::string& kind, std::int64_t index, int sub) const {
    return directory_uuid(plan_.seed, kind, index * 16 + sub);
  }

  OrgPlan plan_org(std::int64_t k) const {
    OrgPlan o;
    const auto& demos = demo_orgs();
    if (k < static_cast<std::int64_t>(demos.size())) {
      const auto& d = demos[static_cast<std::size_t>(k)];
      o.id = demo::demo_uuid("org:" + d.name);
      o.name = d.name;
      o.proper = d.short_name;
      o.lang = d.lang;
      o.profile = &profile_of(d.code);
      o.municipality = &municipality_or_first(d.nis);
      o.demo = true;
      o.demo_description = d.description;
    } else {
      std::int64_t g = k - static_cast<std::int64_t>(demos.size());
      Rng rng(plan_.seed, kOrgPlanStream, k);
      o.id = directory_uuid(plan_.seed, "organization", k);
      o.profile = &weighted_profile(rng);
      o.lang = rng.percent(55) ? "fr" : "nl";
      const auto& all = core::brussels_municipalities();
      o.municipality = &all[static_cast<std::size_t>(g % static_cast<std::int64_t>(all.size()))];
      const auto& propers = o.lang == "fr" ? kProperNamesFr : kProperNamesNl;
      o.proper = propers[static_cast<std::size_t>(g % static_cast<std::int64_t>(propers.size()))];
      o.name = (o.lang == "fr" ? o.profile->prefix_fr : o.profile->prefix_nl) + " " + o.proper + " (" +
               o.municipality->name(o.lang == "fr" ? i18n::Lang::fr : i18n::Lang::nl) + ")";
      // Names repeat past 380 organisations (benchmark sizes): number them.
      if (g >= 380) o.name += " " + std::to_string(g / 380 + 1);
    }
    std::string domain = slug(o.name) + ".example";
    o.email = (o.lang == "fr" ? "accueil@" : "onthaal@") + domain;
    o.website = "https://www." + domain;
    return o;
  }

  static std::string org_description_nl(const OrgPlan& o) {
    return o.profile->variants.front().name.nl + " in " + o.municipality->name_nl + ".";
  }
  static std::string org_description_fr(const OrgPlan& o) {
    return o.profile->variants.front().name.fr + " à " + o.municipality->name_fr + ".";
  }

  std::string location(const OrgPlan& org, std::int64_t k, int j, Tables& t) {
    Rng rng(plan_.seed, kLocationStream, k * 4 + j);
    std::string id = directory_uuid(plan_.seed, "location", k * 4 + j);
    const core::Municipality& m = *org.municipality;
    const Street& street = rng.pick(streets_of(m.nis_code));
    std::string number = std::to_string(1 + rng.below(220));
    bool fr = org.lang == "fr";
    std::string address_1 = (fr ? street.fr : street.nl) + " " + number;
    std::string name = j == 0 ? org.name : org.name + " – " + (fr ? street.fr : street.nl);
    double lat = std::clamp(m.latitude + rng.uniform(-0.007, 0.007), 50.77, 50.91);
    double lon = std::clamp(m.longitude + rng.uniform(-0.011, 0.011), 4.25, 4.47);
    static const std::vector<Text3> kAccess = {
        {"Ingang via de binnenkoer, toegankelijk met kinderwagen.",
         "Entrée par la cour intérieure, accessible avec une poussette.",
         "Entrance through the courtyard, accessible with a pushchair."},
        {"Op het gelijkvloers, rolstoeltoegankelijk.", "Au rez-de-chaussée, accessible en chaise roulante.",
         "On the ground floor, wheelchair accessible."},
        {"Bel aan bij de groene deur.", "Sonnez à la porte verte.", "Ring at the green door."}};
    const Text3& access = rng.pick(kAccess);
    std::string transport = "Bus " + std::to_string(12 + rng.below(90)) + ", tram " + std::to_string(3 + rng.below(90));
    Param now = plan_.now;
    t.locations.add({id, std::string("physical"), org.id, name, access.nl, transport, lat, lon, now, now});
    t.addresses.add({directory_uuid(plan_.seed, "address", k * 4 + j), id, address_1, m.name(fr ? i18n::Lang::fr : i18n::Lang::nl),
                     std::string(fr ? "Région de Bruxelles-Capitale" : "Brussels Hoofdstedelijk Gewest"), street.postcode,
                     std::string("BE"), std::string("physical")});
    t.translations.add({std::string("location"), id, std::string("description"), std::string("fr"), access.fr});
    if (rng.percent(30))
      t.phones.add({directory_uuid(plan_.seed, "location-phone", k * 4 + j), id, nullptr, nullptr, phone_number(rng),
                    std::string("voice")});
    return id;
  }

  void add_translations(Tables& t, const std::string& id, const std::string& lang,
                        const std::vector<std::pair<const char*, std::string>>& fields) {
    for (const auto& [field, value] : fields)
      if (!value.empty())
        t.translations.add({std::string("service"), id, std::string(field), lang, value});
  }

  void service(const OrgPlan& org, std::int64_t i, const Variant& v, const std::string& location_id, Tables& t) {
    Rng rng(plan_.seed, kServiceStream, i);
    const Profile& p = *org.profile;
    std::string id = directory_uuid(plan_.seed, "service", i);
    const core::Municipality& m = *org.municipality;
    Text3 name{v.name.nl + " " + org.proper, v.name.fr + " " + org.proper, v.name.en + " " + org.proper};
    Text3 description{replace_all(v.description.nl, "{place}", m.name_nl),
                      replace_all(v.description.fr, "{place}", m.name_fr),
                      replace_all(v.description.en, "{place}", m.name_fr)};

    // Cost.
    char cost = p.costs[static_cast<std::size_t>(rng.below(static_cast<int>(p.costs.size())))];
    std::optional<double> amount;
    Text3 fees;
    std::string option;
    if (cost == 'P') {
      option = "paid";
      amount = std::round(rng.uniform(p.amount_low, p.amount_high) * 2) / 2;
      std::string a = money(*amount);
      std::string a_comma = replace_all(a, ".", ",");
      fees = {"€ " + a_comma + " per " + p.unit.nl + ".", a_comma + " € par " + p.unit.fr + ".",
              "€" + a + " per " + p.unit.en + "."};
    } else if (cost == 'I') {
      option = "income_related";
      fees = {"Inkomensgerelateerd tarief, berekend op basis van het gezinsinkomen.",
              "Tarif selon les revenus du ménage.", "Income-related fee based on household income."};
    } else {
      option = "free";
      fees = {"Gratis.", "Gratuit.", "Free of charge."};
    }

    // Verified within the last year for most services; some are overdue for review.
    std::int64_t days_ago = rng.percent(18) ? 380 + rng.below(400) : rng.below(330);
    std::string assured = iso_day(today_ - days_ago);
    Param now = plan_.now;
    Param min_age = p.min_age ? Param(*p.min_age) : Param(nullptr);
    Param max_age = p.max_age ? Param(*p.max_age) : Param(nullptr);
    t.services.add({id, org.id, name.nl, description.nl, org.website, org.email, std::string("active"),
                    p.application.nl, fees.nl, p.eligibility.nl, min_age, max_age, assured, org.email,
                    iso_day(today_ - rng.below(60)), now, now});
    t.service_ids.push_back(id);
    t.service_at_location.add({uuid("sal", i, 0), id, location_id});

    // Translations: French for almost all (a few are missing, as in real life), English for some.
    if (!rng.percent(4))
      add_translations(t, id, "fr",
                       {{"name", name.fr}, {"description", description.fr}, {"eligibility_description", p.eligibility.fr},
                        {"application_process", p.application.fr}, {"fees_description", fees.fr}});
    if (rng.percent(30))
      add_translations(t, id, "en",
                       {{"name", name.en}, {"description", description.en}, {"eligibility_description", p.eligibility.en},
                        {"application_process", p.application.en}, {"fees_description", fees.en}});

    // Contact person and phone.
    t.phones.add({uuid("phone", i, 0), nullptr, id, nullptr, phone_number(rng), std::string("voice")});
    if (rng.percent(60)) {
      std::string person = rng.pick(kFirstNames) + " " + rng.pick(kLastNames);
      t.contacts.add({uuid("contact", i, 0), id, person,
                      std::string(org.lang == "fr" ? "Responsable" : "Verantwoordelijke"), org.email});
    }

    // Categories.
    if (auto term = family_term_id(p.code))
      t.attributes.add({uuid("category", i, 0), id, *term, std::string("service_category"), std::string("service")});
    if (!p.extra_code.empty() && rng.percent(40))
      if (auto term = family_term_id(p.extra_code))
        t.attributes.add({uuid("category", i, 1), id, *term, std::string("service_category"), std::string("service")});

    // Languages: the organisation's own, often the other community language, sometimes more.
    std::vector<LanguageName> langs;
    bool fr = org.lang == "fr";
    langs.push_back(fr ? LanguageName{"fr", "French"} : LanguageName{"nl", "Dutch"});
    if (rng.percent(65)) langs.push_back(fr ? LanguageName{"nl", "Dutch"} : LanguageName{"fr", "French"});
    if (rng.percent(40)) langs.push_back({"en", "English"});
    for (int extra = rng.below(3); extra > 0; --extra) {
      const auto& l = rng.pick(kExtraLanguages);
      if (std::none_of(langs.begin(), langs.end(), [&](const LanguageName& x) { return x.code == l.code; }))
        langs.push_back(l);
    }
    for (std::size_t n = 0; n < langs.size(); ++n)
      t.languages.add({uuid("language", i, static_cast<int>(n)), id, langs[n].name, langs[n].code});

    t.costs.add({uuid("cost", i, 0), id, option, std::string("EUR"), amount ? Param(*amount) : Param(nullptr), fees.nl});
    hours(p.hours, id, i, rng, t);
  }

  void hours(Hours h, const std::string& id, std::int64_t i, Rng& rng, Tables& t) {
    int n = 0;
    // One row per weekday (HSDS allows "MO,TU", but one day per rule is what the staff editor edits).
    auto open = [&](const std::string& days, const std::string& from, const std::string& to) {
      for (std::size_t at = 0; at < days.size(); at += 3)
        t.schedules.add({uuid("schedule", i, n++), id, std::string("WEEKLY"), std::string("MO"), days.substr(at, 2),
                         from, to});
    };
    static const std::vector<std::string> kWeekdays = {"MO", "TU", "WE", "TH", "FR"};
    switch (h) {
      case Hours::daycare: {
        static const std::vector<std::pair<std::string, std::string>> kDays = {
            {"07:00", "18:30"}, {"07:30", "18:00"}, {"07:00", "18:00"}, {"06:30", "19:00"}};
        const auto& d = rng.pick(kDays);
        open("MO,TU,WE,TH,FR", d.first, d.second);
        break;
      }
      case Hours::school:
        open("MO,TU,TH,FR", "08:30", "15:30");
        open("WE", "08:30", "12:10");
        break;
      case Hours::after_school:
        open("MO,TU,TH,FR", "07:00", "08:30");
        open("MO,TU,TH,FR", "15:30", "18:00");
        open("WE", "12:00", "18:00");
        break;
      case Hours::consult: {
        int a = rng.below(5), b = (a + 1 + rng.below(4)) % 5;
        open(kWeekdays[static_cast<std::size_t>(a)], "09:00", "12:00");
        open(kWeekdays[static_cast<std::size_t>(b)], "13:30", "16:30");
        break;
      }
      case Hours::meeting:
        if (rng.percent(50)) open("MO,WE,FR", "09:00", "12:00");
        else open("TU,TH", "09:30", "12:00");
        if (rng.percent(35)) open("SA", "10:00", "12:30");
        break;
      case Hours::office:
        open("MO,TU,TH,FR", "09:00", "12:30");
        open("MO,TU,TH,FR", "13:30", "16:30");
        open("WE", "09:00", "12:30");  // closed on Wednesday afternoon
        if (rng.percent(15)) open("SA", "10:00", "12:00");
        break;
      case Hours::homework:
        open("MO,TU,TH", "15:30", "17:30");
        if (rng.percent(50)) open("WE", "13:30", "16:00");
        break;
      case Hours::toys:
        open("WE", "14:00", "18:00");
        open("SA", "10:00", "13:00");
        if (rng.percent(50)) open("FR", "16:00", "18:00");
        break;
      case Hours::play:
        open("WE", "13:00", "17:00");
        open("SA", "10:00", "16:00");
        break;
      case Hours::course:
        if (rng.percent(60)) open("MO,TU,TH", "09:00", "12:00");
        else open("TU,TH", "18:00", "20:30");
        break;
    }
    // Holiday closures for some services.
    if (rng.percent(30))
      t.exceptions.add({uuid("closure", i, 0), id, std::to_string(year_) + "-12-24", std::to_string(year_ + 1) + "-01-01",
                        std::int64_t{1}, std::string("Kerstvakantie / vacances de Noël")});
    if (rng.percent(15))
      t.exceptions.add({uuid("closure", i, 1), id, std::to_string(year_ + 1) + "-07-21",
                        std::to_string(year_ + 1) + "-07-21", std::int64_t{1},
                        std::string("Nationale feestdag / fête nationale")});
  }

  const DirectoryPlan& plan_;
  std::int64_t today_ = 0;
  int year_ = 2026;
};

}  // namespace

std::string directory_uuid(std::uint64_t seed, const std::string& kind, std::int64_t index) {
  // Like UUIDv7 orders by time, these order by index within (seed, kind), so a
  // large generation appends to every B-tree instead of writing at random
  // places: bytes 0-3 name the seed and kind, then 36 bits of index around the
  // version (8) and variant bits; the rest is hash.
  unsigned char h[16];
  std::string name = "samen-directory:" + std::to_string(seed) + ":" + kind;
  crypto_generichash(h, 4, reinterpret_cast<const unsigned char*>(name.data()), name.size(), nullptr, 0);
  name += ":" + std::to_string(index);
  crypto_generichash(h + 9, 7, reinterpret_cast<const unsigned char*>(name.data()), name.size(), nullptr, 0);
  auto i = static_cast<std::uint64_t>(index) & 0xFFFFFFFFFULL;
  h[4] = static_cast<unsigned char>(i >> 28);
  h[5] = static_cast<unsigned char>(i >> 20);
  h[6] = static_cast<unsigned char>(0x80 | ((i >> 16) & 0x0F));  // version 8
  h[7] = static_cast<unsigned char>(i >> 8);
  h[8] = static_cast<unsigned char>(0x80 | ((i >> 2) & 0x3F));   // RFC 4122 variant
  h[9] = static_cast<unsigned char>(((i & 0x03) << 6) | (h[9] & 0x3F));
  return uuid::text(h, 8);
}

// SQLite: foreign keys unchecked on a connection while the generator stores
// (on again after, whatever happens). A multi-row INSERT that may fail
// halfway (an immediate foreign key check, or a NOT NULL or CHECK that
// aborts: hence INSERT OR IGNORE in Batch) must be able to undo its own rows,
// so SQLite first copied every page it touched, already changed by the
// transaction, to a statement journal: a third of the generation's writes.
// Its rows only reference rows written before them (RealisticDemoMeetsTheNumbers
// checks the stored directory with foreign_key_check; PostgreSQL checks as usual).
class ForeignKeysUnchecked {
 public:
  explicit ForeignKeysUnchecked(store::Connection& c) : c_(c), sqlite_(c.dialect() == store::Dialect::sqlite) {
    if (sqlite_) c_.exec("PRAGMA foreign_keys = OFF");  // outside a transaction: no effect inside one
  }
  ForeignKeysUnchecked(const ForeignKeysUnchecked&) = delete;
  ForeignKeysUnchecked& operator=(const ForeignKeysUnchecked&) = delete;
  ~ForeignKeysUnchecked() {
    try {
      if (sqlite_) c_.exec("PRAGMA foreign_keys = ON");
    } catch (const std::exception& e) {
      spdlog::error("demo directory: foreign keys left unchecked on a connection ({})", e.what());
    }
  }

 private:
  store::Connection& c_;
  bool sqlite_;
};

DirectoryCounts generate_directory(store::Database& db, const DirectoryPlan& plan) {
  DirectoryCounts counts;
  if (plan.services <= 0) return counts;
  constexpr std::int64_t kOrgsPerBatch = 250;
  std::int64_t orgs = (plan.services + 1) / 2;
  Generator gen(plan);
  std::unique_ptr<BulkIndexBuild> index;
  store::Lease lease = db.acquire();
  ForeignKeysUnchecked unchecked(*lease);
  store::run_in_transaction(*lease, [&] {
    store::Connection& c = *lease;
    try {
      // SQLite: a larger page cache for this transaction (restored after), so
      // index pages stay in memory instead of spilling to the WAL and back.
      std::optional<std::string> cache_size;
      if (c.dialect() == store::Dialect::sqlite) {
        cache_size = c.exec("PRAGMA cache_size").rows.at(0).text(0);
        c.exec("PRAGMA cache_size = -131072");
      }
      seed_family_taxonomy(c);
      if (plan.index_while_storing) index = BulkIndexBuild::start(c, *plan.index_while_storing);
      Tables tables(c.dialect());
      for (std::int64_t k = 0; k < orgs; ++k) {
        gen.organisation(k, tables);
        if ((k + 1) % kOrgsPerBatch == 0 || k + 1 == orgs) {
          {
            auto writing = index ? index->hold_connection() : std::unique_lock<std::mutex>();
            tables.flush(c, counts);
          }
          if (index) index->add(tables.service_ids);
          tables.service_ids.clear();
          if (plan.progress) plan.progress(std::min(plan.services, 2 * (k + 1)), plan.services);
        }
      }
      if (index) index->finish();
      if (cache_size) c.exec("PRAGMA cache_size = " + std::to_string(std::stoll(*cache_size)));
    } catch (...) {
      index.reset();  // its threads stop reading before the rollback
      throw;
    }
  });
  if (index) counts.indexed = index->publish();
  counts.rows += counts.organizations;
  return counts;
}

DirectoryCounts load_demo_directory(store::Database& db, const std::filesystem::path& data_dir, std::int64_t now) {
  DirectoryPlan plan;
  plan.now = now;
  DirectoryCounts counts = generate_directory(db, plan);
  // Opening the engine brings its index up to date (a rebuild when missing, else the new services).
  if (counts.rows > 0) ServiceSearch::create(db, data_dir);
  return counts;
}

}  // namespace samen::directory
