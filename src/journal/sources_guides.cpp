// Pages of interview and focus-group guides and of their answer sets
// (sources_handlers.hpp): the guide list, a guide with its questions and
// history, the guide form (new/edit with optimistic locking, questions
// keeping their ids when moved or reworded), archive/restore; a guide used
// in an activity, its answers or transcript per question (safe Markdown)
// under a visibility equal to or stricter than the activity's, read audit of
// facilitators-only answer sets.
#include <algorithm>

#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/markdown.hpp"
#include "journal/coding_store.hpp"
#include "journal/handlers.hpp"
#include "journal/sources.hpp"
#include "journal/sources_handlers.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

constexpr int kNewQuestionRows = 3;

struct Invalid {
  FieldErrors errors;
};


void require_manager(const Context& ctx) {
  if (!may_manage_guides(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
}

std::string checked_param(const Context& ctx, const char* name) {
  std::string id = ctx.param(name);
  if (id.empty() || id.size() > 100) throw HttpError(404, "not_found", "error.not_found");
  return id;
}

std::optional<std::int64_t> version_of(const http::Form& f) {
  if (f.get("version").empty()) return std::nullopt;
  auto v = parse_bounded(f.get("version"), 0, INT64_MAX);
  if (!v) throw HttpError(400, "bad_request", "error.bad_request");
  return v;
}

void show_errors(Context& ctx, web::Dict& d, const FieldErrors& errors, const char* label_prefix) {
  if (errors.empty()) return;
  d.ShowSection("HAS_ERRORS");
  for (const auto& [field, key] : errors) {
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", field);
    e->SetValue("FIELD_LABEL", ctx.t(std::string(label_prefix) + field));
    e->SetValue("MESSAGE", ctx.t(key));
  }
}

void history_rows(Context& ctx, web::Dict& d, store::Connection& c, const char* type, const std::string& id,
                  const char* field_prefix) {
  for (const auto& h : core::history_of(c, type, id)) {
    auto* row = d.AddSectionDictionary("HISTORY");
    row->SetValue("AT", i18n::format_time(ctx.lang, h.at, i18n::DateStyle::date_time));
    row->SetValue("ACTION", ctx.t("journal.history." + h.action));
    std::string field = h.field.starts_with("answer:") ? "answer" : h.field;
    row->SetValue("FIELD", field.empty() ? "" : ctx.t(std::string(field_prefix) + field));
    row->SetValue("PREVIOUS", std::string(text::utf8_prefix(h.previous, 300)));
    row->SetValue("REPLACEMENT", std::string(text::utf8_prefix(h.replacement, 300)));
    row->SetValue("ACTOR", h.actor_label);
  }
}

// ---- the guide form ------------------------------------------------------------------------

http::Fields guide_fields(const Guide& g) {
  http::Fields f{{"kind", g.kind}, {"title", g.title}, {"language", g.language}, {"introduction", g.introduction},
                 {"version", std::to_string(g.version)}};
  for (std::size_t i = 0; i < g.questions.size(); ++i) {
    f.emplace_back("question_id", g.questions[i].id);
    f.emplace_back("question_text", g.questions[i].text);
    f.emplace_back("question_position", std::to_string(i + 1));
  }
  return f;
}

// The posted form as a guide: question rows (id, text, position) sorted by
// position, rows without text left out.
Guide read_guide(const http::Form& f, FieldErrors& errors) {
  Guide g;
  g.kind = f.get("kind");
  g.title = text::trimmed(f.get("title"));
  g.language = f.get("language");
  g.introduction = f.get("introduction");
  auto ids = f.all("question_id"), texts = f.all("question_text"), positions = f.all("question_position");
  if (ids.size() != texts.size() || texts.size() != positions.size()) throw HttpError(400, "bad_form", "error.bad_form");
  struct Row {
    std::int64_t position;
    std::size_t index;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (text::trimmed(texts[i]).empty()) continue;
    auto pos = positions[i].empty() ? std::optional<std::int64_t>(1000 + static_cast<std::int64_t>(i))
                                    : parse_bounded(text::trimmed(positions[i]), 0, 10000);
    if (!pos) {
      errors["questions"] = "journal.sources.error.position";
      pos = 0;
    }
    rows.push_back({*pos, i});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.position < b.position; });
  for (const auto& r : rows) g.questions.push_back({ids[r.index], text::trimmed(texts[r.index])});
  return g;
}

http::Response guide_form(Context& ctx, const http::Form& f, const FieldErrors& errors, const std::string& id,
                          int status, bool stale = false) {
  web::Dict d = ctx.content_dict();
  d.SetValue("HEADING", ctx.t(id.empty() ? "journal.sources.guide.new" : "journal.sources.guide.edit"));
  d.SetValue("ACTION", id.empty() ? "/journal/sources/guides/new" : "/journal/sources/guides/" + id + "/edit");
  d.SetValue("BACK_HREF", id.empty() ? "/journal/sources/guides" : "/journal/sources/guides/" + id);
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", "/journal/sources/guides/" + id, "STALE");
  d.SetValue("TITLE", f.get("title"));
  d.SetValue("INTRODUCTION", f.get("introduction"));
  show_errors(ctx, d, errors, "journal.sources.guide.field.");
  for (const auto& [field, key] : errors) d.SetValueAndShowSection("MESSAGE_" + field, ctx.t(key), "ERR_" + field);
  auto option = [&](const char* section, const std::string& value, const std::string& label, bool selected) {
    auto* o = d.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (selected) o->ShowSection("SELECTED");
  };
  for (auto k : kGuideKinds)
    option("KIND_OPTIONS", std::string(k), ctx.t("journal.sources.guide.kind." + std::string(k)), f.get("kind") == k);
  for (auto l : kLanguages)
    option("LANGUAGE_OPTIONS", std::string(l), ctx.t("journal.language." + std::string(l)), f.get("language") == l);
  auto ids = f.all("question_id"), texts = f.all("question_text"), positions = f.all("question_position");
  std::size_t n = std::min({ids.size(), texts.size(), positions.size()});
  for (std::size_t i = 0; i < n + kNewQuestionRows; ++i) {
    auto* q = d.AddSectionDictionary("QUESTIONS");
    q->SetIntValue("N", static_cast<long>(i + 1));
    q->SetValue("Q_ID", i < n ? ids[i] : "");
    q->SetValue("Q_TEXT", i < n ? texts[i] : "");
    q->SetValue("Q_POSITION", i < n ? positions[i] : std::to_string(i + 1));
  }
  return ctx.page("journal_sources_guide_form", ctx.t(id.empty() ? "journal.sources.guide.new" : "journal.sources.guide.edit"),
                  d, status);
}

}  // namespace

