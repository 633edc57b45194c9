// The toolbox's booklet as a book for the documents layer's PDF renderer
// (documents/book_pdf.hpp): a title, the contents (each method with its
// phase, and "not translated yet" when it is shown in another language), and
// one chapter per method with what the method page shows (method_view in
// render.hpp), labels from the catalogs in the booklet's language. The texts
// are plain text, as on the method page: a blank line starts a paragraph.
// Building it does no I/O; booklet_page (package_pages.cpp) loads and sends.
#pragma once
#include <vector>

#include "app/context.hpp"
#include "core/network.hpp"
#include "documents/book_pdf.hpp"
#include "toolbox/method.hpp"

namespace samen::toolbox {

// The book of `methods`, in their order, in ctx.lang.
documents::Book booklet_book(const app::Context& ctx, const std::vector<Method>& methods, const core::Network& n);

}  // namespace samen::toolbox
