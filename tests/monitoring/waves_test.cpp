// Survey waves on both databases (src/monitoring/waves.hpp): a team's wave
// takes the team's organisations, one invitation per organisation with its
// e-mail in the outbox, answers saved as you go and submitted once, the bad
// input of the issue (self-ties, ties outside the wave, duplicate responses,
// answering for another organisation, values off the scales) refused with a
// catalog key while everything saved stays, inside a transaction that goes
// on (PostgreSQL aborts a transaction on a failed statement), reminders to
// those who have not answered, a closed wave, and the metrics of a wave.
#include "monitoring/waves.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "support/test_db.hpp"

namespace samen::monitoring {
namespace {

class WavesTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (::testing::Test::IsSkipped()) return;
    auto lease = db().acquire();
    auto& c = *lease;
    c.exec("INSERT INTO organizations (id, name, created_at, updated_at) VALUES ('org-a', 'De Vlinder', 1, 1), "
           "('org-b', 'Les Petits Pas', 1, 1), ('org-c', 'OCMW Jette', 1, 1), ('org-d', 'Huis van het Kind', 1, 1)");
    c.exec("INSERT INTO teams (id, name, kind, created_at, updated_at) VALUES ('team-j', 'Lokaal team Jette', "
           "'local_team', 1, 1)");
    c.exec("INSERT INTO team_members (team_id, organization_id) VALUES ('team-j', 'org-a'), ('team-j', 'org-b'), "
           "('team-j', 'org-c')");
  }

  const i18n::Catalog& catalog() { return i18n::Catalog::embedded(); }

  Wave team_wave(store::Connection& c) {
    NewWave nw;
    nw.name = "Jette 2026";
    nw.team_id = "team-j";
    return create_wave(c, nw, 1000);
  }
  // Invites the three organisations; their tokens by organisation.
  std::map<std::string, std::string> invite_all(store::Connection& c, const Wave& w) {
    std::map<std::string, std::string> tokens;
    for (const auto& o : w.organization_ids)
      tokens[o] = invite(c, catalog(), w.id, {o, o + "@example.org", "Resp " + o, "fr"},
                         "https://samen.example/survey/", 1001);
    return tokens;
  }
  static std::string key_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const WaveError& e) {
      return std::to_string(e.status) + " " + e.key;
    }
    return "no error";
  }
};

TEST_P(WavesTest, TeamWaveTakesItsMembersAndRefusesOthers) {
  auto lease = db().acquire();
  Wave w = team_wave(*lease);
  EXPECT_EQ(w.organization_ids, (std::vector<std::string>{"org-a", "org-b", "org-c"}));
  auto loaded = load_wave(*lease, w.id);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->organization_ids, w.organization_ids);
  EXPECT_EQ(loaded->team_id, "team-j");
  NewWave outside{"Jette", "team-j", {"org-a", "org-d"}, std::nullopt};
  EXPECT_EQ(key_of([&] { create_wave(*lease, outside, 1); }), "422 monitoring.error.outside_team");
  NewWave one{"Alone", std::nullopt, {"org-a"}, std::nullopt};
  EXPECT_EQ(key_of([&] { create_wave(*lease, one, 1); }), "422 monitoring.error.too_few_organizations");
  NewWave unknown{"X", std::nullopt, {"org-a", "org-zz"}, std::nullopt};
  EXPECT_EQ(key_of([&] { create_wave(*lease, unknown, 1); }), "422 monitoring.error.organization_unknown");
  NewWave nameless{"  ", std::nullopt, {}, std::nullopt};
  EXPECT_EQ(key_of([&] { create_wave(*lease, nameless, 1); }), "422 monitoring.error.name");
  Wave brussels = create_wave(*lease, {"Brussel 2026", std::nullopt, {}, std::nullopt}, 5);
  EXPECT_EQ(brussels.organization_ids.size(), 4u);  // every active organisation
  EXPECT_EQ(list_waves(*lease).size(), 2u);
}

