// Surveys' rules without I/O (see definition.hpp): reading and checking a
// definition, checking answers with the skip logic, aggregating results.
#include "surveys/definition.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <set>

#include "util/text.hpp"

namespace samen::surveys {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxQuestions = 200;
constexpr std::size_t kMaxOptions = 50;

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 40) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; });
}

bool known_lang(const std::string& l) { return l == "nl" || l == "fr" || l == "en"; }

LangText lang_text(const json& j, const std::string& where, Problems& p) {
  LangText t;
  if (j.is_null()) return t;
  if (!j.is_object()) {
    p.push_back({where, "surveys.error.text_shape"});
    return t;
  }
  for (const auto& [k, v] : j.items()) {
    if (!known_lang(k) || !v.is_string()) {
      p.push_back({where, "surveys.error.text_shape"});
      continue;
    }
    t[k] = text::trimmed(v.get<std::string>());
  }
  return t;
}

json lang_json(const LangText& t) {
  json j = json::object();
  for (const auto& [k, v] : t) j[k] = v;
  return j;
}

// Each of the survey's languages has a non-empty text of at most `max` bytes.
void check_text(const Definition& d, const LangText& t, const std::string& where, Problems& p, bool required = true,
                std::size_t max = kMaxText) {
  for (const auto& l : d.languages) {
    auto it = t.find(l);
    if (it == t.end() || it->second.empty()) {
      if (required) p.push_back({where + "." + l, "surveys.error.text_missing"});
    } else if (it->second.size() > max || !text::valid_utf8(it->second)) {
      p.push_back({where + "." + l, "surveys.error.text_too_long"});
    }
  }
}

std::optional<double> number_of(const json& j, const std::string& where, Problems& p) {
  if (j.is_null()) return std::nullopt;
  if (!j.is_number()) {
    p.push_back({where, "surveys.error.not_a_number"});
    return std::nullopt;
  }
  return j.get<double>();
}

}  // namespace

std::string in_lang(const LangText& t, i18n::Lang lang) {
  const std::string first(i18n::code(lang));
  for (std::string_view l : {std::string_view(first), std::string_view("nl"), std::string_view("fr"), std::string_view("en")}) {
    auto it = t.find(std::string(l));
    if (it != t.end() && !it->second.empty()) return it->second;
  }
  return t.empty() ? "" : t.begin()->second;
}

std::string_view type_name(QuestionType t) {
  switch (t) {
    case QuestionType::single: return "single";
    case QuestionType::multiple: return "multiple";
    case QuestionType::likert: return "likert";
    case QuestionType::number: return "number";
    case QuestionType::text: return "text";
  }
  return "single";
}

std::optional<QuestionType> parse_type(std::string_view s) {
  for (auto t : {QuestionType::single, QuestionType::multiple, QuestionType::likert, QuestionType::number,
                 QuestionType::text})
    if (type_name(t) == s) return t;
  return std::nullopt;
}

const Question* Definition::question(const std::string& id) const {
  for (const auto& q : questions)
    if (q.id == id) return &q;
  return nullptr;
}

std::vector<std::string> codes_of(const Question& q) {
  std::vector<std::string> out;
  if (q.type == QuestionType::likert)
    for (std::size_t i = 1; i <= q.scale.size(); ++i) out.push_back(std::to_string(i));
  else
    for (const auto& o : q.options) out.push_back(o.code);
  return out;
}

