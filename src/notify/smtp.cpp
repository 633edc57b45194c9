// SMTP through libcurl: envelope, TLS and authentication are curl's; the
// message itself comes complete from build_mime.
#include "notify/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace samen::notify {

namespace {

constexpr long kConnectTimeoutSeconds = 10;
constexpr long kTotalTimeoutSeconds = 60;

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  const std::string& data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  std::size_t n = std::min(size * count, up->data.size() - up->offset);
  std::memcpy(buffer, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

// Position of the "user:password@" part after the scheme, if any.
std::pair<std::size_t, std::size_t> userinfo_span(const std::string& url) {
  auto start = url.find("://");
  if (start == std::string::npos) return {std::string::npos, 0};
  start += 3;
  auto end = url.find_first_of("/?#", start);
  auto at = url.rfind('@', end == std::string::npos ? url.size() : end);
  if (at == std::string::npos || at < start) return {std::string::npos, 0};
  return {start, at - start};
}

}  // namespace

std::string redact_url(const std::string& url) {
  auto [start, len] = userinfo_span(url);
  if (start == std::string::npos) return url;
  std::string userinfo = url.substr(start, len);
  auto colon = userinfo.find(':');
  if (colon == std::string::npos) return url;
  return url.substr(0, start) + userinfo.substr(0, colon) + ":***" + url.substr(start + len);
}

SmtpTransport::SmtpTransport(std::string url) : url_(std::move(url)) {
  if (!url_.starts_with("smtp://") && !url_.starts_with("smtps://"))
    throw std::invalid_argument("the SMTP URL must start with smtp:// or smtps:// (got " + redact_url(url_) + ")");
  has_credentials_ = userinfo_span(url_).first != std::string::npos;
  global_init_once();
}

void SmtpTransport::send(const std::string& from, const std::string& to, const std::string& mime) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw SendError("libcurl could not start", false);
  std::string mail_from = "<" + from + ">", rcpt = "<" + to + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(curl_slist_append(nullptr, rcpt.c_str()),
                                                                           curl_slist_free_all);
  Upload upload{mime};
  char errbuf[CURL_ERROR_SIZE] = {0};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url_.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mime.size()));
  // Credentials never cross the network in clear: with a user in smtp:// the
  // server must offer STARTTLS; without, TLS is used when offered.
  curl_easy_setopt(h, CURLOPT_USE_SSL, has_credentials_ ? static_cast<long>(CURLUSESSL_ALL)
                                                        : static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // called from the scheduler thread
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) return;
  long smtp_code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &smtp_code);
  std::string what = errbuf[0] ? errbuf : curl_easy_strerror(rc);
  if (smtp_code) what += " (SMTP " + std::to_string(smtp_code) + ")";
  throw SendError(what, smtp_code >= 500 && smtp_code < 600);
}

}  // namespace samen::notify
