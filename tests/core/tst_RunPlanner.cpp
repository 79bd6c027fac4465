#include "support/RunHarness.h"

#include <QJsonArray>
#include <QTest>
#include <QThread>

using namespace cockpit;
using namespace cockpit::test;
using namespace cockpit::test::harness_time;
using namespace std::chrono_literals;

class tst_RunPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runIdsKeepRehearsalAndLiveApart();
    void stagesCannotBeSkipped();
    void promotionWaitsForSoakGatesAndManualConfirmation();
    void breachAt23hResetsTheWindow();
    void checkpointsAreDueAndSnapshotEveryMetric();
    void secondApproverMustBeAnotherPerson();
    void noDataStopsForADecisionAfterTheGrace();
    void inconclusiveComparisonWaitsForADecision();
    void degradationAndNewErrorPatternsFailTheirGates();
    void comparisonIsPartOfTheStateValue();
    void gatesOfAStageAreReportedTogether();
    void immediateTriggerFiresWithItsValuesAndRollsBack();
    void forDurationTriggerFiresExactlyAfterItsDuration();
    void persistingTriggerExtendsThenRollsBack();
    void extendTriggerExtendsTheSoak();
    void rollbackWithinHasADeadline();
    void rollbackStopwatchAgainstTarget();
    void restartFromStageOneAfterRollback();
    void pointOfNoReturnIsRecordedAndBlocksRollback();
    void failedRolloutActionWaitsForADecision();
    void failedVerifyCheckWaitsForADecision();
    void scheduleItemsAreStartedWhenDue();
};

namespace {

// Canary as in plannerRunbookHead, with a manual gate.
const QByteArray kRunbook = plannerRunbookHead("engine test") + R"(
      - {id: complaints, manual: Zero user complaints}
  - id: half
    rollout:
      - {id: set-50, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 50}}, writes: true}
    soak: 48h
    checkpoints: {every: 12h}
    gates:
      - {id: success, expect: "success_rate_pct >= 95", hold: 24h, no_data_grace: 30m}
      - id: no-new-errors
        no_new_values: {connection: db, query: "SELECT 1"}
      - id: durations
        no_degradation: {connection: db, query: "SELECT 1"}
        alpha: 0.01
  - id: full
    second_approver: true
    soak: 24h
    gates:
      - {id: success, expect: "success_rate_pct >= 95", hold: 24h}
rollback:
  target: 15m
  restart_from: canary
  point_of_no_return:
    after: full
    description: v1 is gone once full is reached
  triggers:
    - {id: low-success, when: "success_rate_pct < 90", severity: critical, action: rollback}
    - {id: stuck, when: "stuck_imports > 10", for: 15m, severity: critical, action: rollback}
    - {id: complaints, severity: high, action: rollback_within, within: 1h}
    - {id: slow, when: "slow_imports_pct > 10", severity: medium, action: rollback_if_persists, persists: 6h}
    - {id: some-stuck, when: "stuck_imports > 5", for: 30m, severity: low, action: extend}
  steps:
    - {id: set-0, http: {connection: rlm, method: PUT, path: /rollout, json: {percent: 0}}, writes: true}
    - {id: drain, manual: wait until in-flight jobs are drained}
)";

QList<double> durations(double centre)
{
    QList<double> out;
    for (int i = 0; i < 40; ++i)
        out.append(centre + double((i * 37) % 23) - 11.0 + double(i % 3) * 0.25);
    return out;
}

QJsonArray toArray(const QList<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

// A harness for kRunbook with the run started and stage canary entered.
std::unique_ptr<RunHarness> startedInCanary()
{
    auto h = std::make_unique<RunHarness>(loadRunbook(kRunbook));
    h->gateValues = [](const QString &gate, const QString &role) {
        if (gate == QLatin1String("durations"))
            return toArray(durations(role == QLatin1String("baseline") ? 10 : 10.2));
        return QJsonArray {QStringLiteral("timeout"), QStringLiteral("invalid file")};
    };
    h->startInStage(QStringLiteral("canary"));
    return h;
}

// Runs canary to its end, confirms the manual gate and promotes into half.
void promoteToHalf(RunHarness &h)
{
    h.runUntil(kStart + 24 * kHour);
    h.ok(RunPlanner::confirmManualGate(h.state, h.clock.now(), QStringLiteral("complaints"),
                                       QStringLiteral("Lena"), QStringLiteral("no tickets")));
    h.ok(RunPlanner::promote(h.state, h.clock.now(), QStringLiteral("Dana Weber")));
}

bool hasPending(const RunPlan &p, const QString &kind, const QString &target)
{
    for (const auto &d : p.pending) {
        if (d.kind == kind && d.target == target)
            return true;
    }
    return false;
}

QList<JournalEvent> gateChanges(const RunHarness &h, const QString &gate)
{
    QList<JournalEvent> out;
    for (const auto &e : h.eventsOf(JournalEventType::GateChanged)) {
        if (e.payload().value(QStringLiteral("gate")).toString() == gate)
            out.append(e);
    }
    return out;
}

} // namespace

void tst_RunPlanner::runIdsKeepRehearsalAndLiveApart()
{
    const QString rehearsal = RunEvents::makeRunId(RunMode::Rehearsal, kStart);
    const QString live = RunEvents::makeRunId(RunMode::Live, kStart);
    QVERIFY(rehearsal.startsWith(QLatin1String("rehearsal-")));
    QVERIFY(live.startsWith(QLatin1String("live-")));
    QVERIFY(rehearsal != live);

    RunHarness h(loadRunbook(kRunbook), RunMode::Live);
    h.start();
    QCOMPARE(h.state.mode(), RunMode::Live);
    QCOMPARE(h.state.lead(), QStringLiteral("Dana Weber"));
    QCOMPARE(h.state.startedAt(), kStart);
    QCOMPARE(h.journal.first().payload().value(QStringLiteral("mode")).toString(), QStringLiteral("live"));
    // Events of another run (a rehearsal in the same journal) never touch this run's state.
    const qint64 before = h.state.eventCount();
    h.state.apply(RunEvents::stageEntered(rehearsal, kStart, QStringLiteral("x"), QStringLiteral("canary"), 0,
                                          1, false, QString(), QString()));
    QCOMPARE(h.state.eventCount(), before);
    QCOMPARE(h.state.phase(), RunState::Phase::Ready);
}