TEST_P(WavesTest, OneInvitationPerOrganisationWithItsEmailInTheOutbox) {
  auto lease = db().acquire();
  auto& c = *lease;
  Wave w = team_wave(c);
  auto tokens = invite_all(c, w);
  auto mails = c.exec("SELECT recipient, subject, body_text, lang FROM outbox ORDER BY recipient");
  ASSERT_EQ(mails.rows.size(), 3u);
  EXPECT_EQ(mails.rows[0].text(0), "org-a@example.org");
  EXPECT_EQ(mails.rows[0].text(1), "Enquête sur la collaboration : Jette 2026");
  EXPECT_NE(mails.rows[0].text(2).find("https://samen.example/survey/" + tokens["org-a"]), std::string::npos);
  EXPECT_EQ(mails.rows[0].text(3), "fr");
  // The token is stored only as its digest.
  EXPECT_TRUE(c.exec("SELECT 1 FROM monitoring_invitations WHERE token_digest = ?", {tokens["org-a"]}).empty());
  auto inv = invitation_by_token(c, tokens["org-b"]);
  ASSERT_TRUE(inv);
  EXPECT_EQ(inv->organization_id, "org-b");
  EXPECT_FALSE(invitation_by_token(c, "not-a-token"));
  EXPECT_EQ(key_of([&] { invite(c, catalog(), w.id, {"org-a", "x@example.org", "X", "nl"}, "l/", 2); }),
            "409 monitoring.error.already_invited");
  EXPECT_EQ(key_of([&] { invite(c, catalog(), w.id, {"org-d", "x@example.org", "X", "nl"}, "l/", 2); }),
            "422 monitoring.error.outside_wave");
  EXPECT_EQ(invitations(c, w.id).size(), 3u);
  EXPECT_EQ(c.exec("SELECT COUNT(*) FROM outbox").rows[0].int64(0), 3);
}

TEST_P(WavesTest, AnswersAreSavedAsYouGoAndSubmittedOnce) {
  auto lease = db().acquire();
  auto& c = *lease;
  Wave w = team_wave(c);
  auto tokens = invite_all(c, w);
  Invitation a = *invitation_by_token(c, tokens["org-a"]);
  TieAnswer first;
  first.target_id = "org-b";
  first.frequency = "monthly";
  save_tie(c, a, first, 2000);
  TieAnswer more = first;
  more.integration = "cooperating";
  more.trust = {4, 3, std::nullopt};
  more.resources = {"referrals", "space"};
  save_tie(c, a, more, 2001);  // the same tie, completed: still one row
  save_factor(c, a, "shared_vision", 4, 2002);
  save_factor(c, a, "shared_vision", 5, 2003);
  auto answers = tie_answers(c, a.id);
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].integration, "cooperating");
  EXPECT_EQ(answers[0].frequency, "monthly");
  EXPECT_EQ(answers[0].trust[1], 3);
  EXPECT_FALSE(answers[0].trust[2].has_value());
  EXPECT_EQ(answers[0].resources, (std::vector<std::string>{"referrals", "space"}));
  EXPECT_EQ(factor_scores(c, a.id), (std::map<std::string, int>{{"shared_vision", 5}}));
  EXPECT_EQ(not_answered(c, w.id).size(), 3u);
  submit(c, a, 2100);
  EXPECT_EQ(not_answered(c, w.id).size(), 2u);
  // A duplicate response: a second submission or any change after it is refused; the answers stay.
  EXPECT_EQ(key_of([&] { submit(c, a, 2200); }), "409 monitoring.error.already_submitted");
  TieAnswer late;
  late.target_id = "org-c";
  late.integration = "networking";
  EXPECT_EQ(key_of([&] { save_tie(c, a, late, 2201); }), "409 monitoring.error.already_submitted");
  EXPECT_EQ(key_of([&] { save_factor(c, a, "clear_roles", 3, 2202); }), "409 monitoring.error.already_submitted");
  EXPECT_EQ(tie_answers(c, a.id).size(), 1u);
  EXPECT_EQ(factor_scores(c, a.id).size(), 1u);
}

