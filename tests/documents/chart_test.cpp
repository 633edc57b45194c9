// SVG charts: the <figure> is well-formed XML (parsed with expat), the SVG is
// labelled for screen readers, bars are proportional to their values (grouped
// and stacked), lines break at missing values, the target line sits at its
// value, labels are escaped, and the data table carries every figure.
#include <expat.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "documents/chart.hpp"

namespace samen::documents {
namespace {

struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // character data directly inside
};

// Every element of the XML in document order; fails the test when it is not well-formed.
std::vector<Element> parse(const std::string& xml) {
  std::vector<Element> out;
  struct State {
    std::vector<Element>* out;
    std::vector<std::size_t> open;
  } state{&out, {}};
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"), &XML_ParserFree);
  XML_SetUserData(p.get(), &state);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const XML_Char* name, const XML_Char** atts) {
        auto* s = static_cast<State*>(u);
        Element e{name, {}, {}};
        for (int i = 0; atts[i]; i += 2) e.attributes[atts[i]] = atts[i + 1];
        s->open.push_back(s->out->size());
        s->out->push_back(std::move(e));
      },
      [](void* u, const XML_Char*) { static_cast<State*>(u)->open.pop_back(); });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* t, int n) {
    auto* s = static_cast<State*>(u);
    if (!s->open.empty()) (*s->out)[s->open.back()].text.append(t, static_cast<std::size_t>(n));
  });
  if (XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) != XML_STATUS_OK)
    ADD_FAILURE() << "not well-formed: " << XML_ErrorString(XML_GetErrorCode(p.get())) << " at column "
                  << XML_GetCurrentColumnNumber(p.get()) << "\n" << xml;
  return out;
}

std::vector<Element> with(const std::vector<Element>& all, const std::string& name, const std::string& cls = "") {
  std::vector<Element> out;
  for (const auto& e : all)
    if (e.name == name && (cls.empty() || (e.attributes.count("class") && e.attributes.at("class") == cls))) out.push_back(e);
  return out;
}

double attr(const Element& e, const std::string& name) { return std::stod(e.attributes.at(name)); }

BarChart visits(bool stacked) {
  BarChart c;
  c.id = "visits <1>";
  c.title = "Bezoeken per maand <script>alert(1)</script>";
  c.description = "Consultaties & huisbezoeken, januari tot maart.";
  c.axis_label = "Maand";
  c.categories = {"jan", "feb", "mrt"};
  c.series = {{"Consultaties", {10, 20, 40}}, {"Huisbezoeken & co", {5, std::nullopt, 10}}};
  c.stacked = stacked;
  return c;
}

TEST(DocumentsChart, GroupedBarsAreProportionalAndLabelled) {
  std::string html = bar_chart_figure(visits(false), i18n::Lang::nl);
  auto all = parse(html);
  auto svg = with(all, "svg");
  ASSERT_EQ(svg.size(), 1u);
  EXPECT_EQ(svg[0].attributes["role"], "img");
  EXPECT_EQ(svg[0].attributes["aria-labelledby"], "visits--1--title visits--1--desc");
  EXPECT_EQ(with(all, "title").at(0).text, "Bezoeken per maand <script>alert(1)</script>");
  EXPECT_EQ(html.find("<script>"), std::string::npos) << "escaped";
  EXPECT_EQ(with(all, "desc").at(0).text, "Consultaties & huisbezoeken, januari tot maart.");

  auto bars = with(all, "rect", "bar");
  ASSERT_EQ(bars.size(), 5u) << "no bar for the missing value";
  // Heights in proportion to the values 10, 5, 20, 40, 10 (in drawing order).
  double unit = attr(bars[0], "height") / 10;
  EXPECT_NEAR(attr(bars[1], "height"), 5 * unit, 0.02);
  EXPECT_NEAR(attr(bars[2], "height"), 20 * unit, 0.02);
  EXPECT_NEAR(attr(bars[3], "height"), 40 * unit, 0.02);
  // All stand on the same baseline.
  for (const auto& b : bars) EXPECT_NEAR(attr(b, "y") + attr(b, "height"), attr(bars[0], "y") + attr(bars[0], "height"), 0.02);
  // Side by side within a group.
  EXPECT_NEAR(attr(bars[1], "x"), attr(bars[0], "x") + attr(bars[0], "width"), 0.02);

  auto cells = with(all, "td");
  ASSERT_EQ(cells.size(), 6u);
  EXPECT_EQ(cells[3].text, "–") << "the missing value in the table";
  EXPECT_EQ(with(all, "th").at(2).text, "Huisbezoeken & co");
  EXPECT_EQ(with(all, "caption").at(0).text, "Bezoeken per maand <script>alert(1)</script> — de cijfers");
}

TEST(DocumentsChart, StackedBarsSitOnEachOther) {
  auto all = parse(bar_chart_figure(visits(true), i18n::Lang::fr));
  auto bars = with(all, "rect", "bar");
  ASSERT_EQ(bars.size(), 5u);
  // January: 10 then 5 on top of it.
  EXPECT_NEAR(attr(bars[1], "y") + attr(bars[1], "height"), attr(bars[0], "y"), 0.02);
  EXPECT_NEAR(attr(bars[1], "height") * 2, attr(bars[0], "height"), 0.02);
  EXPECT_NEAR(attr(bars[0], "width"), attr(bars[1], "width"), 0.001);
  auto bad = visits(true);
  bad.series[0].values[0] = -1;
  EXPECT_THROW(bar_chart_figure(bad, i18n::Lang::fr), std::invalid_argument);
}

TEST(DocumentsChart, LinesBreakAtMissingValuesAndShowTheTarget) {
  LineChart c;
  c.id = "reach";
  c.title = "Bereik";
  c.description = "Gezinnen bereikt per kwartaal tegenover het doel van 150.";
  c.axis_label = "Kwartaal";
  c.categories = {"2026-K1", "2026-K2", "2026-K3", "2026-K4"};
  c.series = {{"Jette", {100, 120, std::nullopt, 160}}, {"Laken", {80, 90, 95, 100}}};
  c.target = 150;
  c.target_label = "Doel";
  auto all = parse(line_chart_figure(c, i18n::Lang::en));
  auto paths = with(all, "path", "line");
  ASSERT_EQ(paths.size(), 2u);
  EXPECT_EQ(std::count(paths[0].attributes["d"].begin(), paths[0].attributes["d"].end(), 'M'), 2) << paths[0].attributes["d"];
  EXPECT_EQ(with(all, "circle").size(), 7u);
  auto target = with(all, "line", "target");
  ASSERT_EQ(target.size(), 1u);
  // The target (150) sits between the points for 120 and 160, at its proportional height.
  auto dots = with(all, "circle");
  double y120 = attr(dots[1], "cy"), y160 = attr(dots[2], "cy"), y_target = attr(target[0], "y1");
  EXPECT_NEAR((y120 - y_target) / (y120 - y160), 30.0 / 40.0, 0.001);
  EXPECT_EQ(with(all, "caption").at(0).text, "Bereik — the figures (Doel: 150)");
  auto mismatched = c;
  mismatched.series[1].values.pop_back();
  EXPECT_THROW(line_chart_figure(mismatched, i18n::Lang::en), std::invalid_argument);
}

}  // namespace
}  // namespace samen::documents
