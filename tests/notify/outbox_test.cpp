// The outbox on both databases: queueing inside the caller's transaction,
// delivery passes with a scripted transport (sent, retried with backoff,
// dead letters), one sender per message across servers, admin retry/cancel
// and the clean-up of old messages.
#include <gtest/gtest.h>

#include <deque>

#include "accounts/secrets.hpp"
#include "notify/delivery.hpp"
#include "notify/outbox.hpp"
#include "support/test_db.hpp"

namespace samen::notify {
namespace {

// A transport that records what it was given and fails as scripted.
class ScriptedTransport : public Transport {
 public:
  struct Sent {
    std::string from, to, mime;
  };
  void send(const std::string& from, const std::string& to, const std::string& mime) override {
    if (!failures.empty()) {
      auto f = failures.front();
      failures.pop_front();
      throw f;
    }
    sent.push_back({from, to, mime});
  }
  std::deque<SendError> failures;
  std::vector<Sent> sent;
};

class OutboxTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    accounts::init_crypto();
    settings.from = "samen@example.org";
    settings.retry = RetryPolicy{3, 60, 3600};
  }
  std::int64_t queue(const std::string& to = "lotte@example.be", std::int64_t now = 1000) {
    auto lease = db().acquire();
    return enqueue(*lease, {to, "Invitation à Samen", "Bonjour", std::nullopt, "fr"}, now);
  }
  OutboxEntry entry(std::int64_t id) {
    auto lease = db().acquire();
    return *find_entry(*lease, id);
  }
  DeliveryReport deliver(std::int64_t now) { return deliver_due(db(), transport, settings, now, [] { return 0.0; }); }
  ScriptedTransport transport;
  DeliverySettings settings;
};

TEST_P(OutboxTest, AMessageExistsOnlyIfTheCallersTransactionCommits) {
  EXPECT_THROW(store::in_transaction(db(),
                                     [&](store::Connection& c) {
                                       enqueue(c, {"a@example.org", "Hi", "x", std::nullopt, "en"}, 1000);
                                       throw std::runtime_error("the invitation failed");
                                     }),
               std::runtime_error);
  auto lease = db().acquire();
  EXPECT_EQ(count_entries(*lease, Status::queued), 0);
  store::in_transaction(db(), [&](store::Connection& c) {
    enqueue(c, {"a@example.org", "Hi", "x", std::nullopt, "en"}, 1000);
  });
  EXPECT_EQ(count_entries(*lease, Status::queued), 1);
  EXPECT_THROW(enqueue(*lease, {"a@example.org", "Hi\r\nBcc: b@example.org", "x", std::nullopt, "en"}, 1000),
               MessageError);
  EXPECT_EQ(count_entries(*lease, Status::queued), 1);
}

TEST_P(OutboxTest, DueMessagesAreSentOnceWithAStableMessageId) {
  auto id = queue();
  queue("later@example.be", 5000);  // not due yet
  auto r = deliver(1000);
  EXPECT_EQ(r.sent, 1);
  ASSERT_EQ(transport.sent.size(), 1u);
  EXPECT_EQ(transport.sent[0].to, "lotte@example.be");
  EXPECT_EQ(transport.sent[0].from, "samen@example.org");
  auto e = entry(id);
  EXPECT_EQ(e.status, Status::sent);
  EXPECT_EQ(e.sent_at, 1000);
  EXPECT_EQ(e.attempts, 1);
  EXPECT_NE(transport.sent[0].mime.find("Message-ID: <" + e.message_key + "@example.org>"), std::string::npos);
  EXPECT_EQ(deliver(1001).sent, 0) << "sent once";
}

