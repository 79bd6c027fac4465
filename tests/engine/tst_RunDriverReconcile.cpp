// RunDriver running checks that name a reconciliation (`reconcile: ID`) in a stage's verify step, a gate
// and a milestone, against two databases of the fixture PostgreSQL; a real SQLite journal, a fake clock.
// Also what must not happen: a target connection killed mid-reconcile never journals a pass, a hostile
// column name is quoted, and stopping the driver mid-reconcile journals nothing more.

#include "core/runbook/RunbookLoader.h"
#include "engine/RunDriver.h"
#include "store/JournalFactory.h"
#include "support/ExpectValue.h"
#include "support/FakeClock.h"
#include "support/TestPostgres.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kStart = 1800000000000;

} // namespace

class tst_RunDriverReconcile : public QObject
{
    Q_OBJECT

private:
    TestPostgres m_pg;
    QString m_src;
    QString m_dst;
    QTemporaryDir m_dir;
    int m_journals = 0;

    QString connection(const QString &db) const
    {
        return QStringLiteral("{postgres: {host: \"%1\", port: %2, database: \"%3\", user: \"%4\", ca_file: "
                              "\"%5\", password: {secret: db_pw}}}")
            .arg(m_pg.host())
            .arg(m_pg.port())
            .arg(db, m_pg.appUser(), m_pg.caFile());
    }

    std::shared_ptr<const Runbook> load(const QString &body)
    {
        const QString yaml = QStringLiteral("runbook: 1\nname: reconcile driver test\nsecrets:\n  db_pw: "
                                            "{required: false}\nconnections:\n  src: %1\n  dst: %2\n")
                                 .arg(connection(m_src), connection(m_dst))
            + body;
        auto r = RunbookLoader::loadText(yaml.toUtf8(), QStringLiteral("reconcile-driver-test.yaml"));
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
        o.useKeychain = false;
        o.pollInterval = std::chrono::milliseconds(50);
        auto d = std::make_unique<RunDriver>(rb, journal, clock, o);
        d->provideSecret(QStringLiteral("db_pw"), m_pg.appPassword());
        return d;
    }

    std::unique_ptr<Journal> newJournal()
    {
        auto j = JournalFactory::open(m_dir.filePath(QStringLiteral("run%1.journal").arg(++m_journals)));
        if (!j)
            qWarning("%s", qPrintable(j.error().message));
        return j ? std::move(*j) : nullptr;
    }

