#include "demo/LocalPostgres.h"
#include "store/JournalFactory.h"
#include "store/PostgresJournal.h"
#include "support/TestPostgres.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace cockpit;
using cockpit::test::TestPostgres;

namespace {

JournalEventDraft draft(int i)
{
    JournalEventDraft d;
    d.runId = QStringLiteral("run-pg");
    d.at = 1'700'000'000'000 + i;
    d.type = JournalEventType::SampleTaken;
    d.actor = QStringLiteral("engine");
    d.payload = QJsonObject {{QStringLiteral("i"), i},
                             {QStringLiteral("metric"), QStringLiteral("success_rate_pct")}};
    return d;
}

QString message(const Error &e)
{
    return e.message;
}

// pg_ctl on a LocalPostgres data dir, as user postgres when we are root (initdb/pg_ctl refuse root).
QProcess *pgCtl(const LocalPostgres &pg, const QStringList &args)
{
    auto *p = new QProcess;
    QStringList argv {LocalPostgres::binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                      pg.dataDir()};
    argv += args;
    if (::geteuid() == 0)
        argv = QStringList {QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + argv;
    p->setWorkingDirectory(QStringLiteral("/tmp"));
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(::geteuid() == 0 ? QStringLiteral("runuser") : argv.takeFirst(), argv);
    return p;
}

QStringList startArgs(const LocalPostgres &pg)
{
    return {QStringLiteral("-l"),
            pg.logFile(),
            QStringLiteral("-o"),
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                .arg(pg.port())
                .arg(pg.socketDir()),
            QStringLiteral("-w"),
            QStringLiteral("start")};
}

} // namespace

class tst_PostgresJournal : public QObject
{
    Q_OBJECT
private:
    TestPostgres m_pg;
    QTemporaryDir m_dir;

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
    QString viewerName(const QString &db) const { return QStringLiteral("viewer_") + db.right(20); }

    // A database with an initialised journal and a viewer role; returns the writer.
    std::unique_ptr<PostgresJournal> initialised(QString &db, const QByteArray &viewerPassword)
    {
        auto created = m_pg.createDatabase(QStringLiteral("journal"));
        if (!created)
            qFatal("createDatabase: %s", qPrintable(created.error().message));
        db = *created;
        auto j = PostgresJournal::open(spec(db, m_pg.superuser()), {});
        if (!j)
            qFatal("open: %s", qPrintable(j.error().message));
        if (auto ok = (*j)->init(viewerName(db), viewerPassword); !ok)
            qFatal("init: %s", qPrintable(ok.error().message));
        return std::move(*j);
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto pg = TestPostgres::fromEnv();
        QVERIFY2(pg.has_value(), qPrintable(pg ? QString() : pg.error().message));
        m_pg = *pg;
        QVERIFY(m_dir.isValid());
    }

    void specParsing()
    {
        auto s = PostgresJournalSpec::parse(QStringLiteral(
            "postgresql://lead@db.example:6543/cutover?sslmode=verify-full&sslrootcert=/ca.pem"));
        QVERIFY(s.has_value());
        QCOMPARE(s->user, QStringLiteral("lead"));
        QCOMPARE(s->port, 6543);
        QCOMPARE(s->database, QStringLiteral("cutover"));
        QVERIFY(s->connectOptions().contains(QStringLiteral("sslmode=verify-full;sslrootcert=/ca.pem")));
        auto withPassword = PostgresJournalSpec::parse(QStringLiteral("postgresql://lead:hunter2@h/db"));
        QVERIFY(!withPassword.has_value());
        QVERIFY(withPassword.error().message.contains(QStringLiteral("keychain")));
        QVERIFY(!withPassword.error().message.contains(QStringLiteral("hunter2")));
        QVERIFY(!PostgresJournalSpec::parse(QStringLiteral("postgresql://lead@h/db?sslmode=x;host=evil"))
                     .has_value());
        QVERIFY(!PostgresJournalSpec::parse(QStringLiteral("postgresql://h/db")).has_value());
        QVERIFY(!PostgresJournal::isValidRoleName(QStringLiteral("x\"; DROP ROLE postgres; --")));
    }

