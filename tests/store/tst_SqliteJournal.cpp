#include "core/base/Redactor.h"
#include "store/SqliteJournal.h"

#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace cockpit;

namespace {

JournalEventDraft draft(int i, const QString &run = QStringLiteral("run-A"))
{
    JournalEventDraft d;
    d.runId = run;
    d.at = 1'700'000'000'000 + i;
    d.type = i == 1 ? JournalEventType::RunStarted : JournalEventType::CheckObserved;
    d.actor = QStringLiteral("engine");
    d.payload = QJsonObject {
        {QStringLiteral("marker"), QStringLiteral("marker-%1").arg(i, 4, 10, QLatin1Char('0'))},
        {QStringLiteral("status"), 200}};
    return d;
}

// A separate raw connection to the same file, as a tamperer with sqlite3 would have; triggers dropped.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(quintptr(this)))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawSqlite()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql)) {
            m_error = q.lastError().text();
            return false;
        }
        return true;
    }
    void dropGuards()
    {
        exec(QStringLiteral("DROP TRIGGER events_no_update"));
        exec(QStringLiteral("DROP TRIGGER events_no_delete"));
    }
    QString m_error;

private:
    QString m_name;
};

QString describe(const Expected<JournalVerifyReport, Error> &r)
{
    if (!r)
        return r.error().message;
    return r->fault ? r->fault->toString() : QStringLiteral("ok");
}

} // namespace

class tst_SqliteJournal : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_n)); }

    std::unique_ptr<SqliteJournal> filled(const QString &path, int n)
    {
        auto j = SqliteJournal::open(path);
        if (!j)
            qFatal("open: %s", qPrintable(j.error().message));
        for (int i = 1; i <= n; ++i) {
            auto e = (*j)->append(draft(i));
            if (!e)
                qFatal("append: %s", qPrintable(e.error().message));
        }
        return std::move(*j);
    }

