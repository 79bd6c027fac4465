// RunDriver against a real SQLite journal, the fixture PostgreSQL (metrics) and a loopback HTTP service
// (rollout and rollback actions); only the clock is fake.

#include "core/base/Redactor.h"
#include "core/runbook/RunbookLoader.h"
#include "demo/LoopbackHttpServer.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "engine/RunStatusView.h"
#include "store/JournalFactory.h"
#include "support/FakeClock.h"
#include "support/TestPostgres.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    QAtomicInt splitPolls {0};
    QAtomicInt hangPuts {0}; // 1: the PUT never answers (the cockpit "crashes" while it runs)

    bool start()
    {
        server.route("PUT", "/rollout/*", [this](const LoopbackRequest &r) {
            puts.ref();
            if (hangPuts.loadRelaxed()) {
                LoopbackResponse resp;
                resp.hang = true;
                return resp;
            }
            percent.storeRelaxed(QString::fromLatin1(r.path.mid(9)).toInt());
            return LoopbackResponse::json(200, QByteArray("{\"value\":") + r.path.mid(9) + "}");
        });
        server.route("GET", "/split", [this](const LoopbackRequest &) {
            // v1 carries everything from the second poll on: the rollback's wait takes one interval.
            const int n = splitPolls.fetchAndAddRelaxed(1) + 1;
            const int v1 = percent.loadRelaxed() == 0 && n >= 2 ? 100 : 90;
            return LoopbackResponse::json(200, QByteArray("{\"v1\":") + QByteArray::number(v1) + "}");
        });
        return server.listen();
    }
};

// The legacy site of a T-minus milestone: PUT /admin/read-only freezes writes, POST /records answers 423
// once frozen (the milestone's check).
struct Site
{
    LoopbackHttpServer server;
    QAtomicInt freezes {0};
    QAtomicInt frozen {0};
    QAtomicInt posts {0};
    QAtomicInt hang {0}; // 1: the freeze PUT never answers
    QByteArray freezeBody; // written on the server thread before freezes is incremented

    bool start()
    {
        server.route("PUT", "/admin/read-only", [this](const LoopbackRequest &r) {
            freezeBody = r.body;
            freezes.ref();
            if (hang.loadRelaxed()) {
                LoopbackResponse resp;
                resp.hang = true;
                return resp;
            }
            frozen.storeRelaxed(1);
            return LoopbackResponse::json(200, "{\"read_only\":true}");
        });
        server.route("POST", "/records", [this](const LoopbackRequest &) {
            posts.ref();
            return frozen.loadRelaxed() ? LoopbackResponse::json(423, "{\"error\":\"read-only\"}")
                                        : LoopbackResponse::json(201, "{}");
        });
        return server.listen();
    }

    std::shared_ptr<const Runbook> runbook() const
    {
        // T-7d is kStart (2027-01-15T08:00:00Z).
        const QByteArray yaml = QStringLiteral(R"(runbook: 1
name: milestone driver test
connections:
  site: {http: {base_url: "%1"}}
schedule:
  t0: "2027-01-22T08:00:00Z"
  milestones:
    - id: t-7d
      at: T-7d
      actions:
        - {id: announce, manual: Send the announcement to all users}
        - id: freeze-writes
          http: {connection: site, method: PUT, path: /admin/read-only, json: {enabled: true}}
          expect: "[STATUS] == 200"
          writes: true
      checks:
        - id: writes-frozen
          http: {connection: site, method: POST, path: /records, json: {probe: true}}
          expect: "[STATUS] == 423"
)")
                                    .arg(server.url().toString(QUrl::StripTrailingSlash))
                                    .toUtf8();
        auto r = RunbookLoader::loadText(yaml, QStringLiteral("milestone-driver-test.yaml"));
        if (!r) {
            for (const Error &e : r.error())
                qWarning("%s", qPrintable(e.toString()));
            return nullptr;
        }
        return std::make_shared<const Runbook>(std::move(*r));
    }
};

