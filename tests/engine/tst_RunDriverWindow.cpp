// Maintenance-window steps driven by the real RunDriver: check steps (read-only, their verdict is the
// step's result, a failure asks for a decision) and `after:` (a step waits for the ones it names; a failed
// or skipped one holds its dependants, which never reach the server). Against a loopback HTTP service and
// the fixture PostgreSQL, with a SQLite journal; only the clock is fake.

#include "core/runbook/RunbookLoader.h"
#include "demo/LoopbackHttpServer.h"
#include "engine/RunCommands.h"
#include "engine/RunDriver.h"
#include "engine/RunStatusView.h"
#include "engine/SnapshotBuilder.h"
#include "store/JournalFactory.h"
#include "support/DriverSteps.h"
#include "support/ExpectValue.h"
#include "support/FakeClock.h"
#include "support/TestPostgres.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kT0 = 1800000000000;

// The application under maintenance: every path counts its requests on the server side.
struct App
{
    LoopbackHttpServer server;
    QAtomicInt syncs {0};
    QAtomicInt syncFails {0}; // 1: PUT /sync answers 500
    QAtomicInt progressPolls {0};
    QAtomicInt switches {0};
    QAtomicInt notices {0};
    QAtomicInt smokes {0};
    QAtomicInt leaks {0};

    bool start()
    {
        server.route("PUT", "/sync", [this](const LoopbackRequest &) {
            syncs.ref();
            return syncFails.loadRelaxed() ? LoopbackResponse::json(500, "{\"error\":\"replica lag\"}")
                                           : LoopbackResponse::json(200, "{}");
        });
        // Done from the tenth poll on (one a minute: the sync takes nine minutes).
        server.route("GET", "/progress", [this](const LoopbackRequest &) {
            const int n = progressPolls.fetchAndAddRelaxed(1) + 1;
            return LoopbackResponse::json(200, n >= 10 ? "{\"done\":true}" : "{\"done\":false}");
        });
        server.route("PUT", "/switch", [this](const LoopbackRequest &) {
            switches.ref();
            return LoopbackResponse::json(200, "{}");
        });
        server.route("PUT", "/notice", [this](const LoopbackRequest &) {
            notices.ref();
            return LoopbackResponse::json(200, "{}");
        });
        server.route("GET", "/smoke/isolation", [this](const LoopbackRequest &) {
            smokes.ref();
            return LoopbackResponse::json(
                200, QByteArray("{\"leaks\":") + QByteArray::number(leaks.loadRelaxed()) + "}");
        });
        return server.listen();
    }
    QString url() const { return server.url().toString(QUrl::StripTrailingSlash); }
};

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QStringList steps(Journal &j)
{
    QStringList out;
    for (const JournalEvent &e : journalEventsOf(j, JournalEventType::ActionRun))
        out << e.payload().value(QLatin1String("action")).toString() + QLatin1Char(' ')
                + e.payload().value(QLatin1String("status")).toString();
    return out;
}

QJsonObject lastDetail(Journal &j, const QString &action)
{
    QJsonObject d;
    for (const JournalEvent &e : journalEventsOf(j, JournalEventType::ActionRun))
        if (e.payload().value(QLatin1String("action")).toString() == action)
            d = e.payload().value(QLatin1String("detail")).toObject();
    return d;
}

} // namespace

class tst_RunDriverWindow : public QObject
{
    Q_OBJECT

private:
    TestPostgres m_pg;
    QString m_db;
    QTemporaryDir m_dir;
    int m_journals = 0;

    std::shared_ptr<const Runbook> load(const QString &window, const App &app)
    {
        const QString yaml = QStringLiteral("runbook: 1\n"
                                            "name: window steps\n"
                                            "secrets:\n"
                                            "  db_password: {required: false}\n"
                                            "connections:\n"
                                            "  app: {http: {base_url: \"%1\"}}\n"
                                            "  app_db:\n"
                                            "    postgres: {host: \"%2\", port: %3, database: %4, user: %5,\n"
                                            "               password: {secret: db_password}}\n"
                                            "schedule:\n"
                                            "  t0: \"%6\"\n"
                                            "  window:\n")
                                 .arg(app.url(), m_pg.host())
                                 .arg(m_pg.port())
                                 .arg(m_db, m_pg.appUser(), iso(kT0))
            + window;
        auto r = RunbookLoader::loadText(yaml.toUtf8(), QStringLiteral("window.yaml"));
        if (!r) {
            for (const Error &e : r.error())
                qWarning("%s", qPrintable(e.toString()));
            return nullptr;
        }
        return std::make_shared<const Runbook>(std::move(*r));
    }

