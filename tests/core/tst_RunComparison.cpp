#include "core/run/RunComparison.h"
#include "support/RunHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

class tst_RunComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rehearsalAgainstLive();
    void jsonCarriesTheDifferences();
    void differentRunbooksAreFlagged();
    void scheduleLateness();
};

namespace {

constexpr qint64 kMin = RunHarness::kMin;
constexpr qint64 kHour = RunHarness::kHour;
constexpr qint64 kDay = RunHarness::kDay;

const QString kDana = QStringLiteral("Dana Weber");
const QString kLena = QStringLiteral("Lena Hoffmann");
const QString kRavi = QStringLiteral("Ravi Patel");

// A harness whose run starts `offset` after RunHarness::kStart.
std::unique_ptr<RunHarness> harness(const std::shared_ptr<const Runbook> &rb, RunMode mode, qint64 offset,
                                    const QString &sha)
{
    auto h = std::make_unique<RunHarness>(rb, mode, RunHarness::kStart + offset);
    h->info.runbookSha256 = sha;
    return h;
}

// Rehearsal: set-10 takes 3 min, canary soaks 24 h, full 13 h, the run completes.
std::unique_ptr<RunHarness> rehearsal(const std::shared_ptr<const Runbook> &rb, const QString &sha,
                                      qint64 offset = 0)
{
    auto h = harness(rb, RunMode::Rehearsal, offset, sha);
    h->start();
    h->ok(RunPlanner::enterStage(h->state, h->clock.now(), QStringLiteral("canary"), kDana));
    const qint64 soak = h->rollOut(3 * kMin);
    h->runUntil(soak + 24 * kHour);
    h->ok(RunPlanner::confirmManualGate(h->state, h->clock.now(), QStringLiteral("complaints"), kLena,
                                        QStringLiteral("no tickets")));
    h->ok(RunPlanner::promote(h->state, h->clock.now(), kDana));
    const qint64 fullSoak = h->rollOut(2 * kMin);
    h->runUntil(fullSoak + 13 * kHour); // the 12 h hold counts from the first sample after the rollout
    h->ok(RunPlanner::promote(h->state, h->clock.now(), kDana));
    return h;
}

// Live, a week later: set-10 takes 7 min, the success metric is missing for an hour (Ravi accepts the
// gate), canary is promoted after 26 h; in full the success rate drops, the trigger rolls back (two steps
// of 4 min), and the lead aborts the run.
std::unique_ptr<RunHarness> live(const std::shared_ptr<const Runbook> &rb, const QString &sha)
{
    auto h = harness(rb, RunMode::Live, 7 * kDay, sha);
    auto missingFrom = std::make_shared<qint64>(0);
    auto dropFrom = std::make_shared<qint64>(std::numeric_limits<qint64>::max());
    h->metric = [missingFrom, dropFrom](const QString &, qint64 now) -> std::optional<double> {
        if (now >= *missingFrom && now < *missingFrom + kHour)
            return std::nullopt;
        return now >= *dropFrom ? 80.0 : 99.0;
    };
    h->start();
    h->ok(RunPlanner::enterStage(h->state, h->clock.now(), QStringLiteral("canary"), kDana));
    const qint64 soak = h->rollOut(7 * kMin);
    *missingFrom = soak + kHour;
    const RunPlan plan = h->runUntil(soak + 2 * kHour);
    const bool asked = std::any_of(plan.pending.cbegin(), plan.pending.cend(), [](const PendingDecision &d) {
        return d.kind == QLatin1String("gate") && d.target == QLatin1String("success");
    });
    if (!asked)
        qWarning("the success gate did not stop for a decision");
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"), QStringLiteral("success"),
                             true, kRavi, QStringLiteral("metrics database restarted, traffic was fine")));
    h->runUntil(soak + 26 * kHour);
    h->ok(RunPlanner::confirmManualGate(h->state, h->clock.now(), QStringLiteral("complaints"), kLena,
                                        QStringLiteral("no tickets")));
    h->ok(RunPlanner::promote(h->state, h->clock.now(), kDana));
    const qint64 fullSoak = h->rollOut(2 * kMin);
    *dropFrom = fullSoak + 2 * kHour;
    h->runUntil(fullSoak + 3 * kHour);
    h->ok(RunPlanner::abort(h->state, h->clock.now(), kDana, QStringLiteral("postponed after the rollback")));
    return h;
}

} // namespace

