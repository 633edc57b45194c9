// An e-mail of Samen and its wire form: the checks that keep user text out of
// the headers, and the MIME message handed to SMTP (RFC 5322 headers, RFC 2047
// encoded subject, quoted-printable UTF-8 bodies, multipart/alternative when
// there is an HTML part). Plain C++ without I/O.
//
// libcurl sends what it is given: it speaks SMTP (EHLO, AUTH from the URL,
// STARTTLS or smtps, MAIL FROM / RCPT TO from its options) and dot-stuffs the
// data, but it adds no header, encodes no subject and wraps no line. All of
// that is done here.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace samen::notify {

struct Message {
  std::string to;                   // one address, e.g. "lotte@example.be"
  std::string subject;              // UTF-8, one line
  std::string text;                 // plain-text body, UTF-8
  std::optional<std::string> html;  // optional HTML alternative, UTF-8
  std::string lang = "nl";          // nl, fr or en: Content-Language
};

// Thrown for a message that cannot be sent safely; what() says which field.
class MessageError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// An address SMTP takes as it is: printable ASCII (no SMTPUTF8), one '@',
// no spaces, quotes, angle brackets, separators or line breaks.
bool is_sendable_address(std::string_view address);
// Throws MessageError when the recipient is not a sendable address, the
// subject is empty, too long or holds a control character (CR/LF: header
// injection), a text is not UTF-8, or the language is not nl/fr/en.
void check_message(const Message& m);

// A header value in RFC 2047 encoded words (=?UTF-8?B?...?=, folded) when it
// is not plain printable ASCII; as it is otherwise.
std::string encode_header_text(std::string_view utf8);
// Quoted-printable (RFC 2045) with CRLF line ends and lines of at most 76
// characters; any line ending in the input becomes CRLF.
std::string quoted_printable(std::string_view utf8);
// RFC 5322 date in UTC, e.g. "Tue, 01 Dec 2026 17:51:02 +0000".
std::string rfc5322_date(std::int64_t unix_seconds);

// What the wire form needs besides the message.
struct Envelope {
  std::string from;          // sender address (checked like a recipient)
  std::string from_name;     // display name, e.g. "Samen"
  std::string message_id;    // unique left part; "@<sender's domain>" is added
  std::int64_t date = 0;     // unix seconds
  std::string boundary;      // multipart boundary (only used with an HTML part)
};
// The complete message (headers and body, CRLF line ends). Calls check_message.
std::string build_mime(const Message& m, const Envelope& e);

}  // namespace samen::notify