private Q_SLOTS:
    void cleanup() { Redactor::clearForTests(); }

    void appendsAndReads()
    {
        auto opened = SqliteJournal::open(freshPath());
        QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().message));
        SqliteJournal &j = **opened;
        QSignalSpy appended(&j, &Journal::eventsAppended);

        QVERIFY(!j.lastEvent()->has_value());
        QCOMPARE(*j.count(), 0);
        for (int i = 1; i <= 6; ++i) {
            auto e = j.append(draft(i, i % 2 ? QStringLiteral("run-A") : QStringLiteral("run-B")));
            QVERIFY2(e.has_value(), qPrintable(e ? QString() : e.error().message));
            QCOMPARE(e->seq(), i);
            QCOMPARE(e->at(), 1'700'000'000'000 + i); // the timestamp given, not the wall clock
        }
        QCOMPARE(appended.size(), 6);
        QCOMPARE(appended.last().at(0).toLongLong(), 6);

        const auto all = j.readAll();
        QVERIFY(all.has_value());
        QCOMPARE(all->size(), 6);
        QCOMPARE(all->first().prevHash(), JournalEvent::genesisHash());
        for (int i = 1; i < 6; ++i) {
            QCOMPARE(all->at(i).seq(), i + 1);
            QCOMPARE(all->at(i).prevHash(), all->at(i - 1).hash());
        }
        QCOMPARE(all->at(0).type(), JournalEventType::RunStarted);
        QCOMPARE(all->at(2).payload().value(QStringLiteral("marker")).toString(),
                 QStringLiteral("marker-0003"));

        const auto runB = j.readRun(QStringLiteral("run-B"));
        QCOMPARE(runB->size(), 3);
        QCOMPARE(runB->at(0).seq(), 2);
        QCOMPARE(runB->at(2).seq(), 6);
        QCOMPARE(j.readFrom(4)->size(), 3);
        QCOMPARE(j.readFrom(2, 2)->last().seq(), 3);
        QCOMPARE((*j.lastEvent())->seq(), 6);
        QCOMPARE(*j.count(), 6);

        const auto report = j.verify();
        QVERIFY2(report && report->ok(), qPrintable(describe(report)));
        QCOMPARE(report->verifiedCount, 6);
        QCOMPARE(report->headHash, all->last().hash());
    }

    void appendBatchIsOneTransactionOnTheChain()
    {
        const QString path = freshPath();
        auto j = filled(path, 2);
        QSignalSpy appended(j.get(), &Journal::eventsAppended);
        QList<JournalEventDraft> step;
        for (int i = 3; i <= 12; ++i)
            step.append(draft(i));
        const auto batch = j->appendBatch(step);
        QVERIFY2(batch.has_value(), qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(batch->size(), 10);
        QCOMPARE(batch->first().seq(), 3);
        QCOMPARE(batch->last().seq(), 12);
        QCOMPARE(appended.size(), 1); // one notice per transaction, from its first event
        QCOMPARE(appended.first().at(0).toLongLong(), 3);
        QCOMPARE(*j->readFrom(3), *batch); // what was returned is what is stored
        QVERIFY(j->appendBatch({})->isEmpty());

        // All or nothing: a batch the database refuses halfway leaves no event of it behind, and the
        // next append chains onto what is really stored.
        RawSqlite raw(path);
        QVERIFY(raw.exec(
            QStringLiteral("CREATE TRIGGER refuse_poison BEFORE INSERT ON events"
                           " WHEN NEW.run_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END")));
        QList<JournalEventDraft> poisoned {draft(13), draft(14), draft(15, QStringLiteral("poison"))};
        QVERIFY(!j->appendBatch(poisoned).has_value());
        QCOMPARE(*j->count(), 12);
        const auto next = j->append(draft(13));
        QVERIFY(next.has_value());
        QCOMPARE(next->seq(), 13);
        QCOMPARE(next->prevHash(), batch->last().hash());
        QVERIFY(j->verify()->ok());
    }

    void twoWritersInterleavedKeepOneChain()
    {
        // The tail kept in memory must not survive another connection's commit.
        const QString path = freshPath();
        auto a = SqliteJournal::open(path);
        auto b = SqliteJournal::open(path);
        QVERIFY(a.has_value() && b.has_value());
        for (int i = 0; i < 20; ++i) {
            SqliteJournal &w = i % 3 == 0 ? **b : **a;
            if (i % 2)
                QVERIFY(w.append(draft(i)).has_value());
            else
                QVERIFY(w.appendBatch({draft(i), draft(i)}).has_value());
        }
        QCOMPARE(*(*a)->count(), 30);
        const auto report = (*b)->verify();
        QVERIFY2(report && report->ok(), qPrintable(describe(report)));
        QCOMPARE((*a)->head().value(), (*b)->head().value());
    }

    void continuesChainAfterReopenWithWalAndFullSync()
    {
        const QString path = freshPath();
        QByteArray head;
        {
            auto j = filled(path, 3);
            head = (*j->lastEvent())->hash();
            QSqlQuery q(QSqlDatabase::database(j->connectionName()));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
            QCOMPARE(q.value(0).toInt(), 2); // FULL
        }
        auto j = SqliteJournal::open(path);
        QVERIFY(j.has_value());
        auto e = (*j)->append(draft(4));
        QCOMPARE(e->seq(), 4);
        QCOMPARE(e->prevHash(), head);
        QVERIFY((*j)->verify()->ok());
    }

    void databaseRefusesUpdateAndDelete()
    {
        const QString path = freshPath();
        auto j = filled(path, 3);
        RawSqlite raw(path);
        QVERIFY(!raw.exec(QStringLiteral("UPDATE events SET actor = 'x' WHERE seq = 2")));
        QVERIFY2(raw.m_error.contains(QStringLiteral("append-only")), qPrintable(raw.m_error));
        QVERIFY(!raw.exec(QStringLiteral("DELETE FROM events WHERE seq = 2")));
        QVERIFY(
            !raw.exec(QStringLiteral("INSERT INTO events VALUES (2, 'r', 1, 'note', 'a', '{}', 'x', 'y')")));
        QVERIFY(j->verify()->ok());
    }

    void oneByteEditedWithSqlIsNamed()
    {
        const QString path = freshPath();
        auto j = filled(path, 10);
        RawSqlite raw(path);
        raw.dropGuards();
        // One byte of event 5's payload: "marker-0005" -> "marker-0006".
        QVERIFY(raw.exec(
            QStringLiteral("UPDATE events SET payload = replace(payload, 'marker-0005', 'marker-0006')"
                           " WHERE seq = 5")));
        QCOMPARE(j->readFrom(5, 1)->first().payload().value(QStringLiteral("marker")).toString(),
                 QStringLiteral("marker-0006"));
        const auto r = j->verify();
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->fault->seq, 5);
        QCOMPARE(r->fault->kind, JournalFault::Kind::HashMismatch);
        QCOMPARE(r->verifiedCount, 4);
    }

    void oneByteEditedInTheFileIsNamed()
    {
        const QString path = freshPath();
        filled(path, 10).reset(); // closing the last connection checkpoints the WAL into the file
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        const qsizetype at = bytes.indexOf("marker-0007");
        QVERIFY(at > 0);
        QCOMPARE(bytes.indexOf("marker-0007", at + 1), -1);
        bytes[at + 10] = '9'; // marker-0009: one byte, the file stays a valid SQLite database
        f.seek(0);
        f.write(bytes);
        f.close();

        auto j = SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly);
        QVERIFY(j.has_value());
        const auto r = (*j)->verify();
        QVERIFY(r.has_value());
        QVERIFY(!r->ok());
        QCOMPARE(r->fault->seq, 7);
        QCOMPARE(r->fault->kind, JournalFault::Kind::HashMismatch);
    }

    void deletedEventIsNamed()
    {
        const QString path = freshPath();
        auto j = filled(path, 10);
        RawSqlite raw(path);
        raw.dropGuards();
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM events WHERE seq = 4")));
        const auto r = j->verify();
        QVERIFY(!r->ok());
        QCOMPARE(r->fault->seq, 4);
        QCOMPARE(r->fault->kind, JournalFault::Kind::SeqGap);
    }

    void insertedEventStoredFaithfullyBreaksTheChainAfterIt()
    {
        const QString path = freshPath();
        auto j = filled(path, 10);
        const auto five = j->readFrom(5, 1)->first();
        RawSqlite raw(path);
        raw.dropGuards();
        QVERIFY(raw.exec(QStringLiteral("UPDATE events SET seq = seq + 1000 WHERE seq >= 6")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE events SET seq = seq - 999 WHERE seq >= 1000")));
        const JournalRawRow row = JournalEvent::seal(draft(99), 6, five.hash()).toRawRow();
        QVERIFY(raw.exec(
            QStringLiteral("INSERT INTO events VALUES (6, '%1', %2, '%3', '%4', '%5', '%6', '%7')")
                .arg(QString::fromUtf8(row.runId), QString::fromUtf8(row.at), QString::fromUtf8(row.type),
                     QString::fromUtf8(row.actor), QString::fromUtf8(row.payload),
                     QString::fromLatin1(row.prevHash), QString::fromLatin1(row.hash))));
        const auto r = j->verify();
        QVERIFY(!r->ok());
        QCOMPARE(r->fault->seq, 7); // the renumbered original 6 no longer chains onto the forged 6
        QCOMPARE(r->fault->kind, JournalFault::Kind::ChainBreak);
    }

    void reorderedEventsAreDetected()
    {
        const QString path = freshPath();
        auto j = filled(path, 10);
        RawSqlite raw(path);
        raw.dropGuards();
        QVERIFY(raw.exec(QStringLiteral("UPDATE events SET seq = 100 WHERE seq = 3")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE events SET seq = 3 WHERE seq = 4")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE events SET seq = 4 WHERE seq = 100")));
        const auto r = j->verify();
        QVERIFY(!r->ok());
        QCOMPARE(r->fault->seq, 3);
        QCOMPARE(r->fault->kind, JournalFault::Kind::ChainBreak);
    }

    void garbageRowIsUnparsableNotACrash()
    {
        const QString path = freshPath();
        auto j = filled(path, 4);
        RawSqlite raw(path);
        raw.dropGuards();
        QVERIFY(
            raw.exec(QStringLiteral("UPDATE events SET payload = x'00ff7b22', at = 'soon' WHERE seq = 3")));
        const auto r = j->verify();
        QVERIFY(!r->ok());
        QCOMPARE(r->fault->seq, 3);
        QCOMPARE(r->fault->kind, JournalFault::Kind::Unparsable);
        QVERIFY(!j->readAll().has_value()); // reads refuse to hand out a damaged event
    }

    void redactsBeforeHashingAndStoring()
    {
        const QString path = freshPath();
        Redactor::add("hunter2-very-secret");
        {
            auto j = SqliteJournal::open(path);
            JournalEventDraft d = draft(1);
            d.type = JournalEventType::ActionRun;
            d.payload.insert(QStringLiteral("output"),
                             QStringLiteral("PGPASSWORD=hunter2-very-secret psql ok"));
            auto e = (*j)->append(d);
            QVERIFY(e.has_value());
            QCOMPARE(e->payload().value(QStringLiteral("output")).toString(),
                     QStringLiteral("PGPASSWORD=*** psql ok"));
            QVERIFY((*j)->verify()->ok());
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("PGPASSWORD=***"));
        QVERIFY(!bytes.contains("hunter2-very-secret"));
    }

    void readOnlyModeRefusesAppendAndMissingFile()
    {
        QVERIFY(!SqliteJournal::open(freshPath(), SqliteJournal::Mode::ReadOnly).has_value());
        const QString path = freshPath();
        filled(path, 2).reset();
        auto j = SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly);
        QVERIFY(j.has_value());
        QVERIFY(!(*j)->append(draft(3)).has_value());
        QCOMPARE(*(*j)->count(), 2);
    }

    void refusesCallsFromAnotherThread()
    {
        auto j = filled(freshPath(), 2);
        Expected<Journal::Events, Error> fromOther = unexpected(Error::plain(QStringLiteral("not run")));
        std::unique_ptr<QThread> t(QThread::create([&] { fromOther = j->readAll(); }));
        t->start();
        QVERIFY(t->wait(10000));
        QVERIFY(!fromOther.has_value());
        QVERIFY2(fromOther.error().message.contains(QStringLiteral("thread")),
                 qPrintable(fromOther.error().message));
        QCOMPARE(j->readAll()->size(), 2);
    }

    void concurrentReadersSeeVerifiedPrefixes()
    {
        const QString path = freshPath();
        auto writer = filled(path, 1);
        std::atomic<bool> done {false};
        std::atomic<int> reads {0};
        QStringList failures;
        QMutex failuresMutex;
        auto reader = [&] {
            // Each reader thread owns its own connection.
            auto j = SqliteJournal::open(path, SqliteJournal::Mode::ReadOnly);
            if (!j) {
                QMutexLocker l(&failuresMutex);
                failures << j.error().message;
                return;
            }
            qint64 seen = 0;
            while (!done.load()) {
                const auto r = (*j)->verify();
                const auto all = (*j)->readAll();
                QMutexLocker l(&failuresMutex);
                if (!r || !r->ok() || !all)
                    failures << describe(r);
                else if (r->verifiedCount < seen || all->size() < r->verifiedCount)
                    failures << QStringLiteral("went backwards: %1 after %2").arg(r->verifiedCount).arg(seen);
                else
                    seen = r->verifiedCount;
                ++reads;
            }
        };
        std::unique_ptr<QThread> r1(QThread::create(reader));
        std::unique_ptr<QThread> r2(QThread::create(reader));
        r1->start();
        r2->start();
        for (int i = 2; i <= 400; ++i)
            QVERIFY(writer->append(draft(i)).has_value());
        done = true;
        QVERIFY(r1->wait(30000));
        QVERIFY(r2->wait(30000));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(reads.load() >= 2);
        QCOMPARE(*writer->count(), 400);
        QVERIFY(writer->verify()->ok());
    }
};

QTEST_GUILESS_MAIN(tst_SqliteJournal)
#include "tst_SqliteJournal.moc"