void tst_RunPlanner::stagesCannotBeSkipped()
{
    RunHarness h(loadRunbook(kRunbook));
    h.start();
    auto r = RunPlanner::enterStage(h.state, kStart, QStringLiteral("half"), QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("cannot be skipped")), qPrintable(r.error().message));
    QVERIFY(
        !RunPlanner::enterStage(h.state, kStart, QStringLiteral("canary"), QString())); // no name, no entry
    h.ok(RunPlanner::enterStage(h.state, kStart, QStringLiteral("canary"), QStringLiteral("Dana Weber")));
    r = RunPlanner::enterStage(h.state, kStart, QStringLiteral("full"), QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("cannot be skipped")), qPrintable(r.error().message));
    r = RunPlanner::enterStage(h.state, kStart, QStringLiteral("half"), QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("promoting")), qPrintable(r.error().message));
    QCOMPARE(h.state.stage().id, QStringLiteral("canary"));
}

void tst_RunPlanner::promotionWaitsForSoakGatesAndManualConfirmation()
{
    auto h = startedInCanary();
    h->runUntil(kStart + 23 * kHour);
    QCOMPARE(h->state.stage().soakStart, std::optional<qint64>(kStart)); // rollout done at once
    auto r = RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QVERIFY(r.error().reasons.contains(QStringLiteral("soak: 1h remaining")));
    QVERIFY(r.error().reasons.join(QLatin1Char('\n')).contains(QLatin1String("gate success: holding")));
    const GateView g = h->gate(QStringLiteral("success"));
    QCOMPARE(g.status.phase, GateStatus::Phase::Holding);
    QCOMPARE(g.status.remaining, Milliseconds(kHour));

    h->runUntil(kStart + 24 * kHour);
    QCOMPARE(h->gate(QStringLiteral("success")).status.phase, GateStatus::Phase::Passed);
    r = RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QCOMPARE(r.error().reasons.size(), 1);
    QVERIFY(r.error().reasons.first().startsWith(QLatin1String("gate complaints: waiting")));
    QVERIFY(!RunPlanner::confirmManualGate(h->state, h->clock.now(), QStringLiteral("success"),
                                           QStringLiteral("Lena"))); // not manual
    h->ok(RunPlanner::confirmManualGate(h->state, h->clock.now(), QStringLiteral("complaints"),
                                        QStringLiteral("Lena"), QStringLiteral("no tickets")));
    QVERIFY(hasPending(h->pump(), QStringLiteral("promote"), QStringLiteral("canary")));
    h->ok(RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    QCOMPARE(h->state.stage().id, QStringLiteral("half"));
    const JournalEvent entered = h->eventsOf(JournalEventType::StageEntered).last();
    QCOMPARE(entered.payload().value(QStringLiteral("promoted_from")).toString(), QStringLiteral("canary"));
    QCOMPARE(entered.actor(), QStringLiteral("Dana Weber"));
    // The gate's journal: waiting -> holding -> passed.
    QStringList phases;
    for (const auto &e : gateChanges(*h, QStringLiteral("success")))
        phases << e.payload().value(QStringLiteral("phase")).toString();
    QCOMPARE(phases, (QStringList {QStringLiteral("holding"), QStringLiteral("passed")}));
}

void tst_RunPlanner::breachAt23hResetsTheWindow()
{
    auto h = startedInCanary();
    h->metric = [](const QString &m, qint64 now) -> std::optional<double> {
        if (m == QLatin1String("success_rate_pct"))
            return now == kStart + 23 * kHour ? 93.0 : 99.0; // one bad sample, above the rollback trigger
        return 0.0;
    };
    h->runUntil(kStart + 23 * kHour - 5 * kMin);
    QCOMPARE(h->gate(QStringLiteral("success")).status.remaining, Milliseconds(1h + 5min));
    h->runUntil(kStart + 23 * kHour);
    GateView g = h->gate(QStringLiteral("success"));
    QCOMPARE(g.status.phase, GateStatus::Phase::Failed);
    QCOMPARE(g.status.remaining, Milliseconds(24h));
    QCOMPARE(g.status.explanation, QStringLiteral("success_rate_pct (93) >= 95"));
    QCOMPARE(gateChanges(*h, QStringLiteral("success"))
                 .last()
                 .payload()
                 .value(QStringLiteral("remaining_ms"))
                 .toDouble(),
             double(24 * kHour));
    h->runUntil(kStart + 24 * kHour);
    h->ok(RunPlanner::confirmManualGate(h->state, h->clock.now(), QStringLiteral("complaints"),
                                        QStringLiteral("Lena")));
    QVERIFY(!RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    QCOMPARE(h->gate(QStringLiteral("success")).status.remaining, Milliseconds(23h + 5min));
    h->runUntil(kStart + 47 * kHour);
    QCOMPARE(h->gate(QStringLiteral("success")).status.phase, GateStatus::Phase::Holding);
    h->runUntil(kStart + 47 * kHour + 5 * kMin); // 24 h after the first good sample after the breach
    QCOMPARE(h->gate(QStringLiteral("success")).status.phase, GateStatus::Phase::Passed);
    h->ok(RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    QCOMPARE(h->eventsOf(JournalEventType::TriggerFired).size(), 0);
}

void tst_RunPlanner::checkpointsAreDueAndSnapshotEveryMetric()
{
    auto h = startedInCanary();
    h->runUntil(kStart + 2 * kHour);
    RunStatus s = RunPlanner::status(h->state, h->clock.now());
    QCOMPARE(s.checkpoints.size(), 3);
    QCOMPARE(s.checkpoints[0].due.dueAt, kStart + kHour);
    QCOMPARE(s.checkpoints[0].recordedAt, std::optional<qint64>(kStart + kHour));
    QCOMPARE(s.checkpoints[1].due.dueAt, kStart + 6 * kHour);
    QVERIFY(!s.checkpoints[1].recordedAt);
    QCOMPARE(s.checkpoints[2].due.dueAt, kStart + 24 * kHour);
    const auto cps = h->eventsOf(JournalEventType::Checkpoint);
    QCOMPARE(cps.size(), 1);
    QCOMPARE(cps[0].at(), kStart + kHour);
    const QJsonObject metrics = cps[0].payload().value(QStringLiteral("metrics")).toObject();
    QCOMPARE(metrics.keys(),
             (QStringList {QStringLiteral("slow_imports_pct"), QStringLiteral("stuck_imports"),
                           QStringLiteral("success_rate_pct")}));
    QCOMPARE(metrics.value(QStringLiteral("success_rate_pct"))
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toDouble(),
             99.0);

    promoteToHalf(*h);
    h->runFor(48 * kHour);
    s = RunPlanner::status(h->state, h->clock.now());
    QList<qint64> due;
    for (const auto &c : s.checkpoints) {
        due << c.due.dueAt - *s.soakStart;
        QVERIFY(c.recordedAt);
    }
    QCOMPARE(due, (QList<qint64> {12 * kHour, 24 * kHour, 36 * kHour, 48 * kHour}));
}

void tst_RunPlanner::secondApproverMustBeAnotherPerson()
{
    auto h = startedInCanary();
    promoteToHalf(*h);
    h->runFor(48 * kHour);
    RunStatus s = RunPlanner::status(h->state, h->clock.now());
    QVERIFY(s.needsSecondApprover);
    auto r = RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QCOMPARE(r.error().reasons.size(), 1);
    QVERIFY2(r.error().reasons.first().contains(QLatin1String("needs approval by a second person")),
             qPrintable(r.error().reasons.first()));
    QVERIFY(hasPending(h->pump(), QStringLiteral("second_approval"), QStringLiteral("half")));

    h->ok(RunPlanner::approvePromotion(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    r = RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("dana weber ")); // the same person
    QVERIFY(!r);
    QVERIFY2(r.error().reasons.first().contains(QLatin1String("must not be the person promoting")),
             qPrintable(r.error().reasons.first()));
    QVERIFY(!RunPlanner::approvePromotion(h->state, h->clock.now(), QStringLiteral("  ")));

    h->ok(RunPlanner::approvePromotion(h->state, h->clock.now(), QStringLiteral("Ravi Patel"),
                                       QStringLiteral("ok")));
    h->ok(RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    QCOMPARE(h->state.stage().id, QStringLiteral("full"));
    QCOMPARE(h->eventsOf(JournalEventType::StageEntered)
                 .last()
                 .payload()
                 .value(QStringLiteral("approved_by"))
                 .toString(),
             QStringLiteral("Ravi Patel"));
}

void tst_RunPlanner::noDataStopsForADecisionAfterTheGrace()
{
    auto h = startedInCanary();
    h->metric = [](const QString &m, qint64 now) -> std::optional<double> {
        if (m == QLatin1String("success_rate_pct") && now >= kStart + 2 * kHour && now < kStart + 3 * kHour)
            return std::nullopt; // the sample query returns no row
        return m == QLatin1String("success_rate_pct") ? 99.0 : 0.0;
    };
    h->runUntil(kStart + 2 * kHour + 25 * kMin);
    GateView g = h->gate(QStringLiteral("success"));
    QCOMPARE(g.status.phase, GateStatus::Phase::NoData);
    QCOMPARE(g.status.verdict, std::optional<Verdict>(Verdict::NoData));
    QCOMPARE(
        gateChanges(*h, QStringLiteral("success")).last().payload().value(QStringLiteral("to")).toString(),
        QStringLiteral("no_data"));
    const Milliseconds remaining = g.status.remaining;
    QCOMPARE(remaining, Milliseconds(22h + 5min)); // good samples 0..1h55: the window froze

    RunPlan p = h->runUntil(kStart + 2 * kHour + 30 * kMin);
    QCOMPARE(h->gate(QStringLiteral("success")).status.phase, GateStatus::Phase::NoData); // exactly the grace
    p = h->runUntil(kStart + 2 * kHour + 40 * kMin);
    g = h->gate(QStringLiteral("success"));
    QCOMPARE(g.status.phase, GateStatus::Phase::AwaitingDecision);
    const JournalEvent stop = gateChanges(*h, QStringLiteral("success")).last();
    QCOMPARE(stop.payload().value(QStringLiteral("phase")).toString(), QStringLiteral("awaiting_decision"));
    QCOMPARE(stop.at(), kStart + 2 * kHour + 30 * kMin + 1); // woken right after the grace ran out
    QVERIFY(hasPending(p, QStringLiteral("gate"), QStringLiteral("success")));

    // Data back: still stopped until a person decides, with a name and a reason.
    p = h->runUntil(kStart + 4 * kHour);
    QCOMPARE(h->gate(QStringLiteral("success")).status.phase, GateStatus::Phase::AwaitingDecision);
    QVERIFY(!RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"), QStringLiteral("success"),
                                true, QStringLiteral("Dana Weber"), QString()));
    QVERIFY(!RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"), QStringLiteral("success"),
                                true, QString(), QStringLiteral("metrics DB restarted")));
    QVERIFY(!RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"),
                                QStringLiteral("complaints"), true, QStringLiteral("Dana Weber"),
                                QStringLiteral("nothing pending there")));
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"), QStringLiteral("success"),
                             false, QStringLiteral("Dana Weber"),
                             QStringLiteral("metrics DB restarted; restart the window")));
    const JournalEvent d = h->eventsOf(JournalEventType::DecisionMade).last();
    QCOMPARE(d.actor(), QStringLiteral("Dana Weber"));
    QCOMPARE(d.payload().value(QStringLiteral("reason")).toString(),
             QStringLiteral("metrics DB restarted; restart the window"));
    QCOMPARE(d.payload().value(QStringLiteral("decision")).toString(), QStringLiteral("reject"));
    h->pump();
    g = h->gate(QStringLiteral("success"));
    QCOMPARE(g.status.phase, GateStatus::Phase::Holding);
    QCOMPARE(g.status.windowStart,
             std::optional<qint64>(kStart + 3 * kHour)); // first good sample after the gap
}