void tst_RunComparison::rehearsalAgainstLive()
{
    const auto rb = loadRunbook(comparisonRunbook());
    QVERIFY(rb);
    const auto a = rehearsal(rb, QStringLiteral("aa11"));
    const auto b = live(rb, QStringLiteral("aa11"));
    const auto c = RunComparison::compare(RunComparison::summarize(rb, a->journal),
                                          RunComparison::summarize(rb, b->journal));
    QCOMPARE(c.a().runId, a->info.id);
    QCOMPARE(c.b().runId, b->info.id);
    QCOMPARE(c.a().mode, RunMode::Rehearsal);
    QCOMPARE(c.b().mode, RunMode::Live);
    QVERIFY(c.sameRunbook());
    QVERIFY2(c.warnings().isEmpty(), qPrintable(c.warnings().join(u'\n')));

    // Stages: canary soaked 24 h vs 26 h; the rollout-to-promotion time includes the rollout.
    QCOMPARE(c.stages().size(), 2);
    const auto &canary = c.stages()[0];
    QCOMPARE(canary.stage, QStringLiteral("canary"));
    QVERIFY(canary.a && canary.b);
    QCOMPARE(canary.a->soak, std::optional<Milliseconds>(Milliseconds(24 * kHour)));
    QCOMPARE(canary.b->soak, std::optional<Milliseconds>(Milliseconds(26 * kHour)));
    QCOMPARE(canary.a->plannedSoak, std::optional<Milliseconds>(Milliseconds(24 * kHour)));
    QCOMPARE(canary.soakDelta, std::optional<Milliseconds>(Milliseconds(2 * kHour)));
    QCOMPARE(canary.a->rolloutToPromotion, std::optional<Milliseconds>(Milliseconds(24 * kHour + 3 * kMin)));
    QCOMPARE(canary.b->rolloutToPromotion, std::optional<Milliseconds>(Milliseconds(26 * kHour + 7 * kMin)));
    QCOMPARE(canary.rolloutToPromotionDelta, std::optional<Milliseconds>(Milliseconds(2 * kHour + 4 * kMin)));
    QCOMPARE(canary.a->end, QStringLiteral("promoted"));
    QCOMPARE(canary.a->attempts, 1);
    const auto &full = c.stages()[1];
    QCOMPARE(full.a->end, QStringLiteral("promoted"));
    QCOMPARE(full.b->end, QStringLiteral("rolled_back"));
    QCOMPARE(full.a->soak, std::optional<Milliseconds>(Milliseconds(13 * kHour)));
    QCOMPARE(full.a->plannedSoak, std::optional<Milliseconds>(Milliseconds(12 * kHour)));
    QVERIFY(!full.b->rolloutToPromotion);

    // Gates: only the live run needed a decision on canary/success, by Ravi; the manual gate was confirmed
    // by Lena in both.
    const RunComparison::GateRow *success = nullptr;
    const RunComparison::GateRow *complaints = nullptr;
    for (const auto &g : c.gates()) {
        if (g.stage == QLatin1String("canary") && g.gate == QLatin1String("success"))
            success = &g;
        if (g.stage == QLatin1String("canary") && g.gate == QLatin1String("complaints"))
            complaints = &g;
    }
    QVERIFY(success && complaints);
    QVERIFY(!success->a->neededDecision);
    QCOMPARE(success->a->verdict, QStringLiteral("pass"));
    QVERIFY(success->b->neededDecision);
    QCOMPARE(success->b->decidedBy, QStringList {QStringLiteral("Ravi Patel (accept)")});
    QCOMPARE(complaints->a->decidedBy, QStringList {QStringLiteral("Lena Hoffmann (confirmed)")});
    QCOMPARE(complaints->b->decidedBy, QStringList {QStringLiteral("Lena Hoffmann (confirmed)")});

    // Actions: set-10 took 3 min in the rehearsal and 7 min live.
    const RunComparison::ActionRow *set10 = nullptr;
    const RunComparison::ActionRow *set0 = nullptr;
    for (const auto &r : c.actions()) {
        if (r.phase == QLatin1String("rollout") && r.action == QLatin1String("set-10"))
            set10 = &r;
        if (r.phase == QLatin1String("rollback") && r.action == QLatin1String("set-0"))
            set0 = &r;
    }
    QVERIFY(set10 && set10->a && set10->b);
    QCOMPARE(set10->stage, QStringLiteral("canary"));
    QCOMPARE(set10->a->duration, std::optional<Milliseconds>(Milliseconds(3 * kMin)));
    QCOMPARE(set10->b->duration, std::optional<Milliseconds>(Milliseconds(7 * kMin)));
    QCOMPARE(set10->durationDelta, std::optional<Milliseconds>(Milliseconds(4 * kMin)));
    QCOMPARE(set10->b->status, QStringLiteral("ok"));
    // The rollback step exists only in the live run.
    QVERIFY(set0);
    QVERIFY(!set0->a);
    QCOMPARE(set0->stage, QStringLiteral("full"));
    QCOMPARE(set0->b->duration, std::optional<Milliseconds>(Milliseconds(4 * kMin)));
    QVERIFY(!set0->durationDelta);

    // Rollback: none in the rehearsal; live: by the trigger, 8 min against a 15 min target.
    QVERIFY(c.a().rollbacks.isEmpty());
    QCOMPARE(c.b().rollbacks.size(), 1);
    const auto &rollback = c.b().rollbacks.first();
    QCOMPARE(rollback.trigger, QStringLiteral("low-success"));
    QCOMPARE(rollback.stage, QStringLiteral("full"));
    QCOMPARE(rollback.duration, std::optional<Milliseconds>(Milliseconds(8 * kMin)));
    QCOMPARE(rollback.target, Milliseconds(15 * kMin));
    QVERIFY(rollback.ok);

    // Totals.
    QCOMPARE(c.a().outcome, QStringLiteral("completed"));
    // Ended by the lead after its rollback: the outcome is the rollback, not an abort.
    QCOMPARE(c.b().outcome, QStringLiteral("rolled_back"));
    QCOMPARE(c.a().decisions, 0);
    QCOMPARE(c.b().decisions, 1);
    QCOMPARE(c.a().events, qint64(a->journal.size()));
    QCOMPARE(c.b().events, qint64(b->journal.size()));
    QCOMPARE(c.a().wallTime(), Milliseconds(a->clock.now() - a->info.startedAt));
    QCOMPARE(c.wallTimeDelta(), c.b().wallTime() - c.a().wallTime());
}

