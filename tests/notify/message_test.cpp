// Outgoing e-mail without a network: what is refused (header injection, bad
// addresses), RFC 2047 subjects, quoted-printable bodies, the complete MIME
// message, and the backoff schedule.
#include <gtest/gtest.h>

#include <sstream>

#include "notify/message.hpp"
#include "notify/retry.hpp"
#include "notify/smtp.hpp"

namespace samen::notify {
namespace {

Message valid() { return {"lotte@example.be", "Invitation à Samen", "Bonjour Lotte,\nvoici le lien.\n", std::nullopt, "fr"}; }

Envelope envelope() { return {"samen@example.org", "Samen", "abc123", 1796147462, "b0und"}; }

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (auto end = s.find("\r\n"); end != std::string::npos; at = end + 2, end = s.find("\r\n", at))
    out.push_back(s.substr(at, end - at));
  if (at < s.size()) out.push_back(s.substr(at));
  return out;
}

TEST(MailChecks, AddressesSmtpTakesAsTheyAre) {
  for (const char* ok : {"lotte@example.be", "a.b+c@sub.example.org", "x@localhost"})
    EXPECT_TRUE(is_sendable_address(ok)) << ok;
  for (const char* bad : {"", "no-at", "@example.org", "a@", "a@b@c", "a b@c.be", "<a@b.be>", "a@b.be\r\nBcc: x@y.z",
                          "a@b.be,c@d.be", "a;b@c.be", "ünï@example.be", "a@.example", "a@example."})
    EXPECT_FALSE(is_sendable_address(bad)) << bad;
}

TEST(MailChecks, HeaderInjectionThroughSubjectOrRecipientIsRefused) {
  auto m = valid();
  m.subject = "Hello\r\nBcc: victim@example.org";
  EXPECT_THROW(check_message(m), MessageError);
  m.subject = "Hello\nBcc: victim@example.org";
  EXPECT_THROW(check_message(m), MessageError);
  m = valid();
  m.to = "lotte@example.be\r\nBcc: victim@example.org";
  EXPECT_THROW(check_message(m), MessageError);
  m = valid();
  m.subject = "";
  EXPECT_THROW(check_message(m), MessageError);
  m = valid();
  m.text = std::string("broken \xff utf-8");
  EXPECT_THROW(check_message(m), MessageError);
  m = valid();
  m.lang = "de";
  EXPECT_THROW(check_message(m), MessageError);
  EXPECT_NO_THROW(check_message(valid()));
}

TEST(MailEncoding, PlainAsciiSubjectsStayReadableOthersBecomeEncodedWords) {
  EXPECT_EQ(encode_header_text("Your invitation to Samen"), "Your invitation to Samen");
  EXPECT_EQ(encode_header_text("Invitation à Samen"), "=?UTF-8?B?SW52aXRhdGlvbiDDoCBTYW1lbg==?=");
  EXPECT_NE(encode_header_text("looks =?like?= a word").find("=?UTF-8?B?"), std::string::npos)
      << "text that would read as an encoded word is encoded itself";
}

TEST(MailEncoding, LongSubjectsFoldIntoEncodedWordsThatNeverSplitACharacter) {
  std::string subject;
  for (int i = 0; i < 40; ++i) subject += "é";  // 80 bytes of two-byte characters
  subject += " – déjà vu";
  std::string h = encode_header_text(subject);
  for (const auto& line : lines_of(h)) {
    std::string word = line.starts_with(" ") ? line.substr(1) : line;
    EXPECT_LE(word.size(), 75u) << word;
    EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?=")) << word;
  }
  EXPECT_GE(lines_of(h).size(), 2u);
}

TEST(MailEncoding, QuotedPrintableKeepsLinesShortAndEncodesWhatMustBe) {
  std::string text = "Dag Lotte,\n\nprix = 10 € \nhttps://samen.example/invite/" + std::string(120, 'x') + "\n.\nend ";
  std::string qp = quoted_printable(text);
  for (const auto& line : lines_of(qp)) EXPECT_LE(line.size(), 76u) << line;
  EXPECT_NE(qp.find("prix =3D 10 =E2=82=AC=20\r\n"), std::string::npos) << qp;  // '=', €, trailing space
  EXPECT_NE(qp.find("=\r\n"), std::string::npos) << "the long link is soft-broken";
  EXPECT_TRUE(qp.ends_with("end=20")) << qp;
  EXPECT_EQ(qp.find('\n', 0), qp.find("\r\n") + 1) << "CRLF line ends";
}

TEST(MailEncoding, DatesAreRfc5322InUtc) {
  EXPECT_EQ(rfc5322_date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(rfc5322_date(1796147462), "Tue, 01 Dec 2026 17:51:02 +0000");
}

TEST(MailMime, PlainMessageHasTheHeadersAMailReaderNeeds) {
  std::string mime = build_mime(valid(), envelope());
  for (const char* h :
       {"From: Samen <samen@example.org>\r\n", "To: lotte@example.be\r\n",
        "Subject: =?UTF-8?B?SW52aXRhdGlvbiDDoCBTYW1lbg==?=\r\n", "Date: Tue, 01 Dec 2026 17:51:02 +0000\r\n",
        "Message-ID: <abc123@example.org>\r\n", "MIME-Version: 1.0\r\n", "Content-Language: fr\r\n",
        "Content-Type: text/plain; charset=UTF-8\r\n", "Content-Transfer-Encoding: quoted-printable\r\n"})
    EXPECT_NE(mime.find(h), std::string::npos) << h << "\n" << mime;
  auto body = mime.substr(mime.find("\r\n\r\n") + 4);
  EXPECT_EQ(body, "Bonjour Lotte,\r\nvoici le lien.\r\n");
  for (unsigned char ch : mime) EXPECT_LT(ch, 128) << "7-bit on the wire";
}

TEST(MailMime, HtmlAlternativeMakesAMultipartMessage) {
  auto m = valid();
  m.html = "<p>Bonjour <b>Lotte</b></p>";
  std::string mime = build_mime(m, envelope());
  EXPECT_NE(mime.find("Content-Type: multipart/alternative; boundary=\"=_b0und\"\r\n"), std::string::npos);
  EXPECT_NE(mime.find("--=_b0und\r\nContent-Type: text/plain"), std::string::npos);
  EXPECT_NE(mime.find("--=_b0und\r\nContent-Type: text/html"), std::string::npos);
  EXPECT_TRUE(mime.ends_with("--=_b0und--\r\n"));
  auto bad = envelope();
  bad.from = "samen@example.org\r\nBcc: x@y.z";
  EXPECT_THROW(build_mime(m, bad), MessageError);
}

TEST(MailRetry, BackoffDoublesWithJitterUpToTheCap) {
  RetryPolicy p{8, 60, 3600};
  EXPECT_EQ(retry_delay(p, 1, 0.0), 30);
  EXPECT_EQ(retry_delay(p, 1, 0.999), 59);
  EXPECT_EQ(retry_delay(p, 2, 0.0), 60);
  EXPECT_EQ(retry_delay(p, 3, 0.5), 120 + 60);
  EXPECT_EQ(retry_delay(p, 7, 0.0), 1800) << "capped at 3600 before jitter";
  EXPECT_EQ(retry_delay(p, 30, 0.0), 1800) << "no overflow for many attempts";
  for (double j : {0.0, 0.3, 0.7, 0.99}) {
    auto d = retry_delay(p, 4, j);
    EXPECT_GE(d, 240);
    EXPECT_LT(d, 480);
  }
}

TEST(MailRetry, PermanentRefusalsAndTooManyAttemptsGoToTheDeadLetters) {
  RetryPolicy p{3, 60, 3600};
  auto first = after_failure(p, 1, false, 1000, 0.0);
  EXPECT_FALSE(first.dead);
  EXPECT_EQ(first.next_attempt_at, 1030);
  EXPECT_FALSE(after_failure(p, 2, false, 1000, 0.0).dead);
  EXPECT_TRUE(after_failure(p, 3, false, 1000, 0.0).dead);
  EXPECT_TRUE(after_failure(p, 1, true, 1000, 0.0).dead) << "550 no such user: retrying cannot help";
}

TEST(MailSmtp, UrlsAreCheckedAndPasswordsNeverShown) {
  EXPECT_THROW(SmtpTransport("http://mail.example"), std::invalid_argument);
  EXPECT_THROW(SmtpTransport("mail.example:25"), std::invalid_argument);
  EXPECT_NO_THROW(SmtpTransport("smtp://127.0.0.1:2525"));
  EXPECT_EQ(redact_url("smtps://user:s3cret@mail.example:465"), "smtps://user:***@mail.example:465");
  EXPECT_EQ(redact_url("smtp://127.0.0.1:2525"), "smtp://127.0.0.1:2525");
  try {
    SmtpTransport("imap://u:s3cret@mail.example");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos);
  }
}

}  // namespace
}  // namespace samen::notify
