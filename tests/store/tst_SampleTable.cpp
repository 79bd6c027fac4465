// The journal's sample table (SampleTable) on SQLite and PostgreSQL: written by the database in the
// append's own transaction, read by run and metric up to a seq, backfilled once for older journals.
#include "core/journal/RunEvents.h"
#include "store/PostgresJournal.h"
#include "store/SqliteJournal.h"
#include "support/ExpectValue.h"
#include "support/TestPostgres.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cockpit;
using cockpit::test::TestPostgres;

namespace {

const QString kRun = QStringLiteral("run-s");
constexpr qint64 kT0 = 1700000000000;

// run_started, then per tick: success_rate_pct (NoData at tick 3) and stuck_imports; a check between.
QList<JournalEventDraft> runEvents(const QString &run, int ticks)
{
    RunInfo info;
    info.id = run;
    info.startedAt = kT0;
    info.runbook = QStringLiteral("rb");
    info.lead = QStringLiteral("dana");
    QList<JournalEventDraft> out {RunEvents::runStarted(info)};
    for (int i = 0; i < ticks; ++i) {
        const qint64 at = kT0 + 10000 * (i + 1);
        out << RunEvents::sampleTaken(run, at, QStringLiteral("success_rate_pct"),
                                      i == 3 ? std::nullopt : std::optional<double>(90.5 + i),
                                      i == 3 ? QStringLiteral("timeout") : QString());
        out << RunEvents::sampleTaken(run, at, QStringLiteral("stuck_imports"), double(i % 2));
        out << RunEvents::note(run, at, QStringLiteral("engine"), QStringLiteral("tick"));
    }
    return out;
}

// Compares what readSamples returned with what the sample events say, value by value (NaN as NaN).
void checkSamples(const QList<MetricSamples> &samples, const QString &run, int ticks)
{
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples.at(0).metric, QStringLiteral("stuck_imports")); // name order
    QCOMPARE(samples.at(1).metric, QStringLiteral("success_rate_pct"));
    for (const MetricSamples &m : samples) {
        QCOMPARE(m.at.size(), qsizetype(ticks));
        QCOMPARE(m.value.size(), qsizetype(ticks));
        for (int i = 0; i < ticks; ++i) {
            QCOMPARE(m.at.at(i), kT0 + 10000 * (i + 1));
            if (m.metric == QLatin1String("stuck_imports"))
                QCOMPARE(m.value.at(i), double(i % 2));
            else if (i == 3)
                QVERIFY(std::isnan(m.value.at(i))); // NoData, never 0
            else
                QCOMPARE(m.value.at(i), 90.5 + i);
        }
    }
    Q_UNUSED(run);
}

} // namespace