void tst_RunComparison::jsonCarriesTheDifferences()
{
    const auto rb = loadRunbook(comparisonRunbook());
    QVERIFY(rb);
    const auto a = rehearsal(rb, QStringLiteral("aa11"));
    const auto b = live(rb, QStringLiteral("aa11"));
    // Both runs in one journal, as they are stored: each summary picks its own run.
    QList<JournalEvent> both = a->journal;
    both += b->journal;
    const QJsonObject j = RunComparison::compare(RunComparison::summarize(rb, both, a->info.id),
                                                 RunComparison::summarize(rb, both, b->info.id))
                              .toJson();
    QCOMPARE(j.value(QStringLiteral("a")).toObject().value(QStringLiteral("mode")).toString(),
             QStringLiteral("rehearsal"));
    QCOMPARE(j.value(QStringLiteral("b")).toObject().value(QStringLiteral("run_id")).toString(), b->info.id);
    const QJsonObject canary = j.value(QStringLiteral("stages")).toArray().at(0).toObject();
    QCOMPARE(canary.value(QStringLiteral("soak_delta_ms")).toDouble(), double(2 * kHour));
    QCOMPARE(canary.value(QStringLiteral("b")).toObject().value(QStringLiteral("soak_ms")).toDouble(),
             double(26 * kHour));
    QCOMPARE(
        canary.value(QStringLiteral("a")).toObject().value(QStringLiteral("entered_offset_ms")).toDouble(),
        0.0);
    const QJsonArray rollbacksB
        = j.value(QStringLiteral("b")).toObject().value(QStringLiteral("rollbacks")).toArray();
    QCOMPARE(rollbacksB.size(), 1);
    QCOMPARE(rollbacksB.at(0).toObject().value(QStringLiteral("within_target")).toBool(), true);
    QVERIFY(j.value(QStringLiteral("a")).toObject().value(QStringLiteral("rollbacks")).toArray().isEmpty());
    bool sawSet10 = false;
    for (const QJsonValue &v : j.value(QStringLiteral("actions")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("action")) == QStringLiteral("set-10")) {
            sawSet10 = true;
            QCOMPARE(o.value(QStringLiteral("duration_delta_ms")).toDouble(), double(4 * kMin));
        }
    }
    QVERIFY(sawSet10);
    QCOMPARE(j.value(QStringLiteral("totals")).toObject().value(QStringLiteral("decisions_delta")).toInt(),
             1);
}

