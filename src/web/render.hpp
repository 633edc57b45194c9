// HTML rendering: ctemplate templates with context-aware auto-escaping
// (each template starts with {{%AUTOESCAPE context="HTML"}}), baked once per
// language: [[catalog.key]] markers are replaced with the escaped catalog text
// at load, so a render only fills the page's own variables.
#pragma once
#include <cstring>  // ctemplate's headers use strlen without including it

#include <ctemplate/template_dictionary.h>

#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"
#include "i18n/i18n.hpp"

namespace samen::web {

using Dict = ctemplate::TemplateDictionary;

// Loads every embedded templates/*.tpl for every language. Idempotent and
// thread-safe; throws std::runtime_error naming a template that fails to parse.
void load_templates(const i18n::Catalog& catalog);

// Renders templates/<name>.tpl (name without extension) in the language.
std::string render(i18n::Lang lang, std::string_view name, const Dict& dict);

// Tests learn which templates a run rendered (nullptr: nobody listens).
using RenderObserver = void (*)(std::string_view name);
void set_render_observer(RenderObserver observer);

// Replaces [[key]] markers with the escaped catalog text (exposed for tests).
std::string bake(std::string_view tpl, i18n::Lang lang, const i18n::Catalog& catalog);

std::string html_escape(std::string_view s);

// "css/samen.css" → "/static/css/samen.<hash>.css" (content hash, cached forever).
std::string asset_url(std::string_view logical_name);
// Serves /static/... from the embedded assets; nullopt when the path is not static.
std::optional<http::Response> serve_static(const http::Request& req);

}  // namespace samen::web
