// What the toolbox's pages share to show a method: its fields in the
// reader's language (with a note when shown in another one), steps as text
// and back, ratings and field labels. Every value goes through the
// template's auto-escaping, so HTML in any field shows as text.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/context.hpp"
#include "core/network.hpp"
#include "toolbox/method.hpp"

namespace samen::toolbox {

// An integer in [min, max] from text, or nullopt.
std::optional<std::int64_t> parse_count(std::string_view text, std::int64_t min, std::int64_t max);
// Steps as the form's text: one line per step, "minutes | description".
std::string steps_text(const std::vector<Step>& steps);
// The form's text as steps (blank lines skipped; a line without "|" has 0
// minutes); false when a line's minutes are no number in 0..1440.
bool parse_steps(std::string_view text, std::vector<Step>& out);
// "4,3 / 5 (12)".
std::string rating_text(const app::Context& ctx, double mean, std::int64_t count);
// The label of a field: "phase", "nl.aim" → "Doel (Nederlands)", "nl.step.03" → "Stap 3 (Nederlands)".
std::string field_label(const app::Context& ctx, const std::string& field);

// What a method shows in the reader's language (ctx.lang), for every page and print that shows one:
// the method page, the card and the booklet's HTML (fill_method) and the booklet's PDF (booklet.hpp).
struct MethodView {
  const Translation* text = nullptr;  // the translation shown (an empty one when there is none)
  std::string shown_in;               // the language shown instead of the reader's, "" when it is the reader's
  std::string phase, topics, group, duration, languages;
  struct StepView {
    std::string text, minutes;  // minutes: "" when the step has no time
  };
  std::vector<StepView> steps;
  std::string steps_total;  // "" without steps
  std::string adapted_by;   // the adapting team's name, if known
};
MethodView method_view(const app::Context& ctx, const Method& m, const core::Network& n);
// The text fields a method shows, in order; its steps come after `kFieldsBeforeSteps` of them.
inline constexpr const char* kShownFields[] = {"aim", "when_to_use", "for_whom", "preparation",
                                               "tips", "variations", "pitfalls", "source"};
inline constexpr std::size_t kFieldsBeforeSteps = 4;

// The method's fields as HTML (toolbox_method_body.tpl) for the method page, the card and the booklet;
// `d` also gets ID, NAME and BODY_HTML.
std::string fill_method(const app::Context& ctx, web::Dict& d, const Method& m, const core::Network& n);

}  // namespace samen::toolbox
