// RunFollower next to a lead's ThreadedRunController: a second connection to the same journal sees the
// lead's decisions through file watching (SQLite) and LISTEN/NOTIFY (PostgreSQL, the viewer role); the
// polls are set to an hour so only the notifications can deliver them.

#include "engine/RunFollower.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournal.h"
#include "support/ControllerHarness.h"
#include "support/TestPostgres.h"

#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::test;

namespace {

constexpr qint64 kMin = 60 * 1000;
constexpr qint64 kStart = 1'800'000'000'000;

struct Seen
{
    QList<RunSnapshotPtr> snapshots;
    QList<JournalEvent> events;
};

void record(RunFollower &f, Seen &seen)
{
    QObject::connect(&f, &RunFollower::snapshotChanged, &f,
                     [&seen](const RunSnapshotPtr &s) { seen.snapshots << s; });
    QObject::connect(&f, &RunFollower::eventsAppended, &f,
                     [&seen](const QList<JournalEvent> &e) { seen.events += e; });
}

bool increasingAndReadOnly(const Seen &seen)
{
    for (qsizetype i = 0; i < seen.snapshots.size(); ++i) {
        if (!seen.snapshots[i]->readOnly)
            return false;
        if (i > 0 && seen.snapshots[i]->version <= seen.snapshots[i - 1]->version)
            return false;
    }
    return true;
}

} // namespace

class tst_RunFollower : public QObject
{
    Q_OBJECT

private:
    TestPostgres m_pg;
    QTemporaryDir m_dir;
    QString m_metrics;

    PostgresJournalSpec spec(const QString &db, const QString &user) const
    {
        PostgresJournalSpec s;
        s.user = user;
        s.host = m_pg.host();
        s.port = m_pg.port();
        s.database = db;
        s.sslmode = QStringLiteral("verify-full");
        s.sslrootcert = m_pg.caFile();
        return s;
    }

    static RunFollower::Options
    followerOptions(std::function<Expected<std::unique_ptr<Journal>, Error>()> open)
    {
        RunFollower::Options o;
        o.openJournal = std::move(open);
        o.poll = std::chrono::hours(1);
        o.staleAfter = std::chrono::hours(1);
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto pg = TestPostgres::fromEnv();
        QVERIFY2(pg.has_value(), qPrintable(pg ? QString() : pg.error().message));
        m_pg = *pg;
        m_metrics = m_dir.filePath(QStringLiteral("metrics.db"));
        QVERIFY(execSqlite(m_metrics, QStringLiteral("CREATE TABLE metric_value (v double precision)")));
        QVERIFY(execSqlite(m_metrics, QStringLiteral("INSERT INTO metric_value VALUES (99)")));
    }