void tst_RunPlanner::inconclusiveComparisonWaitsForADecision()
{
    auto h = startedInCanary();
    h->gateValues = [](const QString &gate, const QString &role) {
        if (gate == QLatin1String("durations"))
            return role == QLatin1String("baseline") ? toArray(durations(10)) : QJsonArray {12.0, 13.0};
        return QJsonArray {QStringLiteral("timeout")};
    };
    promoteToHalf(*h);
    RunPlan p = h->runFor(48 * kHour);
    GateView g = h->gate(QStringLiteral("durations"));
    QCOMPARE(g.status.phase, GateStatus::Phase::AwaitingDecision);
    QCOMPARE(g.status.verdict, std::optional<Verdict>(Verdict::Inconclusive));
    QVERIFY2(g.status.reason.contains(QLatin1String("too few")), qPrintable(g.status.reason));
    QCOMPARE(g.details.value(QStringLiteral("n2")).toInt(), 2);
    QVERIFY(hasPending(p, QStringLiteral("gate"), QStringLiteral("durations")));
    h->ok(RunPlanner::approvePromotion(h->state, h->clock.now(), QStringLiteral("Ravi Patel")));
    auto r = RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QVERIFY(r.error().reasons.first().startsWith(QLatin1String("gate durations: awaiting_decision")));
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"), QStringLiteral("durations"),
                             true, QStringLiteral("Ravi Patel"),
                             QStringLiteral("only two imports finished; checked by hand")));
    g = h->gate(QStringLiteral("durations"));
    QCOMPARE(g.status.phase, GateStatus::Phase::Passed);
    QVERIFY(g.status.reason.contains(QLatin1String("accepted by Ravi Patel")));
    h->ok(RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
}

