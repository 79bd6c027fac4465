#include "support/RunHarness.h"
#include "support/TestEnv.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>
#include <ctime>

using namespace cockpit;
using namespace cockpit::test;

// The whole of example A (10% for 24 h, 50% for 48 h, 100% for 7 days, deprecation for 7 days, removal)
// driven on a FakeClock with every sample, checkpoint and decision journaled, as the real driver would.
class tst_RunSimulation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exampleARunsToCompletionInUnderASecond();
};

namespace {

// CPU time of this thread: the machine running the tests is shared by parallel builds, so wall time
// measures the neighbours; on an idle machine both are the same.
qint64 threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kBudgetMs = 4000; // ASan/UBSan builds run several times slower
#else
constexpr qint64 kBudgetMs = 1000;
#endif

QJsonArray durations(double centre)
{
    QJsonArray out;
    for (int i = 0; i < 60; ++i)
        out.append(centre + double((i * 37) % 23) - 11.0 + double(i % 3) * 0.25);
    return out;
}

} // namespace

void tst_RunSimulation::exampleARunsToCompletionInUnderASecond()
{
    auto rb
        = RunbookLoader::loadFile(sourcePath(QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml")));
    QVERIFY(rb);
    RunHarness h(std::make_shared<const Runbook>(std::move(*rb)));
    // A healthy rollout: every gate's metric on the good side.
    const QHash<QString, double> healthy {{QStringLiteral("success_rate_pct"), 99.2},
                                          {QStringLiteral("fast_imports_pct"), 85},
                                          {QStringLiteral("top_error_share_pct"), 20},
                                          {QStringLiteral("slow_imports_pct"), 3}};
    h.metric = [healthy](const QString &m, qint64) { return std::optional<double>(healthy.value(m, 0.0)); };
    h.gateValues = [](const QString &gate, const QString &role) {
        if (gate == QLatin1String("no-duration-degradation"))
            return durations(role == QLatin1String("baseline") ? 600 : 602);
        return QJsonArray {QStringLiteral("timeout talking to storage"), QStringLiteral("invalid file")};
    };

    QElapsedTimer wall;
    wall.start();
    const qint64 cpuStart = threadCpuMs();
    h.start();
    h.ok(RunPlanner::enterStage(h.state, h.clock.now(), QStringLiteral("canary-10"),
                                QStringLiteral("Dana Weber")));
    int steps = 0;
    const qint64 giveUp = RunHarness::kStart + 20 * RunHarness::kDay;
    while (h.state.phase() != RunState::Phase::Finished && h.clock.now() < giveUp) {
        ++steps;
        const RunPlan plan = h.pump();
        bool acted = false;
        for (const PendingDecision &d : plan.pending) {
            const qint64 now = h.clock.now();
            if (d.kind == QLatin1String("manual_gate"))
                h.ok(RunPlanner::confirmManualGate(h.state, now, d.target, QStringLiteral("Lena Hoffmann"),
                                                   QStringLiteral("checked")));
            else if (d.kind == QLatin1String("second_approval"))
                h.ok(RunPlanner::approvePromotion(h.state, now, QStringLiteral("Ravi Patel")));
            else if (d.kind == QLatin1String("promote"))
                h.ok(RunPlanner::promote(h.state, now, QStringLiteral("Dana Weber")));
            else
                QFAIL(
                    qPrintable(QStringLiteral("unexpected pending %1 %2: %3").arg(d.kind, d.target, d.why)));
            acted = true;
            break;
        }
        if (!acted) {
            QVERIFY2(plan.wakeAt, "nothing to wait for, but the run is not finished");
            h.clock.advanceTo(*plan.wakeAt);
        }
    }
    const qint64 elapsedMs = wall.elapsed();
    const qint64 cpuMs = threadCpuMs() - cpuStart;
    if (h.state.phase() != RunState::Phase::Finished) {
        const RunStatus st = RunPlanner::status(h.state, h.clock.now());
        qWarning() << "stuck in" << st.stage << "at +"
                   << (h.clock.now() - RunHarness::kStart) / RunHarness::kHour << "h" << st.blockers
                   << h.journal.size();
        const RunPlan p = h.pump();
        for (const auto &e : p.effects)
            qWarning() << RunEffect::kindName(e.kind) << e.id;
        qWarning() << (p.wakeAt ? *p.wakeAt - h.clock.now() : -1);
    }

    QCOMPARE(h.state.outcome(), QStringLiteral("completed"));
    QStringList stages;
    for (const auto &e : h.eventsOf(JournalEventType::StageEntered))
        stages << e.payload().value(QStringLiteral("stage")).toString();
    QCOMPARE(stages,
             (QStringList {QStringLiteral("canary-10"), QStringLiteral("half-50"), QStringLiteral("full-100"),
                           QStringLiteral("deprecate-v1"), QStringLiteral("remove-v1")}));
    // Promoted exactly when each soak (and its 24 h gates) ended: 24 h + 48 h + 7 d + 7 d.
    const auto entered = h.eventsOf(JournalEventType::StageEntered);
    QCOMPARE(entered[1].at() - entered[0].at(), 24 * RunHarness::kHour);
    QCOMPARE(entered[2].at() - entered[1].at(), 48 * RunHarness::kHour);
    QCOMPARE(entered[3].at() - entered[2].at(), 7 * RunHarness::kDay);
    QCOMPARE(entered[4].at() - entered[3].at(), 7 * RunHarness::kDay);
    QCOMPARE(entered[2].payload().value(QStringLiteral("approved_by")).toString(),
             QStringLiteral("Ravi Patel"));
    QCOMPARE(entered[4].payload().value(QStringLiteral("approved_by")).toString(),
             QStringLiteral("Ravi Patel"));
    QCOMPARE(h.eventsOf(JournalEventType::Checkpoint).size(), 3 + 4 + 7 + 7);
    QCOMPARE(h.eventsOf(JournalEventType::TriggerFired).size(), 0);
    QCOMPARE(h.eventsOf(JournalEventType::PointOfNoReturn).size(), 1);
    QVERIFY(h.eventsOf(JournalEventType::SampleTaken).size() > 15000);
    qInfo("example A, 17 simulated days: %lld events, %d driver steps, %lld ms CPU, %lld ms wall",
          qint64(h.journal.size()), steps, cpuMs, elapsedMs);
    QVERIFY2(cpuMs < kBudgetMs, qPrintable(QStringLiteral("%1 ms CPU").arg(cpuMs)));
}

QTEST_GUILESS_MAIN(tst_RunSimulation)
#include "tst_RunSimulation.moc"