// ---- guides --------------------------------------------------------------------------------

http::Response guides_page(Context& ctx) {
  bool archived = ctx.req.query_param("archived").value_or("") == "1";
  auto lease = ctx.app.db().acquire();
  web::Dict d = ctx.content_dict();
  if (may_manage_guides(me(ctx).role)) d.ShowSection("MAY_CREATE");
  if (archived) d.ShowSection("ARCHIVED_CHECKED");
  auto guides = list_guides(*lease, archived);
  for (const auto& g : guides) {
    auto* row = d.AddSectionDictionary("GUIDES");
    row->SetValue("GUIDE_ID", g.id);
    row->SetValue("GUIDE_TITLE", g.title);
    row->SetValue("GUIDE_KIND", ctx.t("journal.sources.guide.kind." + g.kind));
    row->SetValue("GUIDE_LANGUAGE", ctx.t("journal.language." + g.language));
    row->SetValue("GUIDE_QUESTIONS", ctx.tf("journal.sources.guide.questions_count",
                                            {{"count", static_cast<std::int64_t>(g.questions.size())}}));
  }
  if (guides.empty()) d.ShowSection("EMPTY");
  return ctx.page("journal_sources_guides", ctx.t("journal.sources.guides"), d);
}

http::Response guide_new_page(Context& ctx) {
  require_manager(ctx);
  http::Fields defaults{{"kind", "interview"}, {"language", std::string(i18n::code(ctx.lang))}};
  return guide_form(ctx, http::Form(defaults), {}, "", 200);
}

http::Response guide_create_page(Context& ctx) {
  require_manager(ctx);
  const auto& f = ctx.form();
  FieldErrors errors;
  Guide g = read_guide(f, errors);
  for (auto& q : g.questions) q.id.clear();  // a new guide's questions are all new
  for (auto& [field, key] : validate_guide(g)) errors.emplace(field, key);
  if (!errors.empty()) return guide_form(ctx, f, errors, "", 422);
  app::write(ctx, [&](app::Change& change) { insert_guide(change, g); });
  return http::Response::redirect("/journal/sources/guides/" + g.id + "?done=journal_sources_guide_saved");
}