void tst_RunPlanner::degradationAndNewErrorPatternsFailTheirGates()
{
    auto h = startedInCanary();
    h->gateValues = [](const QString &gate, const QString &role) {
        const bool base = role == QLatin1String("baseline");
        if (gate == QLatin1String("durations"))
            return toArray(durations(base ? 8 : 12));
        return base ? QJsonArray {QStringLiteral("timeout"), QStringLiteral("invalid file")}
                    : QJsonArray {QStringLiteral("timeout"), QStringLiteral("OOM in parser"),
                                  QStringLiteral("checksum mismatch")};
    };
    promoteToHalf(*h);
    h->pump();
    // The baseline was collected on entry, before the rollout; the current values at the end of the soak.
    const auto collected = h->eventsOf(JournalEventType::CheckObserved);
    QCOMPARE(collected.size(), 2);
    QCOMPARE(collected[0].payload().value(QStringLiteral("role")).toString(), QStringLiteral("baseline"));
    QVERIFY(collected[0].seq() < h->eventsOf(JournalEventType::ActionRun).last().seq());
    const RunPlan plan = h->runFor(48 * kHour);
    GateView g = h->gate(QStringLiteral("durations"));
    QCOMPARE(g.status.phase, GateStatus::Phase::Failed);
    QVERIFY2(g.status.explanation.startsWith(QLatin1String("degraded")), qPrintable(g.status.explanation));
    // A failed comparison is final: the run asks the lead to override it or roll back, never waits mutely.
    QVERIFY(hasPending(plan, QStringLiteral("gate"), QStringLiteral("durations")));
    QVERIFY(hasPending(plan, QStringLiteral("gate"), QStringLiteral("no-new-errors")));
    QVERIFY(!hasPending(plan, QStringLiteral("gate"), QStringLiteral("success")));
    for (const char *k : {"u", "z", "p", "n1", "n2", "quantiles"})
        QVERIFY2(g.details.contains(QLatin1String(k)), k);
    QCOMPARE(g.details.value(QStringLiteral("n1")).toInt(), 40);
    g = h->gate(QStringLiteral("no-new-errors"));
    QCOMPARE(g.status.phase, GateStatus::Phase::Failed);
    QCOMPARE(g.details.value(QStringLiteral("new_values")).toArray(),
             (QJsonArray {QStringLiteral("OOM in parser"), QStringLiteral("checksum mismatch")}));
    QVERIFY(g.status.explanation.contains(QLatin1String("\"OOM in parser\", \"checksum mismatch\"")));
    // And the journal says so.
    QCOMPARE(gateChanges(*h, QStringLiteral("no-new-errors"))
                 .last()
                 .payload()
                 .value(QStringLiteral("to"))
                 .toString(),
             QStringLiteral("fail"));
    // A rejection is recorded and not asked again; an override passes the gate, naming who and why.
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"),
                             QStringLiteral("no-new-errors"), false, QStringLiteral("Dana Weber"),
                             QStringLiteral("OOM is new: we roll back")));
    QCOMPARE(h->gate(QStringLiteral("no-new-errors")).status.phase, GateStatus::Phase::Failed);
    QVERIFY(!hasPending(h->runFor(kHour), QStringLiteral("gate"), QStringLiteral("no-new-errors")));
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("gate"), QStringLiteral("durations"),
                             true, QStringLiteral("Dana Weber"),
                             QStringLiteral("the slower imports are the new big ones")));
    g = h->gate(QStringLiteral("durations"));
    QCOMPARE(g.status.phase, GateStatus::Phase::Passed);
    QVERIFY(g.status.reason.contains(QLatin1String("accepted by Dana Weber")));
}

