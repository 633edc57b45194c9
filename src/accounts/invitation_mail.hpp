// The e-mail that brings an invitation link to the invitee, in the invitee's
// language (texts from the catalogs). Building it does no I/O; queueing it is
// notify::enqueue's.
#pragma once
#include <string>

#include "i18n/i18n.hpp"
#include "notify/message.hpp"

namespace samen::accounts {

struct Invitee {
  std::string email;
  std::string name;
  std::string lang;  // nl, fr or en (anything else: nl)
};

// link: the absolute URL of the invitation page, e.g. https://samen.example/invite/TOKEN.
notify::Message invitation_message(const i18n::Catalog& catalog, const Invitee& invitee,
                                   const std::string& inviter_name, const std::string& link);

}  // namespace samen::accounts
