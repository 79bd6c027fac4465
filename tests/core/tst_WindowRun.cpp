// A runbook that is only a maintenance window (seed C written from scratch, no stages): it finishes when
// every step is complete; a failed step asks for a decision (retry, skip with a reason, roll back) and holds
// the later steps; a run with failed or skipped steps ends completed_with_failures, naming them.

#include "support/RunHarness.h"

#include <QJsonArray>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;
using namespace cockpit::test::harness_time;

class tst_WindowRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void windowOnlyRunbookFinishes();
    void failedStepAsksAndHoldsTheRest();
    void retriedStepThatPassesLeavesNoFailure();
    void failedStepCanBeRolledBack();
    void failedRolloutActionAcceptedIsNamedAtTheEnd();
};

namespace {

const QByteArray kWindow = R"(runbook: 1
name: window only
connections:
  admin: {http: {base_url: "http://127.0.0.1:8000"}}
schedule:
  t0: "2027-01-15T09:00:00Z"
  window:
    - {id: maintenance-on, start: "+0m", duration: 5m,
       http: {connection: admin, method: PUT, path: /maintenance, json: {enabled: true}}, expect: "[STATUS] == 200"}
    - {id: switch, start: "+5m", duration: 10m, http: {connection: admin, method: PUT, path: /switch}}
    - {id: maintenance-off, start: "+15m", duration: 5m,
       http: {connection: admin, method: PUT, path: /maintenance, json: {enabled: false}}}
rollback:
  target: 10m
  steps:
    - {id: switch-back, http: {connection: admin, method: PUT, path: /switch-back}}
)";

qint64 t0()
{
    return *ScheduleTimeline::parseT0(QStringLiteral("2027-01-15T09:00:00Z"));
}

std::unique_ptr<RunHarness> windowRun()
{
    auto h = std::make_unique<RunHarness>(loadRunbook(kWindow));
    h->asDriver = true;
    h->start();
    return h;
}

std::optional<PendingDecision> pendingOn(const RunPlan &p, const QString &target)
{
    for (const PendingDecision &d : p.pending)
        if (d.target == target)
            return d;
    return std::nullopt;
}

QJsonObject finished(const RunHarness &h)
{
    const auto f = h.eventsOf(JournalEventType::RunFinished);
    return f.isEmpty() ? QJsonObject() : f.last().payload();
}

} // namespace

void tst_WindowRun::windowOnlyRunbookFinishes()
{
    auto h = windowRun();
    h->runUntil(t0() + kHour);
    QCOMPARE(h->performed,
             (QStringList {QStringLiteral("window:maintenance-on"), QStringLiteral("window:switch"),
                           QStringLiteral("window:maintenance-off")}));
    QCOMPARE(h->state.phase(), RunState::Phase::Finished);
    QCOMPARE(h->state.outcome(), QStringLiteral("completed"));
    QCOMPARE(h->eventsOf(JournalEventType::RunFinished).size(), 1);
    QCOMPARE(h->eventsOf(JournalEventType::RunFinished).first().at(), t0() + 15 * kMin);
    QVERIFY(!finished(*h).contains(QStringLiteral("failures")));
}