TEST_P(OutboxTest, TransientFailuresBackOffThenGoToTheDeadLetters) {
  auto id = queue();
  transport.failures = {SendError("connection refused", false), SendError("timeout", false),
                        SendError("421 try later", false)};
  auto r = deliver(1000);
  EXPECT_EQ(r.retrying, 1);
  auto e = entry(id);
  EXPECT_EQ(e.status, Status::queued);
  EXPECT_EQ(e.attempts, 1);
  EXPECT_EQ(e.next_attempt_at, 1030) << "first delay 60 s with jitter 0: 30 s";
  EXPECT_EQ(e.last_error, "connection refused");
  EXPECT_EQ(deliver(1029).retrying, 0) << "not before its time";
  deliver(1030);
  e = entry(id);
  EXPECT_EQ(e.attempts, 2);
  EXPECT_EQ(e.next_attempt_at, 1030 + 60) << "doubled";
  EXPECT_EQ(deliver(1090).dead, 1) << "third failure of three allowed";
  e = entry(id);
  EXPECT_EQ(e.status, Status::dead);
  EXPECT_EQ(e.attempts, 3);
  EXPECT_EQ(e.last_error, "421 try later");
  EXPECT_TRUE(transport.sent.empty());
}

TEST_P(OutboxTest, APermanentRefusalIsADeadLetterAtOnceAndOthersStillGo) {
  auto refused = queue("nobody@example.be");
  auto fine = queue("lotte@example.be");
  transport.failures = {SendError("550 no such user", true)};
  auto r = deliver(1000);
  EXPECT_EQ(r.dead, 1);
  EXPECT_EQ(r.sent, 1);
  EXPECT_EQ(entry(refused).status, Status::dead);
  EXPECT_EQ(entry(fine).status, Status::sent);
}

TEST_P(OutboxTest, TwoServersNeverClaimTheSameMessage) {
  auto id = queue();
  auto other = test_db().open_another(1);
  auto a = db().acquire();
  auto b = other->acquire();
  EXPECT_TRUE(claim_for_delivery(*a, id, 1000, 600));
  EXPECT_FALSE(claim_for_delivery(*b, id, 1000, 600)) << "taken by the first";
  EXPECT_FALSE(claim_for_delivery(*b, id, 1599, 600)) << "still leased";
  EXPECT_TRUE(claim_for_delivery(*b, id, 1600, 600)) << "the first server died: due again after the lease";
}

TEST_P(OutboxTest, AdminsRetryDeadLettersAndCancelWaitingMessages) {
  auto waiting = queue();
  auto lease = db().acquire();
  EXPECT_FALSE(retry_entry(*lease, waiting, 1000)) << "only dead letters are retried";
  EXPECT_TRUE(cancel_entry(*lease, waiting, 1001));
  auto e = entry(waiting);
  EXPECT_EQ(e.status, Status::dead);
  EXPECT_EQ(e.cancelled_at, 1001);
  EXPECT_FALSE(cancel_entry(*lease, waiting, 1002)) << "already cancelled";
  EXPECT_TRUE(retry_entry(*lease, waiting, 2000));
  e = entry(waiting);
  EXPECT_EQ(e.status, Status::queued);
  EXPECT_EQ(e.attempts, 0);
  EXPECT_EQ(e.next_attempt_at, 2000);
  EXPECT_FALSE(e.cancelled_at);
  EXPECT_EQ(deliver(2000).sent, 1);
}

TEST_P(OutboxTest, ListsArePagedAndOldFinishedMessagesArePurged) {
  for (int i = 0; i < 7; ++i) queue("p" + std::to_string(i) + "@example.be", 1000 + i);
  auto lease = db().acquire();
  auto page1 = list_entries(*lease, Status::queued, 5, 0), page2 = list_entries(*lease, Status::queued, 5, 5);
  ASSERT_EQ(page1.size(), 5u);
  ASSERT_EQ(page2.size(), 2u);
  EXPECT_EQ(page1[0].message.to, "p0@example.be") << "waiting: next due first";
  EXPECT_EQ(page2[1].message.to, "p6@example.be");
  deliver(1010);
  EXPECT_EQ(count_entries(*lease, Status::sent), 7);
  EXPECT_EQ(list_entries(*lease, Status::sent, 1, 0)[0].message.to, "p6@example.be") << "sent: newest first";
  queue("fresh@example.be", 5000);
  EXPECT_EQ(purge_finished(*lease, 1004), 4) << "sent before the cut-off";
  EXPECT_EQ(count_entries(*lease, Status::sent), 3);
  EXPECT_EQ(count_entries(*lease, Status::queued), 1) << "waiting messages are never purged";
}

SAMEN_INSTANTIATE_FOR_BACKENDS(OutboxTest);

}  // namespace
}  // namespace samen::notify