    void initCreatesSchemaAndSelectOnlyViewer()
    {
        QString db;
        auto writer = initialised(db, "viewer-pw-42");
        const QString viewer = viewerName(db);
        QCOMPARE(*m_pg.query(db,
                             QStringLiteral("SELECT count(*) FROM information_schema.tables"
                                            " WHERE table_schema = 'cockpit' AND table_name = 'events'")),
                 QStringLiteral("1"));
        QCOMPARE(*m_pg.query(db,
                             QStringLiteral("SELECT rolcanlogin, rolsuper, rolcreaterole,"
                                            " rolpassword LIKE 'SCRAM-SHA-256$4096:%' FROM pg_authid"
                                            " WHERE rolname = '%1'")
                                 .arg(viewer)),
                 QStringLiteral("t|f|f|t"));
        QCOMPARE(*m_pg.query(db,
                             QStringLiteral("SELECT has_table_privilege('%1', 'cockpit.events', 'SELECT'),"
                                            " has_table_privilege('%1', 'cockpit.events', 'INSERT'),"
                                            " has_table_privilege('%1', 'cockpit.events', 'UPDATE'),"
                                            " has_table_privilege('%1', 'cockpit.events', 'DELETE'),"
                                            " has_table_privilege('%1', 'cockpit.events', 'TRUNCATE')")
                                 .arg(viewer)),
                 QStringLiteral("t|f|f|f|f"));
        // Idempotent: a second init keeps the events and the role.
        QVERIFY(writer->append(draft(1)).has_value());
        auto again = writer->init(viewer, "viewer-pw-42");
        QVERIFY2(again.has_value(), qPrintable(again ? QString() : message(again.error())));
        QCOMPARE(*writer->count(), 1);
        // A privileged role is never turned into a viewer.
        QVERIFY(!writer->init(m_pg.superuser(), {}).has_value());
    }

    void viewerWritesAreRefusedByTheDatabase()
    {
        QString db;
        auto writer = initialised(db, "viewer-pw-43");
        for (int i = 1; i <= 3; ++i)
            QVERIFY(writer->append(draft(i)).has_value());

        // The viewer logs in with its password (SCRAM over verify-full TLS) and can read and verify.
        auto viewer = PostgresJournal::open(spec(db, viewerName(db)), "viewer-pw-43");
        QVERIFY2(viewer.has_value(), qPrintable(viewer ? QString() : viewer.error().message));
        QCOMPARE((*viewer)->readAll()->size(), 3);
        QVERIFY((*viewer)->verify()->ok());
        // Refused by the database, and said in words rather than as the server's error text.
        const auto refused = (*viewer)->append(draft(4));
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().message.contains(
                     QStringLiteral("this journal is read-only for role %1").arg(viewerName(db))),
                 qPrintable(refused.error().message));
        QVERIFY2(!refused.error().message.contains(QStringLiteral("ERROR")),
                 qPrintable(refused.error().message));

        // Raw SQL on the viewer's own connection, after it switched its session to read-write: what's
        // left to refuse it is the privilege system.
        QSqlQuery q(QSqlDatabase::database((*viewer)->connectionName()));
        QVERIFY(q.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")));
        const QStringList writes {
            QStringLiteral("INSERT INTO cockpit.events VALUES (4, 'r', 1, 'note', 'v', '{}', repeat('0', "
                           "64), repeat('1', 64))"),
            QStringLiteral("UPDATE cockpit.events SET actor = 'viewer' WHERE seq = 1"),
            QStringLiteral("DELETE FROM cockpit.events WHERE seq = 2"),
            QStringLiteral("TRUNCATE cockpit.events"),
        };
        for (const QString &sql : writes) {
            QVERIFY2(!q.exec(sql), qPrintable(sql));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                     qPrintable(q.lastError().text()));
        }
        // Also when the viewer's session is read-write: the privilege system refuses, and it's worded.
        const auto refusedRw = (*viewer)->append(draft(4));
        QVERIFY(!refusedRw.has_value());
        QVERIFY2(refusedRw.error().message.contains(QStringLiteral("read-only for role")),
                 qPrintable(refusedRw.error().message));
        QVERIFY2(!refusedRw.error().message.contains(QStringLiteral("permission denied")),
                 qPrintable(refusedRw.error().message));
        // Not even the owner can change history: the triggers refuse it.
        QSqlQuery owner(QSqlDatabase::database(writer->connectionName()));
        for (const QString &sql : writes.mid(1)) {
            QVERIFY2(!owner.exec(sql), qPrintable(sql));
            QVERIFY2(owner.lastError().text().contains(QStringLiteral("append-only")),
                     qPrintable(owner.lastError().text()));
        }
        QCOMPARE(*m_pg.query(db, QStringLiteral("SELECT count(*) FROM cockpit.events")), QStringLiteral("3"));
        QVERIFY(writer->verify()->ok());
    }

