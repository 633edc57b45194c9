// Markdown written by people in Samen (journal notes, toolbox pages, plan
// texts) to HTML, through cmark-gfm in safe mode: GitHub's tables,
// strikethrough, autolinks and task lists; raw HTML is left out and links
// or images with javascript:, vbscript:, file: or data: (other than images)
// URLs are emptied. The one function every module uses for Markdown.
#pragma once
#include <string>
#include <string_view>

namespace samen::documents {

// HTML safe to place in a page unescaped ({{X_HTML:none}}). Invalid UTF-8
// becomes U+FFFD. Texts longer than max_bytes are cut first (at a character).
std::string markdown_to_html(std::string_view markdown, std::size_t max_bytes = 1u << 20);

}  // namespace samen::documents
