// Result cards (see service_card.hpp): built from a ServiceDocument when a
// service is indexed, read back when a results page is shown.
#include "directory/search/service_card.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/brussels.hpp"
#include "web/highlight.hpp"
#include "directory/model/schedule.hpp"

namespace samen::directory {

using web::excerpt;

namespace {

nlohmann::json texts_json(const LangTexts& t) { return nlohmann::json::array({t[0], t[1], t[2]}); }

LangTexts texts_from(const nlohmann::json& j) {
  LangTexts t;
  if (!j.is_array()) return t;
  for (std::size_t i = 0; i < t.size() && i < j.size(); ++i)
    if (j[i].is_string()) t[i] = j[i].get<std::string>();
  return t;
}

std::optional<double> number_from(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::vector<std::string> strings_from(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

ServiceCard card_of(const detail::ServiceDocument& d) {
  ServiceCard c;
  for (std::size_t l = 0; l < 3; ++l) {
    c.name[l] = d.own_name[l];
    if (!d.own_description[l].empty()) c.description[l] = excerpt(d.own_description[l], kCardDescriptionChars);
    c.organization[l] = d.organization_name[l];
  }
  c.municipalities.assign(d.municipalities.begin(), d.municipalities.end());
  c.minimum_age = d.min_age;
  c.maximum_age = d.max_age;
  for (auto cost : d.costs) c.costs.push_back(detail::cost_name(cost));
  std::sort(c.costs.begin(), c.costs.end());
  c.costs.erase(std::unique(c.costs.begin(), c.costs.end()), c.costs.end());
  c.hours = detail::encode_hours(d.hours);
  return c;
}

std::string encode_card(const ServiceCard& c) {
  nlohmann::json j = {{"v", 1},
                      {"n", texts_json(c.name)},
                      {"d", texts_json(c.description)},
                      {"o", texts_json(c.organization)},
                      {"m", c.municipalities},
                      {"c", c.costs},
                      {"h", c.hours}};
  if (c.minimum_age) j["a0"] = *c.minimum_age;
  if (c.maximum_age) j["a1"] = *c.maximum_age;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<ServiceCard> decode_card(std::string_view text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("v", 0) != 1) return std::nullopt;
  ServiceCard c;
  c.name = texts_from(j.value("n", nlohmann::json()));
  c.description = texts_from(j.value("d", nlohmann::json()));
  c.organization = texts_from(j.value("o", nlohmann::json()));
  c.municipalities = strings_from(j, "m");
  c.costs = strings_from(j, "c");
  c.minimum_age = number_from(j, "a0");
  c.maximum_age = number_from(j, "a1");
  if (auto h = j.find("h"); h != j.end() && h->is_string()) c.hours = h->get<std::string>();
  return c;
}

ServiceSummary summary_of(const std::string& service_id, const ServiceCard& c, i18n::Lang reader, std::int64_t now) {
  ServiceSummary s;
  s.id = service_id;
  s.name = pick_text(c.name, reader);
  s.description = pick_text(c.description, reader);
  s.organization = pick_text(c.organization, reader).text;
  for (const auto& nis : c.municipalities)
    if (const core::Municipality* m = core::municipality_by_nis(nis)) s.municipalities.push_back(m->name(reader));
  std::sort(s.municipalities.begin(), s.municipalities.end());
  s.municipalities.erase(std::unique(s.municipalities.begin(), s.municipalities.end()), s.municipalities.end());
  s.minimum_age = c.minimum_age;
  s.maximum_age = c.maximum_age;
  s.costs = c.costs;
  const OpeningHours hours = detail::decode_hours(c.hours);
  s.has_hours = !hours.empty();
  s.open_now = s.has_hours && is_open_at(hours, now);
  return s;
}

}  // namespace samen::directory
