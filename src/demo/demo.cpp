// The invented demo network. All people and organisations are fictional.
#include "demo/demo.hpp"

#include <array>

#include "accounts/audit.hpp"
#include "accounts/secrets.hpp"
#include "accounts/users.hpp"
#include "directory/model/records.hpp"
#include "util/uuid.hpp"

namespace samen::demo {

namespace {

struct DemoOrg {
  const char* name;
  const char* description;
  const char* team;  // local team or cluster it belongs to ("" = partnership only)
};

// ~25 partner organisations with invented names.
constexpr std::array<DemoOrg, 26> kOrgs{{
    {"Huis van het Kind Brussel", "Samenwerkingsverband van gezinsondersteunende diensten in Brussel.", ""},
    {"Kinderdagverblijf De Vlinder", "Kinderopvang voor baby's en peuters (0-3) in Jette.", "jette"},
    {"Kinderdagverblijf Zonnebloem", "Kinderopvang met flexibele uren in Jette.", "jette"},
    {"Consultatiebureau Jette-Centrum", "Preventieve gezondheidszorg voor kinderen van 0 tot 3 jaar.", "jette"},
    {"Ontmoetingsplaats 't Speelhuis", "Ontmoetingsplaats voor ouders en jonge kinderen.", "jette"},
    {"Buitenschoolse opvang De Kastanje", "Opvang voor en na school en op woensdagnamiddag.", "jette"},
    {"Basisschool Sint-Pieter (kleuterschool)", "Nederlandstalige kleuterschool in Jette.", "jette"},
    {"Kinderdagverblijf Kleine Reus", "Kinderopvang in de wijk Nieuwland.", "nieuwland"},
    {"Opvoedingswinkel Nieuwland", "Opvoedingsondersteuning en vragen over opvoeden.", "nieuwland"},
    {"Buurthuis Nieuwland", "Buurtwerk, ontmoeting en huiswerkbegeleiding.", "nieuwland"},
    {"Consultatiebureau Anneessens", "Consultaties voor jonge kinderen in het centrum.", "nieuwland"},
    {"Kleuterschool De Regenboog", "Nederlandstalige kleuterschool aan de Zennewijk.", "nieuwland"},
    {"Crèche Les Petits Pas", "Milieu d'accueil pour enfants de 0 à 3 ans à Schaerbeek.", "cluster"},
    {"Crèche L'Arc-en-ciel", "Crèche communale à Anderlecht.", "cluster"},
    {"Halte-accueil Le Nid", "Accueil occasionnel pour les tout-petits à Molenbeek.", "cluster"},
    {"École maternelle Les Tilleuls", "École maternelle francophone à Saint-Gilles.", "cluster"},
    {"Accueil extrascolaire Les Copains", "Accueil temps libre avant et après l'école.", "cluster"},
    {"École de devoirs Le Cartable", "École de devoirs pour les enfants de 6 à 12 ans.", "cluster"},
    {"Lieu de rencontre La Passerelle", "Lieu de rencontre enfants-parents à Forest.", "cluster"},
    {"Procesbegeleiding Samen Sterk", "Coaching en procesbegeleiding van netwerken / accompagnement de processus.", ""},
    {"Maison médicale du Midi", "Soins de santé de première ligne et consultations pour enfants.", ""},
    {"CPAS Service Familles", "Aide sociale et financière pour les familles.", ""},
    {"Taalpunt Brussel", "Taalondersteuning en integratie voor ouders.", ""},
    {"Prenataal Steunpunt Noord", "Prenatale ondersteuning voor aanstaande ouders.", ""},
    {"Speelotheek De Knikker", "Spelotheek: speelgoed lenen en samen spelen.", ""},
    {"Gezinsbond Afdeling Brussel", "Vrijwilligers die gezinnen ondersteunen.", ""},
}};

struct DemoTeam {
  const char* key;
  const char* name;
  const char* kind;
  const char* parent;
  const char* description;
};

constexpr std::array<DemoTeam, 5> kTeams{{
    {"partnership", "Huis van het Kind Brussel — samenwerkingsverband", "partnership", "",
     "Het Brusselbrede samenwerkingsverband / le partenariat à l'échelle de Bruxelles."},
    {"jette", "Lokaal team Jette", "local_team", "partnership", "Lokaal team voor Jette."},
    {"nieuwland", "Lokaal team Nieuwland", "local_team", "partnership", "Lokaal team voor de wijk Nieuwland (Brussel-Stad)."},
    {"cluster", "Cluster francophone petite enfance", "cluster", "partnership",
     "Crèches, écoles maternelles et accueil extrascolaire francophones."},
    {"coaching", "Procesbegeleiding", "cluster", "partnership", "Coaching van het netwerk."},
}};

struct DemoUser {
  const char* email;
  const char* name;
  accounts::Role role;
  const char* org;  // name of one organisation, or ""
  const char* lang;
};

constexpr std::array<DemoUser, 10> kUsers{{
    {"coordinator@samen.local", "Lotte Vermeulen", accounts::Role::coordinator, "Huis van het Kind Brussel", "nl"},
    {"coordinatrice@samen.local", "Amina El Idrissi", accounts::Role::coordinator, "Huis van het Kind Brussel", "fr"},
    {"facilitator@samen.local", "Pieter De Smet", accounts::Role::facilitator, "Procesbegeleiding Samen Sterk", "nl"},
    {"chercheuse@samen.local", "Claire Dubois", accounts::Role::facilitator, "Procesbegeleiding Samen Sterk", "fr"},
    {"partner@samen.local", "Sanne Peeters", accounts::Role::partner, "Kinderdagverblijf De Vlinder", "nl"},
    {"partenaire@samen.local", "Julien Lambert", accounts::Role::partner, "Crèche Les Petits Pas", "fr"},
    {"buitenschools@samen.local", "Yusuf Demir", accounts::Role::partner, "Buitenschoolse opvang De Kastanje", "nl"},
    {"extrascolaire@samen.local", "Sofia Martins", accounts::Role::partner, "Accueil extrascolaire Les Copains", "fr"},
    {"ouder@samen.local", "Fatima Bakkali", accounts::Role::parent_rep, "", "nl"},
    {"parent@samen.local", "Marc Janssens", accounts::Role::parent_rep, "", "fr"},
}};

}  // namespace

std::string demo_uuid(const std::string& name) { return uuid::name_based("samen-demo:" + name); }

void load_network(store::Database& db, std::int64_t now) {
  store::in_transaction(db, [&](store::Connection& c) {
    for (const auto& t : kTeams) {
      std::string parent = *t.parent ? demo_uuid(std::string("team:") + t.parent) : "";
      c.exec("INSERT INTO teams (id, name, kind, parent_id, description, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
             {demo_uuid(std::string("team:") + t.key), t.name, t.kind,
              parent.empty() ? store::Param(nullptr) : store::Param(parent), t.description, now, now});
    }
    for (const auto& o : kOrgs) {
      std::string id = demo_uuid(std::string("org:") + o.name);
      c.exec("INSERT INTO organizations (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
             "ON CONFLICT (id) DO NOTHING",
             {id, o.name, o.description, now, now});
      std::string team = *o.team ? o.team : (std::string(o.name).starts_with("Procesbegeleiding") ? "coaching" : "");
      for (const std::string& key : {std::string("partnership"), team}) {
        if (key.empty()) continue;
        c.exec("INSERT INTO team_members (team_id, organization_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
               {demo_uuid("team:" + key), id});
      }
    }
    for (const auto& u : kUsers) {
      if (accounts::find_user_by_email(c, u.email)) continue;
      accounts::NewUser nu;
      nu.email = u.email;
      nu.name = u.name;
      nu.role = u.role;
      nu.lang = u.lang;
      if (*u.org) nu.organizations.push_back(demo_uuid(std::string("org:") + u.org));
      // Demo users have no password: an admin sends them an invitation link.
      accounts::create_user(c, nu, now);
    }
  });
}

std::string reset_demo_admin(store::Database& db, std::int64_t now) {
  std::string password = accounts::random_token(12);
  std::string hash = accounts::hash_password(password);
  store::in_transaction(db, [&](store::Connection& c) {
    auto admin = accounts::find_user_by_email(c, kAdminEmail);
    std::int64_t id;
    if (admin) {
      id = admin->id;
      accounts::set_password_hash(c, id, hash, now);
    } else {
      id = accounts::create_user(c, {kAdminEmail, "Demo Admin", accounts::Role::admin, "nl", hash, {}}, now);
    }
    c.exec("UPDATE users SET must_change_password = 1, disabled = 0, role = 'admin' WHERE id = ?", {id});
    accounts::record_audit(c, {0, now, std::nullopt, "cli", "user.password", "user", std::to_string(id),
                               "one-time demo admin password", ""});
  });
  return password;
}

}  // namespace samen::demo
