// SVG charts and their data tables; see chart.hpp. Geometry: a fixed
// 640×320 viewBox (scaled by CSS), the value axis on the left with "nice"
// ticks (1, 2 or 5 × 10^n), categories spread evenly along the bottom.
// Colours are the Okabe-Ito palette (distinguishable with colour blindness);
// lines also differ by dash pattern, so a grey print still tells them apart.
#include "documents/chart.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "web/render.hpp"
#include "util/text.hpp"

namespace samen::documents {

std::string svg_text(std::string_view s) {
  std::string clean;
  for (char c : text::replace_invalid_utf8(s))
    if (static_cast<unsigned char>(c) >= 0x20) clean += c;
  return web::html_escape(clean);
}

namespace {

constexpr double kWidth = 640, kHeight = 320;
constexpr double kLeft = 64, kRight = 16, kTop = 16, kBottom = 56;
constexpr std::array<const char*, 8> kColours{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                              "#56B4E9", "#D55E00", "#000000", "#F0E442"};
constexpr std::array<const char*, 4> kDashes{"", "6 3", "2 3", "8 3 2 3"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string safe_id(std::string_view id) {
  std::string out;
  for (char c : id) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
  return out.empty() ? "chart" : out;
}

const char* colour(std::size_t i) { return kColours[i % kColours.size()]; }

// The dash pattern of the k-th line (the first is solid).
std::string dashes(std::size_t k) {
  std::string d = kDashes[k % kDashes.size()];
  return d.empty() ? "" : " stroke-dasharray=\"" + d + "\"";
}

// The value axis: from `low` to `high` (both multiples of `step`, 0 included).
struct Scale {
  double low = 0, high = 1, step = 1;
  double y(double v) const { return kTop + (high - v) / (high - low) * (kHeight - kTop - kBottom); }
};

double nice_step(double range) {
  double raw = range / 5, magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

Scale scale_for(double min_value, double max_value) {
  Scale s;
  double low = std::min(0.0, min_value), high = std::max(0.0, max_value);
  if (high - low <= 0) high = low + 1;
  s.step = nice_step(high - low);
  s.low = std::floor(low / s.step) * s.step;
  s.high = std::ceil(high / s.step) * s.step;
  return s;
}

void check(const Chart& c) {
  for (const auto& s : c.series) {
    if (s.values.size() != c.categories.size())
      throw std::invalid_argument("chart series \"" + s.name + "\" has " + std::to_string(s.values.size()) +
                                  " values for " + std::to_string(c.categories.size()) + " categories");
    for (const auto& v : s.values)
      if (v && !std::isfinite(*v)) throw std::invalid_argument("chart series \"" + s.name + "\" has a value that is no number");
  }
}

std::string svg_open(const Chart& c, const std::string& id) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
         "\" width=\"" + num(kWidth) + "\" height=\"" + num(kHeight) + "\" role=\"img\" aria-labelledby=\"" + id +
         "-title " + id + "-desc\" focusable=\"false\"><title id=\"" + id + "-title\">" + svg_text(c.title) +
         "</title><desc id=\"" + id + "-desc\">" + svg_text(c.description) + "</desc>";
}

// Horizontal grid lines with their values, and the zero line.
std::string value_axis(const Scale& s, i18n::Lang lang) {
  std::string out = "<g class=\"axis\" font-size=\"12\" fill=\"#333\">";
  for (double v = s.low; v <= s.high + s.step / 2; v += s.step) {
    double y = s.y(v);
    out += "<line x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
           "\" stroke=\"" + std::string(std::abs(v) < s.step / 2 ? "#333" : "#ddd") + "\"/>";
    out += "<text x=\"" + num(kLeft - 6) + "\" y=\"" + num(y + 4) + "\" text-anchor=\"end\">" +
           svg_text(i18n::format_number(lang, std::abs(v) < s.step / 1e6 ? 0 : v, 2)) + "</text>";
  }
  return out + "</g>";
}

double band_width(const Chart& c) { return (kWidth - kLeft - kRight) / static_cast<double>(std::max<std::size_t>(1, c.categories.size())); }
double band_centre(const Chart& c, std::size_t i) { return kLeft + band_width(c) * (static_cast<double>(i) + 0.5); }

std::string category_axis(const Chart& c) {
  std::string out = "<g class=\"categories\" font-size=\"12\" fill=\"#333\" text-anchor=\"middle\">";
  // Every label when they fit, else every n-th so they do not overlap.
  std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(c.categories.size() * 60.0 / (kWidth - kLeft - kRight))));
  for (std::size_t i = 0; i < c.categories.size(); i += every)
    out += "<text x=\"" + num(band_centre(c, i)) + "\" y=\"" + num(kHeight - kBottom + 16) + "\">" + svg_text(c.categories[i]) + "</text>";
  return out + "</g>";
}

std::string legend(const Chart& c, bool lines, const std::optional<std::string>& target) {
  std::string out = "<g class=\"legend\" font-size=\"12\" fill=\"#333\">";
  double x = kLeft, y = kHeight - 14;
  auto item = [&](const std::string& swatch, const std::string& name) {
    out += swatch + "<text x=\"" + num(x + 18) + "\" y=\"" + num(y + 4) + "\">" + svg_text(name) + "</text>";
    x += 30 + 7.0 * static_cast<double>(std::min<std::size_t>(name.size(), 24));
  };
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    std::string swatch = lines ? "<line x1=\"" + num(x) + "\" x2=\"" + num(x + 14) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
                                     "\" stroke=\"" + colour(i) + "\" stroke-width=\"3\"" + dashes(i) + "/>"
                               : "<rect x=\"" + num(x) + "\" y=\"" + num(y - 6) + "\" width=\"12\" height=\"12\" fill=\"" + colour(i) + "\"/>";
    item(swatch, c.series[i].name);
  }
  if (target)
    item("<line x1=\"" + num(x) + "\" x2=\"" + num(x + 14) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
             "\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"4 4\"/>",
         *target);
  return out + "</g>";
}

