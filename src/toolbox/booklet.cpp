// The booklet's book; see booklet.hpp.
#include "toolbox/booklet.hpp"

#include <algorithm>

#include "toolbox/render.hpp"

namespace samen::toolbox {

namespace {

using documents::Block;
using documents::Rich;

void add_field(const app::Context& ctx, documents::Chapter& ch, const MethodView& v, const char* field) {
  const std::string& value = v.text->field(field);
  if (value.empty()) return;
  ch.blocks.push_back(Block::heading(Rich(ctx.t(std::string("toolbox.field.") + field))));
  for (auto& b : documents::plain_text_blocks(value)) ch.blocks.push_back(std::move(b));
}

std::vector<Block::Row> facts(const app::Context& ctx, const Method& m, const MethodView& v) {
  std::vector<Block::Row> rows;
  auto row = [&](const char* field, const std::string& value) {
    if (!value.empty()) rows.push_back({Rich(ctx.t(std::string("toolbox.field.") + field)), Rich(value), {}});
  };
  row("phase", v.phase);
  row("topics", v.topics);
  row("group_size", v.group);
  row("duration_minutes", v.duration);
  row("languages", v.languages);
  row("licence", m.licence);
  return rows;
}

// "Adapted from another method: <the original> · by <team> · because <reason>"; the original links to its
// chapter when the booklet has it, else it is named by its id.
Rich lineage(const app::Context& ctx, const Method& m, const MethodView& v, const std::vector<Method>& methods) {
  Rich r(ctx.t("toolbox.adapted_from") + " ");
  auto original = std::find_if(methods.begin(), methods.end(), [&](const Method& x) { return x.id == m.adapted_from; });
  if (original != methods.end())
    r.open_chapter_link(original->id).add(original->name_in(std::string(i18n::code(ctx.lang)))).close();
  else
    r.add(m.adapted_from);
  if (!v.adapted_by.empty()) r.add(" · " + ctx.t("toolbox.adapted_by") + " " + v.adapted_by);
  if (!m.adaptation_reason.empty()) r.add(" · " + ctx.t("toolbox.because") + " " + m.adaptation_reason);
  return r;
}

documents::Chapter chapter(const app::Context& ctx, const Method& m, const core::Network& n,
                           const std::vector<Method>& methods) {
  MethodView v = method_view(ctx, m, n);
  documents::Chapter ch;
  ch.key = m.id;
  ch.title = v.text->name.empty() ? m.id : v.text->name;
  ch.group = v.phase;
  std::string note = "· " + v.phase;
  if (!m.translations.count(std::string(i18n::code(ctx.lang)))) note += " · " + ctx.t("toolbox.booklet.not_translated");
  ch.toc_note = Rich(note);
  if (!v.shown_in.empty()) ch.blocks.push_back(Block::paragraph(Rich().add(ctx.t("toolbox.shown_in") + " " + v.shown_in, Rich::Style::italic)));
  ch.blocks.push_back(Block::facts(facts(ctx, m, v)));
  if (!m.adapted_from.empty()) ch.blocks.push_back(Block::paragraph(lineage(ctx, m, v, methods)));
  for (std::size_t i = 0; i < kFieldsBeforeSteps; ++i) add_field(ctx, ch, v, kShownFields[i]);
  if (!v.steps.empty()) {
    ch.blocks.push_back(Block::heading(Rich(ctx.t("toolbox.field.steps"))));
    std::vector<Block::Row> rows;
    for (const auto& s : v.steps) rows.push_back({{}, Rich(s.text), Rich(s.minutes)});
    ch.blocks.push_back(Block::steps(std::move(rows)));
    ch.blocks.push_back(Block::paragraph(Rich().add(v.steps_total, Rich::Style::muted)));
  }
  for (std::size_t i = kFieldsBeforeSteps; i < std::size(kShownFields); ++i) add_field(ctx, ch, v, kShownFields[i]);
  return ch;
}

}  // namespace

documents::Book booklet_book(const app::Context& ctx, const std::vector<Method>& methods, const core::Network& n) {
  documents::Book book;
  book.title = ctx.t("toolbox.booklet.title");
  book.subtitle = ctx.tf("toolbox.count", {{"count", static_cast<std::int64_t>(methods.size())}});
  book.language = std::string(i18n::code(ctx.lang));
  book.contents_title = ctx.t("toolbox.booklet.toc");
  for (const auto& m : methods) book.chapters.push_back(chapter(ctx, m, n, methods));
  return book;
}

}  // namespace samen::toolbox