Definition definition_from_json(const json& j, Problems& p) {
  Definition d;
  if (!j.is_object()) {
    p.push_back({"definition", "surveys.error.not_an_object"});
    return d;
  }
  if (j.contains("languages")) {
    d.languages.clear();
    if (!j["languages"].is_array()) p.push_back({"languages", "surveys.error.languages"});
    else
      for (const auto& l : j["languages"])
        if (l.is_string() && known_lang(l.get<std::string>())) d.languages.push_back(l.get<std::string>());
        else p.push_back({"languages", "surveys.error.languages"});
  }
  d.title = lang_text(j.value("title", json()), "title", p);
  d.intro = lang_text(j.value("intro", json()), "intro", p);
  const json qs = j.value("questions", json::array());
  if (!qs.is_array()) {
    p.push_back({"questions", "surveys.error.not_a_list"});
    return d;
  }
  for (std::size_t i = 0; i < qs.size(); ++i) {
    const json& qj = qs[i];
    std::string where = "questions[" + std::to_string(i) + "]";
    if (!qj.is_object()) {
      p.push_back({where, "surveys.error.not_an_object"});
      continue;
    }
    Question q;
    q.id = qj.value("id", json("")).is_string() ? qj.value("id", std::string()) : "";
    std::string type = qj.value("type", json("")).is_string() ? qj.value("type", std::string()) : "";
    if (auto t = parse_type(type)) q.type = *t;
    else p.push_back({where + ".type", "surveys.error.type_unknown"});
    if (qj.contains("required") && !qj["required"].is_boolean()) p.push_back({where + ".required", "surveys.error.not_a_boolean"});
    else q.required = qj.value("required", false);
    q.text = lang_text(qj.value("text", json()), where + ".text", p);
    if (qj.contains("options")) {
      if (!qj["options"].is_array()) p.push_back({where + ".options", "surveys.error.not_a_list"});
      else
        for (const auto& oj : qj["options"]) {
          Option o;
          if (!oj.is_object() || !oj.value("code", json()).is_string()) {
            p.push_back({where + ".options", "surveys.error.option_shape"});
            continue;
          }
          o.code = oj["code"].get<std::string>();
          o.label = lang_text(oj.value("label", json()), where + ".options", p);
          q.options.push_back(std::move(o));
        }
    }
    if (qj.contains("scale")) {
      if (!qj["scale"].is_array()) p.push_back({where + ".scale", "surveys.error.not_a_list"});
      else
        for (const auto& sj : qj["scale"]) q.scale.push_back(lang_text(sj, where + ".scale", p));
    }
    q.min = number_of(qj.value("min", json()), where + ".min", p);
    q.max = number_of(qj.value("max", json()), where + ".max", p);
    if (qj.contains("integer") && qj["integer"].is_boolean()) q.integer = qj["integer"].get<bool>();
    if (qj.contains("max_length")) {
      if (!qj["max_length"].is_number_integer()) p.push_back({where + ".max_length", "surveys.error.not_a_number"});
      else q.max_length = qj["max_length"].get<std::int64_t>();
    }
    if (qj.contains("show_if") && !qj["show_if"].is_null()) {
      const json& sj = qj["show_if"];
      ShowIf s;
      if (!sj.is_object() || !sj.value("question", json()).is_string() || !sj.value("any_of", json()).is_array()) {
        p.push_back({where + ".show_if", "surveys.error.show_if_shape"});
      } else {
        s.question = sj["question"].get<std::string>();
        for (const auto& c : sj["any_of"])
          if (c.is_string()) s.any_of.push_back(c.get<std::string>());
          else if (c.is_number_integer()) s.any_of.push_back(std::to_string(c.get<std::int64_t>()));
          else p.push_back({where + ".show_if", "surveys.error.show_if_shape"});
        q.show_if = std::move(s);
      }
    }
    d.questions.push_back(std::move(q));
  }
  return d;
}

json to_json(const Definition& d) {
  json j{{"languages", d.languages}, {"title", lang_json(d.title)}, {"intro", lang_json(d.intro)}};
  json qs = json::array();
  for (const auto& q : d.questions) {
    json qj{{"id", q.id}, {"type", type_name(q.type)}, {"required", q.required}, {"text", lang_json(q.text)}};
    if (q.type == QuestionType::single || q.type == QuestionType::multiple) {
      json os = json::array();
      for (const auto& o : q.options) os.push_back({{"code", o.code}, {"label", lang_json(o.label)}});
      qj["options"] = os;
    }
    if (q.type == QuestionType::likert) {
      json s = json::array();
      for (const auto& l : q.scale) s.push_back(lang_json(l));
      qj["scale"] = s;
    }
    if (q.type == QuestionType::number) {
      qj["min"] = q.min ? json(*q.min) : json();
      qj["max"] = q.max ? json(*q.max) : json();
      qj["integer"] = q.integer;
    }
    if (q.type == QuestionType::text) qj["max_length"] = q.max_length;
    if (q.show_if) qj["show_if"] = {{"question", q.show_if->question}, {"any_of", q.show_if->any_of}};
    qs.push_back(std::move(qj));
  }
  j["questions"] = qs;
  return j;
}

json structure(const Definition& d) {
  json j = to_json(d);
  j.erase("title");
  j.erase("intro");
  for (auto& q : j["questions"]) {
    q.erase("text");
    if (q.contains("options"))
      for (auto& o : q["options"]) o.erase("label");
    if (q.contains("scale")) q["scale"] = q["scale"].size();
  }
  // The questions' order is not structure: answers are keyed by question id,
  // and validate() keeps every skip rule pointing to an earlier question, so
  // a reordered survey shows and hides the same questions for the same answers.
  std::sort(j["questions"].begin(), j["questions"].end(),
            [](const json& a, const json& b) { return a.value("id", "") < b.value("id", ""); });
  return j;
}