std::string value_text(const std::optional<double>& v, i18n::Lang lang, int digits) {
  return v ? i18n::format_number(lang, *v, digits) : "–";
}

// The figures as a table: one row per category, one column per series.
std::string data_table(const Chart& c, i18n::Lang lang, const std::optional<std::pair<std::string, double>>& target) {
  const auto& catalog = i18n::Catalog::embedded();
  std::string caption = c.title + " — " + catalog.text(lang, "chart.figures");
  if (target) caption += " (" + target->first + ": " + i18n::format_number(lang, target->second, c.max_fraction_digits) + ")";
  std::string out = "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"" + svg_text(caption) +
                    "\"><table class=\"data chart-data\"><caption>" + svg_text(caption) + "</caption><thead><tr><th scope=\"col\">" +
                    svg_text(c.axis_label) + "</th>";
  for (const auto& s : c.series) out += "<th scope=\"col\">" + svg_text(s.name) + "</th>";
  out += "</tr></thead><tbody>";
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    out += "<tr><th scope=\"row\">" + svg_text(c.categories[i]) + "</th>";
    for (const auto& s : c.series) out += "<td>" + svg_text(value_text(s.values[i], lang, c.max_fraction_digits)) + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table></div>";
}

std::string figure(const Chart& c, const std::string& id, const std::string& svg, const std::string& table) {
  return "<figure class=\"chart\" id=\"" + id + "\"><figcaption>" + svg_text(c.title) + "</figcaption>" + svg + table + "</figure>";
}

// A bar's rectangle with its value as a tooltip.
std::string bar(double x, double w, double y_top, double y_bottom, std::size_t series, const std::string& tip) {
  return "<rect class=\"bar\" x=\"" + num(x) + "\" y=\"" + num(y_top) + "\" width=\"" + num(w) + "\" height=\"" +
         num(y_bottom - y_top) + "\" fill=\"" + colour(series) + "\"><title>" + svg_text(tip) + "</title></rect>";
}

}  // namespace