// The comparison of a gate's values is computed when the second value set is applied and belongs to the
// state's value: a copy taken before it arrived does not see it, and copies read on several threads at once
// share nothing mutable (the planner used to fill a cache shared by every copy: a data race).
void tst_RunPlanner::comparisonIsPartOfTheStateValue()
{
    auto h = startedInCanary();
    h->gateValues = [](const QString &gate, const QString &role) {
        const bool base = role == QLatin1String("baseline");
        if (gate == QLatin1String("durations"))
            return toArray(durations(base ? 8 : 12));
        return QJsonArray {QStringLiteral("timeout")};
    };
    promoteToHalf(*h);
    h->runFor(47 * kHour);
    const RunState before = h->state;
    QVERIFY(before.stage().gateValues.value(QStringLiteral("durations")).baseline.has_value());
    QVERIFY(!before.stage().gateValues.value(QStringLiteral("durations")).comparison.has_value());
    h->runFor(2 * kHour);

    // Computed as the current values were applied, before anyone asked for a status.
    const auto cmp = h->state.stage().gateValues.value(QStringLiteral("durations")).comparison;
    QVERIFY(cmp.has_value());
    QCOMPARE(cmp->verdict, Verdict::Fail);
    QVERIFY2(cmp->explanation.startsWith(QLatin1String("degraded")), qPrintable(cmp->explanation));
    QCOMPARE(h->state.stage().gateValues.value(QStringLiteral("no-new-errors")).comparison->verdict,
             Verdict::Pass);
    // The earlier copy is untouched.
    QVERIFY(!before.stage().gateValues.value(QStringLiteral("durations")).comparison.has_value());
    QCOMPARE(RunPlanner::gateView(before, before.currentStage()->gates[2], h->clock.now()).status.phase,
             GateStatus::Phase::Waiting);

    // Copies read on several threads at once (a window reading snapshots while the engine steps) all see
    // the same comparison; run under ThreadSanitizer this also proves there is nothing shared to race on.
    const qint64 now = h->clock.now();
    QList<RunState> copies(6, h->state);
    QList<QString> seen(copies.size());
    QList<QThread *> threads;
    for (qsizetype i = 0; i < copies.size(); ++i) {
        threads.append(QThread::create([&, i] {
            for (int k = 0; k < 20; ++k)
                seen[i] = RunPlanner::status(copies[i], now).gates[2].status.explanation;
        }));
        threads.last()->start();
    }
    for (QThread *t : threads) {
        QVERIFY(t->wait(60'000));
        delete t;
    }
    for (const QString &s : std::as_const(seen))
        QCOMPARE(s, cmp->explanation);
}

// Seed D's hard gates: three checks at the end of the soak. The first failure does not stop the run alone
// while the other checks are still out: every gate is evaluated, then all failures are asked together.
void tst_RunPlanner::gatesOfAStageAreReportedTogether()
{
    const QByteArray yaml = R"(runbook: 1
name: gates together
connections:
  db: {postgres: {host: 127.0.0.1, database: app, user: ro}}
stages:
  - id: verify
    soak: 1h
    gates:
      - {id: counts, check: {sql: {connection: db, query: "SELECT 1"}, expect: "[ROWS] == 0"}}
      - {id: keys, check: {sql: {connection: db, query: "SELECT 2"}, expect: "[ROWS] == 0"}}
      - {id: orphans, check: {sql: {connection: db, query: "SELECT 3"}, expect: "[ROWS] == 0"}}
)";
    // The gate checks are performed by hand here, one result at a time, as slow probes would answer.
    struct Deferring : RunHarness
    {
        using RunHarness::RunHarness;
        QStringList asked;
        void perform(const RunEffect &e) override
        {
            if (e.kind == RunEffect::Kind::RunCheck && e.purpose == QLatin1String("gate_check")) {
                if (!asked.contains(e.id))
                    asked << e.id;
                return;
            }
            RunHarness::perform(e);
        }
    } h(loadRunbook(yaml));
    h.startInStage(QStringLiteral("verify"));
    h.runUntil(kStart + kHour + kMin);
    QCOMPARE(h.asked,
             (QStringList {QStringLiteral("counts"), QStringLiteral("keys"), QStringLiteral("orphans")}));
    auto observe = [&](const QString &gate, Verdict v) {
        h.append(RunEvents::checkObserved(h.info.id, h.clock.now(), QStringLiteral("engine"),
                                          QStringLiteral("verify"), gate, QStringLiteral("gate_check"), v,
                                          QStringLiteral("observed")));
    };
    observe(QStringLiteral("counts"), Verdict::Fail);
    RunPlan p = h.pump();
    QVERIFY(!hasPending(p, QStringLiteral("gate"), QStringLiteral("counts"))); // the others are still out
    observe(QStringLiteral("keys"), Verdict::Pass);
    p = h.pump();
    QVERIFY(!hasPending(p, QStringLiteral("gate"), QStringLiteral("counts")));
    observe(QStringLiteral("orphans"), Verdict::Fail);
    p = h.pump();
    QVERIFY(hasPending(p, QStringLiteral("gate"), QStringLiteral("counts")));
    QVERIFY(hasPending(p, QStringLiteral("gate"), QStringLiteral("orphans")));
    QVERIFY(!hasPending(p, QStringLiteral("gate"), QStringLiteral("keys")));
    // Every gate shows what it was evaluated to; none shows NoData.
    QCOMPARE(h.gate(QStringLiteral("counts")).status.phase, GateStatus::Phase::Failed);
    QCOMPARE(h.gate(QStringLiteral("keys")).status.phase, GateStatus::Phase::Passed);
    QCOMPARE(h.gate(QStringLiteral("orphans")).status.phase, GateStatus::Phase::Failed);
}

void tst_RunPlanner::immediateTriggerFiresWithItsValuesAndRollsBack()
{
    auto h = startedInCanary();
    h->metric = [](const QString &m, qint64 now) -> std::optional<double> {
        if (m == QLatin1String("success_rate_pct"))
            return now >= kStart + 3 * kHour ? 85.5 : 99.0;
        return 0.0;
    };
    h->runRollbackSteps = false;
    h->runUntil(kStart + 4 * kHour);
    const auto fired = h->eventsOf(JournalEventType::TriggerFired);
    QCOMPARE(fired.size(), 1);
    const QJsonObject p = fired[0].payload();
    QCOMPARE(fired[0].at(), kStart + 3 * kHour); // on the first bad sample
    QCOMPARE(p.value(QStringLiteral("trigger")).toString(), QStringLiteral("low-success"));
    QCOMPARE(p.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
    QCOMPARE(p.value(QStringLiteral("effect")).toString(), QStringLiteral("rollback"));
    QCOMPARE(p.value(QStringLiteral("values")).toObject(),
             (QJsonObject {{QStringLiteral("success_rate_pct"), 85.5}}));
    QCOMPARE(p.value(QStringLiteral("explanation")).toString(),
             QStringLiteral("success_rate_pct (85.5) < 90"));
    const auto started = h->eventsOf(JournalEventType::RollbackStarted);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started[0].at(), kStart + 3 * kHour);
    QCOMPARE(started[0].seq(), fired[0].seq() + 1);
    QCOMPARE(started[0].payload().value(QStringLiteral("trigger")).toString(), QStringLiteral("low-success"));
    QCOMPARE(h->state.phase(), RunState::Phase::RollingBack);
}

void tst_RunPlanner::forDurationTriggerFiresExactlyAfterItsDuration()
{
    auto h = startedInCanary();
    h->metric = [](const QString &m, qint64 now) -> std::optional<double> {
        if (m == QLatin1String("stuck_imports"))
            return now >= kStart + 3 * kHour ? 12.0 : 0.0;
        return m == QLatin1String("success_rate_pct") ? 99.0 : 0.0;
    };
    h->runRollbackSteps = false;
    h->runUntil(kStart + 3 * kHour + 10 * kMin);
    QCOMPARE(h->eventsOf(JournalEventType::TriggerFired).size(), 0); // held 10 of 15 minutes
    h->runUntil(kStart + 4 * kHour);
    const auto fired = h->eventsOf(JournalEventType::TriggerFired);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired[0].at(), kStart + 3 * kHour + 15 * kMin);
    QCOMPARE(fired[0].payload().value(QStringLiteral("held_ms")).toDouble(), double(15 * kMin));
    QCOMPARE(fired[0].payload().value(QStringLiteral("values")).toObject(),
             (QJsonObject {{QStringLiteral("stuck_imports"), 12.0}}));
}

