// Charts drawn on the server as SVG, each with its figures as an HTML data
// table: bar charts (grouped or stacked) and line charts (values over time,
// an optional target line). The output is a <figure> to place in a page
// with {{CHART_HTML:none}}: readable without JavaScript, in print, and by
// screen readers (role="img" with <title> and <desc>, and the table).
// Every text is escaped here. Plain text out, no I/O.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace samen::documents {

struct ChartSeries {
  std::string name;                         // legend and table column
  std::vector<std::optional<double>> values;  // one per category or point; nullopt = no value
};

struct Chart {
  std::string id;           // unique on the page, e.g. "chart-visits" (other characters become '-')
  std::string title;        // figure caption and the SVG's <title>
  std::string description;  // the SVG's <desc>: what the chart shows, in a sentence or two
  std::string axis_label;   // what the categories or points are ("Month"), the table's first column
  std::vector<std::string> categories;  // bar groups, or the points in time of a line chart, in order
  std::vector<ChartSeries> series;
  int max_fraction_digits = 1;  // of the numbers shown
};

struct BarChart : Chart {
  bool stacked = false;  // one bar per category, series on top of each other (values must be >= 0)
};

struct LineChart : Chart {
  std::optional<double> target;  // a dashed horizontal line, e.g. the year's goal
  std::string target_label;      // its name in the legend and the table's caption
};

// Throw std::invalid_argument when a series has another number of values than
// there are categories, a value is not finite, or a stacked bar chart has a
// negative value.
std::string bar_chart_figure(const BarChart& chart, i18n::Lang lang);
std::string line_chart_figure(const LineChart& chart, i18n::Lang lang);

// Text safe inside SVG (and HTML): valid UTF-8, control characters dropped, escaped. For other modules'
// server-side pictures (the network diagram).
std::string svg_text(std::string_view s);

}  // namespace samen::documents
