// The home page: for the public, what Samen is and where to start; for a
// signed-in user, a page for their role with the parts of Samen they use
// (cards from the navigation) and the modules' home panels.
#include "app/app.hpp"
#include "app/shell.hpp"

namespace samen::app {

namespace {
http::Response home(Context& ctx) {
  web::Dict d = ctx.content_dict();
  const accounts::User* u = ctx.user();
  if (!u) {
    d.ShowSection("PUBLIC");
    return ctx.page("home", ctx.t("home.public.title"), d);
  }
  auto* s = d.AddSectionDictionary("MEMBER");
  s->SetValue("NAME", u->name);
  s->SetValue("ROLE", ctx.t(accounts::role_label_key(u->role)));
  s->SetValue("ROLE_CODE", std::string(accounts::role_name(u->role)));
  s->SetValue("ROLE_INTRO", ctx.t("home.intro." + std::string(accounts::role_name(u->role))));
  {
    auto lease = ctx.app.db().acquire();
    for (const auto& org : u->organizations) {
      auto r = lease->exec("SELECT name FROM organizations WHERE id = ?", {org});
      if (!r.empty()) s->SetValueAndShowSection("ORG_NAME", r.rows[0].text(0), "ORGS");
    }
  }
  for (const auto& panel : ctx.app.routes().home_panels) {
    std::string html = panel(ctx);
    if (!html.empty()) s->SetValueAndShowSection("PANEL_HTML", html, "PANELS");
  }
  // Cards for every part of Samen this role may open, from the navigation.
  for (const auto& item : ctx.app.routes().nav) {
    if (item.about_key.empty() || !item.access.allows(u->role)) continue;
    auto* c = s->AddSectionDictionary("CARDS");
    c->SetValue("HREF", item.href);
    c->SetValue("LABEL", ctx.t(item.label_key));
    c->SetValue("TEXT", ctx.t(item.about_key));
  }
  return ctx.page("home", ctx.t("nav.home"), d);
}
}  // namespace

void register_home(Routes& r) {
  r.page("GET", "/", accounts::Access::anyone(), home);
  r.nav_item({"nav.home", "/", accounts::Access::anyone(), "", 0});
}

}  // namespace samen::app