TEST_P(WavesTest, BadAnswersAreRefusedAndTheTransactionGoesOn) {
  auto lease = db().acquire();
  auto& c = *lease;
  Wave w = team_wave(c);
  auto tokens = invite_all(c, w);
  Invitation a = *invitation_by_token(c, tokens["org-a"]);
  TieAnswer good;
  good.target_id = "org-b";
  good.integration = "networking";
  save_tie(c, a, good, 10);

  c.begin();  // every refusal below happens before a statement fails, so the transaction stays usable
  auto answer = [&](auto change) {
    TieAnswer t;
    t.target_id = "org-c";
    change(t);
    return key_of([&] { save_tie(c, a, t, 11); });
  };
  EXPECT_EQ(answer([](TieAnswer& t) { t.target_id = "org-a"; }), "422 monitoring.error.self_tie");
  EXPECT_EQ(answer([](TieAnswer& t) { t.target_id = "org-d"; }), "422 monitoring.error.outside_wave");
  EXPECT_EQ(answer([](TieAnswer& t) { t.target_id = "org-nowhere"; }), "422 monitoring.error.outside_wave");
  EXPECT_EQ(answer([](TieAnswer& t) { t.source_id = "org-b"; }), "403 monitoring.error.other_organization");
  EXPECT_EQ(answer([](TieAnswer& t) { t.trust[0] = 5; }), "422 monitoring.error.rating");
  EXPECT_EQ(answer([](TieAnswer& t) { t.value[2] = 0; }), "422 monitoring.error.rating");
  EXPECT_EQ(answer([](TieAnswer& t) { t.integration = "merging"; }), "422 monitoring.error.integration");
  EXPECT_EQ(answer([](TieAnswer& t) { t.frequency = "daily"; }), "422 monitoring.error.frequency");
  EXPECT_EQ(answer([](TieAnswer& t) { t.resources = {"money"}; }), "422 monitoring.error.resource");
  EXPECT_EQ(key_of([&] { save_factor(c, a, "luck", 3, 11); }), "422 monitoring.error.factor");
  EXPECT_EQ(key_of([&] { save_factor(c, a, "clear_roles", 6, 11); }), "422 monitoring.error.factor_score");
  EXPECT_EQ(answer([](TieAnswer& t) { t.source_id = "org-a"; t.integration = "coordinating"; }), "no error");
  c.commit();

  auto answers = tie_answers(c, a.id);
  ASSERT_EQ(answers.size(), 2u);  // the earlier answer and the good one, nothing of the bad ones
  EXPECT_EQ(answers[0].integration, "networking");
  EXPECT_EQ(answers[1].target_id, "org-c");
  EXPECT_EQ(answers[1].integration, "coordinating");
  EXPECT_EQ(c.exec("SELECT COUNT(*) FROM monitoring_ties").rows[0].int64(0), 2);
}

TEST_P(WavesTest, RemindersGoToThoseWhoHaveNotAnsweredWithANewLink) {
  auto lease = db().acquire();
  auto& c = *lease;
  Wave w = team_wave(c);
  auto tokens = invite_all(c, w);
  submit(c, *invitation_by_token(c, tokens["org-a"]), 50);
  EXPECT_EQ(remind(c, catalog(), w.id, "https://samen.example/survey/", 60), 2u);
  auto mails = c.exec("SELECT recipient, subject FROM outbox WHERE subject LIKE 'Rappel%' ORDER BY recipient");
  ASSERT_EQ(mails.rows.size(), 2u);
  EXPECT_EQ(mails.rows[0].text(0), "org-b@example.org");
  EXPECT_EQ(mails.rows[1].text(0), "org-c@example.org");
  EXPECT_FALSE(invitation_by_token(c, tokens["org-b"]));  // the old link no longer opens the survey
  EXPECT_TRUE(invitation_by_token(c, tokens["org-a"]));   // an answered one keeps its link
  auto pending = not_answered(c, w.id);
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].reminders, 1);
  EXPECT_EQ(pending[0].reminded_at, 60);
}