// Staging for seed B's dry run: POST /import runs the pipeline, GET /counts is the milestone's check (200
// once `countsOk`, else 503).
struct Staging
{
    LoopbackHttpServer server;
    QAtomicInt imports {0};
    QAtomicInt countsOk {0};

    bool start()
    {
        server.route("POST", "/import", [this](const LoopbackRequest &) {
            imports.ref();
            return LoopbackResponse::json(200, "{\"imported\":10}");
        });
        server.route("GET", "/counts", [this](const LoopbackRequest &) {
            return countsOk.loadRelaxed() ? LoopbackResponse::json(200, "{\"diff\":0}")
                                          : LoopbackResponse::json(503, "{\"diff\":4}");
        });
        return server.listen();
    }

    // T-3d is kStart; the maintenance window opens at T-0.
    std::shared_ptr<const Runbook> runbook() const
    {
        const QString t0
            = QDateTime::fromMSecsSinceEpoch(kStart + 3 * 24 * 60 * kMin, Qt::UTC).toString(Qt::ISODate);
        const QByteArray yaml = QStringLiteral(R"(runbook: 1
name: dry run driver test
connections:
  staging: {http: {base_url: "%1"}}
schedule:
  t0: "%2"
  milestones:
    - id: dry-run
      at: T-3d
      min_runs: 2
      actions:
        - {id: staging-import, http: {connection: staging, method: POST, path: /import}, expect: "[STATUS] == 200"}
      checks:
        - {id: counts, http: {connection: staging, method: GET, path: /counts}, expect: "[STATUS] == 200"}
  window:
    - {id: maintenance-on, start: "+0m", duration: 5m, manual: maintenance page on}
)")
                                    .arg(server.url().toString(QUrl::StripTrailingSlash), t0)
                                    .toUtf8();
        auto r = RunbookLoader::loadText(yaml, QStringLiteral("dry-run-driver-test.yaml"));
        if (!r) {
            for (const Error &e : r.error())
                qWarning("%s", qPrintable(e.toString()));
            return nullptr;
        }
        return std::make_shared<const Runbook>(std::move(*r));
    }
};

} // namespace

class tst_RunDriver : public QObject
{
    Q_OBJECT

private:
    TestPostgres m_pg;
    QString m_db;
    QTemporaryDir m_dir;
    int m_journals = 0;

    QByteArray runbookYaml(const QString &baseUrl) const
    {
        return QStringLiteral(R"(runbook: 1
name: driver test
params: {min: 95}
secrets:
  app_db_password: {required: false}
connections:
  app_db:
    postgres: {host: "%1", port: %2, database: "%3", user: "%4", ca_file: "%5", password: {secret: app_db_password}}
  svc:
    http: {base_url: "%6"}
metrics:
  value: {connection: app_db, every: 5m, query: "SELECT v FROM metric_value"}
stages:
  - id: canary
    rollout:
      - id: set-10
        http: {connection: svc, method: PUT, path: /rollout/10}
        expect: "[STATUS] == 200"
        writes: true
    soak: 1h
    gates:
      - {id: value-ok, expect: "value >= ${min}", hold: 30m}
  - id: full
    rollout:
      - id: set-100
        http: {connection: svc, method: PUT, path: /rollout/100}
        writes: true
    soak: 1h
rollback:
  target: 15m
  triggers:
    - {id: value-low, when: "value < ${min}", severity: critical, action: rollback}
  steps:
    - id: set-0
      http: {connection: svc, method: PUT, path: /rollout/0}
      expect: "[STATUS] == 200"
      writes: true
    - id: wait-v1
      wait_until:
        http: {connection: svc, path: /split}
        expect: "[BODY].v1 == 100"
        every: 1m
        timeout: 10m
)")
            .arg(m_pg.host())
            .arg(m_pg.port())
            .arg(m_db, m_pg.appUser(), m_pg.caFile(), baseUrl)
            .toUtf8();
    }