http::Response guide_page(Context& ctx) {
  std::string id = checked_param(ctx, "guide_id");
  auto lease = ctx.app.db().acquire();
  auto g = load_guide(*lease, id);
  if (!g) throw HttpError(404, "not_found", "error.not_found");
  web::Dict d = ctx.content_dict();
  d.SetValue("GUIDE_ID", g->id);
  d.SetValue("TITLE", g->title);
  d.SetValue("KIND", ctx.t("journal.sources.guide.kind." + g->kind));
  d.SetValue("LANGUAGE", ctx.t("journal.language." + g->language));
  d.SetValue("LANG_CODE", g->language);
  d.SetValue("VERSION", std::to_string(g->version));
  if (!g->introduction.empty())
    d.SetValueAndShowSection("INTRODUCTION_HTML", documents::markdown_to_html(g->introduction), "HAS_INTRODUCTION");
  for (const auto& q : g->questions) d.AddSectionDictionary("QUESTIONS")->SetValue("Q_TEXT", q.text);
  if (may_manage_guides(me(ctx).role)) d.ShowSection(g->archived_at ? "MAY_RESTORE" : "MAY_EDIT");
  if (g->archived_at) d.ShowSection("ARCHIVED");
  history_rows(ctx, d, *lease, "journal.guide", g->id, "journal.sources.guide.field.");
  return ctx.page("journal_sources_guide", g->title, d);
}

http::Response guide_edit_page(Context& ctx) {
  require_manager(ctx);
  std::string id = checked_param(ctx, "guide_id");
  auto g = load_guide(*ctx.app.db().acquire(), id);
  if (!g) throw HttpError(404, "not_found", "error.not_found");
  if (g->archived_at) throw app::ArchivedRecordError();
  return guide_form(ctx, http::Form(guide_fields(*g)), {}, id, 200);
}

http::Response guide_update_page(Context& ctx) {
  require_manager(ctx);
  std::string id = checked_param(ctx, "guide_id");
  const auto& f = ctx.form();
  auto expected = version_of(f);
  FieldErrors errors;
  Guide next = read_guide(f, errors);
  for (auto& [field, key] : validate_guide(next)) errors.emplace(field, key);
  if (!errors.empty()) return guide_form(ctx, f, errors, id, 422);
  try {
    app::write(ctx, [&](app::Change& change) {
      auto before = load_guide(change.db, id);
      if (!before) throw HttpError(404, "not_found", "error.not_found");
      update_guide(change, *before, next, expected);
    });
  } catch (const app::StaleVersion&) {
    return guide_form(ctx, f, {}, id, 409, true);
  }
  return http::Response::redirect("/journal/sources/guides/" + id + "?done=journal_sources_guide_saved");
}

namespace {

http::Response set_guide_archived(Context& ctx, bool archive) {
  require_manager(ctx);
  std::string id = checked_param(ctx, "guide_id");
  auto expected = version_of(ctx.form());
  app::write(ctx, [&](app::Change& change) { core::set_archived(change, guide_ref(id), archive, expected); });
  return http::Response::redirect("/journal/sources/guides/" + id + "?done=journal_sources_guide_" +
                                  (archive ? "archived" : "restored"));
}

}  // namespace

http::Response guide_archive_page(Context& ctx) { return set_guide_archived(ctx, true); }
http::Response guide_restore_page(Context& ctx) { return set_guide_archived(ctx, false); }

// ---- answer sets ---------------------------------------------------------------------------