TEST_P(WavesTest, AClosedWaveTakesNothingMore) {
  auto lease = db().acquire();
  auto& c = *lease;
  Wave w = team_wave(c);
  auto tokens = invite_all(c, w);
  close_wave(c, w.id, 70);
  EXPECT_EQ(load_wave(c, w.id)->closed_at, 70);
  TieAnswer t;
  t.target_id = "org-b";
  Invitation a = *invitation_by_token(c, tokens["org-a"]);
  EXPECT_EQ(key_of([&] { save_tie(c, a, t, 71); }), "409 monitoring.error.wave_closed");
  EXPECT_EQ(key_of([&] { submit(c, a, 71); }), "409 monitoring.error.wave_closed");
  EXPECT_EQ(key_of([&] { remind(c, catalog(), w.id, "l/", 71); }), "409 monitoring.error.wave_closed");
  EXPECT_EQ(key_of([&] { close_wave(c, w.id, 72); }), "409 monitoring.error.wave_closed");
  EXPECT_EQ(key_of([&] { close_wave(c, "no-such-wave", 72); }), "404 monitoring.error.wave_unknown");
}

// a → b cooperating (trust 4,4,4), b → a networking (trust 2,2,2), a → c none,
// c → b collaborating (value 3,3,3); c's answer counts only once submitted.
TEST_P(WavesTest, MetricsOfAWaveFromSubmittedAnswers) {
  auto lease = db().acquire();
  auto& c = *lease;
  Wave w = team_wave(c);
  auto tokens = invite_all(c, w);
  auto inv = [&](const char* o) { return *invitation_by_token(c, tokens[o]); };
  auto tie = [&](const char* from, const char* to, const char* level, std::optional<int> trust,
                 std::optional<int> value) {
    TieAnswer t;
    t.target_id = to;
    t.integration = level;
    t.trust = {trust, trust, trust};
    t.value = {value, value, value};
    save_tie(c, inv(from), t, 80);
  };
  tie("org-a", "org-b", "cooperating", 4, std::nullopt);
  tie("org-a", "org-c", "none", std::nullopt, std::nullopt);
  tie("org-b", "org-a", "networking", 2, std::nullopt);
  tie("org-c", "org-b", "collaborating", std::nullopt, 3);
  submit(c, inv("org-a"), 90);
  submit(c, inv("org-b"), 90);
  auto draft = wave_metrics(c, w.id, false);
  EXPECT_EQ(draft.metrics.edges, 2);  // c has not submitted: its answer is a draft
  submit(c, inv("org-c"), 90);

  WaveMetrics reported = wave_metrics(c, w.id, false);
  EXPECT_EQ(reported.metrics.nodes, 3);
  EXPECT_EQ(reported.metrics.edges, 3);  // a → c "none" is no tie
  EXPECT_DOUBLE_EQ(*reported.metrics.reciprocity, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(reported.metrics.density, 3.0 / 6.0);
  EXPECT_DOUBLE_EQ(*reported.trust, 3.0);  // (4 × 3 + 2 × 3) / 6
  EXPECT_DOUBLE_EQ(*reported.value, 3.0);
  EXPECT_DOUBLE_EQ(*reported.trust_received.at("org-b"), 4.0);
  EXPECT_DOUBLE_EQ(*reported.trust_received.at("org-a"), 2.0);
  EXPECT_FALSE(reported.trust_received.at("org-c").has_value());
  EXPECT_DOUBLE_EQ(reported.integration_share.at("cooperating"), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(reported.integration_share.at("coordinating"), 0.0);
  EXPECT_EQ(reported.metrics.per_node[1].in_degree, 2);  // org-b: from a and c

  WaveMetrics confirmed = wave_metrics(c, w.id, true);
  EXPECT_EQ(confirmed.metrics.edges, 1);  // only a–b is reported by both sides
  EXPECT_FALSE(confirmed.metrics.reciprocity.has_value());
  EXPECT_EQ(confirmed.metrics.components, 2);
  auto j = to_json(reported);
  EXPECT_EQ(j["nodes"][1]["id"], "org-b");
  EXPECT_EQ(j["nodes"][1]["trust_received"], 4.0);
  EXPECT_TRUE(j["nodes"][2]["trust_received"].is_null());
  EXPECT_EQ(j["network"]["integration_share"]["collaborating"], 1.0 / 3.0);
}

SAMEN_INSTANTIATE_FOR_BACKENDS(WavesTest);

}  // namespace
}  // namespace samen::monitoring