Problems validate(const Definition& d) {
  Problems p;
  if (d.languages.empty()) p.push_back({"languages", "surveys.error.languages"});
  std::set<std::string> langs(d.languages.begin(), d.languages.end());
  if (langs.size() != d.languages.size()) p.push_back({"languages", "surveys.error.languages"});
  check_text(d, d.title, "title", p, true, 200);
  check_text(d, d.intro, "intro", p, false, 4000);
  if (d.questions.size() > kMaxQuestions) p.push_back({"questions", "surveys.error.too_many_questions"});
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < d.questions.size(); ++i) {
    const Question& q = d.questions[i];
    std::string where = q.id.empty() ? "questions[" + std::to_string(i) + "]" : q.id;
    if (!valid_id(q.id)) p.push_back({where + ".id", "surveys.error.id_format"});
    else if (position.count(q.id)) p.push_back({where + ".id", "surveys.error.id_duplicate"});
    check_text(d, q.text, where + ".text", p);
    switch (q.type) {
      case QuestionType::single:
      case QuestionType::multiple: {
        if (q.options.size() < 2) p.push_back({where + ".options", "surveys.error.options_missing"});
        if (q.options.size() > kMaxOptions) p.push_back({where + ".options", "surveys.error.too_many_options"});
        std::set<std::string> codes;
        for (const auto& o : q.options) {
          if (!valid_id(o.code)) p.push_back({where + ".options", "surveys.error.option_code"});
          else if (!codes.insert(o.code).second) p.push_back({where + ".options", "surveys.error.option_duplicate"});
          check_text(d, o.label, where + ".options." + o.code, p, true, 500);
        }
        break;
      }
      case QuestionType::likert:
        if (q.scale.size() < 4 || q.scale.size() > 7) p.push_back({where + ".scale", "surveys.error.scale_points"});
        for (std::size_t k = 0; k < q.scale.size(); ++k)
          check_text(d, q.scale[k], where + ".scale." + std::to_string(k + 1), p, true, 200);
        break;
      case QuestionType::number:
        if ((q.min && !std::isfinite(*q.min)) || (q.max && !std::isfinite(*q.max)))
          p.push_back({where + ".min", "surveys.error.not_a_number"});
        else if (q.min && q.max && *q.min > *q.max) p.push_back({where + ".min", "surveys.error.min_above_max"});
        break;
      case QuestionType::text:
        if (q.max_length < 1 || q.max_length > 5000) p.push_back({where + ".max_length", "surveys.error.max_length"});
        break;
    }
    if (q.show_if) {
      const ShowIf& s = *q.show_if;
      auto at = position.find(s.question);
      if (s.question == q.id) p.push_back({where + ".show_if", "surveys.error.show_if_self"});
      else if (at == position.end()) {
        // A question later in the list is a forward reference (it could make a cycle); none at all is missing.
        bool later = std::any_of(d.questions.begin() + static_cast<std::ptrdiff_t>(i) + 1, d.questions.end(),
                                 [&](const Question& o) { return o.id == s.question; });
        p.push_back({where + ".show_if", later ? "surveys.error.show_if_forward" : "surveys.error.show_if_missing"});
      } else {
        const Question& target = d.questions[at->second];
        if (target.type == QuestionType::number || target.type == QuestionType::text)
          p.push_back({where + ".show_if", "surveys.error.show_if_type"});
        else {
          auto codes = codes_of(target);
          if (s.any_of.empty()) p.push_back({where + ".show_if", "surveys.error.show_if_codes"});
          for (const auto& c : s.any_of)
            if (std::find(codes.begin(), codes.end(), c) == codes.end())
              p.push_back({where + ".show_if", "surveys.error.show_if_codes"});
        }
      }
    }
    if (valid_id(q.id) && !position.count(q.id)) position[q.id] = i;
  }
  return p;
}

Answer read_answer(const Question& q, const std::vector<std::string>& values, Problems& p) {
  Answer a;
  std::vector<std::string> given;
  for (const auto& v : values) {
    std::string t = text::trimmed(v);
    if (!t.empty() || q.type == QuestionType::text) given.push_back(t);
  }
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
    case QuestionType::likert:
      a.codes = given;
      break;
    case QuestionType::number: {
      if (given.empty()) break;
      if (given.size() > 1) {
        p.push_back({q.id, "surveys.error.one_value"});
        break;
      }
      std::string s = given[0];
      std::replace(s.begin(), s.end(), ',', '.');
      char* end = nullptr;
      errno = 0;
      double v = std::strtod(s.c_str(), &end);
      if (s.empty() || end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v) ||
          s.find_first_of("xXpPnNiI") != std::string::npos)
        p.push_back({q.id, "surveys.error.not_a_number"});
      else
        a.number = v;
      break;
    }
    case QuestionType::text:
      if (given.size() > 1) p.push_back({q.id, "surveys.error.one_value"});
      else if (!given.empty() && !given[0].empty()) a.text = given[0];
      break;
  }
  return a;
}

