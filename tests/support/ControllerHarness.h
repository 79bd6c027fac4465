#pragma once

// Engine tests around ThreadedRunController (header-only: the support library does not link the engine):
// a loopback rollout service, a two-stage runbook reading its metric from a SQLite file, and waiting for
// the engine thread from the test's thread. The fake clock lives on the engine thread and is only touched
// inside onEngine().

#include "core/runbook/RunbookLoader.h"
#include "demo/LoopbackHttpServer.h"
#include "engine/ThreadedRunController.h"
#include "support/Await.h"
#include "support/FakeClock.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <atomic>

namespace cockpit::test {

// PUT /rollout/N sets the percent.
struct RolloutService
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

// Runs one statement on the SQLite metrics file (its own short-lived connection).
inline bool execSqlite(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-metrics"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-metrics"));
    return ok;
}

// canary (set-10 writes, soak 1h, gate value >= 95 for 30m, a manual gate) and full (set-100, soak 1h);
// with `trigger` a rollback trigger (value < 50) and one rollback step.
inline std::shared_ptr<const Runbook> controllerRunbook(const QString &metricsDb, const RolloutService &svc,
                                                        bool trigger = false)
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
                       .arg(metricsDb, svc.server.url().toString(QUrl::StripTrailingSlash));
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

inline RunControllerSetup controllerSetup(std::shared_ptr<const Runbook> rb, Clock *clock,
                                          std::function<Expected<std::unique_ptr<Journal>, Error>()> open)
{
    RunControllerSetup s;
    s.runbook = std::move(rb);
    s.openJournal = std::move(open);
    s.clock = clock;
    s.options.lead = QStringLiteral("Dana Weber");
    s.options.useKeychain = false;
    s.options.pollInterval = std::chrono::milliseconds(50);
    return s;
}

// Until the driver has nothing under way for a few rounds (its probes answer on the engine thread).
inline bool settle(ThreadedRunController &c)
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
inline bool runUntil(ThreadedRunController &c, FakeClock &clock, qint64 until)
{
    if (!settle(c))
        return false;
    for (;;) {
        auto reached = std::make_shared<std::atomic<bool>>(false);
        FakeClock *fake = &clock;
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

inline CommandResult sendCommand(RunController &c, EngineCommand::Kind kind, const QString &target = {},
                                 const QString &who = QStringLiteral("Dana Weber"))
{
    EngineCommand cmd;
    cmd.kind = kind;
    cmd.target = target;
    cmd.who = who;
    return awaitOrAbort(c.send(cmd), 20000, "a command");
}

inline bool hasPending(const RunSnapshotPtr &s, const QString &kind, const QString &target)
{
    for (const PendingDecision &p : s->status.pending)
        if (p.kind == kind && p.target == target)
            return true;
    return false;
}

// A snapshot taken after a no-op on the engine thread covers everything the engine did before it (the
// engine refreshes its snapshot every second while running).
inline RunSnapshotPtr currentSnapshot(ThreadedRunController &c)
{
    waitInEventLoop(c.onEngine([](RunDriver *) {}));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer t;
    t.start();
    while (c.snapshot()->wallTakenAt <= after && t.elapsed() < 20000)
        QTest::qWait(10);
    return c.snapshot();
}

} // namespace cockpit::test
