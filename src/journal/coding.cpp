// Qualitative coding's rules without I/O (coding.hpp): codebook checks,
// colours, code-point offsets, paragraphs and re-anchoring.
#include "journal/coding.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <set>

#include "i18n/brussels_time.hpp"

namespace samen::journal {

using accounts::Role;

bool may_manage_codebook(Role r) { return r == Role::admin || r == Role::coordinator || r == Role::facilitator; }
bool may_read_codebook(Role r) { return may_manage_codebook(r) || r == Role::partner; }

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// WCAG relative luminance of a valid #rrggbb colour.
double luminance(std::string_view colour) {
  double channel[3];
  for (int i = 0; i < 3; ++i) {
    double v = (hex(colour[1 + 2 * i]) * 16 + hex(colour[2 + 2 * i])) / 255.0;
    channel[i] = v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  }
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

const Code* find(const std::vector<Code>& codes, std::string_view id) {
  for (const auto& c : codes)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace

bool valid_colour(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  return std::all_of(colour.begin() + 1, colour.end(), [](char c) { return hex(c) >= 0; });
}

double contrast_ratio(std::string_view a, std::string_view b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string badge_text_colour(std::string_view background) {
  static constexpr const char* kDark = "#000000";
  static constexpr const char* kLight = "#ffffff";
  if (!valid_colour(background)) return kDark;
  return contrast_ratio(background, kDark) >= contrast_ratio(background, kLight) ? kDark : kLight;
}

bool makes_cycle(const std::vector<Code>& codes, std::string_view id, std::string_view parent_id) {
  // Walk up from the proposed parent; meeting the code itself is a cycle.
  // The step limit guards against a cycle already stored.
  std::string_view at = parent_id;
  for (std::size_t steps = 0; !at.empty() && steps <= codes.size(); ++steps) {
    if (at == id) return true;
    const Code* c = find(codes, at);
    if (!c) return false;
    at = c->parent_id;
  }
  return !at.empty();
}

CodeErrors validate_code(const Code& c, const std::vector<Code>& codes) {
  CodeErrors e;
  for (auto [field, value] : {std::pair{"label_nl", &c.label_nl}, std::pair{"label_fr", &c.label_fr},
                              std::pair{"label_en", &c.label_en}}) {
    if (value->empty()) e[field] = "journal.coding.error.label_required";
    else if (value->size() > 200) e[field] = "journal.coding.error.too_long";
  }
  if (c.description.size() > 5000) e["description"] = "journal.coding.error.too_long";
  if (!valid_colour(c.colour)) e["colour"] = "journal.coding.error.colour";
  if (!c.parent_id.empty()) {
    const Code* parent = find(codes, c.parent_id);
    if (!parent) e["parent_id"] = "journal.coding.error.parent_unknown";
    else if (!c.id.empty() && makes_cycle(codes, c.id, c.parent_id)) e["parent_id"] = "journal.coding.error.cycle";
  }
  return e;
}

std::vector<std::string> subtree_ids(const std::vector<Code>& codes, std::string_view id) {
  std::vector<std::string> out{std::string(id)};
  for (std::size_t i = 0; i < out.size() && out.size() <= codes.size() + 1; ++i)
    for (const auto& c : codes)
      if (c.parent_id == out[i] && std::find(out.begin(), out.end(), c.id) == out.end()) out.push_back(c.id);
  return out;
}

std::vector<std::pair<const Code*, int>> tree_order(const std::vector<Code>& codes, i18n::Lang lang) {
  std::vector<std::pair<const Code*, int>> out;
  std::set<std::string> placed;
  std::function<void(std::string_view, int)> add = [&](std::string_view parent, int depth) {
    std::vector<const Code*> children;
    for (const auto& c : codes)
      if (c.parent_id == parent && !placed.contains(c.id)) children.push_back(&c);
    std::sort(children.begin(), children.end(), [&](const Code* a, const Code* b) {
      return a->label(lang) < b->label(lang);
    });
    for (const Code* c : children) {
      if (!placed.insert(c->id).second) continue;
      out.emplace_back(c, depth);
      add(c->id, depth + 1);
    }
  };
  add("", 0);
  // A code whose parent is missing (or a stored cycle) still shows, at the top level.
  for (const auto& c : codes)
    if (!placed.contains(c.id)) {
      placed.insert(c.id);
      out.emplace_back(&c, 0);
      add(c.id, 1);
    }
  return out;
}

std::string root_of(const std::vector<Code>& codes, std::string_view id) {
  std::string at(id);
  for (std::size_t steps = 0; steps <= codes.size(); ++steps) {
    const Code* c = find(codes, at);
    if (!c || c->parent_id.empty() || !find(codes, c->parent_id)) return at;
    at = c->parent_id;
  }
  return at;
}

std::int64_t cp_length(std::string_view text) {
  std::int64_t n = 0;
  for (unsigned char c : text) n += !continuation(c);
  return n;
}

std::size_t cp_to_byte(std::string_view text, std::int64_t cp) {
  if (cp <= 0) return 0;
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!continuation(static_cast<unsigned char>(text[i])) && seen++ == cp) return i;
  return text.size();
}

std::string cp_substr(std::string_view text, std::int64_t start, std::int64_t end) {
  std::size_t b = cp_to_byte(text, start), e = cp_to_byte(text, end);
  return e > b ? std::string(text.substr(b, e - b)) : std::string();
}

std::optional<std::string> passage_error(std::int64_t start, std::int64_t end, std::int64_t length) {
  if (start < 0 || end < 0) return "journal.coding.error.offset_negative";
  if (end < start) return "journal.coding.error.offset_reversed";
  if (end == start) return "journal.coding.error.offset_empty";
  if (end > length) return "journal.coding.error.offset_outside";
  return std::nullopt;
}

std::vector<Paragraph> paragraphs(std::string_view notes) {
  std::vector<Paragraph> out;
  auto blank = [](std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
  };
  std::int64_t cp = 0;  // code points before `pos`
  std::size_t pos = 0;
  std::optional<std::size_t> para_start;  // bytes
  std::int64_t para_cp = 0;
  std::size_t para_end = 0;
  std::int64_t para_end_cp = 0;
  auto close = [&] {
    if (!para_start) return;
    std::string_view raw = notes.substr(*para_start, para_end - *para_start);
    // Trim white space at both ends, counting what is cut in code points (ASCII).
    std::size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t' || raw[lead] == '\r' || raw[lead] == '\n')) ++lead;
    std::size_t trail = raw.size();
    while (trail > lead && (raw[trail - 1] == ' ' || raw[trail - 1] == '\t' || raw[trail - 1] == '\r' || raw[trail - 1] == '\n'))
      --trail;
    if (trail > lead) {
      Paragraph p;
      p.start = para_cp + static_cast<std::int64_t>(lead);
      p.end = para_end_cp - static_cast<std::int64_t>(raw.size() - trail);
      p.text = std::string(raw.substr(lead, trail - lead));
      out.push_back(std::move(p));
    }
    para_start.reset();
  };
  while (pos <= notes.size()) {
    std::size_t nl = notes.find('\n', pos);
    std::size_t line_end = nl == std::string_view::npos ? notes.size() : nl;
    std::string_view line = notes.substr(pos, line_end - pos);
    std::int64_t line_cp = cp_length(line);
    if (blank(line)) {
      close();
    } else {
      if (!para_start) {
        para_start = pos;
        para_cp = cp;
      }
      para_end = line_end;
      para_end_cp = cp + line_cp;
    }
    if (nl == std::string_view::npos) break;
    cp += line_cp + 1;
    pos = nl + 1;
  }
  close();
  return out;
}

std::int64_t stored_offset(std::string_view text, std::int64_t shown) {
  std::int64_t cp = 0;
  std::size_t i = 0;
  for (std::int64_t s = 0; s < shown && i < text.size(); ++s) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 2;
      cp += 2;
      continue;
    }
    std::size_t len = 1;
    while (i + len < text.size() && continuation(static_cast<unsigned char>(text[i + len]))) ++len;
    i += len;
    ++cp;
  }
  return cp;
}

std::vector<Anchored> reanchor(std::string_view old_notes, std::string_view notes, const std::vector<Anchor>& anchors) {
  // The common prefix and suffix of the two versions, at character boundaries.
  std::size_t prefix = 0;
  while (prefix < old_notes.size() && prefix < notes.size() && old_notes[prefix] == notes[prefix]) ++prefix;
  while (prefix > 0 && prefix < old_notes.size() && continuation(static_cast<unsigned char>(old_notes[prefix]))) --prefix;
  std::size_t suffix = 0;
  while (suffix < old_notes.size() - prefix && suffix < notes.size() - prefix &&
         old_notes[old_notes.size() - 1 - suffix] == notes[notes.size() - 1 - suffix])
    ++suffix;
  while (suffix > 0 && continuation(static_cast<unsigned char>(old_notes[old_notes.size() - suffix]))) --suffix;
  const std::int64_t old_length = cp_length(old_notes), new_length = cp_length(notes);
  const std::int64_t suffix_from = old_length - cp_length(old_notes.substr(old_notes.size() - suffix));
  auto expected = [&](std::int64_t old_start) {
    return old_start >= suffix_from ? old_start + (new_length - old_length) : old_start;
  };

  // Byte → code point for every character start, built once for all passages.
  std::vector<std::int64_t> cp_at(notes.size() + 1, 0);
  std::int64_t cp = 0;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    cp_at[i] = cp;
    cp += !continuation(static_cast<unsigned char>(notes[i]));
  }
  cp_at[notes.size()] = cp;
  std::vector<Anchored> out;
  out.reserve(anchors.size());
  for (const auto& a : anchors) {
    Anchored best;
    best.start = a.start;
    best.end = a.end;
    const std::int64_t target = expected(a.start);
    if (a.passage.empty()) {
      out.push_back(best);
      continue;
    }
    std::int64_t best_distance = -1;
    for (std::size_t at = notes.find(a.passage); at != std::string_view::npos; at = notes.find(a.passage, at + 1)) {
      if (continuation(static_cast<unsigned char>(notes[at]))) continue;  // not at a character boundary
      std::int64_t start = cp_at[at];
      std::int64_t distance = std::llabs(start - target);
      if (best_distance >= 0 && distance >= best_distance) {
        if (start > target) break;  // further occurrences only get further away
        continue;
      }
      best_distance = distance;
      best.found = true;
      best.start = start;
      best.end = cp_at[at + a.passage.size()];
    }
    out.push_back(best);
  }
  return out;
}

std::string period_of(std::int64_t unix_seconds, bool quarter) {
  auto local = i18n::brussels_time(unix_seconds);
  std::string year = local.date.substr(0, 4);
  if (!quarter) return year;
  int month = std::atoi(local.date.substr(5, 2).c_str());
  return year + "-Q" + std::to_string((month - 1) / 3 + 1);
}

}  // namespace samen::journal