    void viewerCannotBlockTheLead()
    {
        QString db;
        auto writer = initialised(db, "viewer-pw-47");
        QVERIFY(writer->append(draft(1)).has_value());
        auto viewer = PostgresJournal::open(spec(db, viewerName(db)), "viewer-pw-47");
        QVERIFY2(viewer.has_value(), qPrintable(viewer ? QString() : viewer.error().message));

        // The viewer opens a transaction and tries every lock that could hold the lead up, keeping what
        // it gets until the end of the test.
        QSqlQuery v(QSqlDatabase::database((*viewer)->connectionName()));
        QVERIFY(v.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE")));
        QVERIFY(v.exec(QStringLiteral("BEGIN")));
        // Any role may take an advisory lock; the journal no longer uses one, so this one is harmless.
        QVERIFY2(v.exec(QStringLiteral("SELECT pg_advisory_lock(hashtext('cockpit.journal'))")),
                 qPrintable(v.lastError().text()));
        QVERIFY(v.exec(QStringLiteral("LOCK TABLE cockpit.events IN ACCESS SHARE MODE")));
        QVERIFY(v.exec(QStringLiteral("SELECT count(*) FROM cockpit.events")));
        const QStringList refused {
            QStringLiteral("SELECT id FROM cockpit.writer_lock WHERE id = 1 FOR UPDATE"),
            QStringLiteral("SELECT id FROM cockpit.writer_lock FOR KEY SHARE"),
            QStringLiteral("LOCK TABLE cockpit.writer_lock IN ROW SHARE MODE"),
            QStringLiteral("LOCK TABLE cockpit.events IN SHARE MODE"),
            QStringLiteral("SELECT seq FROM cockpit.events FOR SHARE"),
            QStringLiteral("LOCK TABLE cockpit.head IN SHARE MODE"),
            QStringLiteral("SELECT seq FROM cockpit.head FOR UPDATE"),
        };
        for (const QString &sql : refused) {
            QVERIFY(v.exec(QStringLiteral("SAVEPOINT attempt")));
            QVERIFY2(!v.exec(sql), qPrintable(sql));
            QVERIFY2(v.lastError().text().contains(QStringLiteral("permission denied")),
                     qPrintable(sql + QStringLiteral(": ") + v.lastError().text()));
            QVERIFY(v.exec(QStringLiteral("ROLLBACK TO SAVEPOINT attempt")));
        }

        // The lead appends while the viewer's transaction and advisory lock are still held. A lock wait
        // would end in lock_timeout and fail the append, not hang the test.
        QVERIFY(QSqlQuery(QSqlDatabase::database(writer->connectionName()))
                    .exec(QStringLiteral("SET lock_timeout = '10s'")));
        const auto second = writer->append(draft(2));
        QVERIFY2(second.has_value(), qPrintable(second ? QString() : second.error().message));
        QCOMPARE(second->seq(), 2);
        QVERIFY(v.exec(QStringLiteral("SELECT count(*) FROM cockpit.events")) && v.next());
        QVERIFY(v.exec(QStringLiteral("ROLLBACK")));
        QCOMPARE(*m_pg.query(db, QStringLiteral("SELECT count(*) FROM cockpit.events")), QStringLiteral("2"));
    }

    void cuttingTheTailIsDetectedThroughTheHeadRecord()
    {
        QString db;
        auto owner = initialised(db, "viewer-pw-48");
        const QString lead = QStringLiteral("lead_") + db.right(20);
        auto made = owner->initLeadRole(lead, "lead-pw-48");
        QVERIFY2(made.has_value(), qPrintable(made ? QString() : made.error().message));
        QVERIFY(!owner->initLeadRole(m_pg.superuser(), {}).has_value()); // never a privileged role

        auto opened = PostgresJournal::open(spec(db, lead), "lead-pw-48");
        QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().message));
        PostgresJournal &writer = **opened;
        QList<JournalEvent> events;
        for (int i = 1; i <= 10; ++i) {
            auto e = writer.append(draft(i));
            QVERIFY2(e.has_value(), qPrintable(e ? QString() : e.error().message));
            events.append(*e);
        }
        const JournalHead ten {10, events.last().hash()};
        QCOMPARE(writer.head().value(), ten);
        QCOMPARE(writer.recordedHead().value(), std::optional<JournalHead>(ten));
        QVERIFY(writer.verify()->ok());