    // Waits (on events, generously) until the driver has nothing in flight.
    static bool settle(RunDriver &d)
    {
        for (int quiet = 0, rounds = 0; rounds < 30000; ++rounds) {
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

    static QString str(const JournalEvent &e, const char *key)
    {
        return e.payload().value(QLatin1String(key)).toString();
    }

    // "reconciliation:status" of the reconciliation events and "check=verdict" of the check events, in order.
    static QStringList story(Journal &j)
    {
        QStringList out;
        for (const JournalEvent &e : j.readAll().value_or(QList<JournalEvent> {})) {
            if (e.type() == JournalEventType::Reconciliation && str(e, "status") != u"progress")
                out << str(e, "reconciliation") + QLatin1Char(':') + str(e, "status");
            else if (e.type() == JournalEventType::CheckObserved)
                out << str(e, "check") + QLatin1Char('=') + str(e, "verdict");
        }
        return out;
    }

    static QJsonObject finished(Journal &j, const QString &reconciliation)
    {
        for (const JournalEvent &e : eventsOf(j, JournalEventType::Reconciliation))
            if (str(e, "reconciliation") == reconciliation && str(e, "status") == u"finished")
                return e.payload();
        return {};
    }

    static QString summaryOf(Journal &j, const QString &check)
    {
        for (const JournalEvent &e : eventsOf(j, JournalEventType::CheckObserved))
            if (str(e, "check") == check)
                return str(e, "explanation");
        return {};
    }

    // A superuser session of its own (the fixture's psql helper is one statement per process).
    QSqlDatabase superuserSession(const QString &name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_pg.host());
        db.setPort(m_pg.port());
        db.setDatabaseName(m_dst);
        db.setUserName(m_pg.superuser());
        db.setConnectOptions(QStringLiteral("sslmode=verify-full;sslrootcert=%1").arg(m_pg.caFile()));
        if (!db.open())
            qWarning("%s", qPrintable(db.lastError().text()));
        return db;
    }

    // The reconciler's target backend waiting for `table`'s lock, as pg_stat_activity sees it.
    bool reconcilerWaiting() const
    {
        auto n = m_pg.query(m_dst,
                            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                           "current_database() AND wait_event_type = 'Lock'"));
        return n && *n == u"1";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
        const QString seed = QStringLiteral(
            "CREATE TABLE users (id int PRIMARY KEY, email text);"
            "INSERT INTO users SELECT g, 'u' || g || '@example.org' FROM generate_series(1, 200) g;"
            "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2));"
            "INSERT INTO orders SELECT g, g * 0.5 FROM generate_series(1, 3000) g;"
            "CREATE TABLE hostile (id int PRIMARY KEY, \"x\"\"; DROP TABLE users; --\" text);"
            "INSERT INTO hostile SELECT g, 'v' || g FROM generate_series(1, 50) g;");
        auto src = m_pg.createDatabase(QStringLiteral("rec_src"), seed);
        QVERIFY_VALUE(src);
        auto dst = m_pg.createDatabase(QStringLiteral("rec_dst"), seed);
        QVERIFY_VALUE(dst);
        m_src = *src;
        m_dst = *dst;
        QVERIFY_VALUE(m_pg.exec(m_dst, QStringLiteral("UPDATE orders SET total = 0 WHERE id = 1234;")));
    }