    std::shared_ptr<const Runbook> load(const QString &baseUrl)
    {
        auto r = RunbookLoader::loadText(runbookYaml(baseUrl), QStringLiteral("driver-test.yaml"));
        if (!r) {
            for (const Error &e : r.error())
                qWarning("%s", qPrintable(e.toString()));
            return nullptr;
        }
        return std::make_shared<const Runbook>(std::move(*r));
    }

    void setValue(double v)
    {
        QVERIFY(m_pg.exec(m_db, QStringLiteral("UPDATE metric_value SET v = %1").arg(v)).has_value());
    }

    std::unique_ptr<RunDriver> makeDriver(const std::shared_ptr<const Runbook> &rb, Journal *journal,
                                          FakeClock *clock, bool confirmAll)
    {
        RunDriverOptions o;
        o.lead = QStringLiteral("Dana Weber");
        o.confirmAllWrites = confirmAll;
        o.useKeychain = false;
        o.pollInterval = std::chrono::milliseconds(50);
        auto d = std::make_unique<RunDriver>(rb, journal, clock, o);
        d->provideSecret(QStringLiteral("app_db_password"), m_pg.appPassword());
        return d;
    }

    static bool settle(RunDriver &d)
    {
        QElapsedTimer t;
        t.start();
        int quiet = 0;
        while (t.elapsed() < 10000) {
            QTest::qWait(2);
            quiet = d.isBusy() ? 0 : quiet + 1;
            if (quiet >= 3)
                return true;
        }
        return false;
    }

    // Advances the fake clock to `until`, stopping at every wake-up and letting the probes answer.
    static bool runUntil(RunDriver &d, FakeClock &clock, qint64 until)
    {
        if (!settle(d))
            return false;
        while (clock.now() < until) {
            const qint64 next = std::min(clock.nextWakeAt().value_or(until), until);
            clock.advanceTo(std::max(next, clock.now()));
            if (!settle(d))
                return false;
            if (next >= until)
                break;
        }
        return true;
    }

    static QList<JournalEvent> eventsOf(Journal &j, JournalEventType type)
    {
        QList<JournalEvent> out;
        for (const JournalEvent &e : j.readAll().value_or(QList<JournalEvent> {}))
            if (e.type() == type)
                out << e;
        return out;
    }

    std::unique_ptr<Journal> newJournal()
    {
        auto j = JournalFactory::open(m_dir.filePath(QStringLiteral("run%1.journal").arg(++m_journals)));
        if (!j)
            qWarning("%s", qPrintable(j.error().message));
        return j ? std::move(*j) : nullptr;
    }

    static bool hasPending(const RunDriver &d, const QString &kind, const QString &target)
    {
        for (const PendingDecision &p : d.pending())
            if (p.kind == kind && p.target == target)
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto pg = TestPostgres::fromEnv();
        QVERIFY2(pg.has_value(), pg ? "" : qPrintable(pg.error().message));
        m_pg = *pg;
        auto db = m_pg.createDatabase(QStringLiteral("driver"));
        QVERIFY(db.has_value());
        m_db = *db;
        QVERIFY(m_pg.exec(m_db,
                          QStringLiteral("CREATE TABLE metric_value (v double precision); "
                                         "INSERT INTO metric_value VALUES (99);"))
                    .has_value());
    }