    std::unique_ptr<RunDriver> makeDriver(const std::shared_ptr<const Runbook> &rb, Journal *journal,
                                          FakeClock *clock)
    {
        RunDriverOptions o;
        o.lead = QStringLiteral("Dana Weber");
        o.confirmAllWrites = true;
        o.useKeychain = false;
        o.pollInterval = std::chrono::milliseconds(50);
        auto d = std::make_unique<RunDriver>(rb, journal, clock, o);
        d->provideSecret(QStringLiteral("db_password"), m_pg.appPassword());
        return d;
    }

    std::unique_ptr<Journal> newJournal()
    {
        auto j = JournalFactory::open(m_dir.filePath(QStringLiteral("window%1.journal").arg(++m_journals)));
        if (!j)
            qWarning("%s", qPrintable(j.error().message));
        return j ? std::move(*j) : nullptr;
    }

    static QString decideError(const RunCommand &c) { return c ? QString() : c.error().message; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
        // Two profiles without an account: the orphans a consistency check step looks for.
        auto db = m_pg.createDatabase(QStringLiteral("window"),
                                      QStringLiteral("CREATE TABLE users (id int);\n"
                                                     "INSERT INTO users VALUES (1), (2);\n"
                                                     "CREATE TABLE profiles (id int, email text);\n"
                                                     "INSERT INTO profiles VALUES (1, 'a@example.com'), "
                                                     "(2, 'b@example.com'), (7, 'g@example.com'), "
                                                     "(9, 'i@example.com');\n"));
        QVERIFY_VALUE(db);
        m_db = *db;
    }

