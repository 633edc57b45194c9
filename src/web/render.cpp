// ctemplate-based rendering with per-language baking of catalog strings, and
// the embedded static assets with content-hashed URLs.
#include "web/render.hpp"

#include <ctemplate/template.h>
#include <sodium.h>

#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>

#include "web/embedded.hpp"

namespace samen::web {

namespace {
std::once_flag g_loaded;

std::string key_for(i18n::Lang lang, std::string_view name) {
  return std::string(i18n::code(lang)) + "/" + std::string(name) + ".tpl";
}

// Logical name → (hashed URL path, data, content type), built once.
struct Asset {
  std::string url;
  std::string_view data;
  std::string content_type;
  std::string etag;
};

std::string content_type_for(std::string_view name) {
  auto ends = [&](std::string_view ext) { return name.ends_with(ext); };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::string short_hash(std::string_view data) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     nullptr, 0);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 6; ++i) {
    out += hex[h[i] >> 4];
    out += hex[h[i] & 15];
  }
  return out;
}

const std::map<std::string, Asset, std::less<>>& assets() {
  static const auto table = [] {
    std::map<std::string, Asset, std::less<>> t;
    for (const auto& f : embedded::all()) {
      if (!f.name.starts_with("static/")) continue;
      std::string logical(f.name.substr(7));
      std::string hash = short_hash(f.data);
      auto dot = logical.rfind('.');
      auto slash = logical.rfind('/');
      std::string hashed = (dot == std::string::npos || (slash != std::string::npos && dot < slash))
                               ? logical + "." + hash
                               : logical.substr(0, dot) + "." + hash + logical.substr(dot);
      t[logical] = Asset{"/static/" + hashed, f.data, content_type_for(logical), "\"" + hash + "\""};
    }
    return t;
  }();
  return table;
}
}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string bake(std::string_view tpl, i18n::Lang lang, const i18n::Catalog& catalog) {
  std::string out;
  out.reserve(tpl.size());
  size_t i = 0;
  while (i < tpl.size()) {
    auto open = tpl.find("[[", i);
    if (open == std::string_view::npos) break;
    auto close = tpl.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    out.append(tpl.substr(i, open - i));
    std::string_view key = tpl.substr(open + 2, close - open - 2);
    // Catalog text is escaped here; ctemplate markers in it would otherwise
    // be interpreted, so braces are escaped as entities too.
    std::string text = html_escape(catalog.text(lang, key));
    for (size_t p; (p = text.find("{{")) != std::string::npos;) text.replace(p, 2, "&#123;&#123;");
    out += text;
    i = close + 2;
  }
  out.append(tpl.substr(i));
  return out;
}

void load_templates(const i18n::Catalog& catalog) {
  std::call_once(g_loaded, [&catalog] {
    for (const auto& f : embedded::all()) {
      if (!f.name.starts_with("templates/") || !f.name.ends_with(".tpl")) continue;
      std::string_view name = f.name.substr(10, f.name.size() - 10 - 4);
      for (auto lang : i18n::kLangs) {
        std::string text = bake(f.data, lang, catalog);
        if (!ctemplate::StringToTemplateCache(key_for(lang, name), text, ctemplate::DO_NOT_STRIP))
          throw std::runtime_error("template " + std::string(f.name) + " does not parse");
      }
    }
    ctemplate::mutable_default_template_cache()->Freeze();
  });
}

namespace {
std::atomic<RenderObserver> g_render_observer{nullptr};
}  // namespace

void set_render_observer(RenderObserver observer) { g_render_observer.store(observer); }

std::string render(i18n::Lang lang, std::string_view name, const Dict& dict) {
  if (auto observe = g_render_observer.load(std::memory_order_relaxed)) observe(name);
  std::string out;
  if (!ctemplate::ExpandTemplate(key_for(lang, name), ctemplate::DO_NOT_STRIP, &dict, &out))
    throw std::runtime_error("template " + std::string(name) + " failed to expand");
  return out;
}

std::string asset_url(std::string_view logical_name) {
  const auto& t = assets();
  auto it = t.find(logical_name);
  if (it == t.end()) throw std::runtime_error("unknown asset " + std::string(logical_name));
  return it->second.url;
}

std::optional<http::Response> serve_static(const http::Request& req) {
  if (!req.path.starts_with("/static/")) return std::nullopt;
  for (const auto& [logical, asset] : assets()) {
    bool hashed = req.path == asset.url;
    if (!hashed && req.path != "/static/" + logical) continue;
    if (req.header("if-none-match") == asset.etag) {
      http::Response r;
      r.status = 304;
      r.set_header("ETag", asset.etag);
      return r;
    }
    auto r = http::Response::text(200, std::string(asset.data), asset.content_type);
    r.set_header("ETag", asset.etag);
    r.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300");
    return r;
  }
  return http::Response::text(404, "Not found");
}

}  // namespace samen::web
