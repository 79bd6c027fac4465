#include "core/gates/GateTracker.h"

#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;
using Outcome = ConditionResult::Outcome;

class tst_GateTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesOnlyAfter24hOfGoodSamples();
    void breachAt23hResetsTheWindow();
    void noDataIsNoDataThenStopsAfterGrace();
    void acceptedGapKeepsTheWindow();
    void rejectedGapRestartsTheWindow();
    void stoppedSamplingStopsAfterGrace();
    void recoverWithin();
    void recoveredTooLateStaysFailed();
    void instantaneousGateFollowsSamples();
    void phaseNames();
};

namespace {
constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kHour = 60 * kMin;
constexpr qint64 kStart = 1'800'000'000'000; // some UTC ms

GateTracker successGate()
{
    // success_rate_pct >= 95 held for 24 h, 5-minute samples (stale after two intervals), 30 min grace.
    return GateTracker({24h, 30min, 0ms, 10min}, kStart);
}

void feed(GateTracker &g, qint64 from, qint64 to, Outcome o)
{
    for (qint64 t = from; t <= to; t += 5 * kMin)
        g.addSample(kStart + t, o, QStringLiteral("success_rate_pct (97) >= 95"));
}
} // namespace

void tst_GateTracker::passesOnlyAfter24hOfGoodSamples()
{
    GateTracker g = successGate();
    QCOMPARE(g.status(kStart).phase, GateStatus::Phase::Waiting);
    QCOMPARE(g.status(kStart).verdict, std::optional<Verdict>(Verdict::NoData));
    QCOMPARE(g.status(kStart).remaining, Milliseconds(24h));

    feed(g, 0, 24 * kHour - 5 * kMin, Outcome::Pass);
    GateStatus s = g.status(kStart + 24 * kHour - 5 * kMin);
    QCOMPARE(s.phase, GateStatus::Phase::Holding);
    QVERIFY(!s.verdict); // not a pass yet, not a fail either
    QCOMPARE(s.held, Milliseconds(24h - 5min));
    QCOMPARE(s.remaining, Milliseconds(5min));
    // Time alone does not pass it: a good sample at 24 h does.
    QCOMPARE(g.status(kStart + 24 * kHour + 1).phase, GateStatus::Phase::Holding);
    g.addSample(kStart + 24 * kHour, Outcome::Pass, {});
    s = g.status(kStart + 24 * kHour);
    QCOMPARE(s.phase, GateStatus::Phase::Passed);
    QCOMPARE(s.verdict, std::optional<Verdict>(Verdict::Pass));
    QCOMPARE(s.remaining, Milliseconds(0));
    QCOMPARE(s.windowStart, std::optional<qint64>(kStart));
}

void tst_GateTracker::breachAt23hResetsTheWindow()
{
    GateTracker g = successGate();
    feed(g, 0, 23 * kHour - 5 * kMin, Outcome::Pass);
    QCOMPARE(g.status(kStart + 23 * kHour - 5 * kMin).remaining, Milliseconds(1h + 5min));
    g.addSample(kStart + 23 * kHour, Outcome::Fail, QStringLiteral("success_rate_pct (91.5) >= 95"));
    GateStatus s = g.status(kStart + 23 * kHour);
    QCOMPARE(s.phase, GateStatus::Phase::Failed);
    QCOMPARE(s.verdict, std::optional<Verdict>(Verdict::Fail));
    QCOMPARE(s.remaining, Milliseconds(24h)); // back to the full window
    QCOMPARE(s.explanation, QStringLiteral("success_rate_pct (91.5) >= 95"));

    feed(g, 23 * kHour + 5 * kMin, 47 * kHour, Outcome::Pass);
    s = g.status(kStart + 47 * kHour);
    QCOMPARE(s.phase, GateStatus::Phase::Holding);
    QCOMPARE(s.remaining, Milliseconds(5min));
    g.addSample(kStart + 47 * kHour + 5 * kMin, Outcome::Pass, {});
    QVERIFY(g.status(kStart + 47 * kHour + 5 * kMin).passed());
}

void tst_GateTracker::noDataIsNoDataThenStopsAfterGrace()
{
    GateTracker g = successGate();
    feed(g, 0, 1 * kHour, Outcome::Pass);
    const Milliseconds remainingBefore = g.status(kStart + kHour).remaining;
    feed(g, kHour + 5 * kMin, kHour + 35 * kMin, Outcome::NoData); // 30 min of NoData: within the grace
    GateStatus s = g.status(kStart + kHour + 35 * kMin);
    QCOMPARE(s.phase, GateStatus::Phase::NoData);
    QCOMPARE(s.verdict, std::optional<Verdict>(Verdict::NoData)); // never a pass or a fail
    QCOMPARE(s.remaining, remainingBefore); // neither extends nor breaks the window
    QCOMPARE(s.noDataSince, std::optional<qint64>(kStart + kHour + 5 * kMin));
    QVERIFY(!g.stopped());
    // Past the grace by time alone it asks for a decision (the engine journals the stop)...
    s = g.status(kStart + kHour + 35 * kMin + 1);
    QCOMPARE(s.phase, GateStatus::Phase::AwaitingDecision);
    QCOMPARE(s.verdict, std::optional<Verdict>(Verdict::Inconclusive));
    QVERIFY(s.reason.contains(QLatin1String("grace 30m")));
    // ...and the next NoData sample latches it.
    g.addSample(kStart + kHour + 40 * kMin, Outcome::NoData, {});
    QVERIFY(g.stopped());
    // Good data coming back does not lift the stop: a person decides.
    feed(g, kHour + 45 * kMin, 3 * kHour, Outcome::Pass);
    QCOMPARE(g.status(kStart + 3 * kHour).phase, GateStatus::Phase::AwaitingDecision);
}