std::string bar_chart_figure(const BarChart& c, i18n::Lang lang) {
  check(c);
  double min_v = 0, max_v = 0;
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    double stack = 0;
    for (const auto& s : c.series) {
      double v = s.values[i].value_or(0);
      if (c.stacked && v < 0) throw std::invalid_argument("a stacked bar chart cannot show negative values");
      stack += v;
      min_v = std::min(min_v, v);
      max_v = std::max(max_v, c.stacked ? stack : v);
    }
  }
  Scale s = scale_for(min_v, max_v);
  std::string id = safe_id(c.id);
  std::string svg = svg_open(c, id) + value_axis(s, lang) + "<g class=\"bars\">";
  double band = band_width(c), inner = band * 0.8;
  std::size_t n = std::max<std::size_t>(1, c.series.size());
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    double left = kLeft + band * static_cast<double>(i) + band * 0.1, stack = 0;
    for (std::size_t k = 0; k < c.series.size(); ++k) {
      const auto& v = c.series[k].values[i];
      if (!v) continue;
      std::string tip = c.categories[i] + ", " + c.series[k].name + ": " + value_text(v, lang, c.max_fraction_digits);
      if (c.stacked) {
        svg += bar(left, inner, s.y(stack + *v), s.y(stack), k, tip);
        stack += *v;
      } else {
        double w = inner / static_cast<double>(n);
        svg += bar(left + w * static_cast<double>(k), w, s.y(std::max(0.0, *v)), s.y(std::min(0.0, *v)), k, tip);
      }
    }
  }
  svg += "</g>" + category_axis(c) + legend(c, false, std::nullopt) + "</svg>";
  return figure(c, id, svg, data_table(c, lang, std::nullopt));
}

std::string line_chart_figure(const LineChart& c, i18n::Lang lang) {
  check(c);
  if (c.target && !std::isfinite(*c.target)) throw std::invalid_argument("the target of a line chart is no number");
  double min_v = c.target.value_or(0), max_v = c.target.value_or(0);
  for (const auto& s : c.series)
    for (const auto& v : s.values)
      if (v) min_v = std::min(min_v, *v), max_v = std::max(max_v, *v);
  Scale s = scale_for(min_v, max_v);
  std::string id = safe_id(c.id);
  std::string svg = svg_open(c, id) + value_axis(s, lang);
  if (c.target) {
    double y = s.y(*c.target);
    svg += "<line class=\"target\" x1=\"" + num(kLeft) + "\" x2=\"" + num(kWidth - kRight) + "\" y1=\"" + num(y) +
           "\" y2=\"" + num(y) + "\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"4 4\"/>";
  }
  svg += "<g class=\"lines\" fill=\"none\" stroke-width=\"3\" stroke-linejoin=\"round\">";
  for (std::size_t k = 0; k < c.series.size(); ++k) {
    // A missing value breaks the line: a new "M" starts after it.
    std::string path, dots;
    bool pen_down = false;
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      const auto& v = c.series[k].values[i];
      if (!v) {
        pen_down = false;
        continue;
      }
      std::string x = num(band_centre(c, i)), y = num(s.y(*v));
      path += (pen_down ? " L" : (path.empty() ? "M" : " M")) + x + " " + y;
      pen_down = true;
      dots += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"4\" fill=\"" + colour(k) + "\"><title>" +
              svg_text(c.categories[i] + ", " + c.series[k].name + ": " + value_text(v, lang, c.max_fraction_digits)) +
              "</title></circle>";
    }
    if (!path.empty())
      svg += "<path class=\"line\" d=\"" + path + "\" stroke=\"" + colour(k) + "\"" + dashes(k) + "/>";
    svg += dots;
  }
  svg += "</g>" + category_axis(c) +
         legend(c, true, c.target ? std::optional<std::string>(c.target_label) : std::nullopt) + "</svg>";
  std::optional<std::pair<std::string, double>> target;
  if (c.target) target.emplace(c.target_label, *c.target);
  return figure(c, id, svg, data_table(c, lang, target));
}

}  // namespace samen::documents