    void seesTheLeadsDecisionThroughTheFile()
    {
        RolloutService svc;
        QVERIFY(svc.start());
        const QString path = m_dir.filePath(QStringLiteral("file.journal"));
        FakeClock clock(kStart);
        ThreadedRunController lead(controllerSetup(controllerRunbook(m_metrics, svc), &clock,
                                                   [path]() { return JournalFactory::open(path); }));
        QVERIFY(awaitOrAbort(lead.start(), 20000, "start").has_value());
        QTRY_VERIFY(!lead.snapshot()->runId.isEmpty());

        JournalOpenOptions ro;
        ro.readOnly = true;
        RunFollower follower(followerOptions([path, ro]() { return JournalFactory::open(path, ro); }));
        Seen seen;
        record(follower, seen);
        const auto started = follower.start();
        QVERIFY2(started.has_value(), qPrintable(started ? QString() : started.error().message));
        QCOMPARE(follower.snapshot()->runId, lead.snapshot()->runId);
        QVERIFY(follower.snapshot()->readOnly);
        QCOMPARE(follower.snapshot()->headline, Headline::Go);
        QCOMPARE(follower.snapshot()->runbookName, QStringLiteral("controller test"));

        QVERIFY(sendCommand(lead, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QTRY_COMPARE_WITH_TIMEOUT(follower.snapshot()->status.stage, QStringLiteral("canary"), 10000);
        QVERIFY(sendCommand(lead, EngineCommand::Kind::ConfirmWrite, QStringLiteral("set-10")));
        QVERIFY(runUntil(lead, clock, kStart + 60 * kMin));

        EngineCommand confirm;
        confirm.kind = EngineCommand::Kind::ConfirmManualGate;
        confirm.target = QStringLiteral("complaints");
        confirm.who = QStringLiteral("Ravi Patel");
        confirm.statement = QStringLiteral("none reported");
        QVERIFY(awaitOrAbort(lead.send(confirm), 20000, "confirm"));
        // The viewer sees the decision, and reads the same verdict from it as the lead.
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(seen.events.cbegin(), seen.events.cend(),
                        [](const JournalEvent &e) { return e.actor() == QLatin1String("Ravi Patel"); }),
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(lead.snapshot()->headline, Headline::Go, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(follower.snapshot()->headline, Headline::Go, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(follower.snapshot()->topBlocker, lead.snapshot()->topBlocker, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(follower.snapshot()->headSeq, lead.snapshot()->headSeq, 10000);
        QVERIFY(!follower.snapshot()->stale);
        QVERIFY(increasingAndReadOnly(seen));
        for (qsizetype i = 1; i < seen.events.size(); ++i)
            QVERIFY(seen.events[i].seq() > seen.events[i - 1].seq());
    }

    void seesTheLeadsDecisionThroughNotify()
    {
        auto db = m_pg.createDatabase(QStringLiteral("follow"));
        QVERIFY(db.has_value());
        const QString viewer = QStringLiteral("viewer_") + db->right(20);
        const PostgresJournalSpec owner = spec(*db, m_pg.superuser());
        RolloutService svc;
        QVERIFY(svc.start());
        FakeClock clock(kStart);
        ThreadedRunController lead(
            controllerSetup(controllerRunbook(m_metrics, svc), &clock,
                            [owner, viewer]() -> Expected<std::unique_ptr<Journal>, Error> {
                                auto j = PostgresJournal::open(owner, {});
                                if (!j)
                                    return unexpected(j.error());
                                if (auto ok = (*j)->init(viewer, "viewer-pw"); !ok)
                                    return unexpected(ok.error());
                                return std::unique_ptr<Journal>(std::move(*j));
                            }));
        const auto started = awaitOrAbort(lead.start(), 20000, "start");
        QVERIFY2(started.has_value(), qPrintable(started ? QString() : started.error().message));

        const PostgresJournalSpec asViewer = spec(*db, viewer);
        RunFollower follower(followerOptions([asViewer]() -> Expected<std::unique_ptr<Journal>, Error> {
            auto j = PostgresJournal::open(asViewer, "viewer-pw");
            if (!j)
                return unexpected(j.error());
            return std::unique_ptr<Journal>(std::move(*j));
        }));
        Seen seen;
        record(follower, seen);
        const auto following = follower.start();
        QVERIFY2(following.has_value(), qPrintable(following ? QString() : following.error().message));
        QCOMPARE(follower.snapshot()->runId, lead.snapshot()->runId);

        QVERIFY(sendCommand(lead, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QTRY_COMPARE_WITH_TIMEOUT(follower.snapshot()->status.stage, QStringLiteral("canary"), 10000);
        EngineCommand rollBack;
        rollBack.kind = EngineCommand::Kind::RollBack;
        rollBack.who = QStringLiteral("Dana Weber");
        rollBack.reason = QStringLiteral("customer escalation");
        QVERIFY(awaitOrAbort(lead.send(rollBack), 20000, "roll back"));
        QTRY_VERIFY_WITH_TIMEOUT(follower.snapshot()->headline == Headline::RollingBack
                                     || follower.snapshot()->headline == Headline::RolledBack,
                                 10000);
        QVERIFY(follower.snapshot()->topBlocker.contains(QLatin1String("customer escalation")));
        QVERIFY(increasingAndReadOnly(seen));
    }

    void staleWhenNothingNewComes()
    {
        RolloutService svc;
        QVERIFY(svc.start());
        const QString path = m_dir.filePath(QStringLiteral("stale.journal"));
        FakeClock clock(kStart);
        ThreadedRunController lead(controllerSetup(controllerRunbook(m_metrics, svc), &clock,
                                                   [path]() { return JournalFactory::open(path); }));
        QVERIFY(awaitOrAbort(lead.start(), 20000, "start").has_value());
        auto o = followerOptions([path]() { return JournalFactory::open(path); });
        o.staleAfter = std::chrono::milliseconds(300);
        RunFollower follower(o);
        QVERIFY(follower.start().has_value());
        const qint64 first = follower.snapshot()->lastUpdateWallAt;
        QVERIFY(first > 0);
        QTRY_VERIFY_WITH_TIMEOUT(follower.snapshot()->stale, 10000);
        QVERIFY(sendCommand(lead, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QTRY_VERIFY_WITH_TIMEOUT(!follower.snapshot()->stale, 10000);
        QVERIFY(follower.snapshot()->lastUpdateWallAt > first);
    }
};

QTEST_GUILESS_MAIN(tst_RunFollower)
#include "tst_RunFollower.moc"