        // The lead's role can neither cut the tail nor move the head back.
        QSqlQuery q(QSqlDatabase::database(writer.connectionName()));
        for (const QString &sql :
             {QStringLiteral("DELETE FROM cockpit.events WHERE seq > 7"),
              QStringLiteral("UPDATE cockpit.head SET seq = 7"), QStringLiteral("DELETE FROM cockpit.head"),
              QStringLiteral("ALTER TABLE cockpit.events DISABLE TRIGGER USER"),
              QStringLiteral("DROP TRIGGER events_advance_head ON cockpit.events")}) {
            QVERIFY2(!q.exec(sql), qPrintable(sql));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied"))
                         || q.lastError().text().contains(QStringLiteral("must be owner")),
                     qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
        }

        // Someone with the owner's rights cuts three events off the end.
        QVERIFY(m_pg.exec(db,
                          QStringLiteral("ALTER TABLE cockpit.events DISABLE TRIGGER events_append_only;"
                                         " DELETE FROM cockpit.events WHERE seq > 7;"
                                         " ALTER TABLE cockpit.events ENABLE TRIGGER events_append_only;"))
                    .has_value());
        QCOMPARE(writer.head()->seq, 7);
        for (PostgresJournal *j : {&writer}) {
            const auto r = j->verify();
            QVERIFY(r.has_value());
            QVERIFY(!r->ok());
            QCOMPARE(r->fault->kind, JournalFault::Kind::Truncated);
            QCOMPARE(r->fault->seq, 8);
            QVERIFY2(r->fault->detail.contains(QStringLiteral("cockpit.head")), qPrintable(r->fault->detail));
        }
        auto viewer = PostgresJournal::open(spec(db, viewerName(db)), "viewer-pw-48");
        QVERIFY(viewer.has_value());
        const auto seen = (*viewer)->verify();
        QVERIFY(seen.has_value() && !seen->ok());
        QCOMPARE(seen->fault->kind, JournalFault::Kind::Truncated);
    }

    void appendBatchIsOneTransactionOnTheChain()
    {
        QString db;
        auto writer = initialised(db, "viewer-pw-49");
        QVERIFY(writer->append(draft(1)).has_value());
        QList<JournalEventDraft> step;
        for (int i = 2; i <= 11; ++i)
            step.append(draft(i));
        const auto batch = writer->appendBatch(step);
        QVERIFY2(batch.has_value(), qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(batch->size(), 10);
        QCOMPARE(batch->last().seq(), 11);
        QCOMPARE(*writer->readFrom(2), *batch);
        QCOMPARE(writer->recordedHead().value(),
                 std::optional<JournalHead>(JournalHead {11, batch->last().hash()}));

        // All or nothing.
        QVERIFY(m_pg.exec(db,
                          QStringLiteral("CREATE FUNCTION public.poison() RETURNS trigger LANGUAGE plpgsql AS"
                                         " $$BEGIN IF NEW.run_id = 'poison' THEN RAISE EXCEPTION 'poisoned';"
                                         " END IF; RETURN NEW; END$$;"
                                         " CREATE TRIGGER poison BEFORE INSERT ON cockpit.events"
                                         " FOR EACH ROW EXECUTE FUNCTION public.poison();"))
                    .has_value());
        JournalEventDraft poisoned = draft(14);
        poisoned.runId = QStringLiteral("poison");
        QVERIFY(!writer->appendBatch({draft(12), draft(13), poisoned}).has_value());
        QCOMPARE(*writer->count(), 11);
        const auto next = writer->append(draft(12));
        QVERIFY2(next.has_value(), qPrintable(next ? QString() : next.error().message));
        QCOMPARE(next->prevHash(), batch->last().hash());
        QVERIFY(writer->verify()->ok());
    }

    void notifyReachesASecondConnectionWithinASecond()
    {
        QString db;
        auto writer = initialised(db, "viewer-pw-44");
        QVERIFY(writer->append(draft(1)).has_value());
        auto viewer = PostgresJournal::open(spec(db, viewerName(db)), "viewer-pw-44");
        QVERIFY(viewer.has_value());
        QVERIFY((*viewer)->subscribe().has_value());
        QSignalSpy spy(viewer->get(), &Journal::eventsAppended);

        QElapsedTimer t;
        t.start();
        auto e = writer->append(draft(2));
        QVERIFY(e.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1, 1000);
        qInfo("NOTIFY reached the viewer after %lld ms", t.elapsed());
        QCOMPARE(spy.first().at(0).toLongLong(), 2);
        const auto fresh = (*viewer)->readFrom(spy.first().at(0).toLongLong());
        QCOMPARE(fresh->size(), 1);
        QCOMPARE(fresh->first().hash(), e->hash());
    }

    void outboxRecognisesEventsAlreadyStoredAndRefusesConflicts()
    {
        QString db;
        initialised(db, "viewer-pw-45").reset();
        const QString outboxPath = m_dir.filePath(QStringLiteral("outbox-%1.sqlite").arg(db));
        const PostgresJournalSpec s = spec(db, m_pg.superuser());
        JournalEvent five;
        {
            auto writer = PostgresJournal::open(s, {}, {outboxPath, 0});
            QVERIFY(writer.has_value());
            for (int i = 1; i <= 5; ++i)
                five = *(*writer)->append(draft(i));
        }
        {
            // As after a lost COMMIT acknowledgement: event 5 is in the outbox and on the server.
            auto outbox = Outbox::open(outboxPath, s.toString());
            QVERIFY(outbox.has_value());
            QVERIFY((*outbox)->enqueue(five).has_value());
            QVERIFY((*outbox)->enqueue(JournalEvent::seal(draft(6), 6, five.hash())).has_value());
        }
        {
            auto writer = PostgresJournal::open(s, {}, {outboxPath, 0}); // flushes on open
            QVERIFY2(writer.has_value(), qPrintable(writer ? QString() : writer.error().message));
            QCOMPARE((*writer)->pendingCount(), 0);
            QCOMPARE(*(*writer)->count(), 6);
            QVERIFY((*writer)->verify()->ok());
        }
        QCOMPARE(*m_pg.query(db, QStringLiteral("SELECT count(*), count(DISTINCT hash) FROM cockpit.events")),
                 QStringLiteral("6|6"));
        {
            // A different event 6 waiting: someone else's 6 is on the server. Refused, outbox kept.
            auto outbox = Outbox::open(outboxPath, s.toString());
            QVERIFY((*outbox)->enqueue(JournalEvent::seal(draft(66), 6, five.hash())).has_value());
        }
        auto writer = PostgresJournal::open(s, {}, {outboxPath, 0});
        QVERIFY(!writer.has_value());
        QVERIFY2(writer.error().message.contains(QStringLiteral("differs")),
                 qPrintable(writer.error().message));
        QCOMPARE((*Outbox::open(outboxPath, s.toString()))->count(), 1);
        QCOMPARE(*m_pg.query(db, QStringLiteral("SELECT count(*) FROM cockpit.events")), QStringLiteral("6"));
    }

    void outageRefusesSharedAppendsQueuesSamplesAndCatchesUpInOrder()
    {
        auto started = LocalPostgres::start({});
        QVERIFY2(started.has_value(), qPrintable(started ? QString() : started.error().message));
        LocalPostgres &pg = **started;
        QVERIFY(pg.createDatabase(QStringLiteral("cutover")).has_value());
        PostgresJournalSpec s;
        s.user = pg.superuser();
        s.port = pg.port();
        s.database = QStringLiteral("cutover");
        s.sslmode = QStringLiteral("verify-full");
        s.sslrootcert = pg.caFile();
        s.connectTimeoutSeconds = 2;
        {
            auto owner = PostgresJournal::open(s, {});
            QVERIFY(owner.has_value());
            QVERIFY((*owner)->init(QStringLiteral("watcher"), "watcher-pw").has_value());
        }
        auto withOutbox
            = PostgresJournal::open(s, {}, {m_dir.filePath(QStringLiteral("shared-outbox.sqlite")), 0});
        auto without = PostgresJournal::open(s, {});
        QVERIFY(withOutbox.has_value() && without.has_value());
        PostgresJournal &writer = **withOutbox;
        QVERIFY(writer.appendShared({draft(1)}).has_value());
        QVERIFY(writer.isReachable());

        std::unique_ptr<QProcess> stopper(pgCtl(
            pg,
            {QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")}));
        QVERIFY(stopper->waitForFinished(30000));
        QCOMPARE(stopper->exitCode(), 0);

        // What an effect needs first is refused, with a state the engine can act on, not only words.
        const auto refused = writer.appendShared({draft(2)});
        QVERIFY(!refused.has_value());
        QVERIFY(!writer.isReachable());
        QVERIFY2(refused.error().message.contains(QStringLiteral("unreachable")),
                 qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.isEmpty());
        // Without an outbox every append fails the same way.
        const auto plain = (*without)->append(draft(2));
        QVERIFY(!plain.has_value());
        QVERIFY(!(*without)->isReachable());
        QVERIFY2(plain.error().message.contains(QStringLiteral("unreachable")),
                 qPrintable(plain.error().message));

        // Samples go on into the outbox, sealed onto the chain.
        for (int i = 2; i <= 6; ++i)
            QCOMPARE(writer.append(draft(i))->seq(), qint64(i));
        QCOMPARE(writer.pendingCount(), 5);
        QVERIFY(!writer.appendShared({draft(7)}).has_value()); // still down: still refused
        QCOMPARE(writer.pendingCount(), 5);

        std::unique_ptr<QProcess> starter(pgCtl(pg, startArgs(pg)));
        QVERIFY(starter->waitForFinished(30000));
        QCOMPARE(starter->exitCode(), 0);
        // Back: the waiting samples go first, in order, then the shared event after them.
        auto shared = writer.appendShared({draft(7)});
        QVERIFY2(shared.has_value(), qPrintable(shared ? QString() : shared.error().message));
        QVERIFY(writer.isReachable());
        QCOMPARE(writer.pendingCount(), 0);
        QCOMPARE(shared->first().seq(), 7);

        PostgresJournalSpec viewerSpec = s;
        viewerSpec.user = QStringLiteral("watcher");
        auto viewer = PostgresJournal::open(viewerSpec, "watcher-pw");
        QVERIFY(viewer.has_value());
        const auto report = (*viewer)->verify();
        QVERIFY2(report.has_value() && report->ok(),
                 qPrintable(report && report->fault ? report->fault->toString() : QString()));
        QCOMPARE(report->verifiedCount, 7);
        const auto all = (*viewer)->readAll();
        for (int i = 0; i < 7; ++i)
            QCOMPARE(all->at(i).payload().value(QStringLiteral("i")).toInt(), i + 1);
        QCOMPARE((*viewer)->recordedHead().value()->seq, 7);
    }

    void stoppingPostgresMidRunLosesAndDuplicatesNothing()
    {
        // Our own cluster, so stopping it doesn't disturb the shared fixture.
        auto started = LocalPostgres::start({});
        QVERIFY2(started.has_value(), qPrintable(started ? QString() : started.error().message));
        LocalPostgres &pg = **started;
        QVERIFY(pg.createDatabase(QStringLiteral("cutover")).has_value());
        PostgresJournalSpec s;
        s.user = pg.superuser();
        s.port = pg.port();
        s.database = QStringLiteral("cutover");
        s.sslmode = QStringLiteral("verify-full");
        s.sslrootcert = pg.caFile();
        s.connectTimeoutSeconds = 2;
        {
            auto owner = PostgresJournal::open(s, {});
            QVERIFY(owner.has_value());
            QVERIFY((*owner)->init(QStringLiteral("watcher"), "watcher-pw").has_value());
        }

        const QString outboxPath = m_dir.filePath(QStringLiteral("outage-outbox.sqlite"));
        auto opened = PostgresJournal::open(s, {}, {outboxPath, 0});
        QVERIFY(opened.has_value());
        std::unique_ptr<PostgresJournal> writer = std::move(*opened);

        const int total = 400;
        std::unique_ptr<QProcess> stopper, starter;
        qint64 maxPending = 0;
        for (int i = 1; i <= total; ++i) {
            if (i == 100) // stop while appends keep coming: some fail mid-transaction, some mid-COMMIT
                stopper.reset(pgCtl(pg,
                                    {QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                                     QStringLiteral("stop")}));
            if (i == 200) {
                // The lead's app restarts while the server is still down: the outbox carries the tail.
                QVERIFY(stopper->waitForFinished(30000));
                QCOMPARE(stopper->exitCode(), 0);
                const qint64 waiting = writer->pendingCount();
                QVERIFY(waiting > 0);
                writer.reset();
                auto reopened = PostgresJournal::open(s, {}, {outboxPath, 0});
                QVERIFY2(reopened.has_value(), qPrintable(reopened ? QString() : reopened.error().message));
                writer = std::move(*reopened);
                QVERIFY(!writer->isOnline());
                QCOMPARE(writer->pendingCount(), waiting);
            }
            if (i == 250) {
                QVERIFY(!writer->isOnline());
                starter.reset(pgCtl(pg, startArgs(pg)));
            }
            auto e = writer->append(draft(i));
            QVERIFY2(e.has_value(), qPrintable(e ? QString() : e.error().message));
            QCOMPARE(e->seq(), qint64(i));
            maxPending = std::max(maxPending, writer->pendingCount());
        }
        QVERIFY(starter->waitForFinished(30000));
        QCOMPARE(starter->exitCode(), 0);
        qInfo("up to %lld events waited in the outbox", maxPending);
        QVERIFY2(maxPending >= 100, qPrintable(QString::number(maxPending))); // the outbox really was used
        QTRY_VERIFY_WITH_TIMEOUT(writer->flushOutbox().has_value() && writer->pendingCount() == 0, 20000);
        QVERIFY(writer->isOnline());

        // Count and chain, from a fresh connection as the SELECT-only viewer.
        QCOMPARE(*pg.querySql(
                     QStringLiteral("cutover"),
                     QStringLiteral(
                         "SELECT count(*), count(DISTINCT hash), min(seq), max(seq) FROM cockpit.events")),
                 QStringLiteral("%1|%1|1|%1").arg(total));
        PostgresJournalSpec viewerSpec = s;
        viewerSpec.user = QStringLiteral("watcher");
        auto viewer = PostgresJournal::open(viewerSpec, "watcher-pw");
        QVERIFY2(viewer.has_value(), qPrintable(viewer ? QString() : viewer.error().message));
        const auto report = (*viewer)->verify();
        QVERIFY(report.has_value());
        QVERIFY2(report->ok(), qPrintable(report->fault ? report->fault->toString() : QString()));
        QCOMPARE(report->verifiedCount, total);
        const auto all = (*viewer)->readAll();
        for (int i = 0; i < total; ++i)
            QCOMPARE(all->at(i).payload().value(QStringLiteral("i")).toInt(), i + 1);
    }
};

QTEST_GUILESS_MAIN(tst_PostgresJournal)
#include "tst_PostgresJournal.moc"
