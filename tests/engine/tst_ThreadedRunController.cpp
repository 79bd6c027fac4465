// ThreadedRunController driven from the test's thread while the driver runs on the engine thread: a
// real SQLite journal, a SQLite metrics database and a loopback HTTP service; only the clock is fake (it
// lives on the engine thread and is advanced there through onEngine()).

#include "core/runbook/RunbookLoader.h"
#include "demo/LoopbackHttpServer.h"
#include "engine/ThreadedRunController.h"
#include "store/JournalFactory.h"
#include "support/Await.h"
#include "support/FakeClock.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kStart = 1'800'000'000'000;

struct Service
{
    LoopbackHttpServer server;
    QAtomicInt percent {-1};
    QAtomicInt puts {0};

    bool start()
    {
        server.route("PUT", "/rollout/*", [this](const LoopbackRequest &r) {
            puts.ref();
            percent.storeRelaxed(QString::fromLatin1(r.path.mid(9)).toInt());
            return LoopbackResponse::json(200, "{}");
        });
        return server.startInThread();
    }
};

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

    void setValue(const QString &sql)
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-metrics"));
        db.setDatabaseName(m_metrics);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql));
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("test-metrics"));
    }

    std::shared_ptr<const Runbook> runbook(const Service &svc, bool trigger) const
    {
        QString yaml = QStringLiteral(R"(runbook: 1
name: controller test
connections:
  metrics: {sqlite: {path: "%1"}}
  svc: {http: {base_url: "%2"}}
metrics:
  value: {connection: metrics, every: 5m, query: "SELECT v FROM metric_value"}
stages:
  - id: canary
    rollout:
      - {id: set-10, http: {connection: svc, method: PUT, path: /rollout/10, json: {percent: 10}}, expect: "[STATUS] == 200", writes: true}
    soak: 1h
    gates:
      - {id: value-ok, expect: "value >= 95", hold: 30m}
      - {id: complaints, manual: No user complaints}
  - id: full
    rollout:
      - {id: set-100, http: {connection: svc, method: PUT, path: /rollout/100, json: {percent: 100}}, writes: true}
    soak: 1h
    gates:
      - {id: value-ok, expect: "value >= 95", hold: 30m}
)")
                           .arg(m_metrics, svc.server.url().toString(QUrl::StripTrailingSlash));
        if (trigger)
            yaml += QStringLiteral(R"(rollback:
  target: 15m
  triggers:
    - {id: value-low, when: "value < 50", severity: critical, action: rollback}
  steps:
    - {id: set-0, http: {connection: svc, method: PUT, path: /rollout/0}, writes: true}
)");
        auto r = RunbookLoader::loadText(yaml.toUtf8(), QStringLiteral("controller-test.yaml"));
        if (!r) {
            for (const Error &e : r.error())
                qWarning("%s", qPrintable(e.toString()));
            return nullptr;
        }
        return std::make_shared<const Runbook>(std::move(*r));
    }

    RunControllerSetup setup(std::shared_ptr<const Runbook> rb, FakeClock *clock)
    {
        RunControllerSetup s;
        s.runbook = std::move(rb);
        const QString path = m_dir.filePath(QStringLiteral("run%1.journal").arg(++m_journals));
        s.openJournal = [path]() { return JournalFactory::open(path); };
        s.clock = clock;
        s.options.lead = QStringLiteral("Dana Weber");
        s.options.useKeychain = false;
        s.options.pollInterval = std::chrono::milliseconds(50);
        return s;
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

    // Until the driver has nothing under way for a few rounds (its probes answer on the engine thread).
    static bool settle(ThreadedRunController &c)
    {
        QElapsedTimer t;
        t.start();
        int quiet = 0;
        while (t.elapsed() < 20000) {
            auto busy = std::make_shared<std::atomic<bool>>(true);
            if (!waitInEventLoop(c.onEngine([busy](RunDriver *d) { *busy = d && d->isBusy(); })))
                return false;
            quiet = *busy ? 0 : quiet + 1;
            if (quiet >= 3)
                return true;
            QTest::qWait(2);
        }
        return false;
    }

    // Advances the engine's fake clock to `until`, stopping at every wake-up and letting the probes answer.
    static bool runUntil(ThreadedRunController &c, FakeClock &clock, qint64 until)
    {
        if (!settle(c))
            return false;
        for (;;) {
            auto reached = std::make_shared<std::atomic<bool>>(false);
            FakeClock *fake = &clock; // touched only on the engine thread
            if (!waitInEventLoop(c.onEngine([fake, until, reached](RunDriver *) {
                    const qint64 next = std::min(fake->nextWakeAt().value_or(until), until);
                    fake->advanceTo(std::max(next, fake->now()));
                    *reached = fake->now() >= until;
                })))
                return false;
            if (!settle(c))
                return false;
            if (*reached)
                return true;
        }
    }

    static CommandResult send(ThreadedRunController &c, EngineCommand::Kind kind, const QString &target = {},
                              const QString &who = QStringLiteral("Dana Weber"))
    {
        EngineCommand cmd;
        cmd.kind = kind;
        cmd.target = target;
        cmd.who = who;
        return awaitOrAbort(c.send(cmd), 20000, "a command");
    }

    static bool hasPending(const RunSnapshotPtr &s, const QString &kind, const QString &target)
    {
        for (const PendingDecision &p : s->status.pending)
            if (p.kind == kind && p.target == target)
                return true;
        return false;
    }

    // The snapshot the engine publishes once everything so far is in (at most one interval later).
    static RunSnapshotPtr current(ThreadedRunController &c)
    {
        // A snapshot taken after a no-op on the engine thread covers everything the engine did before it
        // (the engine refreshes its snapshot every second while running).
        waitInEventLoop(c.onEngine([](RunDriver *) {}));
        const qint64 after = QDateTime::currentMSecsSinceEpoch();
        QElapsedTimer t;
        t.start();
        while (c.snapshot()->wallTakenAt <= after && t.elapsed() < 20000)
            QTest::qWait(10);
        return c.snapshot();
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
        Service svc;
        QVERIFY(svc.start());
        auto rb = runbook(svc, false);
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
        RunSnapshotPtr s = current(c);
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

    void refusedCommandSaysWhy()
    {
        Service svc;
        QVERIFY(svc.start());
        auto rb = runbook(svc, false);
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
        Service svc;
        QVERIFY(svc.start());
        auto rb = runbook(svc, false);
        FakeClock clock(kStart);
        auto s = setup(rb, &clock);
        s.options.confirmAllWrites = true;
        ThreadedRunController c(std::move(s));
        Recorder r;
        record(c, r);
        QVERIFY(awaitOrAbort(c.start(), 20000, "start").has_value());
        QVERIFY(send(c, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QVERIFY(runUntil(c, clock, kStart + 20 * kMin));
        RunSnapshotPtr snap = current(c);
        QCOMPARE(snap->headline, Headline::NoGo);
        QVERIFY2(snap->topBlocker.contains(QLatin1String("value-ok")), qPrintable(snap->topBlocker));
        QVERIFY2(snap->topBlocker.contains(QLatin1String("80")), qPrintable(snap->topBlocker));
        QVERIFY2(snap->topBlocker.contains(QLatin1String(">= 95")), qPrintable(snap->topBlocker));

        // Samples that error never show green: the gate has no data, and the headline says why.
        setValue(QStringLiteral("UPDATE metric_value SET v = 99"));
        QVERIFY(runUntil(c, clock, kStart + 25 * kMin));
        setValue(QStringLiteral("ALTER TABLE metric_value RENAME TO metric_gone"));
        QVERIFY(runUntil(c, clock, kStart + 30 * kMin));
        snap = current(c);
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