void tst_WindowRun::failedStepAsksAndHoldsTheRest()
{
    auto h = windowRun();
    h->actionOk = [](const QString &id) { return id != QLatin1String("maintenance-on"); }; // 401
    RunPlan p = h->runUntil(t0() + kHour);
    // Asked, not run on: the later steps wait; the run is not over.
    QCOMPARE(h->performed, QStringList {QStringLiteral("window:maintenance-on")});
    const auto d = pendingOn(p, QStringLiteral("maintenance-on"));
    QVERIFY(d.has_value());
    QCOMPARE(d->kind, QStringLiteral("schedule"));
    QVERIFY2(d->why.contains(QLatin1String("skip")) && d->why.contains(QLatin1String("roll back")),
             qPrintable(d->why));
    QVERIFY(h->state.phase() != RunState::Phase::Finished);

    // Skipped with a reason by a named person: the rest runs, and the run says it had a failure.
    QVERIFY(!RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("schedule"),
                                QStringLiteral("maintenance-on"), true, QStringLiteral("Dana Weber"),
                                QString()));
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("schedule"),
                             QStringLiteral("maintenance-on"), true, QStringLiteral("Dana Weber"),
                             QStringLiteral("maintenance page set by hand")));
    h->runFor(kHour);
    QCOMPARE(h->performed,
             (QStringList {QStringLiteral("window:maintenance-on"), QStringLiteral("window:switch"),
                           QStringLiteral("window:maintenance-off")}));
    QCOMPARE(h->state.outcome(), QStringLiteral("completed_with_failures"));
    const QJsonObject f = finished(*h);
    const QJsonArray failures = f.value(QStringLiteral("failures")).toArray();
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.first().toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("maintenance-on"));
    QCOMPARE(failures.first().toObject().value(QStringLiteral("by")).toString(),
             QStringLiteral("Dana Weber"));
    QVERIFY2(f.value(QStringLiteral("reason"))
                 .toString()
                 .contains(QLatin1String("window step maintenance-on failed, skipped by Dana Weber")),
             qPrintable(f.value(QStringLiteral("reason")).toString()));
    // The same after a replay.
    const RunState again = RunState::replay(h->runbook, h->journal);
    QCOMPARE(again.stepFailures().size(), 1);
    QCOMPARE(again.outcome(), QStringLiteral("completed_with_failures"));
}

void tst_WindowRun::retriedStepThatPassesLeavesNoFailure()
{
    auto h = windowRun();
    int attempts = 0;
    h->actionOk = [&attempts](const QString &id) { return id != QLatin1String("switch") || ++attempts > 1; };
    RunPlan p = h->runUntil(t0() + 10 * kMin);
    QVERIFY(pendingOn(p, QStringLiteral("switch")));
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("schedule"), QStringLiteral("switch"),
                             false, QStringLiteral("Dana Weber"), QStringLiteral("token fixed, try again")));
    h->runFor(kHour);
    QCOMPARE(h->performed.count(QStringLiteral("window:switch")), 2);
    QCOMPARE(h->performed.last(), QStringLiteral("window:maintenance-off"));
    QCOMPARE(h->state.outcome(), QStringLiteral("completed"));
    QVERIFY(h->state.stepFailures().isEmpty());
}

void tst_WindowRun::failedStepCanBeRolledBack()
{
    auto h = windowRun();
    h->actionOk = [](const QString &id) { return id != QLatin1String("switch"); };
    RunPlan p = h->runUntil(t0() + 10 * kMin);
    QVERIFY(pendingOn(p, QStringLiteral("switch")));
    h->ok(RunPlanner::startRollback(h->state, h->clock.now(), QStringLiteral("Dana Weber"),
                                    QStringLiteral("switch failed twice")));
    p = h->runFor(kHour);
    QVERIFY(h->performed.contains(QStringLiteral("rollback:switch-back")));
    QVERIFY(!h->performed.contains(QStringLiteral("window:maintenance-off"))); // the window stopped there
    QCOMPARE(h->state.phase(), RunState::Phase::Finished);
    QCOMPARE(h->state.outcome(), QStringLiteral("rolled_back"));
    QVERIFY(!pendingOn(p, QStringLiteral("switch")));
}

// A staged run: a rollout action that failed and was accepted as done is named when the run finishes.
void tst_WindowRun::failedRolloutActionAcceptedIsNamedAtTheEnd()
{
    auto h = std::make_unique<RunHarness>(loadRunbook(plannerRunbookHead("staged") + "\n"));
    h->actionOk = [](const QString &) { return false; };
    h->startInStage(QStringLiteral("canary"));
    h->pump();
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("action"), QStringLiteral("set-10"),
                             true, QStringLiteral("Dana Weber"),
                             QStringLiteral("set by hand in the console")));
    h->runFor(25 * kHour);
    h->ok(RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    QCOMPARE(h->state.outcome(), QStringLiteral("completed_with_failures"));
    QVERIFY(finished(*h)
                .value(QStringLiteral("reason"))
                .toString()
                .contains(QLatin1String("rollout action canary/set-10 failed, skipped by Dana Weber")));
}

QTEST_GUILESS_MAIN(tst_WindowRun)
#include "tst_WindowRun.moc"