    void samplesOnIntervalsAreJournaled()
    {
        setValue(99);
        Service svc;
        QVERIFY(svc.start());
        auto rb = load(svc.server.url().toString(QUrl::StripTrailingSlash));
        QVERIFY(rb);
        auto journal = newJournal();
        QVERIFY(journal);
        FakeClock clock(kStart);
        auto d = makeDriver(rb, journal.get(), &clock, true);
        QCOMPARE(d->open().value_or(true), false);
        d->start();
        QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("canary"),
                                                QStringLiteral("Dana Weber"))));
        QVERIFY(runUntil(*d, clock, kStart + 60 * kMin));

        QCOMPARE(svc.percent.loadRelaxed(), 10);
        const auto samples = eventsOf(*journal, JournalEventType::SampleTaken);
        QCOMPARE(samples.size(), 13); // 0, 5, ..., 60 min
        for (int i = 0; i < samples.size(); ++i) {
            QCOMPARE(samples[i].at(), kStart + i * 5 * kMin);
            QCOMPARE(samples[i].payload().value(QLatin1String("metric")).toString(), QStringLiteral("value"));
            QCOMPARE(samples[i].payload().value(QLatin1String("value")).toDouble(), 99.0);
        }
        // The soak is over and the gate held 30 min: promotion is open, nothing else is pending.
        QVERIFY(hasPending(*d, QStringLiteral("promote"), QStringLiteral("canary")));
        QCOMPARE(d->status().gates.first().status.verdict, Verdict::Pass);
        QVERIFY(journal->verify().value().ok());
    }

    void triggerRunsRollbackAndReportsItsDuration()
    {
        setValue(99);
        Service svc;
        QVERIFY(svc.start());
        auto rb = load(svc.server.url().toString(QUrl::StripTrailingSlash));
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart);
        auto d = makeDriver(rb, journal.get(), &clock, true);
        QVERIFY(d->open());
        std::optional<RollbackClock> reported;
        connect(d.get(), &RunDriver::rollbackFinished, this, [&](const RollbackClock &c) { reported = c; });
        d->start();
        QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("canary"),
                                                QStringLiteral("Dana Weber"))));
        QVERIFY(runUntil(*d, clock, kStart + 20 * kMin));
        QCOMPARE(svc.percent.loadRelaxed(), 10);

        setValue(80); // the next sample (25 min) trips value-low
        QVERIFY(runUntil(*d, clock, kStart + 40 * kMin));

        QCOMPARE(eventsOf(*journal, JournalEventType::TriggerFired).size(), 1);
        QCOMPARE(eventsOf(*journal, JournalEventType::RollbackStarted).first().at(), kStart + 25 * kMin);
        QCOMPARE(svc.percent.loadRelaxed(), 0); // set-0 ran against the service
        const auto steps = eventsOf(*journal, JournalEventType::RollbackStep);
        QStringList seen;
        for (const JournalEvent &e : steps)
            seen << e.payload().value(QLatin1String("step")).toString() + QLatin1Char('=')
                    + e.payload().value(QLatin1String("status")).toString();
        QCOMPARE(seen,
                 (QStringList {QStringLiteral("set-0=started"), QStringLiteral("set-0=ok"),
                               QStringLiteral("wait-v1=started"), QStringLiteral("wait-v1=ok")}));
        const auto fin = eventsOf(*journal, JournalEventType::RollbackFinished);
        QCOMPARE(fin.size(), 1);
        QCOMPARE(fin.first().payload().value(QLatin1String("elapsed_ms")).toDouble(),
                 double(kMin)); // one poll interval
        QCOMPARE(fin.first().payload().value(QLatin1String("target_ms")).toDouble(), double(15 * kMin));
        QVERIFY(fin.first().payload().value(QLatin1String("within_target")).toBool());
        QVERIFY(reported);
        QCOMPARE(reported->elapsed.count(), kMin);
        QCOMPARE(reported->target.count(), 15 * kMin);
        QCOMPARE(d->state().phase(), RunState::Phase::RolledBack);
    }

    void writingActionsWaitForConfirmation()
    {
        setValue(99);
        Service svc;
        QVERIFY(svc.start());
        auto rb = load(svc.server.url().toString(QUrl::StripTrailingSlash));
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart);
        auto d = makeDriver(rb, journal.get(), &clock, false);
        QVERIFY(d->open());
        d->start();
        QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("canary"),
                                                QStringLiteral("Dana Weber"))));
        QVERIFY(runUntil(*d, clock, kStart + 30 * kMin));
        QCOMPARE(svc.puts.loadRelaxed(), 0);
        QVERIFY(eventsOf(*journal, JournalEventType::ActionRun).isEmpty());
        QVERIFY(hasPending(*d, QStringLiteral("confirm_write"), QStringLiteral("set-10")));
        QVERIFY(!d->state().stage().soakStart);

        d->confirmWrite(QStringLiteral("set-10"));
        QVERIFY(settle(*d));
        QCOMPARE(svc.puts.loadRelaxed(), 1);
        QCOMPARE(svc.percent.loadRelaxed(), 10);
        QVERIFY(!hasPending(*d, QStringLiteral("confirm_write"), QStringLiteral("set-10")));
        QCOMPARE(d->state().stage().soakStart.value_or(0), kStart + 30 * kMin);
    }

    void noActionRunsTwiceAcrossARestart()
    {
        setValue(99);
        Service svc;
        QVERIFY(svc.start());
        svc.hangPuts.storeRelaxed(1);
        auto rb = load(svc.server.url().toString(QUrl::StripTrailingSlash));
        QVERIFY(rb);
        auto journal = newJournal();
        const QString path = journal->location();
        FakeClock clock(kStart);
        QString runId;
        {
            auto d = makeDriver(rb, journal.get(), &clock, true);
            QVERIFY(d->open());
            runId = d->runId();
            d->start();
            QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("canary"),
                                                    QStringLiteral("Dana Weber"))));
            QTRY_COMPARE(svc.puts.loadRelaxed(), 1);
            QCOMPARE(d->state().stage().rollout.value(QStringLiteral("set-10")).status,
                     QStringLiteral("started"));
            // The cockpit dies while the PUT is under way.
        }
        journal.reset();
        svc.hangPuts.storeRelaxed(0);

        auto reopened = JournalFactory::open(m_dir.filePath(QStringLiteral("run%1.journal").arg(m_journals)));
        QVERIFY(reopened);
        FakeClock later(kStart + 10 * kMin);
        auto d = makeDriver(rb, reopened->get(), &later, true);
        QCOMPARE(d->open().value_or(false), true); // resumed, not a new run
        QCOMPARE(d->runId(), runId);
        d->start();
        QVERIFY(runUntil(*d, later, kStart + 30 * kMin));
        QCOMPARE(svc.puts.loadRelaxed(), 1); // never re-run by itself
        QVERIFY(hasPending(*d, QStringLiteral("action"), QStringLiteral("set-10")));
        const auto notes = eventsOf(**reopened, JournalEventType::Note);
        QVERIFY(
            notes.last().payload().value(QLatin1String("text")).toString().contains(QLatin1String("set-10")));

        // A person checks and says: it did not happen, run it again. It runs once more, and only once.
        QVERIFY(d->apply(RunCommands::decide(d->state(), later.now(), QStringLiteral("action"),
                                             QStringLiteral("set-10"), false, QStringLiteral("Ravi Patel"),
                                             QStringLiteral("not applied"))));
        QVERIFY(settle(*d));
        QCOMPARE(svc.puts.loadRelaxed(), 2);
        QCOMPARE(svc.percent.loadRelaxed(), 10);
        QCOMPARE(d->state().stage().rollout.value(QStringLiteral("set-10")).status, QStringLiteral("ok"));
        QVERIFY(runUntil(*d, later, kStart + 60 * kMin));
        QCOMPARE(svc.puts.loadRelaxed(), 2);
        QVERIFY(!hasPending(*d, QStringLiteral("action"), QStringLiteral("set-10")));
        QVERIFY((*reopened)->verify().value().ok());
        Q_UNUSED(path);
    }

    void milestoneActionsRunOverHttpInOrder()
    {
        Site site;
        QVERIFY(site.start());
        auto rb = site.runbook();
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart + 5 * kMin); // the run starts 5 min after T-7d
        auto d = makeDriver(rb, journal.get(), &clock, false);
        QVERIFY(d->open());
        d->start();
        QVERIFY(settle(*d));
        // The manual announcement comes first: nothing is sent before a named person confirms it.
        QVERIFY(hasPending(*d, QStringLiteral("schedule"), QStringLiteral("announce")));
        QCOMPARE(site.freezes.loadRelaxed(), 0);
        QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                             QStringLiteral("announce"), true, QStringLiteral("Ole Hansen"),
                                             QStringLiteral("mail sent"))));
        QVERIFY(runUntil(*d, clock, clock.now() + 10 * kMin));
        // The write waits for the lead's confirmation; the checks wait for the write.
        QVERIFY(hasPending(*d, QStringLiteral("confirm_write"), QStringLiteral("freeze-writes")));
        QCOMPARE(site.freezes.loadRelaxed(), 0);
        QCOMPARE(site.posts.loadRelaxed(), 0);

        d->confirmWrite(QStringLiteral("freeze-writes"));
        QVERIFY(settle(*d));
        QCOMPARE(site.freezes.loadRelaxed(), 1);
        QVERIFY2(site.freezeBody.contains("\"enabled\":true"), site.freezeBody.constData());
        QCOMPARE(site.posts.loadRelaxed(), 1); // the check ran after the action
        QVERIFY(d->pending().isEmpty());

        QStringList seen;
        for (const JournalEvent &e : eventsOf(*journal, JournalEventType::ActionRun)) {
            const QJsonObject &p = e.payload();
            QCOMPARE(p.value(QLatin1String("phase")).toString(), QStringLiteral("schedule"));
            seen << p.value(QLatin1String("milestone")).toString() + QLatin1Char(':')
                    + p.value(QLatin1String("action")).toString() + QLatin1Char(' ')
                    + p.value(QLatin1String("status")).toString();
        }
        QCOMPARE(seen,
                 (QStringList {QStringLiteral(":t-7d started"), QStringLiteral("t-7d:announce started"),
                               QStringLiteral("t-7d:freeze-writes started"),
                               QStringLiteral("t-7d:freeze-writes ok"), QStringLiteral(":t-7d ok")}));
        const auto runs = eventsOf(*journal, JournalEventType::ActionRun);
        const QJsonObject put = runs[3].payload().value(QLatin1String("detail")).toObject();
        QCOMPARE(put.value(QLatin1String("method")).toString(), QStringLiteral("PUT"));
        QCOMPARE(put.value(QLatin1String("status")).toInt(), 200);
        const QJsonObject end = runs.last().payload().value(QLatin1String("detail")).toObject();
        QCOMPARE(qint64(end.value(QLatin1String("late_ms")).toDouble()), 15 * kMin);
        const auto item = d->state().schedule().item(QStringLiteral("t-7d"));
        QVERIFY(item && item->actualEnd && !item->failed);
        QCOMPARE(item->startLateness(), std::optional<Milliseconds>(Milliseconds(5 * kMin)));
        QCOMPARE(item->completionLateness(), std::optional<Milliseconds>(Milliseconds(15 * kMin)));
        const QString text = RunStatusView::toText(d->state(), d->status(), clock.now());
        QVERIFY2(text.contains(QLatin1String("announce accepted, freeze-writes ok")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("complete 15m 00s late")), qPrintable(text));
        QVERIFY(journal->verify().value().ok());
    }

    void milestoneWriteIsNotRerunAfterARestart()
    {
        Site site;
        QVERIFY(site.start());
        site.hang.storeRelaxed(1);
        auto rb = site.runbook();
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart);
        {
            auto d = makeDriver(rb, journal.get(), &clock, true);
            QVERIFY(d->open());
            d->start();
            QVERIFY(settle(*d));
            QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                                 QStringLiteral("announce"), true,
                                                 QStringLiteral("Ole Hansen"), QStringLiteral("mail sent"))));
            QTRY_COMPARE(site.freezes.loadRelaxed(), 1);
            // The cockpit dies while the PUT is under way.
        }
        journal.reset();
        site.hang.storeRelaxed(0);

        auto reopened = JournalFactory::open(m_dir.filePath(QStringLiteral("run%1.journal").arg(m_journals)));
        QVERIFY(reopened);
        FakeClock later(kStart + 10 * kMin);
        auto d = makeDriver(rb, reopened->get(), &later, true);
        QCOMPARE(d->open().value_or(false), true);
        d->start();
        QVERIFY(runUntil(*d, later, kStart + 30 * kMin));
        QCOMPARE(site.freezes.loadRelaxed(), 1); // never re-run by itself
        QCOMPARE(site.posts.loadRelaxed(), 0); // nor does the milestone go on to its checks
        QVERIFY(hasPending(*d, QStringLiteral("schedule"), QStringLiteral("freeze-writes")));
        QVERIFY(!hasPending(*d, QStringLiteral("schedule"), QStringLiteral("t-7d")));

        // Retry: it runs once more, then the checks; the milestone is done.
        QVERIFY(d->apply(RunCommands::decide(d->state(), later.now(), QStringLiteral("schedule"),
                                             QStringLiteral("t-7d/freeze-writes"), false,
                                             QStringLiteral("Ravi Patel"), QStringLiteral("not applied"))));
        QVERIFY(settle(*d));
        QCOMPARE(site.freezes.loadRelaxed(), 2);
        QCOMPARE(site.posts.loadRelaxed(), 1);
        const auto item = d->state().schedule().item(QStringLiteral("t-7d"));
        QVERIFY(item && item->actualEnd && !item->failed);
        QVERIFY(d->pending().isEmpty());
        QVERIFY((*reopened)->verify().value().ok());
    }

    void dryRunRunsAgainAndHoldsT0UntilPassedTwice()
    {
        Staging staging;
        QVERIFY(staging.start());
        auto rb = staging.runbook();
        QVERIFY(rb);
        auto journal = newJournal();
        const qint64 t0 = kStart + 3 * 24 * 60 * kMin;
        FakeClock clock(kStart);
        {
            auto d = makeDriver(rb, journal.get(), &clock, false);
            QVERIFY(d->open());
            d->start();
            QVERIFY(settle(*d));
            // The first run: the import, then the check fails. A person is asked to run it again.
            QCOMPARE(staging.imports.loadRelaxed(), 1);
            auto item = d->state().schedule().item(QStringLiteral("dry-run"));
            QVERIFY(item && item->actualEnd && item->failed);
            QVERIFY(hasPending(*d, QStringLiteral("schedule"), QStringLiteral("dry-run")));
            QString text = RunStatusView::toText(d->state(), d->status(), clock.now());
            QVERIFY2(text.contains(QLatin1String("passed 0 of 2 runs")), qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("T-0 held: milestone dry-run: 0 of 2 required runs passed")),
                     qPrintable(text));

            staging.countsOk.storeRelaxed(1);
            QVERIFY(d->apply(RunCommands::decide(
                d->state(), clock.now(), QStringLiteral("schedule"), QStringLiteral("dry-run"), false,
                QStringLiteral("Ole Hansen"), QStringLiteral("staging DB restarted"))));
            QVERIFY(settle(*d));
            QCOMPARE(staging.imports.loadRelaxed(), 2);
            item = d->state().schedule().item(QStringLiteral("dry-run"));
            QVERIFY(item && item->actualEnd && !item->failed);
            QCOMPARE(item->okRuns, 1);

            // T-0: the window step is held; status says why.
            QVERIFY(runUntil(*d, clock, t0 + 5 * kMin));
            QVERIFY(!d->state().schedule().item(QStringLiteral("maintenance-on"))->actualStart);
            QVERIFY(!hasPending(*d, QStringLiteral("schedule"), QStringLiteral("maintenance-on")));
            const QJsonObject json = RunStatusView::toJson(d->state(), d->status(), clock.now());
            QCOMPARE(json.value(QLatin1String("t0_blockers")).toArray().first().toString(),
                     QStringLiteral("milestone dry-run: 1 of 2 required runs passed"));
            const QJsonObject dry = json.value(QLatin1String("schedule")).toArray().first().toObject();
            QCOMPARE(dry.value(QLatin1String("id")).toString(), QStringLiteral("dry-run"));
            QCOMPARE(dry.value(QLatin1String("runs_text")).toString(), QStringLiteral("passed 1 of 2 runs"));
            QCOMPARE(dry.value(QLatin1String("runs")).toInt(), 2);
            text = RunStatusView::toText(d->state(), d->status(), clock.now());
            QVERIFY2(text.contains(QLatin1String("held (T-0)")), qPrintable(text));
            // The cockpit stops here.
        }
        journal.reset();

        // Resumed from the journal alone: the same runs, the same pending decision; the second run releases
        // T-0.
        auto reopened = JournalFactory::open(m_dir.filePath(QStringLiteral("run%1.journal").arg(m_journals)));
        QVERIFY(reopened);
        auto d = makeDriver(rb, reopened->get(), &clock, false);
        QCOMPARE(d->open().value_or(false), true);
        d->start();
        QVERIFY(settle(*d));
        QCOMPARE(staging.imports.loadRelaxed(), 2); // nothing re-run by itself
        QCOMPARE(d->state().schedule().item(QStringLiteral("dry-run"))->okRuns, 1);
        QVERIFY(hasPending(*d, QStringLiteral("schedule"), QStringLiteral("dry-run")));
        QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                             QStringLiteral("dry-run"), false, QStringLiteral("Ole Hansen"),
                                             QStringLiteral("second passing run"))));
        QVERIFY(settle(*d));
        QCOMPARE(staging.imports.loadRelaxed(), 3);
        QCOMPARE(d->state().schedule().item(QStringLiteral("dry-run"))->okRuns, 2);
        QVERIFY(d->status().t0Blockers.isEmpty());
        // The manual window step starts now (10 min late) and waits for a person.
        QCOMPARE(d->state().schedule().item(QStringLiteral("maintenance-on"))->actualStart,
                 std::optional<qint64>(clock.now()));
        QVERIFY(hasPending(*d, QStringLiteral("schedule"), QStringLiteral("maintenance-on")));
        QVERIFY(!hasPending(*d, QStringLiteral("schedule"), QStringLiteral("dry-run")));
        const QString text = RunStatusView::toText(d->state(), d->status(), clock.now());
        QVERIFY2(text.contains(QLatin1String("passed 2 of 2 runs")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("T-0 held")), qPrintable(text));
        QVERIFY((*reopened)->verify().value().ok());
    }

    void statusCommandsReadTheRunbookFromTheJournal()
    {
        Service svc;
        QVERIFY(svc.start());
        auto rb = load(svc.server.url().toString(QUrl::StripTrailingSlash));
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart);
        auto d = makeDriver(rb, journal.get(), &clock, true);
        QVERIFY(d->open());
        const auto events = journal->readAll().value();
        QCOMPARE(RunCommands::unfinishedRun(events, QStringLiteral("driver test")), d->runId());
        auto stored = RunCommands::runbookFromJournal(events, d->runId());
        QVERIFY(stored);
        QCOMPARE((*stored)->stages.size(), 2);
        QCOMPARE((*stored)->rollback.steps.size(), 2);
        QCOMPARE((*stored)->params.value(QStringLiteral("min")), QStringLiteral("95"));
    }
};

QTEST_GUILESS_MAIN(tst_RunDriver)
#include "tst_RunDriver.moc"