    void verifyStepAndGateRunTheReconciliation()
    {
        auto rb = load(QStringLiteral("stages:\n"
                                      "  - id: verify\n"
                                      "    verify:\n"
                                      "      - {id: users-match, reconcile: users-count}\n"
                                      "      - {id: which-orders-differ, reconcile: orders-diff}\n"
                                      "    soak: 10m\n"
                                      "    gates:\n"
                                      "      - {id: users-gate, check: {reconcile: users-count}}\n"
                                      "reconciliation:\n"
                                      "  - {id: users-count, source: src, target: dst, tables: [users]}\n"
                                      "  - {id: orders-diff, source: src, target: dst, method: diff, tables: "
                                      "[{source: orders, key: id}]}\n"));
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart);
        auto d = makeDriver(rb, journal.get(), &clock);
        QVERIFY(d->open());
        d->start();
        QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("verify"),
                                                QStringLiteral("Dana Weber"))));
        QVERIFY(runUntil(*d, clock, kStart + 10 * kMin));

        // Each reconciliation journaled before its first statement and with its result before the check.
        const QStringList s = story(*journal);
        for (const auto &[rec, check, verdict] :
             {std::tuple {QStringLiteral("users-count"), QStringLiteral("users-match"),
                          QStringLiteral("pass")},
              std::tuple {QStringLiteral("orders-diff"), QStringLiteral("which-orders-differ"),
                          QStringLiteral("fail")}}) {
            const qsizetype started = s.indexOf(rec + QStringLiteral(":started"));
            const qsizetype done = s.indexOf(rec + QStringLiteral(":finished"), started);
            const qsizetype observed = s.indexOf(check + QLatin1Char('=') + verdict);
            QVERIFY2(started >= 0 && done > started && observed > done, qPrintable(s.join(u' ')));
        }
        QVERIFY2(s.contains(QStringLiteral("users-gate=pass")), qPrintable(s.join(u' ')));
        QVERIFY2(
            summaryOf(*journal, QStringLiteral("which-orders-differ")).contains(QStringLiteral("1 changed")),
            qPrintable(summaryOf(*journal, QStringLiteral("which-orders-differ"))));
        const QJsonObject diff = finished(*journal, QStringLiteral("orders-diff"));
        QCOMPARE(diff.value(QStringLiteral("passed")).toBool(true), false);
        QCOMPARE(diff.value(QStringLiteral("context")).toObject().value(QStringLiteral("stage")).toString(),
                 QStringLiteral("verify"));
        const QJsonObject row = diff.value(QStringLiteral("result"))
                                    .toObject()
                                    .value(QStringLiteral("tables"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("diff"))
                                    .toObject()
                                    .value(QStringLiteral("rows"))
                                    .toArray()
                                    .at(0)
                                    .toObject();
        QCOMPARE(row.value(QStringLiteral("key")).toString(), QStringLiteral("id=1234"));
        // Progress (table k of n) reached the journal.
        bool progress = false;
        for (const JournalEvent &e : eventsOf(*journal, JournalEventType::Reconciliation))
            progress = progress
                || (str(e, "status") == u"progress"
                    && e.payload().value(QLatin1String("tables")).toInt() == 1);
        QVERIFY(progress);
        QVERIFY(journal->verify().value().ok());
    }

    void milestoneChecksRunTheReconciliation()
    {
        const QString t0
            = QDateTime::fromMSecsSinceEpoch(kStart + 24 * 60 * kMin, Qt::UTC).toString(Qt::ISODate);
        auto rb = load(QStringLiteral("schedule:\n"
                                      "  t0: \"%1\"\n"
                                      "  milestones:\n"
                                      "    - id: t-1d\n"
                                      "      at: T-1d\n"
                                      "      title: final import, verify counts\n"
                                      "      checks:\n"
                                      "        - {id: final-reconcile, reconcile: users-count}\n"
                                      "reconciliation:\n"
                                      "  - {id: users-count, source: src, target: dst, tables: [users]}\n")
                           .arg(t0));
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart);
        auto d = makeDriver(rb, journal.get(), &clock);
        QVERIFY(d->open());
        d->start();
        QVERIFY(settle(*d));
        const auto item = d->state().schedule().item(QStringLiteral("t-1d"));
        QVERIFY(item && item->actualEnd);
        QVERIFY(!item->failed);
        QCOMPARE(finished(*journal, QStringLiteral("users-count"))
                     .value(QStringLiteral("context"))
                     .toObject()
                     .value(QStringLiteral("milestone"))
                     .toString(),
                 QStringLiteral("t-1d"));
    }

    void hostileColumnNameIsQuotedNeverInjected()
    {
        auto rb = load(QStringLiteral(
            "stages:\n"
            "  - id: verify\n"
            "    verify:\n"
            "      - {id: hostile-diff, reconcile: hostile}\n"
            "reconciliation:\n"
            "  - id: hostile\n"
            "    source: src\n"
            "    target: dst\n"
            "    method: diff\n"
            "    tables: [{source: hostile, key: id, columns: ['x\"; DROP TABLE users; --']}]\n"));
        QVERIFY(rb);
        auto journal = newJournal();
        FakeClock clock(kStart);
        auto d = makeDriver(rb, journal.get(), &clock);
        QVERIFY(d->open());
        d->start();
        QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("verify"),
                                                QStringLiteral("Dana Weber"))));
        QVERIFY(settle(*d));
        QVERIFY2(story(*journal).contains(QStringLiteral("hostile-diff=pass")),
                 qPrintable(story(*journal).join(u' ')));
        for (const QString &db : {m_src, m_dst}) {
            auto users = m_pg.query(db, QStringLiteral("SELECT count(*) FROM users"));
            QVERIFY_VALUE(users);
            QCOMPARE(*users, QStringLiteral("200"));
        }
    }

    void targetKilledMidReconcileNeverJournalsAPass()
    {
        auto rb
            = load(QStringLiteral("stages:\n"
                                  "  - id: verify\n"
                                  "    verify:\n"
                                  "      - {id: orders-match, reconcile: orders-count}\n"
                                  "reconciliation:\n"
                                  "  - {id: orders-count, source: src, target: dst, tables: [orders]}\n"));
        QVERIFY(rb);
        // The target's table is locked, so the reconciler's count waits there: then its backend is killed,
        // as when the target database goes down in the middle of the work.
        {
            QSqlDatabase lock = superuserSession(QStringLiteral("lock"));
            QVERIFY(lock.isOpen());
            QSqlQuery q(lock);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")));

            auto journal = newJournal();
            FakeClock clock(kStart);
            auto d = makeDriver(rb, journal.get(), &clock);
            QVERIFY(d->open());
            d->start();
            QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("verify"),
                                                    QStringLiteral("Dana Weber"))));
            QTRY_VERIFY_WITH_TIMEOUT(reconcilerWaiting(), 60000);
            QVERIFY(story(*journal).contains(QStringLiteral("orders-count:started")));
            QVERIFY_VALUE(m_pg.exec(m_dst,
                                    QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                   "WHERE datname = current_database() AND "
                                                   "wait_event_type = 'Lock'")));
            QVERIFY(settle(*d));
            q.exec(QStringLiteral("ROLLBACK"));

            QCOMPARE(
                story(*journal),
                (QStringList {QStringLiteral("orders-count:started"), QStringLiteral("orders-count:finished"),
                              QStringLiteral("orders-match=fail")}));
            const QJsonObject fin = finished(*journal, QStringLiteral("orders-count"));
            QCOMPARE(fin.value(QStringLiteral("passed")).toBool(true), false);
            const QString summary = summaryOf(*journal, QStringLiteral("orders-match"));
            QVERIFY2(summary.contains(QStringLiteral("orders: target:")), qPrintable(summary));
            QVERIFY(!summary.contains(QString::fromUtf8(m_pg.appPassword())));
            QVERIFY(journal->verify().value().ok());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    }

    void stopMidReconcileJournalsNothingMore()
    {
        auto rb = load(QStringLiteral("stages:\n"
                                      "  - id: verify\n"
                                      "    verify:\n"
                                      "      - {id: orders-diff-check, reconcile: orders-diff}\n"
                                      "reconciliation:\n"
                                      "  - {id: orders-diff, source: src, target: dst, method: diff, tables: "
                                      "[{source: orders, key: id}]}\n"));
        QVERIFY(rb);
        {
            QSqlDatabase lock = superuserSession(QStringLiteral("lock2"));
            QVERIFY(lock.isOpen());
            QSqlQuery q(lock);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")));

            auto journal = newJournal();
            FakeClock clock(kStart);
            auto d = makeDriver(rb, journal.get(), &clock);
            QVERIFY(d->open());
            d->start();
            QVERIFY(d->apply(RunPlanner::enterStage(d->state(), clock.now(), QStringLiteral("verify"),
                                                    QStringLiteral("Dana Weber"))));
            QTRY_VERIFY_WITH_TIMEOUT(reconcilerWaiting(), 60000);
            d->stop();
            q.exec(QStringLiteral("ROLLBACK")); // the count goes on, sees the cancel and stops there
            // The reconciler's transaction ends (rolled back): nothing of it is left on the target.
            QTRY_VERIFY_WITH_TIMEOUT(
                m_pg.query(m_dst,
                           QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname IN "
                                          "('%1', '%2') AND state LIKE 'idle in transaction%'")
                               .arg(m_src, m_dst))
                        .value_or(QStringLiteral("?"))
                    == u"0",
                60000);
            QCOMPARE(story(*journal), QStringList {QStringLiteral("orders-diff:started")});
            QVERIFY(journal->verify().value().ok());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lock2"));
    }
};

QTEST_GUILESS_MAIN(tst_RunDriverReconcile)
#include "tst_RunDriverReconcile.moc"
