// Desktop notifications from snapshot changes; without a system tray (offscreen) they are only signalled.

#include "gui/RunNotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace cockpit;
using namespace cockpit::gui;

namespace {
RunSnapshotPtr snapshot(bool gateFailed, bool firing, bool decision, Headline headline)
{
    auto s = std::make_shared<RunSnapshot>();
    s->runId = QStringLiteral("run-1");
    s->headline = headline;
    s->topBlocker = QStringLiteral("success rate 93.1 % < 95 %");
    GateView g;
    g.id = QStringLiteral("success-rate");
    g.status.phase = gateFailed ? GateStatus::Phase::Failed : GateStatus::Phase::Holding;
    s->status.gates << g;
    TriggerSnapshot t;
    t.id = QStringLiteral("low-success");
    t.firing = firing;
    s->triggers << t;
    PendingDecision promote;
    promote.kind = QStringLiteral("promote");
    s->status.pending << promote;
    if (decision) {
        PendingDecision p;
        p.kind = QStringLiteral("gate");
        p.target = QStringLiteral("success-rate");
        s->status.pending << p;
    }
    return s;
}
} // namespace

class tst_RunNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notifiesWhatChanged()
    {
        RunNotifier n;
        QSignalSpy spy(&n, &RunNotifier::notified);
        // The first snapshot is the baseline, even with a failed gate in it.
        n.observe(snapshot(true, false, false, Headline::NoGo));
        QCOMPARE(spy.count(), 0);
        n.observe(snapshot(false, false, false, Headline::Hold));
        QCOMPARE(spy.count(), 0);
        n.observe(snapshot(true, false, false, Headline::NoGo));
        QCOMPARE(spy.count(), 1);
        QVERIFY(spy.at(0).at(0).toString().contains(QStringLiteral("success-rate")));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("success rate 93.1 % < 95 %"));
        n.observe(snapshot(true, true, true, Headline::RollingBack));
        QCOMPARE(spy.count(), 3); // the trigger and the decision; the promotion is no notification
        n.observe(snapshot(true, true, true, Headline::RollingBack));
        QCOMPARE(spy.count(), 3); // nothing new
        n.observe(snapshot(true, true, true, Headline::RolledBack));
        QCOMPARE(spy.count(), 4);
        QVERIFY(spy.at(3).at(0).toString().contains(QStringLiteral("Rollback finished")));
    }
};

QTEST_MAIN(tst_RunNotifier)
#include "tst_RunNotifier.moc"
