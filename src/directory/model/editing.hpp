// The service map's use of the shared write path (app/write.hpp) for the
// staff pages and the JSON API: permission per record, validation (form and
// references), the write, its HSDS history rows and its audit entry in one
// transaction; after the commit, the search reindex of the affected
// services. Errors leave nothing written: HttpError (403/404),
// ValidationFailed (422), StaleRecord (409, optimistic check), ArchivedRecord (409).
#pragma once
#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/context.hpp"
#include "app/write.hpp"
#include "directory/module.hpp"
#include "directory/model/permissions.hpp"
#include "directory/model/records.hpp"
#include "directory/search/search.hpp"

namespace samen::directory {

class ValidationFailed : public std::runtime_error {
 public:
  explicit ValidationFailed(FieldErrors e) : std::runtime_error("validation failed"), errors(std::move(e)) {}
  FieldErrors errors;
};

// Per-kind glue: how to load a record and which organisation owns it.
template <class R>
struct Traits;
template <>
struct Traits<Organization> {
  static constexpr RecordKind kind = RecordKind::organization;
  static std::optional<Organization> load(store::Connection& c, const std::string& id) { return load_organization(c, id); }
  static std::string owner(const Organization& o) { return o.id; }
};
template <>
struct Traits<Service> {
  static constexpr RecordKind kind = RecordKind::service;
  static std::optional<Service> load(store::Connection& c, const std::string& id) { return load_service(c, id); }
  static std::string owner(const Service& s) { return s.organization_id; }
};
template <>
struct Traits<Location> {
  static constexpr RecordKind kind = RecordKind::location;
  static std::optional<Location> load(store::Connection& c, const std::string& id) { return load_location(c, id); }
  static std::string owner(const Location& l) { return l.organization_id; }
};
template <>
struct Traits<Team> {
  static constexpr RecordKind kind = RecordKind::team;
  static std::optional<Team> load(store::Connection& c, const std::string& id) { return load_team(c, id); }
  static std::string owner(const Team&) { return ""; }
};

struct WriteOutcome {
  std::string id;
  std::vector<FieldChange> changes;
};

// "directory.service.update"
inline std::string audit_action(RecordKind k, const std::string& verb) {
  return "directory." + std::string(kind_name(k)) + "." + verb;
}

// In the write's transaction: its audit entry, and (after the commit) the
// reindex of the services whose search documents it changed.
inline void audit_and_reindex(app::Change& change, RecordKind k, const std::string& verb, const WriteOutcome& out) {
  change.audit(audit_action(k, verb), std::string(kind_name(k)), out.id, changed_field_list(out.changes));
  change.after_commit([&app = change.ctx.app, services = dependent_services(change.db, k, out.id)] {
    for (const auto& id : services) search(app).reindex_service(id);
  });
}

inline Actor actor_of(const app::Context& ctx) { return {ctx.user()->email, ctx.now}; }

// The record of a kind, or HttpError 404.
template <class R>
R load_or_404(store::Connection& c, const std::string& id) {
  auto r = Traits<R>::load(c, id);
  if (!r) throw app::HttpError(404, "not_found", "error.not_found");
  return std::move(*r);
}

template <class R>
void validate_or_throw(store::Connection& c, const R& r, FieldErrors errors) {
  for (auto& [k, v] : validate(r)) errors.emplace(k, v);
  check_references(c, r, errors);
  if (!errors.empty()) throw ValidationFailed(std::move(errors));
}

// Rules on what a write changes, beyond who owns the record: only
// coordinators verify a service, organisation or location, and a partner's
// new link to another organisation's location becomes a request waiting for
// its consent (link_requests.hpp; links made before stay). A partner who
// leaves the verification fields empty keeps them as they are.
template <class R>
void check_change(store::Connection&, const accounts::User&, R&, const R*) {}

template <class R>  // Service, Organization, Location: assured_date, assurer_email
void check_verification(const accounts::User& u, R& next, const R* current) {
  if (may_verify(u)) return;
  if (next.assured_date.empty() && next.assurer_email.empty() && current) {
    next.assured_date = current->assured_date;
    next.assurer_email = current->assurer_email;
  }
  bool changed = current ? next.assured_date != current->assured_date || next.assurer_email != current->assurer_email
                         : !next.assured_date.empty() || !next.assurer_email.empty();
  if (changed) throw app::HttpError(403, "forbidden", "staff.error.verify_coordinators");
}

inline void check_change(store::Connection&, const accounts::User& u, Organization& next, const Organization* current) {
  check_verification(u, next, current);
}

inline void check_change(store::Connection&, const accounts::User& u, Location& next, const Location* current) {
  check_verification(u, next, current);
}

inline void check_change(store::Connection& c, const accounts::User& u, Service& next, const Service* current) {
  check_verification(u, next, current);
  std::vector<std::string> linked;
  for (const auto& id : next.location_ids) {
    bool kept = current && std::find(current->location_ids.begin(), current->location_ids.end(), id) !=
                               current->location_ids.end();
    auto r = kept ? store::Result{} : c.exec("SELECT organization_id FROM locations WHERE id = ?", {id});
    if (!r.empty() && !may_link_location(u, r.rows[0].text(0))) next.requested_location_ids.push_back(id);
    else linked.push_back(id);
  }
  next.location_ids = std::move(linked);
}

// Creates a record read from a form or JSON body (parse_errors: type
// problems found while reading it).
template <class R>
WriteOutcome create_checked(app::Context& ctx, R record, FieldErrors parse_errors) {
  const auto& user = *ctx.user();
  constexpr RecordKind kind = Traits<R>::kind;
  std::string owner = Traits<R>::owner(record);
  // Without an owner the validation says so; with someone else's, refuse.
  if (!(owner.empty() && kind != RecordKind::organization && kind != RecordKind::team) &&
      !may_create(user, kind, owner))
    throw app::HttpError(403, "forbidden", "staff.error.not_yours");
  return app::write(ctx, [&](app::Change& change) {
    store::Connection& c = change.db;
    check_change(c, user, record, static_cast<const R*>(nullptr));
    validate_or_throw(c, record, parse_errors);
    auto changes = create_record(c, record, actor_of(ctx));
    WriteOutcome out{record.id, std::move(changes)};
    audit_and_reindex(change, kind, "create", out);
    return out;
  });
}

// Updates record `id` to build(current). expected: the updated_at the editor
// started from (nullopt: no optimistic check beyond the transaction's own).
template <class R>
WriteOutcome update_checked(app::Context& ctx, const std::string& id, const std::function<R(const R&)>& build,
                            std::optional<std::int64_t> expected, const std::string& verb = "update") {
  const auto& user = *ctx.user();
  constexpr RecordKind kind = Traits<R>::kind;
  return app::write(ctx, [&](app::Change& change) {
    store::Connection& c = change.db;
    R current = load_or_404<R>(c, id);
    if (!may_edit(user, kind, Traits<R>::owner(current)))
      throw app::HttpError(403, "forbidden", "staff.error.not_yours");
    if (current.stamp.archived_at) throw ArchivedRecord();
    if (expected && *expected != current.stamp.updated_at) throw StaleRecord();
    R next = build(current);
    next.id = id;
    std::string owner = Traits<R>::owner(next);
    if (!owner.empty() && owner != Traits<R>::owner(current) && !may_edit(user, kind, owner))
      throw app::HttpError(403, "forbidden", "staff.error.not_yours");
    check_change(c, user, next, &current);
    validate_or_throw(c, next, {});
    auto changes = update_record(c, next, current.stamp.updated_at, actor_of(ctx));
    WriteOutcome out{id, std::move(changes)};
    if (!out.changes.empty()) audit_and_reindex(change, kind, verb, out);
    return out;
  });
}

// Archives or restores record `id` of a kind.
template <class R>
WriteOutcome archive_checked(app::Context& ctx, const std::string& id, bool archive,
                             std::optional<std::int64_t> expected = std::nullopt) {
  const auto& user = *ctx.user();
  constexpr RecordKind kind = Traits<R>::kind;
  return app::write(ctx, [&](app::Change& change) {
    R current = load_or_404<R>(change.db, id);
    if (!may_archive(user, kind, Traits<R>::owner(current)))
      throw app::HttpError(403, "forbidden", "staff.error.not_yours");
    WriteOutcome out{id, {}};
    if (set_archived(change.db, kind, id, archive, actor_of(ctx), expected)) {
      out.changes.push_back({"archived_at", "", ""});
      audit_and_reindex(change, kind, archive ? "archive" : "restore", out);
    }
    return out;
  });
}

}  // namespace samen::directory
