// ThreadedRunController driven from the test's thread while the driver runs on the engine thread: a
// real SQLite journal, a SQLite metrics database and a loopback HTTP service; only the clock is fake (it
// lives on the engine thread and is advanced there through onEngine()).

#include "store/JournalFactory.h"
#include "support/ControllerHarness.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kStart = 1'800'000'000'000;

template<class T> QString errorText(const Expected<T, Error> &r)
{
    return r ? QString() : r.error().message;
}

// Everything a snapshot listener saw, on the thread it runs on.
struct Recorder
{
    QList<RunSnapshotPtr> snapshots;
    QList<JournalEvent> events;
    QList<QThread *> threads;
    QString finished;
};

} // namespace

class tst_ThreadedRunController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_metrics;
    int m_journals = 0;

    void setValue(const QString &sql) { QVERIFY2(execSqlite(m_metrics, sql), qPrintable(sql)); }

    RunControllerSetup setup(std::shared_ptr<const Runbook> rb, FakeClock *clock)
    {
        const QString path = m_dir.filePath(QStringLiteral("run%1.journal").arg(++m_journals));
        return controllerSetup(std::move(rb), clock, [path]() { return JournalFactory::open(path); });
    }

    static void record(ThreadedRunController &c, Recorder &r)
    {
        connect(&c, &RunController::snapshotChanged, &c, [&r](const RunSnapshotPtr &s) {
            r.snapshots << s;
            r.threads << QThread::currentThread();
        });
        connect(&c, &RunController::eventsAppended, &c,
                [&r](const QList<JournalEvent> &events) { r.events += events; });
        connect(&c, &RunController::finished, &c, [&r](const QString &outcome) { r.finished = outcome; });
    }

    static CommandResult send(ThreadedRunController &c, EngineCommand::Kind kind, const QString &target = {},
                              const QString &who = QStringLiteral("Dana Weber"))
    {
        return sendCommand(c, kind, target, who);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_metrics = m_dir.filePath(QStringLiteral("metrics.db"));
        setValue(QStringLiteral("CREATE TABLE metric_value (v double precision)"));
        setValue(QStringLiteral("INSERT INTO metric_value VALUES (99)"));
    }

    void wholeStagedRunFromAnotherThread()
    {
        setValue(QStringLiteral("UPDATE metric_value SET v = 99"));
        RolloutService svc;
        QVERIFY(svc.start());
        auto rb = controllerRunbook(m_metrics, svc);
        QVERIFY(rb);
        FakeClock clock(kStart);
        ThreadedRunController c(setup(rb, &clock));
        Recorder r;
        record(c, r);
        QThread *engineThread = nullptr;

        const auto started = awaitOrAbort(c.start(), 20000, "start");
        QVERIFY2(started.has_value(), qPrintable(errorText(started)));
        QCOMPARE(*started, false);
        waitInEventLoop(
            c.onEngine([&engineThread](RunDriver *) { engineThread = QThread::currentThread(); }));
        QVERIFY(engineThread && engineThread != QThread::currentThread());
        QTRY_VERIFY(!r.snapshots.isEmpty());
        QCOMPARE(c.snapshot()->headline, Headline::Go);
        QVERIFY(c.snapshot()->topBlocker.contains(QLatin1String("canary")));
        QCOMPARE(c.snapshot()->runbookName, QStringLiteral("controller test"));
        QCOMPARE(c.snapshot()->stages.size(), 2);
        QCOMPARE(c.snapshot()->stages.first().trafficPercent.value_or(-1), 10);

        QVERIFY(send(c, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QVERIFY(settle(c));
        // The rollout writes: it waits for the lead's confirmation, and the headline says so.
        QTRY_VERIFY(hasPending(c.snapshot(), QStringLiteral("confirm_write"), QStringLiteral("set-10")));
        QCOMPARE(c.snapshot()->headline, Headline::Hold);
        QVERIFY2(c.snapshot()->topBlocker.contains(QLatin1String("set-10")),
                 qPrintable(c.snapshot()->topBlocker));
        QCOMPARE(svc.puts.loadRelaxed(), 0);
        QCOMPARE(c.snapshot()->stages.first().state, StageSnapshot::State::Current);

        QVERIFY(send(c, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-10")));
        QVERIFY(settle(c));
        QCOMPARE(svc.percent.loadRelaxed(), 10);
        QTRY_VERIFY(c.snapshot()->status.soakStart.has_value());

        QVERIFY(runUntil(c, clock, kStart + 60 * kMin));
        // The value gate held; the manual gate waits for a person.
        RunSnapshotPtr s = currentSnapshot(c);
        QCOMPARE(s->now, kStart + 60 * kMin);
        QVERIFY(hasPending(s, QStringLiteral("manual_gate"), QStringLiteral("complaints")));
        QCOMPARE(s->headline, Headline::Hold);
        EngineCommand confirm;
        confirm.kind = EngineCommand::Kind::ConfirmManualGate;
        confirm.target = QStringLiteral("complaints");
        confirm.who = QStringLiteral("Ravi Patel");
        confirm.statement = QStringLiteral("none reported");
        QVERIFY(awaitOrAbort(c.send(confirm), 20000, "confirm"));
        QTRY_COMPARE(c.snapshot()->headline, Headline::Go);
        QVERIFY(c.snapshot()->topBlocker.contains(QLatin1String("promote")));

        QVERIFY(send(c, EngineCommand::Kind::Promote));
        QVERIFY(settle(c));
        QTRY_VERIFY(hasPending(c.snapshot(), QStringLiteral("confirm_write"), QStringLiteral("set-100")));
        QCOMPARE(c.snapshot()->status.stage, QStringLiteral("full"));
        QVERIFY(send(c, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-100")));
        QVERIFY(settle(c));
        QCOMPARE(svc.percent.loadRelaxed(), 100);
        QVERIFY(runUntil(c, clock, kStart + 125 * kMin));
        QTRY_COMPARE(c.snapshot()->headline, Headline::Go);
        QVERIFY(send(c, EngineCommand::Kind::Promote));
        QTRY_COMPARE(r.finished, QStringLiteral("completed"));
        QTRY_COMPARE(c.snapshot()->headline, Headline::Finished);
        QCOMPARE(c.snapshot()->stages.last().state, StageSnapshot::State::Done);

        // Snapshots arrived on this thread, versions strictly increasing, at most one per interval.
        QTRY_COMPARE(r.snapshots.last()->version, c.snapshot()->version);
        QVERIFY(r.snapshots.size() >= 5);
        for (qsizetype i = 0; i < r.snapshots.size(); ++i) {
            QCOMPARE(r.threads[i], QThread::currentThread());
            if (i > 0) {
                QVERIFY(r.snapshots[i]->version > r.snapshots[i - 1]->version);
                QVERIFY2(r.snapshots[i]->wallTakenAt - r.snapshots[i - 1]->wallTakenAt >= 95,
                         qPrintable(
                             QString::number(r.snapshots[i]->wallTakenAt - r.snapshots[i - 1]->wallTakenAt)));
            }
        }
        // Every event came out once, in journal order, and the last one is the snapshot's head.
        QVERIFY(!r.events.isEmpty());
        for (qsizetype i = 1; i < r.events.size(); ++i)
            QVERIFY(r.events[i].seq() > r.events[i - 1].seq());
        QCOMPARE(r.events.last().seq(), c.snapshot()->headSeq);
        QCOMPARE(r.events.last().type(), JournalEventType::RunFinished);
    }

    // A resumed run (the window's always is) starts its views with the run's whole history.
    void resumedRunPublishesItsHistory()
    {
        RolloutService svc;
        QVERIFY(svc.start());
        auto rb = controllerRunbook(m_metrics, svc);
        FakeClock clock(kStart);
        const QString path = m_dir.filePath(QStringLiteral("resumed.journal"));
        const auto open = [path]() { return JournalFactory::open(path); };
        {
            ThreadedRunController first(controllerSetup(rb, &clock, open));
            QVERIFY(awaitOrAbort(first.start(), 20000, "start").has_value());
            QVERIFY(send(first, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
            QVERIFY(settle(first));
            first.stop();
        }
        ThreadedRunController second(controllerSetup(rb, &clock, open));
        Recorder r;
        record(second, r);
        const auto resumed = awaitOrAbort(second.start(), 20000, "start");
        QVERIFY2(resumed.has_value(), qPrintable(errorText(resumed)));
        QCOMPARE(*resumed, true);
        QTRY_VERIFY(!r.events.isEmpty());
        QCOMPARE(r.events.first().type(), JournalEventType::RunStarted);
        QCOMPARE(r.events.first().seq(), qint64(1));
        const bool entered = std::any_of(r.events.cbegin(), r.events.cend(), [](const JournalEvent &e) {
            return e.type() == JournalEventType::StageEntered;
        });
        QVERIFY(entered);
        for (qsizetype i = 1; i < r.events.size(); ++i)
            QVERIFY(r.events[i].seq() > r.events[i - 1].seq());
        second.stop();
    }

    void refusedCommandSaysWhy()
    {
        RolloutService svc;
        QVERIFY(svc.start());
        auto rb = controllerRunbook(m_metrics, svc);
        FakeClock clock(kStart);
        ThreadedRunController c(setup(rb, &clock));
        QVERIFY(awaitOrAbort(c.start(), 20000, "start").has_value());

        const CommandResult early = send(c, EngineCommand::Kind::Promote);
        QVERIFY(!early);
        QVERIFY2(early.error().message.contains(QLatin1String("promot")), qPrintable(early.error().message));
        const CommandResult nobody
            = send(c, EngineCommand::Kind::EnterStage, QStringLiteral("canary"), QString());
        QVERIFY(!nobody);
        QVERIFY(nobody.error().message.contains(QLatin1String("name")));
        const CommandResult confirm = send(c, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-10"));
        QVERIFY(!confirm);
        QVERIFY(confirm.error().message.contains(QLatin1String("set-10")));
        const CommandResult unknown
            = send(c, EngineCommand::Kind::EnterStage, QStringLiteral("no-such-stage"));
        QVERIFY(!unknown);
        QVERIFY(!unknown.error().message.isEmpty());

        c.stop();
        const CommandResult stopped = send(c, EngineCommand::Kind::EnterStage, QStringLiteral("canary"));
        QVERIFY(!stopped);
        QVERIFY(stopped.error().message.contains(QLatin1String("stopped")));
    }

    void failedGateNamesValueOperatorAndThreshold()
    {
        setValue(QStringLiteral("UPDATE metric_value SET v = 80"));
        RolloutService svc;
        QVERIFY(svc.start());
        auto rb = controllerRunbook(m_metrics, svc);
        FakeClock clock(kStart);
        auto s = setup(rb, &clock);
        s.options.confirmAllWrites = true;
        ThreadedRunController c(std::move(s));
        Recorder r;
        record(c, r);
        QVERIFY(awaitOrAbort(c.start(), 20000, "start").has_value());
        QVERIFY(send(c, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QVERIFY(runUntil(c, clock, kStart + 20 * kMin));
        RunSnapshotPtr snap = currentSnapshot(c);
        QCOMPARE(snap->headline, Headline::NoGo);
        QVERIFY2(snap->topBlocker.contains(QLatin1String("value-ok")), qPrintable(snap->topBlocker));
        QVERIFY2(snap->topBlocker.contains(QLatin1String("80")), qPrintable(snap->topBlocker));
        QVERIFY2(snap->topBlocker.contains(QLatin1String(">= 95")), qPrintable(snap->topBlocker));

        // Samples that error never show green: the gate has no data, and the headline says why.
        setValue(QStringLiteral("UPDATE metric_value SET v = 99"));
        QVERIFY(runUntil(c, clock, kStart + 25 * kMin));
        setValue(QStringLiteral("ALTER TABLE metric_value RENAME TO metric_gone"));
        QVERIFY(runUntil(c, clock, kStart + 30 * kMin));
        snap = currentSnapshot(c);
        setValue(QStringLiteral("ALTER TABLE metric_gone RENAME TO metric_value"));
        QVERIFY(snap->headline != Headline::Go);
        QVERIFY2(snap->topBlocker.contains(QLatin1String("value")), qPrintable(snap->topBlocker));
        bool unhealthy = false;
        for (const ConnectionHealth &h : snap->connections)
            unhealthy = unhealthy || (h.name == QLatin1String("metrics") && !h.ok);
        QVERIFY(unhealthy);
    }
};

QTEST_GUILESS_MAIN(tst_ThreadedRunController)
#include "tst_ThreadedRunController.moc"
