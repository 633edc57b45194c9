// Transition pathways: which settings send children to which, per school
// year. A count is either entered by staff (the sending or receiving
// setting's organisation, coordinators, admins; table transitions_pathways)
// or derived from the handovers held (one per child; computed when read).
//
// Derived counts never say anything about a child: only a count per pair of
// settings and school year leaves this file, and a count below
// kSmallestShown (1 to 4) is replaced by "fewer than 5" everywhere (page,
// picture, API), with no totals of derived counts that would let one
// subtract it back. Entered counts are the settings' own figures and are shown as entered.
// Derived counts go when the handovers' retention ends; enter the year's
// count to keep it.
//
// The picture (`pathway_svg`) draws the settings in three columns by kind,
// childcare → pre-school → out-of-school care, with an arrow per pathway
// whose width follows its count; a setting without any pathway is marked.
// Its accessible alternative is the page's table, which it names.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"
#include "store/database.hpp"
#include "transitions/domain.hpp"

namespace samen::transitions {

inline constexpr std::int64_t kSmallestShown = 5;

// The school year a transition date falls in: the calendar year of the start
// of that school year (year_start "MM-DD" of the receiving setting).
// "2026-09-01" with "09-01" → 2026; "2027-02-01" → 2026. nullopt for a bad date.
std::optional<int> school_year_of(const std::string& iso_date, const std::string& year_start);
// 2026 → "2026–2027".
std::string school_year_label(int year);
// "2026" or "2026-2027" → 2026 (1990..2100); nullopt otherwise.
std::optional<int> parse_school_year(const std::string& text);

struct PathwayFilter {
  std::optional<int> school_year;
  std::string team_id;       // "" = all; else settings whose organisation is a member
  std::string municipality;  // NIS code, "" = all; else settings with an address there
};

// A setting as the pathways need it.
struct PathwaySetting {
  std::string id, name, kind, organization_id;
  bool has_pathway = false;  // in the filtered pathways
};

struct Pathway {
  std::string sending_id, receiving_id;
  int school_year = 0;
  std::optional<std::int64_t> entered;  // staff's count
  std::string entered_id;               // its record
  std::int64_t entered_version = 0;
  std::int64_t derived = 0;             // handovers held; read it through derived_shown()
  // The derived count as it may be shown: nullopt when below kSmallestShown (or none).
  std::optional<std::int64_t> derived_shown() const {
    return derived >= kSmallestShown ? std::optional<std::int64_t>(derived) : std::nullopt;
  }
  bool derived_hidden() const { return derived > 0 && derived < kSmallestShown; }
  // What the picture draws: the entered count, else the derived one shown; 0 for "fewer than 5".
  std::int64_t weight() const { return entered ? *entered : derived_shown().value_or(0); }
};

struct PathwayView {
  std::vector<PathwaySetting> settings;  // the filtered settings, by kind then name
  std::vector<Pathway> pathways;         // by school year (newest first), sending, receiving names
  std::vector<int> school_years;         // every year with a pathway (for the filter), newest first
  const PathwaySetting* setting(const std::string& id) const;
};

// Pathways among the settings the filter keeps (a pathway is kept when
// either of its settings is), and whether each setting has a partner pathway.
PathwayView load_pathways(store::Connection& c, const PathwayFilter& f);

// The entered count of a pair and year, if any.
struct EnteredCount {
  std::string id;
  std::int64_t version = 0, children = 0;
  std::string sending_id, receiving_id;
  int school_year = 0;
  std::int64_t created_at = 0, updated_at = 0;
};
std::optional<EnteredCount> load_entered(store::Connection& c, const std::string& id);
std::optional<EnteredCount> find_entered(store::Connection& c, const std::string& sending, const std::string& receiving,
                                         int school_year);
// Inserts (id set here when empty) or updates (version + 1) an entered count.
void save_entered(store::Connection& c, EnteredCount& e, std::int64_t now, std::optional<std::int64_t> user_id);

// May the user enter or change the count between these settings'
// organisations: staff of either, coordinators and admins.
bool may_enter_pathway(const accounts::User& u, const std::string& sending_organization,
                       const std::string& receiving_organization);
// Errors of an entered count (settings' existence checked by the caller).
FieldErrors validate_pathway(const std::string& sending, const std::string& receiving,
                             const std::optional<int>& school_year, const std::optional<std::int64_t>& children);

// Texts the picture needs, in the reader's language.
struct PathwayPictureText {
  std::string title, description, table_id;
  std::string kind_label[3];  // childcare, pre-school, out-of-school care
  std::string fewer_than;     // "fewer than 5"
  std::string no_pathway;     // "no partner pathway"
};
// The SVG picture (role="img", <title>, <desc>, aria-describedby the table).
std::string pathway_svg(const PathwayView& v, const PathwayPictureText& t);

}  // namespace samen::transitions