void tst_RunPlanner::persistingTriggerExtendsThenRollsBack()
{
    auto h = startedInCanary();
    h->metric = [](const QString &m, qint64 now) -> std::optional<double> {
        if (m == QLatin1String("slow_imports_pct"))
            return now >= kStart + 3 * kHour ? 14.0 : 2.0;
        return m == QLatin1String("success_rate_pct") ? 99.0 : 0.0;
    };
    h->runRollbackSteps = false;
    h->runUntil(kStart + 5 * kHour);
    auto fired = h->eventsOf(JournalEventType::TriggerFired);
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired[0].at(), kStart + 3 * kHour);
    QCOMPARE(fired[0].payload().value(QStringLiteral("effect")).toString(), QStringLiteral("extend"));
    QCOMPARE(fired[0].payload().value(QStringLiteral("extension_ms")).toDouble(), double(6 * kHour));
    QVERIFY(RunPlanner::promotionBlockers(h->state, h->clock.now(), QStringLiteral("x"))
                .join(QLatin1Char('\n'))
                .contains(QLatin1String("trigger slow still holds")));
    h->runUntil(kStart + 10 * kHour);
    fired = h->eventsOf(JournalEventType::TriggerFired);
    QCOMPARE(fired.size(), 2);
    QCOMPARE(fired[1].at(), kStart + 9 * kHour); // persisted 6 h
    QCOMPARE(fired[1].payload().value(QStringLiteral("effect")).toString(), QStringLiteral("rollback"));
    QCOMPARE(fired[1].payload().value(QStringLiteral("values")).toObject(),
             (QJsonObject {{QStringLiteral("slow_imports_pct"), 14.0}}));
    QCOMPARE(h->eventsOf(JournalEventType::RollbackStarted).size(), 1);
}

