// The coding part's pages (coding_handlers.hpp): the codebook as a tree,
// the code form (new and edit, optimistic locking), archive/restore, memos,
// a code's page with its passages (paged, CSV/XLSX, audited when it shows
// facilitators-only passages), code frequencies as an SVG chart with its
// table, the review list of passages whose text changed, and coding an
// activity's note: whole paragraphs without JavaScript, a selected passage
// with web/static/js/coding.js. Every form carries the CSRF token.
#include <algorithm>
#include <map>
#include <set>

#include "app/app.hpp"
#include "app/write.hpp"
#include "documents/chart.hpp"
#include "documents/download.hpp"
#include "journal/coding_handlers.hpp"
#include "journal/coding_store.hpp"
#include "journal/handlers.hpp"
#include "util/text.hpp"

namespace samen::journal {

using app::Context;
using app::HttpError;

namespace {

constexpr std::int64_t kPerPage = 50;
constexpr std::int64_t kMaxExportRows = 20000;

void require_reader(const Context& ctx) {
  if (!may_read_codebook(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
}
void require_manager(const Context& ctx) {
  if (!may_manage_codebook(me(ctx).role)) throw HttpError(403, "forbidden", "error.forbidden");
}


const Code* find_code(const std::vector<Code>& codes, const std::string& id) {
  for (const auto& c : codes)
    if (c.id == id) return &c;
  return nullptr;
}

// A code as a coloured badge. CSP allows no style attributes, so the badge
// is an SVG whose colours are presentation attributes; the text colour is
// chosen for contrast (coding.hpp badge_text_colour).
std::string badge(const Code& c, i18n::Lang lang) {
  const std::string& label = c.label(lang);
  std::int64_t text_width = std::max<std::int64_t>(1, cp_length(label)) * 7;
  std::string w = std::to_string(text_width + 12);
  std::string colour = valid_colour(c.colour) ? c.colour : "#1f6feb";
  return "<svg class=\"code-badge\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"20\" viewBox=\"0 0 " +
         w + " 20\" role=\"img\" aria-label=\"" + web::html_escape(label) + "\"><rect width=\"" + w +
         "\" height=\"20\" rx=\"4\" fill=\"" + colour + "\"/><text x=\"6\" y=\"14\" font-size=\"12\" font-family=\"sans-serif\" fill=\"" +
         badge_text_colour(colour) + "\" textLength=\"" + std::to_string(text_width) +
         "\" lengthAdjust=\"spacingAndGlyphs\" aria-hidden=\"true\">" + web::html_escape(label) + "</text></svg>";
}

std::string team_label(const Context& ctx, const core::Network& n, const std::string& team_id) {
  if (team_id.empty()) return ctx.t("journal.level.brussels");
  if (auto t = n.team(team_id)) return t->name.in(ctx.lang);
  return team_id;
}

std::string type_label(const Context& ctx, const std::vector<ActivityType>& types, const std::string& code) {
  for (const auto& t : types)
    if (t.code == code) return t.label(ctx.lang);
  return code;
}

// Where a passage lies, as a list shows it: "Notes", or "Answer to «question»".
std::string source_label(const Context& ctx, const Coding& k) {
  if (k.answer_id.empty()) return ctx.t("journal.coding.source.notes");
  return ctx.tf("journal.coding.source.answer", {{"question", k.question}});
}

std::string date_text(const Context& ctx, std::int64_t t) { return i18n::format_time(ctx.lang, t, i18n::DateStyle::medium_date); }

// ---- the code form ---------------------------------------------------------------------------

Code read_code_form(const http::Form& f) {
  Code c;
  c.parent_id = text::trimmed(f.get("parent_id"));
  c.label_nl = text::trimmed(f.get("label_nl"));
  c.label_fr = text::trimmed(f.get("label_fr"));
  c.label_en = text::trimmed(f.get("label_en"));
  c.description = text::trimmed(f.get("description"));
  c.colour = text::trimmed(f.get("colour"));
  return c;
}

// The form's "codable" choice: "1" codes passages, "0" grouping only; absent keeps `current` (a
// form from before the choice existed); anything else is a field error.
bool read_codable(const http::Form& f, bool current, CodeErrors& errors) {
  std::string v = f.get("codable");
  if (v == "1" || v == "0") return v == "1";
  if (!v.empty()) errors["codable"] = "journal.coding.error.codable";
  return current;
}

http::Fields code_fields(const Code& c) {
  return {{"parent_id", c.parent_id}, {"label_nl", c.label_nl},       {"label_fr", c.label_fr},
          {"label_en", c.label_en},   {"description", c.description}, {"colour", c.colour},
          {"codable", c.codable ? "1" : "0"}, {"version", std::to_string(c.version)}};
}

http::Response code_form_page(Context& ctx, const http::Form& f, const CodeErrors& errors, const std::string& id,
                              int status, bool stale = false) {
  auto lease = ctx.app.db().acquire();
  auto codes = load_codes(*lease);
  web::Dict d = ctx.content_dict();
  d.SetValue("ACTION", id.empty() ? "/journal/coding/codes/new" : "/journal/coding/codes/" + id + "/edit");
  d.SetValue("BACK_HREF", id.empty() ? "/journal/coding/codes" : "/journal/coding/codes/" + id);
  d.SetValue("HEADING", ctx.t(id.empty() ? "journal.coding.new_code" : "journal.coding.edit_code"));
  if (!id.empty()) d.SetValueAndShowSection("VERSION", f.get("version"), "HAS_VERSION");
  if (stale) {
    d.ShowSection("STALE");
    d.SetValue("CURRENT_HREF", "/journal/coding/codes/" + id);
  }
  for (const char* field : {"label_nl", "label_fr", "label_en", "description", "colour"}) {
    std::string key = field;
    std::transform(key.begin(), key.end(), key.begin(), ::toupper);
    d.SetValue(key, f.get(field));
  }
  if (f.get("colour").empty()) d.SetValue("COLOUR", "#1f6feb");
  d.ShowSection(f.get("codable") == "0" ? "GROUPING_CHECKED" : "CODABLE_CHECKED");
  for (const auto& [field, message_key] : errors) {
    std::string upper = field;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    d.ShowSection("HAS_ERRORS");
    d.SetValueAndShowSection("MESSAGE", ctx.t(message_key), "ERR_" + upper);
    auto* e = d.AddSectionDictionary("ERROR_LIST");
    e->SetValue("TARGET", field);
    e->SetValue("FIELD_LABEL", ctx.t("journal.coding.field." + field));
    e->SetValue("MESSAGE", ctx.t(message_key));
  }
  // Any code but the code itself and its descendants may be the parent.
  std::set<std::string> excluded;
  if (!id.empty())
    for (const auto& s : subtree_ids(codes, id)) excluded.insert(s);
  for (auto [code, depth] : tree_order(codes, ctx.lang)) {
    if (excluded.contains(code->id) || code->archived_at) continue;
    auto* o = d.AddSectionDictionary("PARENT_OPTIONS");
    o->SetValue("VALUE", code->id);
    o->SetValue("LABEL", std::string(static_cast<std::size_t>(depth) * 2, '-') + (depth ? " " : "") + code->label(ctx.lang));
    if (f.get("parent_id") == code->id) o->ShowSection("SELECTED");
  }
  return ctx.page("journal_code_form", ctx.t(id.empty() ? "journal.coding.new_code" : "journal.coding.edit_code"), d, status);
}

struct Invalid {
  CodeErrors errors;
};

}  // namespace

// ---- the codebook ----------------------------------------------------------------------------

http::Response codebook_page(Context& ctx) {
  require_reader(ctx);
  auto lease = ctx.app.db().acquire();
  auto codes = load_codes(*lease);
  std::map<std::string, std::int64_t> counts;
  {
    core::Network n = core::load_network(*lease);
    for (const auto& fc : code_frequencies(*lease, viewer(ctx, n), FrequencyBy::team)) counts[fc.code_id] += fc.count;
  }
  web::Dict d = ctx.content_dict();
  if (may_manage_codebook(me(ctx).role)) d.ShowSection("MAY_MANAGE");
  bool any = false;
  // A nested list: markup that opens and closes the levels goes before each code (constant strings only).
  int level = -1;
  for (auto [code, depth] : tree_order(codes, ctx.lang)) {
    auto* row = d.AddSectionDictionary("CODES");
    std::string pre;
    if (depth > level) {
      for (int i = level; i < depth; ++i) pre += "<ul class=\"code-tree\">";
    } else {
      pre += "</li>";
      for (int i = depth; i < level; ++i) pre += "</ul></li>";
    }
    level = depth;
    row->SetValue("PRE_HTML", pre);
    row->SetValue("ID", code->id);
    row->SetValue("BADGE_HTML", badge(*code, ctx.lang));
    row->SetValue("LABEL", code->label(ctx.lang));
    row->SetValue("DEPTH", std::to_string(std::min(depth, 5)));
    row->SetValue("COUNT", ctx.tf("journal.coding.passage_count", {{"count", counts[code->id]}}));
    if (!code->description.empty()) row->SetValueAndShowSection("DESCRIPTION", code->description, "HAS_DESCRIPTION");
    if (code->archived_at) row->ShowSection("ARCHIVED");
    if (!code->codable) row->ShowSection("GROUPING");
    any = true;
  }
  std::string tail;
  for (int i = 0; i <= level; ++i) tail += i ? "</li></ul>" : "</li></ul>";
  d.SetValue("TAIL_HTML", tail);
  if (!any) d.ShowSection("EMPTY");
  return ctx.page("journal_codebook", ctx.t("journal.coding.codebook"), d);
}

http::Response code_new_page(Context& ctx) {
  require_manager(ctx);
  http::Fields defaults{{"colour", "#1f6feb"}};
  if (auto p = ctx.req.query_param("parent")) defaults.emplace_back("parent_id", p->substr(0, 100));
  return code_form_page(ctx, http::Form(defaults), {}, "", 200);
}

http::Response code_create_page(Context& ctx) {
  require_manager(ctx);
  const auto& f = ctx.form();
  Code code = read_code_form(f);
  CodeErrors form_errors;
  code.codable = read_codable(f, true, form_errors);
  try {
    std::string id = app::write(ctx, [&](app::Change& change) {
      auto errors = validate_code(code, load_codes(change.db));
      errors.merge(form_errors);
      if (!errors.empty()) throw Invalid{errors};
      insert_code(change, code);
      return code.id;
    });
    return http::Response::redirect("/journal/coding/codes/" + id + "?done=journal_coding_saved");
  } catch (const Invalid& e) {
    return code_form_page(ctx, f, e.errors, "", 422);
  }
}

http::Response code_edit_page(Context& ctx) {
  require_manager(ctx);
  std::string id = id_param(ctx);
  auto code = load_code(*ctx.app.db().acquire(), id);
  if (!code) throw HttpError(404, "not_found", "error.not_found");
  if (code->archived_at) throw app::ArchivedRecordError();
  return code_form_page(ctx, http::Form(code_fields(*code)), {}, id, 200);
}

http::Response code_update_page(Context& ctx) {
  require_manager(ctx);
  std::string id = id_param(ctx);
  const auto& f = ctx.form();
  auto expected = form_version(f);
  Code next = read_code_form(f);
  next.id = id;
  try {
    app::write(ctx, [&](app::Change& change) {
      auto before = load_code(change.db, id);
      if (!before) throw HttpError(404, "not_found", "error.not_found");
      CodeErrors errors;
      next.codable = read_codable(f, before->codable, errors);
      errors.merge(validate_code(next, load_codes(change.db)));
      if (!errors.empty()) throw Invalid{errors};
      update_code(change, *before, next, expected);
    });
    return http::Response::redirect("/journal/coding/codes/" + id + "?done=journal_coding_saved");
  } catch (const Invalid& e) {
    return code_form_page(ctx, f, e.errors, id, 422);
  } catch (const app::StaleVersion&) {
    return code_form_page(ctx, f, {}, id, 409, true);
  }
}

namespace {

http::Response set_code_archived(Context& ctx, bool archive) {
  require_manager(ctx);
  std::string id = id_param(ctx);
  auto expected = form_version(ctx.form());
  app::write(ctx, [&](app::Change& change) {
    if (!load_code(change.db, id)) throw HttpError(404, "not_found", "error.not_found");
    core::set_archived(change, code_ref(id), archive, expected);
  });
  return http::Response::redirect("/journal/coding/codes/" + id + "?done=journal_coding_saved");
}

}  // namespace

http::Response code_archive_page(Context& ctx) { return set_code_archived(ctx, true); }
http::Response code_restore_page(Context& ctx) { return set_code_archived(ctx, false); }

http::Response code_memo_page(Context& ctx) {
  require_manager(ctx);
  std::string id = id_param(ctx);
  Memo memo;
  memo.code_id = id;
  memo.text = text::trimmed(ctx.form().get("text"));
  if (memo.text.empty() || memo.text.size() > 10000) throw HttpError(422, "validation", "journal.coding.error.memo");
  app::write(ctx, [&](app::Change& change) {
    if (!load_code(change.db, id)) throw HttpError(404, "not_found", "error.not_found");
    insert_memo(change, memo);
  });
  return http::Response::redirect("/journal/coding/codes/" + id + "?done=journal_coding_saved#memos");
}

// ---- one code: passages, memos, export ----------------------------------------------------

namespace {

http::Response passages_download(Context& ctx, const std::vector<Code>& codes, const core::Network& n,
                                 const std::vector<ActivityType>& types, const PassageList& list,
                                 documents::TableFormat format, const std::string& code_id) {
  using documents::ColumnType;
  documents::Table table({{ctx.t("journal.coding.field.code"), ColumnType::text},
                          {ctx.t("journal.field.title"), ColumnType::text},
                          {ctx.t("journal.coding.field.source"), ColumnType::text},
                          {ctx.t("journal.field.starts_at"), ColumnType::date_time},
                          {ctx.t("journal.field.type"), ColumnType::text},
                          {ctx.t("journal.field.team_id"), ColumnType::text},
                          {ctx.t("journal.field.visibility"), ColumnType::text},
                          {ctx.t("journal.coding.field.start"), ColumnType::integer},
                          {ctx.t("journal.coding.field.end"), ColumnType::integer},
                          {ctx.t("journal.coding.field.passage"), ColumnType::text},
                          {ctx.t("journal.coding.field.text_changed"), ColumnType::text}});
  for (const auto& p : list.items) {
    const Code* code = find_code(codes, p.coding.code_id);
    table.add_row({code ? code->label(ctx.lang) : p.coding.code_id, p.activity_title, source_label(ctx, p.coding),
                   documents::DateTime{p.starts_at},
                   type_label(ctx, types, p.activity_type), team_label(ctx, n, p.team_id),
                   ctx.t("journal.visibility." + p.visibility), p.coding.start, p.coding.end, p.coding.passage,
                   p.coding.text_changed ? ctx.t("journal.coding.yes") : ctx.t("journal.coding.no")});
  }
  ctx.audit("journal.coding.export", "journal.code", code_id,
            std::string(format == documents::TableFormat::csv ? "csv " : "xlsx ") + std::to_string(list.items.size()) +
                (list.has_facilitators_only ? " facilitators" : ""));
  return documents::table_download(table, format, "journal-passages");
}

void fill_passage_row(Context& ctx, web::Dict* row, const std::vector<Code>& codes, const core::Network& n,
                      const std::vector<ActivityType>& types, const CodedPassage& p) {
  const Code* code = find_code(codes, p.coding.code_id);
  row->SetValue("CODING_ID", p.coding.id);
  row->SetValue("ACTIVITY_ID", p.coding.activity_id);
  row->SetValue("ACTIVITY_TITLE", p.activity_title);
  row->SetValue("SOURCE", source_label(ctx, p.coding));
  row->SetValue("DATE", date_text(ctx, p.starts_at));
  row->SetValue("DATETIME", local_date_time(p.starts_at));
  row->SetValue("TEAM", team_label(ctx, n, p.team_id));
  row->SetValue("TYPE", type_label(ctx, types, p.activity_type));
  row->SetValue("VISIBILITY", ctx.t("journal.visibility." + p.visibility));
  row->SetValue("PASSAGE", p.coding.passage);
  row->SetValue("BADGE_HTML", code ? badge(*code, ctx.lang) : "");
  if (p.coding.text_changed) row->ShowSection("TEXT_CHANGED");
}

std::int64_t page_param(const Context& ctx) {
  if (auto p = ctx.req.query_param("page"); p && !p->empty()) {
    auto parsed = parse_bounded(*p, 1, 1000000);
    if (!parsed) throw HttpError(400, "bad_request", "error.bad_request");
    return *parsed;
  }
  return 1;
}

}  // namespace

http::Response code_page(Context& ctx) {
  require_reader(ctx);
  auto format = documents::table_format(ctx);
  std::string id = id_param(ctx);
  std::int64_t page = page_param(ctx);
  auto lease = ctx.app.db().acquire();
  auto codes = load_codes(*lease);
  const Code* code = find_code(codes, id);
  if (!code) throw HttpError(404, "not_found", "error.not_found");
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto types = activity_types(*lease);
  PassageFilter f;
  f.code_ids = subtree_ids(codes, id);
  if (format != documents::TableFormat::html) {
    f.limit = kMaxExportRows;
    return passages_download(ctx, codes, n, types, list_passages(*lease, v, f), format, id);
  }
  f.limit = kPerPage;
  f.offset = (page - 1) * kPerPage;
  f.skip_total = true;  // counted from the kept frequencies: no pass over every coding of the code
  auto list = list_passages(*lease, v, f);
  for (const auto& fc : code_frequencies(*lease, v, FrequencyBy::type))
    if (std::find(f.code_ids.begin(), f.code_ids.end(), fc.code_id) != f.code_ids.end()) list.total += fc.count;
  // Passages of facilitators-only records come from interview transcripts and the like: their reads are audited.
  if (list.has_facilitators_only) ctx.audit("journal.coding.read", "journal.code", id, "facilitators page " + std::to_string(page));

  web::Dict d = ctx.content_dict();
  d.SetValue("ID", id);
  d.SetValue("LABEL", code->label(ctx.lang));
  d.SetValue("BADGE_HTML", badge(*code, ctx.lang));
  d.SetValue("VERSION", std::to_string(code->version));
  d.SetValue("COLOUR", code->colour);
  d.SetValue("CODABLE", ctx.t(code->codable ? "journal.coding.codable.yes" : "journal.coding.codable.no"));
  d.SetValue("LABELS", code->label_nl + " · " + code->label_fr + " · " + code->label_en);
  if (!code->description.empty()) d.SetValueAndShowSection("DESCRIPTION", code->description, "HAS_DESCRIPTION");
  if (!code->parent_id.empty())
    if (const Code* parent = find_code(codes, code->parent_id)) {
      d.SetValueAndShowSection("PARENT_ID", parent->id, "HAS_PARENT");
      d.SetValue("PARENT_LABEL", parent->label(ctx.lang));
    }
  for (auto [c, depth] : tree_order(codes, ctx.lang))
    if (c->parent_id == id) {
      d.ShowSection("HAS_CHILDREN");
      auto* child = d.AddSectionDictionary("CHILDREN");
      child->SetValue("CHILD_ID", c->id);
      child->SetValue("CHILD_LABEL", c->label(ctx.lang));
    }
  bool manager = may_manage_codebook(v.role);
  if (code->archived_at) {
    d.ShowSection("ARCHIVED");
    if (manager) d.ShowSection("MAY_RESTORE");
  } else if (manager) {
    d.ShowSection("MAY_MANAGE");
  }
  for (const auto& m : memos_of(*lease, id)) {
    auto* row = d.AddSectionDictionary("MEMOS");
    row->SetValue("MEMO_TEXT", m.text);
    row->SetValue("MEMO_AUTHOR", m.author_name);
    row->SetValue("MEMO_AT", i18n::format_time(ctx.lang, m.created_at, i18n::DateStyle::date_time));
  }
  for (const auto& p : list.items) fill_passage_row(ctx, d.AddSectionDictionary("PASSAGES"), codes, n, types, p);
  if (list.items.empty()) d.ShowSection("NO_PASSAGES");
  d.SetValue("TOTAL", ctx.tf("journal.coding.passage_count", {{"count", list.total}}));
  std::int64_t pages = (list.total + kPerPage - 1) / kPerPage;
  std::string base = "/journal/coding/codes/" + id + "?";
  if (page > 1) d.SetValueAndShowSection("PREV_HREF", base + "page=" + std::to_string(page - 1), "PREV");
  if (page < pages) d.SetValueAndShowSection("NEXT_HREF", base + "page=" + std::to_string(page + 1), "NEXT");
  if (pages > 1)
    d.SetValueAndShowSection("PAGE_TEXT", ctx.tf("journal.page_of", {{"page", page}, {"pages", pages}}), "PAGING");
  d.SetValue("CSV_HREF", base + "format=csv");
  d.SetValue("XLSX_HREF", base + "format=xlsx");
  d.SetValue("TIMELINE_HREF", "/journal?code=" + http::url_encode(id));
  return ctx.page("journal_code", code->label(ctx.lang), d);
}

// ---- frequencies -------------------------------------------------------------------------------

http::Response code_frequencies_page(Context& ctx) {
  require_reader(ctx);
  auto format = documents::table_format(ctx);
  std::string by_text = ctx.req.query_param("by").value_or("year");
  FrequencyBy by;
  if (by_text == "year") by = FrequencyBy::year;
  else if (by_text == "quarter") by = FrequencyBy::quarter;
  else if (by_text == "team") by = FrequencyBy::team;
  else if (by_text == "type") by = FrequencyBy::type;
  else throw HttpError(400, "bad_request", "journal.coding.error.by");
  auto lease = ctx.app.db().acquire();
  auto codes = load_codes(*lease);
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto types = activity_types(*lease);
  auto counts = code_frequencies(*lease, v, by);

  // Series: the top-level codes (a child's passages count for its top-level code).
  std::vector<const Code*> roots;
  for (auto [c, depth] : tree_order(codes, ctx.lang))
    if (depth == 0 && !c->archived_at) roots.push_back(c);
  std::map<std::string, std::map<std::string, std::int64_t>> grid;  // bucket → root → count
  for (const auto& fc : counts) grid[fc.bucket][root_of(codes, fc.code_id)] += fc.count;
  std::vector<std::string> buckets;
  if (by == FrequencyBy::type) {
    for (const auto& t : types)
      if (grid.contains(t.code)) buckets.push_back(t.code);
  } else if (by == FrequencyBy::team) {
    if (grid.contains("")) buckets.push_back("");
    for (const auto& t : n.teams)
      if (grid.contains(t.id)) buckets.push_back(t.id);
  } else {
    for (const auto& [b, _] : grid) buckets.push_back(b);
  }
  auto bucket_label = [&](const std::string& b) {
    if (by == FrequencyBy::type) return type_label(ctx, types, b);
    if (by == FrequencyBy::team) return team_label(ctx, n, b);
    return b;
  };

  if (format != documents::TableFormat::html) {
    using documents::ColumnType;
    std::vector<documents::Column> columns{{ctx.t("journal.coding.by." + by_text), ColumnType::text}};
    for (const Code* r : roots) columns.push_back({r->label(ctx.lang), ColumnType::integer});
    documents::Table table(columns);
    for (const auto& b : buckets) {
      std::vector<documents::Cell> row{bucket_label(b)};
      for (const Code* r : roots) row.emplace_back(grid[b][r->id]);
      table.add_row(std::move(row));
    }
    ctx.audit("journal.coding.export", "journal.code", "", "frequencies " + by_text);
    return documents::table_download(table, format, "journal-code-frequencies");
  }

  documents::BarChart chart;
  chart.id = "chart-code-frequencies";
  chart.title = ctx.t("journal.coding.frequencies") + " — " + ctx.t("journal.coding.by." + by_text);
  chart.description = ctx.t("journal.coding.frequencies.description");
  chart.axis_label = ctx.t("journal.coding.by." + by_text);
  chart.stacked = true;
  chart.max_fraction_digits = 0;
  for (const auto& b : buckets) chart.categories.push_back(bucket_label(b));
  for (const Code* r : roots) {
    documents::ChartSeries s{r->label(ctx.lang), {}};
    for (const auto& b : buckets) s.values.push_back(static_cast<double>(grid[b][r->id]));
    chart.series.push_back(std::move(s));
  }
  web::Dict d = ctx.content_dict();
  if (buckets.empty() || roots.empty()) d.ShowSection("EMPTY");
  else d.SetValueAndShowSection("CHART_HTML", documents::bar_chart_figure(chart, ctx.lang), "HAS_CHART");
  for (const char* option : {"year", "quarter", "team", "type"}) {
    auto* o = d.AddSectionDictionary("BY_OPTIONS");
    o->SetValue("VALUE", option);
    o->SetValue("LABEL", ctx.t(std::string("journal.coding.by.") + option));
    if (by_text == option) o->ShowSection("SELECTED");
  }
  d.SetValue("CSV_HREF", "/journal/coding/frequencies?by=" + by_text + "&format=csv");
  d.SetValue("XLSX_HREF", "/journal/coding/frequencies?by=" + by_text + "&format=xlsx");
  return ctx.page("journal_code_frequencies", ctx.t("journal.coding.frequencies"), d);
}

// ---- review: passages whose text changed --------------------------------------------------

http::Response coding_review_page(Context& ctx) {
  require_manager(ctx);
  auto lease = ctx.app.db().acquire();
  auto codes = load_codes(*lease);
  core::Network n = core::load_network(*lease);
  Viewer v = viewer(ctx, n);
  auto types = activity_types(*lease);
  PassageFilter f;
  f.changed_only = true;
  f.limit = 500;
  auto list = list_passages(*lease, v, f);
  if (list.has_facilitators_only) ctx.audit("journal.coding.read", "journal.coding", "", "review facilitators");
  web::Dict d = ctx.content_dict();
  for (const auto& p : list.items) fill_passage_row(ctx, d.AddSectionDictionary("PASSAGES"), codes, n, types, p);
  if (list.items.empty()) d.ShowSection("NO_PASSAGES");
  d.SetValue("TOTAL", ctx.tf("journal.coding.passage_count", {{"count", list.total}}));
  return ctx.page("journal_coding_review", ctx.t("journal.coding.review"), d);
}

// ---- coding an activity's note ---------------------------------------------------------------

namespace {

// The activity named by {id} for a coder: visible (404) and the caller a
// codebook manager (403).
Activity codable_activity(Context& ctx, store::Connection& c) {
  require_manager(ctx);
  core::Network n = core::load_network(c);
  return visible_activity_or_404(ctx, c, viewer(ctx, n));
}

// The passage a coding form names, as code points of the stored notes:
// `start`/`end` (absolute, as the API), or the paragraph's `para_start`/
// `para_end` with optionally `from`/`to` (a selection inside it, counted in
// the text the page shows, see coding.hpp stored_offset). 400 for a number
// that is none, 422 for a passage outside the note, empty or reversed.
std::pair<std::int64_t, std::int64_t> posted_passage(const http::Form& f, const std::string& notes) {
  auto number = [&](const char* name) -> std::optional<std::int64_t> {
    std::string v = text::trimmed(f.get(name));
    if (v.empty()) return std::nullopt;
    auto n = parse_bounded(v, -1000000000, 1000000000);
    if (!n) throw HttpError(400, "bad_request", "journal.coding.error.offset_number");
    return n;
  };
  std::int64_t length = cp_length(notes);
  std::int64_t start = 0, end = 0;
  if (auto s = number("start"), e = number("end"); s || e) {
    start = s.value_or(-1);
    end = e.value_or(-1);
  } else {
    auto ps = number("para_start"), pe = number("para_end");
    if (!ps || !pe) throw HttpError(400, "bad_request", "journal.coding.error.offset_number");
    if (auto err = passage_error(*ps, *pe, length)) throw HttpError(422, "validation", *err);
    start = *ps;
    end = *pe;
    auto from = number("from"), to = number("to");
    if (from && to) {
      std::string para = cp_substr(notes, *ps, *pe);
      std::int64_t shown = cp_length(para);
      for (std::size_t i = 0; (i = para.find("\r\n", i)) != std::string::npos; i += 2) --shown;
      if (*from < 0 || *to < 0 || *to > shown) throw HttpError(422, "validation", "journal.coding.error.offset_outside");
      if (*to < *from) throw HttpError(422, "validation", "journal.coding.error.offset_reversed");
      start = *ps + stored_offset(para, *from);
      end = *ps + stored_offset(para, *to);
    }
  }
  if (auto err = passage_error(start, end, length)) throw HttpError(422, "validation", *err);
  return {start, end};
}

}  // namespace

namespace {

// One source's paragraphs on the coding page: forms that code a paragraph (or a selection in it) or re-attach a passage there.
void fill_source(Context& ctx, web::Dict& d, const Activity& a, const CodingSource& src, const std::string& heading,
                 const std::vector<std::pair<const Code*, int>>& tree, const Coding* reattaching, int& n) {
  auto* section = d.AddSectionDictionary("SOURCES");
  section->SetValue("S", src.answer_id.empty() ? "notes" : src.answer_id);
  section->SetValue("SOURCE_HEADING", heading);
  auto paras = paragraphs(src.text);
  if (paras.empty()) section->ShowSection("NO_TEXT");
  for (const auto& p : paras) {
    auto* row = section->AddSectionDictionary("PARAGRAPHS");
    row->SetValue("N", std::to_string(++n));
    row->SetValue("TEXT", p.text);
    row->SetValue("PARA_START", std::to_string(p.start));
    row->SetValue("PARA_END", std::to_string(p.end));
    if (!src.answer_id.empty()) row->SetValueAndShowSection("ANSWER_ID", src.answer_id, "ANSWER");
    row->SetValue("ACTION", reattaching ? "/journal/coding/codings/" + reattaching->id + "/reattach"
                                        : "/journal/" + a.id + "/codings");
    if (reattaching) {
      row->ShowSection("REATTACH_BUTTON");
      continue;
    }
    row->ShowSection("CODE_BUTTON");
    for (auto [code, depth] : tree) {
      if (code->archived_at || !code->codable) continue;  // a grouping code is not offered
      auto* o = row->AddSectionDictionary("CODE_OPTIONS");
      o->SetValue("CODE_ID", code->id);
      o->SetValue("CODE_LABEL", std::string(static_cast<std::size_t>(depth) * 2, '-') + (depth ? " " : "") +
                                    code->label(ctx.lang));
    }
  }
}

}  // namespace

http::Response code_note_page(Context& ctx) {
  auto lease = ctx.app.db().acquire();
  Activity a = codable_activity(ctx, *lease);
  Viewer v = viewer(ctx, core::load_network(*lease));
  if (a.visibility == "facilitators") ctx.audit("journal.activity.read", "journal.activity", a.id, "coding");
  auto codes = load_codes(*lease);
  std::vector<Coding> codings;
  for (auto& k : codings_of_activity(*lease, a.id))
    if (may_see_coding(v, a, k)) codings.push_back(std::move(k));
  std::string reattach = ctx.req.query_param("reattach").value_or("");
  const Coding* reattaching = nullptr;
  for (const auto& k : codings)
    if (k.id == reattach) reattaching = &k;

  web::Dict d = ctx.content_dict();
  d.SetValue("ID", a.id);
  d.SetValue("TITLE", a.title);
  d.SetValue("SCRIPT_URL", web::asset_url("js/coding.js"));
  if (a.archived_at) d.ShowSection("ARCHIVED");
  for (const auto& k : codings) {
    auto* row = d.AddSectionDictionary("CODINGS");
    const Code* code = find_code(codes, k.code_id);
    row->SetValue("CODING_ID", k.id);
    row->SetValue("BADGE_HTML", code ? badge(*code, ctx.lang) : "");
    row->SetValue("PASSAGE", k.passage);
    row->SetValue("SOURCE", source_label(ctx, k));
    row->SetValue("RANGE", std::to_string(k.start) + "–" + std::to_string(k.end));
    row->SetValue("AUTHOR", k.author_name);
    if (k.text_changed) row->ShowSection("TEXT_CHANGED");
  }
  if (codings.empty()) d.ShowSection("NO_CODINGS");
  if (reattaching) {
    d.ShowSection("REATTACHING");
    d.SetValue("REATTACH_PASSAGE", reattaching->passage);
  }
  // The notes, then each answer the coder may see; a passage is re-attached within its own source.
  auto tree = tree_order(codes, ctx.lang);
  int n = 0;
  if (!reattaching || reattaching->answer_id.empty())
    fill_source(ctx, d, a, notes_source(a), ctx.t("journal.coding.paragraphs"), tree, reattaching, n);
  std::set<std::string> audited;
  for (const auto& src : answer_sources_of(*lease, v, a)) {
    if (reattaching && reattaching->answer_id != src.answer_id) continue;
    fill_source(ctx, d, a, src, ctx.tf("journal.coding.source.answer", {{"question", src.question}}), tree,
                reattaching, n);
    // Facilitators-only answers are interview transcripts: who read them is in the audit log.
    if (src.visibility == "facilitators" && audited.insert(src.set_id).second)
      ctx.audit("journal.answer_set.read", "journal.answer_set", src.set_id, "coding");
  }
  return ctx.page("journal_code_note", ctx.t("journal.coding.code_note") + ": " + a.title, d);
}

http::Response code_note_post(Context& ctx) {
  require_manager(ctx);
  std::string id = id_param(ctx);
  const auto& f = ctx.form();
  auto code_ids = f.all("code");
  if (code_ids.empty()) throw HttpError(422, "validation", "journal.coding.error.no_code");
  if (code_ids.size() > 100) throw HttpError(400, "bad_request", "error.bad_request");
  app::write(ctx, [&](app::Change& change) {
    auto a = load_activity(change.db, id);
    core::Network n = core::load_network(change.db);
    if (!a || !may_see(viewer(ctx, n), a->visibility, a->team_id)) throw HttpError(404, "not_found", "error.not_found");
    if (a->archived_at) throw app::ArchivedRecordError();
    // The notes, or one answer of a visible answer set of this activity (404 for any other).
    std::optional<CodingSource> src = notes_source(*a);
    if (std::string answer_id = text::trimmed(f.get("answer_id")); !answer_id.empty())
      src = answer_id.size() > 100 ? std::nullopt : answer_source(change.db, viewer(ctx, n), *a, answer_id);
    if (!src) throw HttpError(404, "not_found", "error.not_found");
    auto [start, end] = posted_passage(f, src->text);
    auto codes = load_codes(change.db);
    for (const auto& code_id : code_ids) {
      const Code* code = find_code(codes, code_id);
      if (!code || code->archived_at) throw HttpError(422, "validation", "journal.coding.error.code_unknown");
      if (!code->codable) throw HttpError(422, "validation", "journal.coding.error.code_not_codable");
      Coding k;
      k.code_id = code_id;
      k.activity_id = a->id;
      k.start = start;
      k.end = end;
      insert_coding(change, k, *a, *src);
    }
  });
  return http::Response::redirect("/journal/" + id + "/code?done=journal_coding_coded");
}

namespace {

// The coding named by {id} and its activity, for a codebook manager who may see it.
std::pair<Coding, Activity> coding_for_change(app::Change& change) {
  require_manager(change.ctx);
  std::string id = id_param(change.ctx);
  auto k = load_coding(change.db, id);
  if (!k) throw HttpError(404, "not_found", "error.not_found");
  auto a = load_activity(change.db, k->activity_id);
  core::Network n = core::load_network(change.db);
  if (!a || !may_see_coding(viewer(change.ctx, n), *a, *k)) throw HttpError(404, "not_found", "error.not_found");
  return {*k, *a};
}

}  // namespace

http::Response coding_delete_page(Context& ctx) {
  std::string activity_id = app::write(ctx, [&](app::Change& change) {
    auto [k, a] = coding_for_change(change);
    delete_coding(change, k, a);
    return a.id;
  });
  std::string back = ctx.form().get("back") == "review" ? "/journal/coding/review?done=journal_coding_removed"
                                                         : "/journal/" + activity_id + "/code?done=journal_coding_removed";
  return http::Response::redirect(back);
}

http::Response coding_reattach_page(Context& ctx) {
  const auto& f = ctx.form();
  std::string activity_id = app::write(ctx, [&](app::Change& change) {
    auto [k, a] = coding_for_change(change);
    if (a.archived_at) throw app::ArchivedRecordError();
    CodingSource src = source_of(change.db, a, k);
    auto [start, end] = posted_passage(f, src.text);
    k.start = start;
    k.end = end;
    reattach_coding(change, k, a, src);
    return a.id;
  });
  return http::Response::redirect("/journal/" + activity_id + "/code?done=journal_coding_coded");
}

// ---- the section on an activity's page -------------------------------------------------------

std::string coding_section(Context& ctx, store::Connection& c, const Viewer& v, const Activity& a) {
  if (!may_read_codebook(v.role)) return "";
  std::vector<Coding> codings;
  for (auto& k : codings_of_activity(c, a.id))
    if (may_see_coding(v, a, k)) codings.push_back(std::move(k));
  bool manager = may_manage_codebook(v.role);
  bool has_text = !a.notes.empty() || (manager && !answer_sources_of(c, v, a).empty());
  if (codings.empty() && (!manager || !has_text)) return "";
  auto codes = load_codes(c);
  web::Dict d("journal_coding_section");
  d.SetValue("ID", a.id);
  if (manager && !a.archived_at && has_text) d.ShowSection("MAY_CODE");
  for (const auto& k : codings) {
    auto* row = d.AddSectionDictionary("CODINGS");
    const Code* code = find_code(codes, k.code_id);
    row->SetValue("CODE_ID", k.code_id);
    row->SetValue("BADGE_HTML", code ? badge(*code, ctx.lang) : "");
    row->SetValue("PASSAGE", k.passage);
    row->SetValue("SOURCE", source_label(ctx, k));
    if (k.text_changed) row->ShowSection("TEXT_CHANGED");
  }
  if (codings.empty()) d.ShowSection("NO_CODINGS");
  return web::render(ctx.lang, "journal_coding_section", d);
}

}  // namespace samen::journal