void check_answer(const Question& q, const Answer& a, Problems& p) {
  switch (q.type) {
    case QuestionType::single:
    case QuestionType::multiple:
    case QuestionType::likert: {
      if (a.number || a.text) p.push_back({q.id, "surveys.error.wrong_type"});
      if (q.type != QuestionType::multiple && a.codes.size() > 1) p.push_back({q.id, "surveys.error.one_value"});
      auto codes = codes_of(q);
      std::set<std::string> seen;
      for (const auto& c : a.codes) {
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) {
          p.push_back({q.id, q.type == QuestionType::likert ? "surveys.error.out_of_range" : "surveys.error.option_unknown"});
          break;
        }
        if (!seen.insert(c).second) {
          p.push_back({q.id, "surveys.error.option_twice"});
          break;
        }
      }
      break;
    }
    case QuestionType::number:
      if (!a.codes.empty() || a.text) p.push_back({q.id, "surveys.error.wrong_type"});
      else if (a.number) {
        if (!std::isfinite(*a.number)) p.push_back({q.id, "surveys.error.not_a_number"});
        else if ((q.min && *a.number < *q.min) || (q.max && *a.number > *q.max))
          p.push_back({q.id, "surveys.error.out_of_range"});
        else if (q.integer && std::floor(*a.number) != *a.number)
          p.push_back({q.id, "surveys.error.not_whole"});
      }
      break;
    case QuestionType::text:
      if (!a.codes.empty() || a.number) p.push_back({q.id, "surveys.error.wrong_type"});
      else if (a.text) {
        if (!text::valid_utf8(*a.text)) p.push_back({q.id, "surveys.error.text_encoding"});
        else if (text::code_points(*a.text) > static_cast<std::size_t>(q.max_length))
          p.push_back({q.id, "surveys.error.too_long"});
      }
      break;
  }
}

bool shown(const Definition& d, const Question& q, const Answers& answers) {
  if (!q.show_if) return true;
  const Question* target = d.question(q.show_if->question);
  if (!target || !shown(d, *target, answers)) return false;  // rules only point backwards: this ends
  auto it = answers.find(q.show_if->question);
  if (it == answers.end()) return false;
  for (const auto& c : it->second.codes)
    if (std::find(q.show_if->any_of.begin(), q.show_if->any_of.end(), c) != q.show_if->any_of.end()) return true;
  return false;
}

Answers visible_answers(const Definition& d, const Answers& answers) {
  Answers out;
  for (const auto& q : d.questions) {
    auto it = answers.find(q.id);
    if (it == answers.end() || it->second.empty()) continue;
    if (shown(d, q, out)) out[q.id] = it->second;  // judged on what stays, so a chain of hidden questions goes
  }
  return out;
}

std::vector<std::string> missing_required(const Definition& d, const Answers& answers) {
  Answers visible = visible_answers(d, answers);
  std::vector<std::string> out;
  for (const auto& q : d.questions)
    if (q.required && shown(d, q, visible) && !visible.count(q.id)) out.push_back(q.id);
  return out;
}

Results aggregate(const Definition& d, const std::vector<Answers>& submitted, std::size_t max_texts) {
  Results r;
  r.responses = static_cast<std::int64_t>(submitted.size());
  for (const auto& q : d.questions) {
    QuestionResult& qr = r.questions[q.id];
    for (const auto& c : codes_of(q)) qr.counts[c] = 0;
    double sum = 0;
    std::int64_t n = 0;
    for (auto it = submitted.rbegin(); it != submitted.rend(); ++it) {  // latest first, as the store lists texts
      auto a = it->find(q.id);
      if (a == it->end() || a->second.empty()) continue;
      ++qr.answered;
      for (const auto& c : a->second.codes) {
        ++qr.counts[c];
        if (q.type == QuestionType::likert) {
          double v = std::stod(c);
          sum += v;
          ++n;
          qr.min = qr.min ? std::min(*qr.min, v) : v;
          qr.max = qr.max ? std::max(*qr.max, v) : v;
        }
      }
      if (a->second.number) {
        double v = *a->second.number;
        sum += v;
        ++n;
        qr.min = qr.min ? std::min(*qr.min, v) : v;
        qr.max = qr.max ? std::max(*qr.max, v) : v;
      }
      if (a->second.text) {
        ++qr.texts_total;
        if (qr.texts.size() < max_texts) qr.texts.push_back(*a->second.text);
      }
    }
    if (n > 0) qr.mean = sum / static_cast<double>(n);
  }
  return r;
}

}  // namespace samen::surveys
