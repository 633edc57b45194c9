// Texts of the invitation e-mail.
#include "accounts/invitation_mail.hpp"

#include "accounts/sessions.hpp"

namespace samen::accounts {

notify::Message invitation_message(const i18n::Catalog& catalog, const Invitee& invitee,
                                   const std::string& inviter_name, const std::string& link) {
  i18n::Lang lang = i18n::parse_lang(invitee.lang).value_or(i18n::kDefaultLang);
  notify::Message m;
  m.to = invitee.email;
  m.lang = std::string(i18n::code(lang));
  m.subject = catalog.text(lang, "mail.invitation.subject");
  m.text = catalog.format(lang, "mail.invitation.text",
                          {{"name", invitee.name},
                           {"inviter", inviter_name},
                           {"link", link},
                           {"days", std::int64_t{kInvitationSeconds / (24 * 3600)}}});
  return m;
}

}  // namespace samen::accounts