namespace {

struct SetInView {
  Activity activity;
  AnswerSet set;
  bool editable = false;
};

// The answer set of the path on a visible activity, if its own visibility lets the viewer see it (404 otherwise).
SetInView visible_set(Context& ctx, store::Connection& c, bool archived_too = false) {
  Viewer v = viewer(ctx, core::load_network(c));
  Activity a = visible_activity_or_404(ctx, c, v);
  std::string sid = checked_param(ctx, "set_id");
  auto s = load_answer_set(c, sid);
  if (!s || s->activity_id != a.id || (s->archived_at && !archived_too) || !may_see_answers(v, a, s->visibility))
    throw HttpError(404, "not_found", "error.not_found");
  return {a, *s, may_edit(v, a)};
}

// Facilitators-only answers are the interview transcripts: who read them is in the audit log.
void audit_read(Context& ctx, const SetInView& s, const char* how) {
  if (s.set.visibility == "facilitators" || s.activity.visibility == "facilitators")
    ctx.audit("journal.answer_set.read", "journal.answer_set", s.set.id, how);
}

// The questions an answer form and page show: the guide's active ones, then
// removed ones that still hold an answer here.
std::vector<GuideQuestion> questions_of(store::Connection& c, const AnswerSet& s) {
  auto g = load_guide(c, s.guide_id);
  std::vector<GuideQuestion> out = g ? g->questions : std::vector<GuideQuestion>{};
  auto texts = all_question_texts(c, s.guide_id);
  for (const auto& a : s.answers)
    if (std::none_of(out.begin(), out.end(), [&](const GuideQuestion& q) { return q.id == a.question_id; }))
      out.push_back({a.question_id, texts[a.question_id]});
  return out;
}

void visibility_options(Context& ctx, web::Dict& d, const Viewer& v, const Activity& a, const std::string& chosen) {
  for (auto vis : kVisibilities) {
    if (!valid_set_visibility(vis, a) || !may_choose_visibility(v, vis)) continue;
    auto* o = d.AddSectionDictionary("VISIBILITY_OPTIONS");
    o->SetValue("VALUE", std::string(vis));
    o->SetValue("LABEL", ctx.t("journal.visibility." + std::string(vis)));
    if (vis == chosen) o->ShowSection("SELECTED");
  }
}

http::Response answers_form(Context& ctx, const http::Form& f, const FieldErrors& errors, int status,
                            bool stale = false) {
  auto lease = ctx.app.db().acquire();
  SetInView s = visible_set(ctx, *lease);
  if (!s.editable) throw HttpError(403, "forbidden", "journal.error.not_yours");
  Viewer v = viewer(ctx, core::load_network(*lease));
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", s.activity.id);
  d.SetValue("SET_ID", s.set.id);
  d.SetValue("ACTIVITY_TITLE", s.activity.title);
  d.SetValue("GUIDE_TITLE", s.set.guide_title);
  d.SetValue("VERSION", f.get("version"));
  if (stale) d.SetValueAndShowSection("CURRENT_HREF", "/journal/" + s.activity.id + "/guides/" + s.set.id, "STALE");
  // An archived activity's answers are read, not edited (a save would only meet 409): the form is shown disabled.
  if (s.activity.archived_at) d.ShowSection("ARCHIVED");
  else d.ShowSection("MAY_SAVE");
  show_errors(ctx, d, errors, "journal.sources.answer_set.field.");
  visibility_options(ctx, d, v, s.activity, f.get("visibility"));
  for (const auto& q : questions_of(*lease, s.set)) {
    auto* row = d.AddSectionDictionary("QUESTIONS");
    row->SetValue("Q_ID", q.id);
    row->SetValue("Q_TEXT", q.text);
    row->SetValue("ANSWER", f.get("answer_" + q.id));
  }
  audit_read(ctx, s, "form");
  return ctx.page("journal_sources_answers_form", s.set.guide_title, d, status);
}

}  // namespace

http::Response answer_set_attach_page(Context& ctx) {
  std::string id = checked_param(ctx, "id");
  std::string guide_id = ctx.form().get("guide_id"), visibility = ctx.form().get("visibility");
  std::string set_id = app::write(ctx, [&](app::Change& change) {
    Viewer v = viewer(ctx, core::load_network(change.db));
    const auto a = editable_activity(change.db, v, id, ArchivedActivity::refused);
    auto g = guide_id.size() > 100 ? std::nullopt : load_guide(change.db, guide_id);
    if (!g || g->archived_at) throw HttpError(422, "validation", "journal.sources.error.guide_unknown");
    if (visibility.empty()) visibility = default_set_visibility(a, v);
    if (!valid_set_visibility(visibility, a) || !may_choose_visibility(v, visibility))
      throw HttpError(422, "validation", "journal.sources.error.set_visibility");
    return attach_guide(change, a, *g, visibility).id;
  });
  return http::Response::redirect("/journal/" + id + "/guides/" + set_id + "/edit");
}