void tst_RunComparison::differentRunbooksAreFlagged()
{
    const auto rb = loadRunbook(comparisonRunbook());
    QVERIFY(rb);
    const auto a = rehearsal(rb, QStringLiteral("aa11aa11aa11aa11"));
    const auto b = rehearsal(rb, QStringLiteral("bb22bb22bb22bb22"), 2 * kDay);
    const auto c = RunComparison::compare(RunComparison::summarize(rb, a->journal),
                                          RunComparison::summarize(rb, b->journal));
    QVERIFY(!c.sameRunbook());
    QCOMPARE(c.warnings().size(), 1);
    QVERIFY(c.warnings().first().contains(QStringLiteral("changed between the runs")));

    Runbook renamed = *rb;
    renamed.name = QStringLiteral("another runbook");
    const auto other = harness(std::make_shared<const Runbook>(renamed), RunMode::Live, kDay, {});
    other->info.runbook = renamed.name;
    other->start();
    const auto d = RunComparison::compare(RunComparison::summarize(rb, a->journal),
                                          RunComparison::summarize(rb, other->journal));
    QVERIFY(!d.sameRunbook());
    QVERIFY(d.warnings().join(u'\n').contains(QStringLiteral("different runbooks")));
    QVERIFY(d.warnings().join(u'\n').contains(QStringLiteral("has not finished")));
    // Stages only one side reached still get a row.
    QCOMPARE(d.stages().size(), 2);
    QVERIFY(d.stages()[0].a && !d.stages()[0].b);
}

void tst_RunComparison::scheduleLateness()
{
    const auto rb = loadRunbook(R"(runbook: 1
name: window
connections:
  app: {http: {base_url: "http://127.0.0.1:8000"}}
schedule:
  window_length: 2h
  window:
    - {id: maintenance-on, start: "+0m", duration: 5m, manual: maintenance page on}
    - {id: final-sync, start: "+5m", duration: 30m, manual: sync}
)");
    QVERIFY(rb);
    // Rehearsal on time; live run three minutes late into its window.
    auto a = harness(rb, RunMode::Rehearsal, 0, QStringLiteral("cc"));
    a->info.t0 = a->clock.now() + kHour;
    a->start();
    a->runUntil(*a->info.t0 + kHour);
    auto b = harness(rb, RunMode::Live, 7 * kDay, QStringLiteral("cc"));
    b->info.t0 = b->clock.now() + kHour;
    b->start();
    b->clock.advanceTo(*b->info.t0 + 3 * kMin);
    b->runUntil(*b->info.t0 + kHour);

    const auto c = RunComparison::compare(RunComparison::summarize(rb, a->journal),
                                          RunComparison::summarize(rb, b->journal));
    QCOMPARE(c.schedule().size(), 2);
    const auto &on = c.schedule()[0];
    QCOMPARE(on.id, QStringLiteral("maintenance-on"));
    QCOMPARE(on.label, QStringLiteral("+0s"));
    QCOMPARE(on.a->plannedStart, *a->info.t0);
    QCOMPARE(on.a->actualStart, std::optional<qint64>(*a->info.t0));
    QCOMPARE(on.a->lateness, std::optional<Milliseconds>(Milliseconds(0)));
    QCOMPARE(on.b->lateness, std::optional<Milliseconds>(Milliseconds(3 * kMin)));
    QCOMPARE(on.latenessDelta, std::optional<Milliseconds>(Milliseconds(3 * kMin)));
    QCOMPARE(on.b->status, QStringLiteral("done"));
    const auto &sync = c.schedule()[1];
    QCOMPARE(sync.latenessDelta, std::optional<Milliseconds>(Milliseconds(0)));
    // Window steps are actions too (phase schedule).
    const auto *step = c.b().action(QStringLiteral("schedule"), QString(), QStringLiteral("maintenance-on"));
    QVERIFY(step);
    QCOMPARE(step->status, QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(tst_RunComparison)
#include "tst_RunComparison.moc"
