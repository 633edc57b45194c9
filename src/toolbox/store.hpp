// The toolbox's tables (migrations/0001_toolbox.sql) read and written:
// methods with their translations, their versions (a JSON snapshot per
// version), review comments, the catalogue query, the family tree of
// adaptations, the journal activities that used a method and the experiences
// written about it. Writes take an app::Change (the one write path): each
// method write bumps the version with a conditional UPDATE (a stale version
// is StaleVersion, so two editors of one version cannot both win), stores the
// new version's snapshot, its field history and its audit entry together.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "journal/activity.hpp"
#include "store/database.hpp"
#include "toolbox/method.hpp"

namespace samen::app {
class Change;
}

namespace samen::toolbox {

inline core::RecordRef method_ref(const std::string& id) { return {"toolbox_methods", "toolbox.method", id}; }

// Where a write happens: inside the app's one write path (a request: history
// and audit through its app::Change), or from the command line and the demo
// loader (no request: history and audit rows name "cli" as the actor). Every
// query of the write goes to `db`, the transaction's connection.
struct Writer {
  explicit Writer(app::Change& change);
  Writer(store::Connection& db, std::int64_t now) : db(db), now(now) {}
  store::Connection& db;
  std::int64_t now = 0;
  std::optional<std::int64_t> user_id;
  app::Change* change = nullptr;
  void history(const std::string& id, const std::string& action, const std::vector<core::FieldChange>& changes);
  void audit(const std::string& action, const std::string& target_type, const std::string& id,
             const std::string& detail = "");
};

// Who is reading: role and account (for drafts) and, for the journal's
// activities a method was used in, the journal's viewer.
struct Reader {
  accounts::Role role = accounts::Role::parent_rep;
  std::int64_t user_id = 0;
  journal::Viewer journal;
};

std::optional<Method> load_method(store::Connection& c, const std::string& id);
// Several methods at once (missing ids left out), in the order of `ids`.
std::vector<Method> load_methods(store::Connection& c, const std::vector<std::string>& ids);

struct CatalogueFilter {
  std::string phase, topic, lang;        // "" = any; lang: a translation in that language exists
  std::optional<std::int64_t> group_size;  // methods for a group of this size
  std::optional<std::int64_t> max_duration;
  std::string status;                    // "" = published; "draft", "in_review", "archived", "all" (what the reader may see)
  std::string q;                         // words in a name (any language)
  std::string sort = "name";             // name | rating | use | duration | updated
  std::int64_t offset = 0, limit = 25;   // limit 0: all
};
struct CatalogueRow {
  std::string id, status, phase, name, aim, languages;
  std::vector<std::string> topics;
  std::int64_t group_min = 0, group_max = 0, duration_minutes = 0, version = 0, updated_at = 0;
  std::optional<double> rating;  // mean of the experiences' ratings
  std::int64_t ratings = 0, uses = 0;
  std::string adapted_from;
};
struct Catalogue {
  std::vector<CatalogueRow> rows;
  std::int64_t total = 0;
};
// The methods the reader may see that match, names in `lang` (else another language).
Catalogue list_methods(store::Connection& c, const Reader& r, const std::string& lang, const CatalogueFilter& f);

// Inserts a new method (id unless given, version 1, stamps) with its first version's snapshot.
void insert_method(Writer& w, Method& m, const std::string& action = "create");
// Writes `next` over `before` (the version the editor read: `expected`,
// StaleVersion when it changed since; required); a new version with its snapshot.
void update_method(Writer& w, const Method& before, Method& next, std::int64_t expected,
                   const std::string& action = "update");
// Moves the lifecycle (status from next_status), a version and a review entry
// with `comment`; returns the entry's id.
std::string move_status(Writer& w, const Method& m, const std::string& move, const std::string& status,
                 std::int64_t expected, const std::string& comment);

struct VersionInfo {
  std::int64_t version = 0, created_at = 0;
  std::string action, actor;
};
std::vector<VersionInfo> versions_of(store::Connection& c, const std::string& method_id);
// One page of versions, newest first, each with the method as it was then,
// and how many versions there are: one query (the API's versions list).
struct VersionPage {
  std::int64_t total = 0;
  std::vector<std::pair<VersionInfo, Method>> versions;
};
VersionPage version_page(store::Connection& c, const std::string& method_id, std::int64_t offset, std::int64_t limit);
// The method as it was in that version (nullopt when there is no such version).
std::optional<Method> load_version(store::Connection& c, const std::string& method_id, std::int64_t version);
// Makes a new version whose content is version `version`'s (status kept as it is now).
void restore_version(Writer& w, const Method& current, std::int64_t version, std::int64_t expected);

struct Comment {
  std::string id, kind, body, author;
  std::int64_t method_version = 0, created_at = 0;
};
std::vector<Comment> comments_of(store::Connection& c, const std::string& method_id);
// A review entry of `kind` ("comment") on the method's current version; returns its id.
std::string add_comment(Writer& w, const Method& m, const std::string& kind, const std::string& body);

// The family tree: the chain of methods this one was adapted from (oldest
// first) and every adaptation below it, as (depth, method) in tree order.
// Only methods the reader may see.
struct FamilyMember {
  int depth = 0;
  std::string id, name, status, team_id, reason;
};
struct Family {
  std::vector<FamilyMember> ancestors;  // oldest first
  std::vector<FamilyMember> descendants;  // depth 1 = direct adaptations
};
Family family_of(store::Connection& c, const Reader& r, const std::string& lang, const Method& m);

// Use in the journal: the activities that used a method (those the reader may see, newest first).
struct Use {
  std::string activity_id, title;
  std::int64_t starts_at = 0;
  std::string team_id;
  std::optional<std::int64_t> added_by;  // who linked the method (archive.hpp: may archive the use)
};
std::vector<Use> uses_of(store::Connection& c, const Reader& r, const std::string& method_id, std::int64_t limit = 100);
// The methods an activity used (those the reader may see): its active uses,
// or (archived) those whose use was archived (archive.hpp).
std::vector<Method> methods_of_activity(store::Connection& c, const Reader& r, const std::string& activity_id,
                                        bool archived = false);
// Links / unlinks; false when it was already in that state. Audited.
bool add_use(Writer& w, const std::string& activity_id, const std::string& method_id);
bool remove_use(Writer& w, const std::string& activity_id, const std::string& method_id);

struct Experience {
  std::string id, method_id, activity_id, worked, changed, author, activity_title;
  std::optional<std::int64_t> author_id;
  std::int64_t rating = 0, version = 0, created_at = 0, updated_at = 0;
};
// Those the reader may see (tied to an activity: only when the reader may see it), newest first.
std::vector<Experience> experiences_of(store::Connection& c, const Reader& r, const std::string& method_id);
void insert_experience(Writer& w, Experience& e);

}  // namespace samen::toolbox