    void passingCheckStepEndsOkWithoutAConfirmation()
    {
        App app;
        QVERIFY(app.start());
        auto rb = load(QStringLiteral("    - id: smoke-isolation\n"
                                      "      start: \"+0m\"\n"
                                      "      check:\n"
                                      "        http: {connection: app, path: /smoke/isolation}\n"
                                      "        expect: [\"[STATUS] == 200\", \"[BODY].leaks == 0\"]\n"),
                       app);
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kT0);
        RunDriverOptions o;
        o.lead = QStringLiteral("Dana Weber");
        o.confirmAllWrites = false; // a check step reads: nothing to confirm
        o.useKeychain = false;
        RunDriver d(rb, journal.get(), &clock, o);
        QVERIFY(d.open());
        d.start();
        QVERIFY(runDriverUntil(d, clock, kT0 + 5 * kMin));
        QCOMPARE(app.smokes.loadRelaxed(), 1);
        QCOMPARE(
            steps(*journal),
            (QStringList {QStringLiteral("smoke-isolation started"), QStringLiteral("smoke-isolation ok")}));
        const QJsonObject detail = lastDetail(*journal, QStringLiteral("smoke-isolation"));
        QVERIFY(detail.value(QLatin1String("check")).toBool());
        QCOMPARE(detail.value(QLatin1String("verdict")).toString(), QStringLiteral("pass"));
        QCOMPARE(detail.value(QLatin1String("summary")).toString(),
                 QStringLiteral("[STATUS] (200) == 200; [BODY].leaks (0) == 0"));
        const auto fin = journalEventsOf(*journal, JournalEventType::RunFinished);
        QCOMPARE(fin.size(), 1);
        QCOMPARE(fin.first().payload().value(QLatin1String("outcome")).toString(),
                 QStringLiteral("completed"));
    }

    void failingCheckStepsAskForADecisionAndJournalWhatTheySaw()
    {
        App app;
        QVERIFY(app.start());
        app.leaks.storeRelaxed(3);
        auto rb = load(
            QStringLiteral("    - id: smoke-isolation\n"
                           "      start: \"+0m\"\n"
                           "      check:\n"
                           "        http: {connection: app, path: /smoke/isolation}\n"
                           "        expect: \"[BODY].leaks == 0\"\n"
                           "    - id: orphans\n"
                           "      start: \"+0m\"\n"
                           "      check:\n"
                           "        sql: {connection: app_db, query: \"SELECT p.id, p.email FROM profiles p "
                           "LEFT JOIN users u ON u.id = p.id WHERE u.id IS NULL ORDER BY p.id\"}\n"
                           "        expect: \"[ROWS] == 0\"\n"),
            app);
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kT0);
        auto d = makeDriver(rb, journal.get(), &clock);
        QVERIFY(d->open());
        d->start();
        QVERIFY(runDriverUntil(*d, clock, kT0 + 10 * kMin));
        QCOMPARE(app.smokes.loadRelaxed(), 1); // run once, not retried on its own
        const QJsonObject smoke = lastDetail(*journal, QStringLiteral("smoke-isolation"));
        QCOMPARE(smoke.value(QLatin1String("verdict")).toString(), QStringLiteral("fail"));
        QCOMPARE(smoke.value(QLatin1String("summary")).toString(), QStringLiteral("[BODY].leaks (3) == 0"));
        const QJsonObject orphans = lastDetail(*journal, QStringLiteral("orphans"));
        QCOMPARE(orphans.value(QLatin1String("verdict")).toString(), QStringLiteral("fail"));
        QCOMPARE(
            orphans.value(QLatin1String("summary")).toString(),
            QStringLiteral("[ROWS] (2) == 0; first 2 of 2 rows: (7, g@example.com); (9, i@example.com)"));
        // A failed check is a failed step: a decision, never a silent success.
        QVERIFY(hasPendingDecision(*d, QStringLiteral("schedule"), QStringLiteral("smoke-isolation")));
        QVERIFY(hasPendingDecision(*d, QStringLiteral("schedule"), QStringLiteral("orphans")));
        QVERIFY(journalEventsOf(*journal, JournalEventType::RunFinished).isEmpty());

        // Skip the orphans for a manual review, run the isolation check again once fixed: it passes.
        QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                             QStringLiteral("orphans"), true, QStringLiteral("Dana Weber"),
                                             QStringLiteral("two test profiles, reviewed by hand"))));
        app.leaks.storeRelaxed(0);
        QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                             QStringLiteral("smoke-isolation"), false,
                                             QStringLiteral("Dana Weber"), QStringLiteral("policy fixed"))));
        QVERIFY(runDriverUntil(*d, clock, clock.now() + kMin));
        QCOMPARE(app.smokes.loadRelaxed(), 2);
        QCOMPARE(lastDetail(*journal, QStringLiteral("smoke-isolation"))
                     .value(QLatin1String("verdict"))
                     .toString(),
                 QStringLiteral("pass"));
        QVERIFY(!hasPendingDecision(*d, QStringLiteral("schedule"), QStringLiteral("smoke-isolation")));
        QVERIFY(journal->verify().value().ok());
    }

    void dependantOfAFailedStepNeverRuns()
    {
        App app;
        QVERIFY(app.start());
        app.syncFails.storeRelaxed(1);
        auto rb = load(
            QStringLiteral("    - {id: sync, start: \"+0m\", http: {connection: app, method: PUT, path: "
                           "/sync}, expect: \"[STATUS] == 200\", writes: true}\n"
                           "    - {id: switch, start: \"+5m\", after: [sync], http: {connection: app, "
                           "method: PUT, path: /switch}, expect: \"[STATUS] == 200\", writes: true}\n"
                           "    - {id: smoke, start: \"+10m\", after: switch, check: {http: {connection: "
                           "app, path: /smoke/isolation}, expect: \"[STATUS] == 200\"}}\n"
                           "    - {id: notice, start: \"+10m\", http: {connection: app, method: PUT, "
                           "path: /notice}, expect: \"[STATUS] == 200\", writes: true}\n"),
            app);
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kT0);
        auto d = makeDriver(rb, journal.get(), &clock);
        QVERIFY(d->open());
        d->start();
        QVERIFY(runDriverUntil(*d, clock, kT0 + 20 * kMin));
        QCOMPARE(app.syncs.loadRelaxed(), 1);
        QCOMPARE(app.switches.loadRelaxed(), 0);
        QVERIFY(hasPendingDecision(*d, QStringLiteral("schedule"), QStringLiteral("sync")));
        // While sync waits for its decision, its dependants are shown held, and no decision is asked on them.
        QCOMPARE(d->status().heldSteps.value(QStringLiteral("switch")), QStringLiteral("held: sync failed"));
        QCOMPARE(d->status().heldSteps.value(QStringLiteral("smoke")),
                 QStringLiteral("held: switch is held (sync failed)"));
        QVERIFY(!hasPendingDecision(*d, QStringLiteral("schedule"), QStringLiteral("switch")));

        // Skipping sync lets the step that does not depend on it run; switch and smoke stay held.
        QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                             QStringLiteral("sync"), true, QStringLiteral("Dana Weber"),
                                             QStringLiteral("replica will not catch up tonight"))));
        QVERIFY(runDriverUntil(*d, clock, kT0 + 90 * kMin));
        QCOMPARE(app.notices.loadRelaxed(), 1);
        QCOMPARE(app.switches.loadRelaxed(), 0);
        QCOMPARE(app.smokes.loadRelaxed(), 0);
        QCOMPARE(d->status().heldSteps.value(QStringLiteral("switch")),
                 QStringLiteral("held: sync was skipped by Dana Weber"));
        const QString text = RunStatusView::toText(d->state(), d->status(), clock.now());
        QVERIFY2(text.contains(QStringLiteral("held: sync was skipped by Dana Weber")), qPrintable(text));
        QVERIFY(hasPendingDecision(*d, QStringLiteral("schedule"), QStringLiteral("switch")));
        QVERIFY(journalEventsOf(*journal, JournalEventType::RunFinished).isEmpty());
        // The window's views get it from the snapshot.
        SnapshotBuilder snapshots;
        const RunSnapshotPtr snap = snapshots.build(d->state(), d->status(), clock.now(), {});
        QString held;
        for (const ScheduleSnapshot &ss : snap->schedule)
            if (ss.id == QLatin1String("switch"))
                held = ss.held;
        QCOMPARE(held, QStringLiteral("held: sync was skipped by Dana Weber"));

        // A held step cannot be run anyway; it can only be skipped, and its own dependant is held by that.
        const RunCommand retry = RunCommands::decide(
            d->state(), clock.now(), QStringLiteral("schedule"), QStringLiteral("switch"), false,
            QStringLiteral("Dana Weber"), QStringLiteral("try anyway"));
        QVERIFY(!retry);
        QVERIFY2(decideError(retry).contains(QStringLiteral("skip it too")), qPrintable(decideError(retry)));
        QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                             QStringLiteral("switch"), true, QStringLiteral("Dana Weber"),
                                             QStringLiteral("no switch without the sync"))));
        QVERIFY(runDriverUntil(*d, clock, clock.now() + kMin));
        QCOMPARE(d->status().heldSteps.value(QStringLiteral("smoke")),
                 QStringLiteral("held: switch was skipped by Dana Weber"));
        QVERIFY(d->apply(RunCommands::decide(d->state(), clock.now(), QStringLiteral("schedule"),
                                             QStringLiteral("smoke"), true, QStringLiteral("Dana Weber"),
                                             QStringLiteral("nothing switched"))));
        QVERIFY(runDriverUntil(*d, clock, clock.now() + kMin));

        // The server never saw the dependants; the run ends saying what was skipped and why.
        QCOMPARE(app.switches.loadRelaxed(), 0);
        QCOMPARE(app.smokes.loadRelaxed(), 0);
        QCOMPARE(app.syncs.loadRelaxed(), 1);
        const auto fin = journalEventsOf(*journal, JournalEventType::RunFinished);
        QCOMPARE(fin.size(), 1);
        const QJsonObject p = fin.first().payload();
        QCOMPARE(p.value(QLatin1String("outcome")).toString(), QStringLiteral("completed_with_failures"));
        const QString reason = p.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("window step switch held (never ran), skipped by Dana Weber: "
                                                "no switch without the sync")),
                 qPrintable(reason));
        QVERIFY2(reason.contains(QStringLiteral("window step sync failed, skipped by Dana Weber")),
                 qPrintable(reason));
        QVERIFY(!steps(*journal).contains(QStringLiteral("switch started")));
        QVERIFY(journal->verify().value().ok());
    }

    void dependantWaitsUntilItsStepEnded()
    {
        App app;
        QVERIFY(app.start());
        auto rb = load(
            QStringLiteral("    - id: sync\n"
                           "      start: \"+0m\"\n"
                           "      wait_until:\n"
                           "        http: {connection: app, path: /progress}\n"
                           "        expect: \"[BODY].done == true\"\n"
                           "        every: 1m\n"
                           "        timeout: 30m\n"
                           "    - {id: switch, start: \"+5m\", after: sync, http: {connection: app, "
                           "method: PUT, path: /switch}, expect: \"[STATUS] == 200\", writes: true}\n"),
            app);
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kT0);
        auto d = makeDriver(rb, journal.get(), &clock);
        QVERIFY(d->open());
        d->start();
        QVERIFY(runDriverUntil(*d, clock, kT0 + 6 * kMin));
        // Its time has come, the sync has not ended: switch waits, late, and nothing is asked.
        QCOMPARE(app.switches.loadRelaxed(), 0);
        QCOMPARE(d->status().heldSteps.value(QStringLiteral("switch")), QStringLiteral("waiting for sync"));
        QVERIFY(!hasPendingDecision(*d, QStringLiteral("schedule"), QStringLiteral("switch")));

        QVERIFY(runDriverUntil(*d, clock, kT0 + 20 * kMin));
        QCOMPARE(app.progressPolls.loadRelaxed(), 10);
        QCOMPARE(app.switches.loadRelaxed(), 1);
        qint64 syncEnd = 0, switchStart = 0;
        for (const JournalEvent &e : journalEventsOf(*journal, JournalEventType::ActionRun)) {
            const QString what = e.payload().value(QLatin1String("action")).toString() + QLatin1Char(' ')
                + e.payload().value(QLatin1String("status")).toString();
            if (what == QLatin1String("sync ok"))
                syncEnd = e.at();
            if (what == QLatin1String("switch started"))
                switchStart = e.at();
        }
        QCOMPARE(syncEnd, kT0 + 9 * kMin);
        QCOMPARE(switchStart, syncEnd);
        QVERIFY(d->status().heldSteps.isEmpty());
        QCOMPARE(journalEventsOf(*journal, JournalEventType::RunFinished).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_RunDriverWindow)
#include "tst_RunDriverWindow.moc"
