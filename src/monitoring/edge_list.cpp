// Reading and checking the edge list of `samen network-metrics` (see
// edge_list.hpp). Lines are read with the project's strict CSV reader; every
// line's problems are collected (up to max_errors) so one run shows them all.
#include "monitoring/edge_list.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "util/csv.hpp"
#include "util/text.hpp"

namespace samen::monitoring {

namespace {

constexpr std::size_t kMaxNameBytes = 4096;  // a longer field is a broken file, not a name
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Where each column is, from the header.
struct Columns {
  std::size_t source = kNone, target = kNone, weight = kNone;
  std::size_t count = 0;
};

class Collector {
 public:
  explicit Collector(std::size_t max) : max_(max) {}
  void add(std::size_t line, std::string message) {
    if (errors_.size() < max_) errors_.push_back({line, std::move(message)});
  }
  bool full() const { return errors_.size() >= max_; }
  bool empty() const { return errors_.empty(); }
  std::vector<LineError> take() { return std::move(errors_); }

 private:
  std::size_t max_;
  std::vector<LineError> errors_;
};

Columns read_header(const std::vector<csv::Field>& fields, std::size_t line, const EdgeListOptions& options,
                    Collector& errors) {
  Columns c;
  c.count = fields.size();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string name = text::trimmed(fields[i].text);
    std::size_t* slot = nullptr;
    if (name == "source") slot = &c.source;
    else if (name == "target") slot = &c.target;
    else if (options.weight_column && name == *options.weight_column) slot = &c.weight;
    else if (name == "weight") continue;  // the optional column, unused without --weight
    else {
      errors.add(line, "unknown column '" + text::replace_invalid_utf8(name) +
                           "' (the columns are source, target and the --weight column)");
      continue;
    }
    if (*slot != kNone) errors.add(line, "the column '" + name + "' appears twice");
    *slot = i;
  }
  if (c.source == kNone) errors.add(line, "the header has no 'source' column");
  if (c.target == kNone) errors.add(line, "the header has no 'target' column");
  if (options.weight_column && c.weight == kNone)
    errors.add(line, "the header has no '" + text::replace_invalid_utf8(*options.weight_column) +
                         "' column (named by --weight)");
  return c;
}

// A node name from a field; empty (and an error) when it is not usable.
std::string read_name(const csv::Field& field, const char* column, std::size_t line, Collector& errors) {
  std::string name = text::trimmed(field.text);
  if (name.empty()) errors.add(line, std::string("the ") + column + " is empty");
  else if (!text::valid_utf8(name)) errors.add(line, std::string("the ") + column + " is not valid UTF-8 text");
  else return name;
  return {};
}

std::optional<double> read_weight(const csv::Field& field, std::size_t line, Collector& errors) {
  std::string_view s = text::trim(field.text);
  if (s.empty()) {
    errors.add(line, "the weight is empty");
    return std::nullopt;
  }
  double w = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), w);
  std::string shown = text::replace_invalid_utf8(text::utf8_prefix(s, 40));
  if (ec != std::errc() || end != s.data() + s.size()) errors.add(line, "the weight '" + shown + "' is not a number");
  else if (!std::isfinite(w)) errors.add(line, "the weight '" + shown + "' is not a finite number");
  // igraph's path algorithms take weights as lengths and need them > 0.
  else if (w < 0) errors.add(line, "the weight " + shown + " is negative (weights are lengths, above 0)");
  else if (w == 0) errors.add(line, "the weight is 0 (weights are lengths, above 0)");
  else return w;
  return std::nullopt;
}

class Builder {
 public:
  explicit Builder(bool directed) { list_.network.directed = directed; }

  std::size_t node(const std::string& name) {
    auto [it, added] = index_.try_emplace(name, list_.ids.size());
    if (added) list_.ids.push_back(name);
    return it->second;
  }
  // Adds the tie unless it is there already; returns the line of the first
  // one then (0 when added).
  std::size_t add(std::size_t s, std::size_t t, std::optional<double> weight, std::size_t line) {
    std::uint64_t a = list_.network.directed ? s : std::min(s, t), b = list_.network.directed ? t : std::max(s, t);
    auto [it, added] = lines_.try_emplace((a << 32) | b, line);
    if (!added) return it->second;
    list_.network.ties.emplace_back(s, t);
    if (weight) list_.network.weights.push_back(*weight);
    return 0;
  }
  EdgeList take() {
    list_.network.nodes = list_.ids.size();
    return std::move(list_);
  }

 private:
  EdgeList list_;
  std::unordered_map<std::string, std::size_t> index_;
  std::unordered_map<std::uint64_t, std::size_t> lines_;  // (source, target) → line of the tie
};

}  // namespace

EdgeList read_edge_list(std::istream& in, const EdgeListOptions& options) {
  Collector errors(options.max_errors);
  csv::Reader reader(in, kMaxNameBytes);
  std::vector<csv::Field> fields;
  Builder builder(options.directed);
  try {
    if (!reader.next(fields)) throw EdgeListError({{1, "the file is empty (a header source,target is needed)"}});
    Columns cols = read_header(fields, reader.record_line(), options, errors);
    if (!errors.empty()) throw EdgeListError(errors.take());
    while (!errors.full() && reader.next(fields)) {
      std::size_t line = reader.record_line();
      if (fields.size() != cols.count) {
        errors.add(line, "expected " + std::to_string(cols.count) + " fields, found " + std::to_string(fields.size()));
        continue;
      }
      std::string source = read_name(fields[cols.source], "source", line, errors);
      std::string target = read_name(fields[cols.target], "target", line, errors);
      std::optional<double> weight;
      if (cols.weight != kNone) {
        weight = read_weight(fields[cols.weight], line, errors);
        if (!weight) continue;
      }
      if (source.empty() || target.empty()) continue;
      if (source == target) {
        errors.add(line, "a tie from '" + source + "' to itself");
        continue;
      }
      std::size_t s = builder.node(source), t = builder.node(target);
      if (std::size_t first = builder.add(s, t, weight, line))
        errors.add(line, "the tie " + source + (options.directed ? " -> " : " -- ") + target +
                             " appears twice (first on line " + std::to_string(first) + ")");
    }
  } catch (const csv::Error& e) {
    errors.add(e.line, e.what());  // the CSV cannot be followed past broken quoting
  }
  if (!errors.empty()) throw EdgeListError(errors.take());
  return builder.take();
}

}  // namespace samen::monitoring