class tst_SampleTable : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    PostgresJournalSpec spec(const TestPostgres &pg, const QString &db) const
    {
        PostgresJournalSpec s;
        s.user = pg.superuser();
        s.host = pg.host();
        s.port = pg.port();
        s.database = db;
        s.sslmode = QStringLiteral("verify-full");
        s.sslrootcert = pg.caFile();
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void sqliteKeepsEverySampleInTheAppendsTransaction()
    {
        const QString path = m_dir.filePath(QStringLiteral("a.sqlite"));
        auto j = SqliteJournal::open(path);
        QVERIFY_VALUE(j);
        QVERIFY_VALUE((*j)->appendBatch(runEvents(kRun, 6)));
        QVERIFY_VALUE((*j)->appendBatch(runEvents(QStringLiteral("other"), 2)));
        auto all = (*j)->readSamples(kRun, 1000);
        QVERIFY_VALUE(all);
        QVERIFY(all->has_value());
        checkSamples(**all, kRun, 6);

        // Up to a seq: the first two ticks are events 2..7 (3 events a tick after run_started).
        auto upTo = (*j)->readSamples(kRun, 7);
        QVERIFY_VALUE(upTo);
        QCOMPARE((**upTo).at(0).at.size(), 2);
        QCOMPARE((**upTo).at(1).at.size(), 2);
        auto none = (*j)->readSamples(QStringLiteral("nobody"), 1000);
        QVERIFY_VALUE(none);
        QVERIFY(none->has_value() && (*none)->isEmpty());

        // A reader on its own connection sees the same; the table refuses changes like the events.
        auto reader = SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly);
        QVERIFY_VALUE(reader);
        auto read = (*reader)->readSamples(kRun, 1000);
        QVERIFY_VALUE(read);
        checkSamples(**read, kRun, 6);
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-a"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("UPDATE samples SET value = 100")));
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM samples")));
            // A failed append leaves no sample behind: the trigger's insert is rolled back with it.
            QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.actor ="
                                          " 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw-a"));
        JournalEventDraft poisoned
            = RunEvents::note(kRun, kT0, QStringLiteral("poison"), QStringLiteral("x"));
        QVERIFY(!(*j)->appendBatch(
                         {RunEvents::sampleTaken(kRun, kT0 + 999999, QStringLiteral("stuck_imports"), 7.0),
                          poisoned})
                     .has_value());
        auto after = (*j)->readSamples(kRun, 1000);
        QVERIFY_VALUE(after);
        checkSamples(**after, kRun, 6);
    }

    void sqliteOlderJournalIsReadTheSlowWayUntilAWriterBackfillsIt()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
        {
            auto j = SqliteJournal::open(path);
            QVERIFY_VALUE(j);
            QVERIFY_VALUE((*j)->appendBatch(runEvents(kRun, 5)));
        }
        {
            // As a file written before the sample table existed.
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER events_record_sample")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE samples")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw-old"));
        {
            auto viewer = SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly);
            QVERIFY_VALUE(viewer);
            auto read = (*viewer)->readSamples(kRun, 1000);
            QVERIFY_VALUE(read);
            QVERIFY(!read->has_value()); // no table: read the sample events instead
        }
        auto writer = SqliteJournal::open(path);
        QVERIFY_VALUE(writer);
        auto backfilled = (*writer)->readSamples(kRun, 1000);
        QVERIFY_VALUE(backfilled);
        QVERIFY(backfilled->has_value());
        checkSamples(**backfilled, kRun, 5);
        // And from then on the trigger keeps it.
        QVERIFY_VALUE((*writer)->append(
            RunEvents::sampleTaken(kRun, kT0 + 60000, QStringLiteral("stuck_imports"), 4.0)));
        auto more = (*writer)->readSamples(kRun, 1000);
        QVERIFY_VALUE(more);
        QCOMPARE((**more).at(0).at.size(), 6);
        QCOMPARE((**more).at(0).value.last(), 4.0);
        QVERIFY((*writer)->verify()->ok());
    }

    void postgresKeepsSamplesForTheViewerAndBackfillsOnInit()
    {
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        auto db = pg->createDatabase(QStringLiteral("samples"));
        QVERIFY_VALUE(db);
        const QString viewer = QStringLiteral("viewer_") + db->right(20);
        auto j = PostgresJournal::open(spec(*pg, *db), {});
        QVERIFY_VALUE(j);
        QVERIFY_VALUE((*j)->init(viewer, {}));
        QVERIFY_VALUE((*j)->appendBatch(runEvents(kRun, 6)));
        auto read = (*j)->readSamples(kRun, 1000);
        QVERIFY_VALUE(read);
        QVERIFY(read->has_value());
        checkSamples(**read, kRun, 6);
        auto upTo = (*j)->readSamples(kRun, 7);
        QVERIFY_VALUE(upTo);
        QCOMPARE((**upTo).at(1).at.size(), 2);

        // The viewer may read it and change nothing.
        QCOMPARE(*pg->query(*db,
                            QStringLiteral("SELECT has_table_privilege('%1', 'cockpit.samples', 'SELECT'),"
                                           " has_table_privilege('%1', 'cockpit.samples', 'INSERT')")
                                .arg(viewer)),
                 QStringLiteral("t|f"));
        QVERIFY(!pg->exec(*db, QStringLiteral("DELETE FROM cockpit.samples")).has_value());

        // A journal initialised before the table: init adds it, filled from the events.
        QVERIFY_VALUE(pg->exec(*db,
                               QStringLiteral("DROP TRIGGER events_record_sample ON cockpit.events;"
                                              " DROP TABLE cockpit.samples")));
        auto none = (*j)->readSamples(kRun, 1000);
        QVERIFY_VALUE(none);
        QVERIFY(!none->has_value());
        QVERIFY_VALUE((*j)->init(viewer, {}));
        auto backfilled = (*j)->readSamples(kRun, 1000);
        QVERIFY_VALUE(backfilled);
        QVERIFY(backfilled->has_value());
        checkSamples(**backfilled, kRun, 6);
        QVERIFY_VALUE(
            (*j)->append(RunEvents::sampleTaken(kRun, kT0 + 70000, QStringLiteral("stuck_imports"), 4.0)));
        auto more = (*j)->readSamples(kRun, 1000);
        QVERIFY_VALUE(more);
        QCOMPARE((**more).at(0).at.size(), 7);
        QCOMPARE((**more).at(0).value.last(), 4.0);
    }
};

QTEST_GUILESS_MAIN(tst_SampleTable)
#include "tst_SampleTable.moc"