http::Response answer_set_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  SetInView s = visible_set(ctx, *lease);
  audit_read(ctx, s, "page");
  web::Dict d = ctx.content_dict();
  d.SetValue("ID", s.activity.id);
  d.SetValue("SET_ID", s.set.id);
  d.SetValue("ACTIVITY_TITLE", s.activity.title);
  d.SetValue("GUIDE_TITLE", s.set.guide_title);
  d.SetValue("GUIDE_ID", s.set.guide_id);
  d.SetValue("LANG_CODE", s.set.guide_language);
  d.SetValue("VISIBILITY", ctx.t("journal.visibility." + s.set.visibility));
  d.SetValue("VERSION", std::to_string(s.set.version));
  for (const auto& q : questions_of(*lease, s.set)) {
    auto* row = d.AddSectionDictionary("QUESTIONS");
    row->SetValue("Q_TEXT", q.text);
    const Answer* a = s.set.answer_to(q.id);
    // Markdown in safe mode, as the activity's notes: no raw HTML, no script URLs.
    if (a && !a->text.empty()) {
      row->SetValueAndShowSection("ANSWER_HTML", documents::markdown_to_html(a->text), "HAS_ANSWER");
      row->SetValue("ANSWER_ID", a->id);
    } else {
      row->ShowSection("NO_ANSWER");
    }
  }
  if (s.editable && !s.activity.archived_at) d.ShowSection("MAY_EDIT");
  history_rows(ctx, d, *lease, "journal.answer_set", s.set.id, "journal.sources.answer_set.field.");
  return ctx.page("journal_sources_answers", s.set.guide_title, d);
}

http::Response answer_set_edit_page(Context& ctx) {
  http::Fields fields;
  {
    auto lease = ctx.app.db().acquire();
    SetInView s = visible_set(ctx, *lease);
    fields = {{"version", std::to_string(s.set.version)}, {"visibility", s.set.visibility}};
    for (const auto& a : s.set.answers) fields.emplace_back("answer_" + a.question_id, a.text);
  }
  return answers_form(ctx, http::Form(fields), {}, 200);
}

http::Response answer_set_update_page(Context& ctx) {
  std::string id = checked_param(ctx, "id");
  const auto& f = ctx.form();
  auto expected = version_of(f);
  std::string visibility = f.get("visibility");
  std::string set_id;
  try {
    app::write(ctx, [&](app::Change& change) {
      SetInView s = visible_set(ctx, change.db);
      set_id = s.set.id;
      if (!s.editable) throw HttpError(403, "forbidden", "journal.error.not_yours");
      if (s.activity.archived_at) throw app::ArchivedRecordError();
      Viewer v = viewer(ctx, core::load_network(change.db));
      FieldErrors errors;
      if (!valid_set_visibility(visibility, s.activity) || !may_choose_visibility(v, visibility))
        errors["visibility"] = "journal.sources.error.set_visibility";
      std::map<std::string, std::string> texts;
      for (const auto& q : questions_of(change.db, s.set)) {
        std::string text = f.get("answer_" + q.id);
        if (text.size() > 200000) errors["answers"] = "journal.error.too_long";
        texts[q.id] = text;
      }
      if (!errors.empty()) throw Invalid{errors};
      save_answers(change, s.set, texts, visibility, expected);
    });
  } catch (const Invalid& e) {
    return answers_form(ctx, f, e.errors, 422);
  } catch (const app::StaleVersion&) {
    return answers_form(ctx, f, {}, 409, true);  // the typed answers stay in the form
  }
  return http::Response::redirect("/journal/" + id + "/guides/" + set_id + "?done=journal_sources_answers_saved");
}

http::Response answer_set_archive_page(Context& ctx) {
  std::string id = checked_param(ctx, "id");
  app::write(ctx, [&](app::Change& change) {
    SetInView s = visible_set(ctx, change.db, true);
    if (!s.editable) throw HttpError(403, "forbidden", "journal.error.not_yours");
    core::set_archived(change, answer_set_ref(s.set.id), true, version_of(ctx.form()));
    // Its coded passages leave the frequencies with it (and come back when the guide is attached again).
    if (!s.set.archived_at) answer_set_changed(change, s.set.id, s.set.visibility, true, s.set.visibility, false);
  });
  return http::Response::redirect("/journal/" + id + "?done=journal_sources_answers_archived#answer-sets");
}

}  // namespace samen::journal
