#include "support/ExampleASimulation.h"

#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

// The whole of example A on a FakeClock: what the run does over 17 simulated days. How fast the engine
// gets through it is measured by bench/bench_simulation (docs/benchmarks.md), not asserted here.
class tst_RunSimulation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exampleARunsToCompletion();
};

void tst_RunSimulation::exampleARunsToCompletion()
{
    const auto hp = healthyExampleA();
    QVERIFY(hp);
    RunHarness &h = *hp;
    const SimulationOutcome outcome = driveToEnd(h);
    QVERIFY2(outcome.unexpected.isEmpty(), qPrintable(outcome.unexpected));
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
    qInfo("example A, 17 simulated days: %lld events, %d planner steps", qint64(h.journal.size()),
          outcome.steps);
}

QTEST_GUILESS_MAIN(tst_RunSimulation)
#include "tst_RunSimulation.moc"
