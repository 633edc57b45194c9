// Sending one e-mail: the Transport interface the delivery job uses, and its
// SMTP implementation through libcurl (smtp:// with STARTTLS when offered —
// required when the URL carries credentials — or smtps://).
#pragma once
#include <stdexcept>
#include <string>

namespace samen::notify {

// A failed send. permanent: the server refused for good (SMTP 5xx, e.g. an
// unknown recipient); otherwise (no connection, timeout, 4xx) it may work later.
class SendError : public std::runtime_error {
 public:
  SendError(const std::string& what, bool permanent) : std::runtime_error(what), permanent(permanent) {}
  bool permanent;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends the MIME message (build_mime) from `from` to `to`; throws SendError.
  virtual void send(const std::string& from, const std::string& to, const std::string& mime) = 0;
};

class SmtpTransport : public Transport {
 public:
  // url: smtp://host[:port], smtps://user:password@host[:port], ...
  // Throws std::invalid_argument when the URL is not smtp:// or smtps://.
  explicit SmtpTransport(std::string url);
  void send(const std::string& from, const std::string& to, const std::string& mime) override;

 private:
  std::string url_;
  bool has_credentials_ = false;
};

// The URL without its password, for logs and the admin page.
std::string redact_url(const std::string& url);

}  // namespace samen::notify