void tst_GateTracker::acceptedGapKeepsTheWindow()
{
    GateTracker g = successGate();
    feed(g, 0, kHour, Outcome::Pass);
    feed(g, kHour + 5 * kMin, 2 * kHour, Outcome::NoData);
    QVERIFY(g.stopped());
    feed(g, 2 * kHour + 5 * kMin, 3 * kHour, Outcome::Pass);
    g.decide(kStart + 3 * kHour, true);
    const GateStatus s = g.status(kStart + 3 * kHour);
    QCOMPARE(s.phase, GateStatus::Phase::Holding);
    QCOMPARE(s.windowStart, std::optional<qint64>(kStart));
    QCOMPARE(s.remaining, Milliseconds(21h));
}

void tst_GateTracker::rejectedGapRestartsTheWindow()
{
    GateTracker g = successGate();
    feed(g, 0, kHour, Outcome::Pass);
    feed(g, kHour + 5 * kMin, 2 * kHour, Outcome::NoData);
    feed(g, 2 * kHour + 5 * kMin, 3 * kHour, Outcome::Pass);
    g.decide(kStart + 3 * kHour, false);
    const GateStatus s = g.status(kStart + 3 * kHour);
    QCOMPARE(s.phase, GateStatus::Phase::Holding);
    QCOMPARE(s.windowStart, std::optional<qint64>(kStart + 2 * kHour + 5 * kMin));
    QCOMPARE(s.remaining, Milliseconds(24h - 55min));
}

void tst_GateTracker::stoppedSamplingStopsAfterGrace()
{
    GateTracker g = successGate();
    // No sample at all: stale 10 min after the start, then 30 min of grace.
    QCOMPARE(g.status(kStart + 40 * kMin).phase, GateStatus::Phase::Waiting);
    QCOMPARE(g.status(kStart + 40 * kMin + 1).phase, GateStatus::Phase::AwaitingDecision);
    // Samples that stop arriving after good ones.
    GateTracker h = successGate();
    feed(h, 0, kHour, Outcome::Pass);
    QCOMPARE(h.status(kStart + kHour + 40 * kMin).phase, GateStatus::Phase::Holding);
    QCOMPARE(h.status(kStart + kHour + 40 * kMin + 1).phase, GateStatus::Phase::AwaitingDecision);
    // A late sample after such a gap latches the stop even if nobody looked in between.
    h.addSample(kStart + 3 * kHour, Outcome::Pass, {});
    QVERIFY(h.stopped());
}

void tst_GateTracker::recoverWithin()
{
    // stuck_imports == 0, or resolved within 2 h (hourly samples here, so never stale).
    GateTracker g({0ms, 30min, 2h, 0ms}, kStart);
    g.addSample(kStart, Outcome::Pass, {});
    QVERIFY(g.status(kStart).passed());
    g.addSample(kStart + kHour, Outcome::Fail, QStringLiteral("stuck_imports (3) == 0"));
    GateStatus s = g.status(kStart + kHour);
    QCOMPARE(s.phase, GateStatus::Phase::Recovering);
    QVERIFY(!s.verdict);
    QCOMPARE(g.status(kStart + 3 * kHour).phase, GateStatus::Phase::Recovering); // exactly 2 h: still allowed
    g.addSample(kStart + 3 * kHour, Outcome::Pass, {});
    QVERIFY(g.status(kStart + 3 * kHour).passed());
    // Failing again and not recovering within 2 h fails it.
    g.addSample(kStart + 4 * kHour, Outcome::Fail, {});
    QCOMPARE(g.status(kStart + 6 * kHour).phase, GateStatus::Phase::Recovering);
    QCOMPARE(g.status(kStart + 6 * kHour + 1).phase, GateStatus::Phase::Failed);
    QCOMPARE(g.status(kStart + 6 * kHour + 1).verdict, std::optional<Verdict>(Verdict::Fail));
}

void tst_GateTracker::recoveredTooLateStaysFailed()
{
    GateTracker g({0ms, 30min, 2h, 10min}, kStart);
    for (qint64 t = 0; t <= 2 * kHour + 5 * kMin; t += 5 * kMin)
        g.addSample(kStart + t, Outcome::Fail, {});
    g.addSample(kStart + 2 * kHour + 10 * kMin, Outcome::Pass, {});
    const GateStatus s = g.status(kStart + 2 * kHour + 10 * kMin);
    QCOMPARE(s.phase, GateStatus::Phase::Failed);
    QVERIFY(s.reason.contains(QLatin1String("not recovered within 2h")));
}

void tst_GateTracker::instantaneousGateFollowsSamples()
{
    GateTracker g({0ms, 0ms, 0ms, 30min}, kStart);
    g.addSample(kStart, Outcome::Fail, {});
    QCOMPARE(g.status(kStart).phase, GateStatus::Phase::Failed);
    g.addSample(kStart + 15 * kMin, Outcome::Pass, {});
    QVERIFY(g.status(kStart + 15 * kMin).passed());
}

void tst_GateTracker::phaseNames()
{
    for (auto p : {GateStatus::Phase::Waiting, GateStatus::Phase::Holding, GateStatus::Phase::Passed,
                   GateStatus::Phase::Recovering, GateStatus::Phase::Failed, GateStatus::Phase::NoData,
                   GateStatus::Phase::AwaitingDecision})
        QCOMPARE(GateStatus::phaseFromName(GateStatus::phaseName(p)), std::optional(p));
    QCOMPARE(GateStatus::phaseName(GateStatus::Phase::AwaitingDecision), QStringLiteral("awaiting_decision"));
}

QTEST_GUILESS_MAIN(tst_GateTracker)
#include "tst_GateTracker.moc"