void tst_RunPlanner::extendTriggerExtendsTheSoak()
{
    auto h = startedInCanary();
    h->metric = [](const QString &m, qint64 now) -> std::optional<double> {
        if (m == QLatin1String("stuck_imports"))
            return now >= kStart + 23 * kHour + 45 * kMin && now < kStart + 24 * kHour + 30 * kMin ? 7.0
                                                                                                   : 0.0;
        return m == QLatin1String("success_rate_pct") ? 99.0 : 0.0;
    };
    h->runUntil(kStart + 24 * kHour + 30 * kMin);
    QList<JournalEvent> extend;
    for (const auto &e : h->eventsOf(JournalEventType::TriggerFired)) {
        if (e.payload().value(QStringLiteral("trigger")).toString() == QLatin1String("some-stuck"))
            extend.append(e);
    }
    QCOMPARE(extend.size(), 1);
    QCOMPARE(extend[0].at(), kStart + 24 * kHour + 15 * kMin); // held 30 min
    QCOMPARE(extend[0].payload().value(QStringLiteral("effect")).toString(), QStringLiteral("extend"));
    QCOMPARE(h->state.soakEnd(), std::optional<qint64>(kStart + 24 * kHour + 45 * kMin));
    RunStatus s = RunPlanner::status(h->state, h->clock.now());
    QCOMPARE(s.soakRemaining, Milliseconds(15min));
    h->ok(RunPlanner::confirmManualGate(h->state, h->clock.now(), QStringLiteral("complaints"),
                                        QStringLiteral("Lena")));
    QVERIFY(!RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    h->runUntil(kStart + 24 * kHour + 45 * kMin);
    h->ok(RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
}

void tst_RunPlanner::rollbackWithinHasADeadline()
{
    auto h = startedInCanary();
    h->runUntil(kStart + 2 * kHour);
    QVERIFY(!RunPlanner::raiseTrigger(h->state, h->clock.now(), QStringLiteral("complaints"),
                                      QStringLiteral("Support"), QString()));
    h->ok(RunPlanner::raiseTrigger(h->state, h->clock.now(), QStringLiteral("complaints"),
                                   QStringLiteral("Support"),
                                   QStringLiteral("3 tickets about failed imports")));
    const JournalEvent f = h->eventsOf(JournalEventType::TriggerFired).last();
    QCOMPARE(f.payload().value(QStringLiteral("effect")).toString(), QStringLiteral("rollback_within"));
    QCOMPARE(f.payload().value(QStringLiteral("deadline")).toDouble(), double(kStart + 3 * kHour));
    QCOMPARE(f.payload().value(QStringLiteral("raised_by")).toString(), QStringLiteral("Support"));
    QCOMPARE(f.actor(), QStringLiteral("Support"));
    h->runRollbackSteps = false;
    RunPlan p = h->runUntil(kStart + 3 * kHour - 1);
    QVERIFY(hasPending(p, QStringLiteral("trigger"), QStringLiteral("complaints")));
    QCOMPARE(h->eventsOf(JournalEventType::RollbackStarted).size(), 0);
    h->runUntil(kStart + 3 * kHour);
    const auto started = h->eventsOf(JournalEventType::RollbackStarted);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started[0].at(), kStart + 3 * kHour);

    // Dismissed with a reason before the deadline: no rollback.
    auto g = startedInCanary();
    g->ok(RunPlanner::raiseTrigger(g->state, g->clock.now(), QStringLiteral("complaints"),
                                   QStringLiteral("Support"), QStringLiteral("1 ticket")));
    g->ok(RunPlanner::decide(g->state, g->clock.now(), QStringLiteral("trigger"),
                             QStringLiteral("complaints"), true, QStringLiteral("Dana Weber"),
                             QStringLiteral("user error, not the pipeline")));
    g->runUntil(kStart + 2 * kHour);
    QCOMPARE(g->eventsOf(JournalEventType::RollbackStarted).size(), 0);
}

void tst_RunPlanner::rollbackStopwatchAgainstTarget()
{
    auto h = startedInCanary();
    h->runUntil(kStart + kHour);
    QVERIFY(!RunPlanner::startRollback(h->state, h->clock.now(), QStringLiteral("Dana Weber"), QString()));
    h->runRollbackSteps = false;
    h->ok(RunPlanner::startRollback(h->state, h->clock.now(), QStringLiteral("Dana Weber"),
                                    QStringLiteral("drill")));
    const qint64 t0 = h->clock.now();
    QCOMPARE(h->pump().effects,
             (QList<RunEffect> {{RunEffect::Kind::RunRollbackStep, QStringLiteral("canary"),
                                 QStringLiteral("set-0"), QStringLiteral("rollback")}}));
    h->clock.advance(6 * kMin);
    RunStatus s = RunPlanner::status(h->state, h->clock.now());
    QVERIFY(s.rollback);
    QCOMPARE(s.rollback->target, Milliseconds(15min));
    QCOMPARE(s.rollback->elapsed, Milliseconds(6min));
    QCOMPARE(s.rollback->remaining, Milliseconds(9min));
    QVERIFY(!s.rollback->overdue);
    h->runRollbackSteps = true;
    h->rollbackStepMs = 4 * kMin;
    h->pump(); // two steps, 4 minutes each
    const JournalEvent fin = h->eventsOf(JournalEventType::RollbackFinished).last();
    QCOMPARE(fin.at(), t0 + 14 * kMin);
    QCOMPARE(fin.payload().value(QStringLiteral("elapsed_ms")).toDouble(), double(14 * kMin));
    QCOMPARE(fin.payload().value(QStringLiteral("within_target")).toBool(), true);
    s = RunPlanner::status(h->state, h->clock.now() + kHour);
    QVERIFY(s.rollback->finished);
    QCOMPARE(s.rollback->elapsed, Milliseconds(14min)); // stopped at the finish

    // Too slow: reported against the target.
    auto g = startedInCanary();
    g->rollbackStepMs = 10 * kMin;
    g->ok(RunPlanner::startRollback(g->state, g->clock.now(), QStringLiteral("Dana Weber"),
                                    QStringLiteral("drill")));
    g->pump();
    const JournalEvent slow = g->eventsOf(JournalEventType::RollbackFinished).last();
    QCOMPARE(slow.payload().value(QStringLiteral("elapsed_ms")).toDouble(), double(20 * kMin));
    QCOMPARE(slow.payload().value(QStringLiteral("within_target")).toBool(), false);
    QVERIFY(RunPlanner::status(g->state, g->clock.now()).rollback->overdue);
}

void tst_RunPlanner::restartFromStageOneAfterRollback()
{
    auto h = startedInCanary();
    promoteToHalf(*h);
    h->runFor(5 * kHour);
    h->ok(RunPlanner::startRollback(h->state, h->clock.now(), QStringLiteral("Dana Weber"),
                                    QStringLiteral("OOM kills")));
    RunPlan p = h->pump();
    QCOMPARE(h->state.phase(), RunState::Phase::RolledBack);
    QVERIFY(hasPending(p, QStringLiteral("enter_stage"), QStringLiteral("canary")));
    auto r = RunPlanner::enterStage(h->state, h->clock.now(), QStringLiteral("half"),
                                    QStringLiteral("Dana Weber"));
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QLatin1String("restarts from canary")),
             qPrintable(r.error().message));
    QVERIFY(!RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    h->ok(RunPlanner::enterStage(h->state, h->clock.now(), QStringLiteral("canary"),
                                 QStringLiteral("Dana Weber")));
    const JournalEvent e = h->eventsOf(JournalEventType::StageEntered).last();
    QCOMPARE(e.payload().value(QStringLiteral("restart")).toBool(), true);
    QCOMPARE(e.payload().value(QStringLiteral("attempt")).toInt(), 2);
    QCOMPARE(h->state.stage().attempt, 2);
    // A fresh stage: the window starts again, the rollout runs again.
    h->pump();
    QCOMPARE(h->gate(QStringLiteral("success")).status.remaining, Milliseconds(24h));
    QCOMPARE(
        h->eventsOf(JournalEventType::ActionRun).last().payload().value(QStringLiteral("action")).toString(),
        QStringLiteral("set-10"));
}

