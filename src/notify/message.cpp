// Checks and MIME encoding of outgoing e-mail.
#include "notify/message.hpp"

#include <ctime>

#include "http/forms.hpp"
#include "i18n/i18n.hpp"

namespace samen::notify {

namespace {

constexpr std::size_t kMaxSubjectBytes = 400;
constexpr std::size_t kMaxAddressBytes = 254;
// 36 bytes → 48 base64 characters: an encoded word of 60, so even the first
// one, after "Subject: ", keeps its line within 76 characters (RFC 2047).
constexpr std::size_t kEncodedChunkBytes = 36;
constexpr std::size_t kQpLineLength = 76;

bool has_control_char(std::string_view s) {
  for (unsigned char ch : s)
    if (ch < 0x20 || ch == 0x7f) return true;
  return false;
}

bool plain_ascii(std::string_view s) {
  for (unsigned char ch : s)
    if (ch < 0x20 || ch > 0x7e) return false;
  return s.find("=?") == std::string_view::npos;  // would read as an encoded word
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], kAlphabet[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {kAlphabet[v >> 18], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

// Length of the longest prefix of s of at most `limit` bytes that ends on a
// UTF-8 character boundary (never splits a character between encoded words).
std::size_t utf8_prefix(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s.size();
  std::size_t n = limit;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::string domain_of(std::string_view address) { return std::string(address.substr(address.find('@') + 1)); }

// One text part; it ends with a line break so the next boundary (or the end of data) starts a line.
std::string qp_part(std::string_view content_type, std::string_view body) {
  std::string encoded = quoted_printable(body);
  if (!encoded.ends_with("\r\n")) encoded += "\r\n";
  return "Content-Type: " + std::string(content_type) +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + encoded;
}

}  // namespace

bool is_sendable_address(std::string_view a) {
  if (a.size() < 3 || a.size() > kMaxAddressBytes) return false;
  auto at = a.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == a.size() || a.find('@', at + 1) != std::string_view::npos)
    return false;
  for (unsigned char ch : a) {
    if (ch <= 0x20 || ch >= 0x7f) return false;
    if (std::string_view("<>()[]\\,;:\"").find(static_cast<char>(ch)) != std::string_view::npos) return false;
  }
  return a.back() != '.' && a[at + 1] != '.';
}

void check_message(const Message& m) {
  if (!is_sendable_address(m.to)) throw MessageError("recipient is not a sendable e-mail address");
  if (m.subject.empty() || m.subject.size() > kMaxSubjectBytes)
    throw MessageError("subject must be 1-" + std::to_string(kMaxSubjectBytes) + " bytes");
  if (has_control_char(m.subject)) throw MessageError("subject holds a line break or control character");
  if (!http::valid_utf8(m.subject) || !http::valid_utf8(m.text) || (m.html && !http::valid_utf8(*m.html)))
    throw MessageError("subject and bodies must be UTF-8");
  if (!i18n::parse_lang(m.lang) || m.lang.size() != 2) throw MessageError("language must be nl, fr or en");
}

std::string encode_header_text(std::string_view utf8) {
  if (plain_ascii(utf8)) return std::string(utf8);
  std::string out;
  while (!utf8.empty()) {
    std::size_t n = utf8_prefix(utf8, kEncodedChunkBytes);
    if (!out.empty()) out += "\r\n ";  // folding between encoded words
    out += "=?UTF-8?B?" + base64(utf8.substr(0, n)) + "?=";
    utf8.remove_prefix(n);
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out, line;
  auto flush_line = [&](bool hard_break) {
    // Space or tab at the end of a line would be stripped in transit: encode it.
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
      char ws = line.back();
      line.pop_back();
      if (line.size() + 3 > kQpLineLength - 1) out += line + "=\r\n", line.clear();
      line += {'=', kHex[ws >> 4], kHex[ws & 15]};
    }
    out += line;
    if (hard_break) out += "\r\n";
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      flush_line(true);
      continue;
    }
    std::string piece;
    if ((ch >= 33 && ch <= 126 && ch != '=') || ch == ' ' || ch == '\t') piece = std::string(1, static_cast<char>(ch));
    else piece = {'=', kHex[ch >> 4], kHex[ch & 15]};
    if (line.size() + piece.size() > kQpLineLength - 1) {  // room for the soft break's '='
      out += line + "=\r\n";
      line.clear();
    }
    line += piece;
  }
  flush_line(false);
  return out;
}

std::string rfc5322_date(std::int64_t unix_seconds) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string build_mime(const Message& m, const Envelope& e) {
  check_message(m);
  if (!is_sendable_address(e.from)) throw MessageError("sender is not a sendable e-mail address");
  if (has_control_char(e.from_name) || has_control_char(e.message_id) || has_control_char(e.boundary))
    throw MessageError("sender name, message id and boundary must be one line");
  std::string h;
  h += "From: " + (e.from_name.empty() ? e.from : encode_header_text(e.from_name) + " <" + e.from + ">") + "\r\n";
  h += "To: " + m.to + "\r\n";
  h += "Subject: " + encode_header_text(m.subject) + "\r\n";
  h += "Date: " + rfc5322_date(e.date) + "\r\n";
  h += "Message-ID: <" + e.message_id + "@" + domain_of(e.from) + ">\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Language: " + m.lang + "\r\n";
  h += "Auto-Submitted: auto-generated\r\n";  // RFC 3834: no vacation replies to Samen
  if (!m.html) return h + qp_part("text/plain", m.text);
  if (e.boundary.empty()) throw MessageError("a message with an HTML part needs a boundary");
  // Quoted-printable never produces "=_", so a boundary starting with it cannot occur in a part.
  std::string b = "=_" + e.boundary;
  h += "Content-Type: multipart/alternative; boundary=\"" + b + "\"\r\n\r\n";
  h += "--" + b + "\r\n" + qp_part("text/plain", m.text);
  h += "--" + b + "\r\n" + qp_part("text/html", *m.html);
  h += "--" + b + "--\r\n";
  return h;
}

}  // namespace samen::notify