void tst_RunPlanner::pointOfNoReturnIsRecordedAndBlocksRollback()
{
    auto h = startedInCanary();
    promoteToHalf(*h);
    h->runFor(48 * kHour);
    h->ok(RunPlanner::approvePromotion(h->state, h->clock.now(), QStringLiteral("Ravi Patel")));
    h->ok(RunPlanner::promote(h->state, h->clock.now(), QStringLiteral("Dana Weber")));
    const qint64 entered = h->clock.now();
    h->pump(); // full has no rollout: passed at once
    const auto ponr = h->eventsOf(JournalEventType::PointOfNoReturn);
    QCOMPARE(ponr.size(), 1);
    QCOMPARE(ponr[0].at(), entered);
    QCOMPARE(ponr[0].payload().value(QStringLiteral("description")).toString(),
             QStringLiteral("v1 is gone once full is reached"));
    QCOMPARE(RunPlanner::status(h->state, h->clock.now()).pointOfNoReturnAt, std::optional<qint64>(entered));
    auto r = RunPlanner::startRollback(h->state, h->clock.now(), QStringLiteral("Dana Weber"),
                                       QStringLiteral("panic"));
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QLatin1String("point of no return")));
    h->metric = [](const QString &m, qint64) -> std::optional<double> {
        return m == QLatin1String("success_rate_pct") ? 50.0 : 0.0;
    };
    RunPlan p = h->runFor(kHour);
    QCOMPARE(h->eventsOf(JournalEventType::TriggerFired).size(), 1); // recorded...
    QCOMPARE(h->eventsOf(JournalEventType::RollbackStarted).size(), 0); // ...but no rollback
    QVERIFY(hasPending(p, QStringLiteral("point_of_no_return"), QStringLiteral("low-success")));
}

void tst_RunPlanner::failedRolloutActionWaitsForADecision()
{
    RunHarness h(loadRunbook(kRunbook));
    int attempts = 0;
    h.actionOk = [&](const QString &) { return ++attempts > 1; };
    h.startInStage(QStringLiteral("canary"));
    RunPlan p = h.runFor(kHour);
    QCOMPARE(attempts, 1); // never retried on its own
    QVERIFY(hasPending(p, QStringLiteral("action"), QStringLiteral("set-10")));
    QVERIFY(!h.state.stage().soakStart);
    QCOMPARE(h.gate(QStringLiteral("success")).status.phase, GateStatus::Phase::Waiting);
    h.ok(RunPlanner::decide(h.state, h.clock.now(), QStringLiteral("action"), QStringLiteral("set-10"), false,
                            QStringLiteral("Dana Weber"),
                            QStringLiteral("flag service was restarting; retry")));
    h.pump();
    QCOMPARE(attempts, 2);
    QCOMPARE(h.state.stage().soakStart, std::optional<qint64>(kStart + kHour));
}

void tst_RunPlanner::failedVerifyCheckWaitsForADecision()
{
    const QByteArray yaml = QByteArray(kRunbook).replace("    soak: 48h\n", R"(    verify:
      - {id: split-50, http: {connection: rlm, path: /split}, expect: "[BODY].v2 >= 45"}
    soak: 48h
)");
    auto h = std::make_unique<RunHarness>(loadRunbook(yaml));
    QVERIFY(h->runbook);
    int runs = 0;
    h->checkVerdict = [&](const QString &) { return ++runs == 1 ? Verdict::Fail : Verdict::Pass; };
    h->startInStage(QStringLiteral("canary"));
    promoteToHalf(*h);
    RunPlan p = h->runFor(48 * kHour);
    QCOMPARE(runs, 1);
    QVERIFY(hasPending(p, QStringLiteral("check"), QStringLiteral("split-50")));
    QVERIFY(RunPlanner::promotionBlockers(h->state, h->clock.now(), QString())
                .contains(QStringLiteral("verify check split-50 FAIL")));
    h->ok(RunPlanner::decide(h->state, h->clock.now(), QStringLiteral("check"), QStringLiteral("split-50"),
                             false, QStringLiteral("Dana Weber"),
                             QStringLiteral("split service was warming up")));
    h->pump();
    QCOMPARE(runs, 2);
    QVERIFY(!RunPlanner::promotionBlockers(h->state, h->clock.now(), QString())
                 .join(QLatin1Char(' '))
                 .contains(QLatin1String("verify")));
}

void tst_RunPlanner::scheduleItemsAreStartedWhenDue()
{
    const QByteArray yaml = R"(runbook: 1
name: window
connections:
  app: {http: {base_url: "http://127.0.0.1:8000"}}
schedule:
  t0: "2027-01-16T08:00:00Z"
  window_length: 2h
  milestones:
    - {id: t-1h, at: T-1h, actions: [{id: announce, manual: tell everyone}]}
  window:
    - {id: maintenance-on, start: "+0m", duration: 5m, manual: maintenance page on}
    - {id: final-sync, start: "+5m", duration: 30m, manual: sync}
rollback:
  point_of_no_return: {after: final-sync, description: new writes land on the new side}
)";
    RunHarness h(loadRunbook(yaml));
    const qint64 t0 = *ScheduleTimeline::parseT0(QStringLiteral("2027-01-16T08:00:00Z"));
    h.clock.advanceTo(t0 - 2 * kHour);
    h.info.startedAt = h.clock.now();
    h.start();
    RunPlan p = h.pump();
    QCOMPARE(p.wakeAt, std::optional<qint64>(t0 - kHour));
    h.runUntil(t0 + 6 * kMin);
    const auto item = h.state.schedule().item(QStringLiteral("final-sync"));
    QVERIFY(item && item->actualStart);
    QCOMPARE(*item->actualStart, t0 + 5 * kMin);
    QCOMPARE(h.state.schedule().item(QStringLiteral("t-1h"))->actualStart, std::optional<qint64>(t0 - kHour));
    QCOMPARE(h.state.pointOfNoReturnAt(), std::optional<qint64>(t0 + 5 * kMin));
}

QTEST_GUILESS_MAIN(tst_RunPlanner)
#include "tst_RunPlanner.moc"
