#include "store/PostgresJournal.h"
#include "store/SqliteJournal.h"
#include "support/CliProcess.h"
#include "support/TestPostgres.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::CliRun;
using cockpit::test::runCockpit; // the real binary, as a user would run it

namespace {

JournalEventDraft draft(int i)
{
    return JournalEventDraft {QStringLiteral("run-cli"), 1'700'000'000'000 + qint64(i) * 1000,
                              i == 1 ? JournalEventType::RunStarted : JournalEventType::GateChanged,
                              QStringLiteral("lead"),
                              QJsonObject {{QStringLiteral("gate"), QStringLiteral("g%1").arg(i)},
                                           {QStringLiteral("to"), QStringLiteral("pass")}}};
}

} // namespace

class tst_JournalCommand : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString journalWith(int n, QList<JournalEvent> *events = nullptr)
    {
        QString path = m_dir.filePath(QStringLiteral("j%1.journal").arg(++m_n));
        auto j = SqliteJournal::open(path);
        for (int i = 1; i <= n; ++i) {
            auto e = (*j)->append(draft(i));
            if (events)
                events->append(*e);
        }
        return path;
    }

    void tamper(const QString &path, const QString &sql)
    {
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.exec(QStringLiteral("DROP TRIGGER events_no_update"));
            q.exec(QStringLiteral("DROP TRIGGER events_no_delete"));
            QVERIFY(q.exec(sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("COCKPIT_BIN")), "run through ctest (COCKPIT_BIN)");
    }

    void verifyIntactJournalExitsZero()
    {
        QList<JournalEvent> events;
        const QString path = journalWith(12, &events);
        const CliRun r = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.outText().contains(QStringLiteral("OK, 12 events verified")), qPrintable(r.outText()));
        QVERIFY(r.outText().contains(QString::fromLatin1(events.last().hash())));
    }

    // A command that reaches outside leaves its log in the XDG state directory; one that cannot write
    // there still does its work and says nothing about it.
    void commandsLogToTheStateDirectory()
    {
        const QString path = journalWith(3);
        QTemporaryDir state;
        const QStringList verify {QStringLiteral("journal"), QStringLiteral("verify"),
                                  QStringLiteral("--journal"), path};
        const CliRun r = runCockpit(verify, {{QStringLiteral("XDG_STATE_HOME"), state.path()}});
        QCOMPARE(r.exitCode, 0);
        QFile log(state.filePath(QStringLiteral("cutover-cockpit/cutover-cockpit.log")));
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
        QVERIFY2(log.readAll().contains("command \"journal\""), qPrintable(log.fileName()));

        const CliRun blocked
            = runCockpit(verify, {{QStringLiteral("XDG_STATE_HOME"), path}}); // a file, not a dir
        QCOMPARE(blocked.exitCode, 0);
        QVERIFY2(blocked.err.isEmpty(), blocked.err.constData());
        QVERIFY(blocked.outText().contains(QStringLiteral("OK, 3 events verified")));
    }

    void verifyNamesTheModifiedEventAndExitsOne()
    {
        const QString path = journalWith(12);
        tamper(path,
               QStringLiteral("UPDATE events SET payload = replace(payload, 'pass', 'fail') WHERE seq = 7"));
        const CliRun r = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outText().contains(QStringLiteral("FAILED at event 7: hash mismatch")),
                 qPrintable(r.outText()));
        QVERIFY(r.outText().contains(QStringLiteral("6 of 12 events verified")));
    }

    void verifyNamesTheRemovedEvent()
    {
        const QString path = journalWith(12);
        tamper(path, QStringLiteral("DELETE FROM events WHERE seq = 3"));
        const CliRun r = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outText().contains(QStringLiteral("FAILED at event 3: seq gap")), qPrintable(r.outText()));
    }

    void verifyWithAKeptHeadDetectsACutTail()
    {
        QList<JournalEvent> events;
        const QString path = journalWith(12, &events);
        const CliRun head = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("head"), QStringLiteral("--journal"), path});
        QCOMPARE(head.exitCode, 0);
        const QString kept = QStringLiteral("12:") + QString::fromLatin1(events.last().hash());
        QCOMPARE(head.outText().trimmed(), kept);
        QVERIFY(runCockpit(
                    {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), path})
                    .outText()
                    .contains(QStringLiteral("head ") + kept));

        tamper(path, QStringLiteral("DELETE FROM events WHERE seq > 9"));
        // The rows alone are a valid chain of 9 ...
        QCOMPARE(runCockpit(
                     {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), path})
                     .exitCode,
                 0);
        // ... but not one that contains the head kept earlier.
        const CliRun r = runCockpit({QStringLiteral("journal"), QStringLiteral("verify"),
                                     QStringLiteral("--journal"), path, QStringLiteral("--head"), kept});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.outText().contains(QStringLiteral("FAILED at event 10: truncated")),
                 qPrintable(r.outText()));
        QVERIFY2(r.outText().contains(QStringLiteral("3 event(s) were cut off")), qPrintable(r.outText()));
        // An earlier head is still contained; a malformed one is a usage error.
        QCOMPARE(runCockpit({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"),
                             path, QStringLiteral("--head"),
                             QStringLiteral("9:") + QString::fromLatin1(events.at(8).hash())})
                     .exitCode,
                 0);
        QCOMPARE(runCockpit({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"),
                             path, QStringLiteral("--head"), QStringLiteral("12:abc")})
                     .exitCode,
                 2);
    }

    void verifyUnavailableOrMisusedExitsTwo()
    {
        QCOMPARE(runCockpit({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"),
                             m_dir.filePath(QStringLiteral("missing.journal"))})
                     .exitCode,
                 2);
        QVERIFY(
            !QFile::exists(m_dir.filePath(QStringLiteral("missing.journal")))); // verify never creates one
        QCOMPARE(runCockpit({QStringLiteral("journal"), QStringLiteral("verify")}).exitCode, 2);
        QCOMPARE(runCockpit({QStringLiteral("journal"), QStringLiteral("frobnicate")}).exitCode, 2);
        const CliRun withPassword
            = runCockpit({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"),
                          QStringLiteral("postgresql://lead:s3cret-pw@127.0.0.1:1/db")});
        QCOMPARE(withPassword.exitCode, 2);
        QVERIFY(!withPassword.errText().contains(QStringLiteral("s3cret-pw")));
        QVERIFY(!withPassword.outText().contains(QStringLiteral("s3cret-pw")));
    }

    void exportWritesEveryEventWithItsHash()
    {
        QList<JournalEvent> events;
        const QString path = journalWith(25, &events);
        const QString out = m_dir.filePath(QStringLiteral("export.json"));
        const CliRun r
            = runCockpit({QStringLiteral("journal"), QStringLiteral("export"), QStringLiteral("--journal"),
                          path, QStringLiteral("--json"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("cutover-cockpit-journal"));
        QCOMPARE(doc.value(QStringLiteral("verification")).toObject().value(QStringLiteral("ok")).toBool(),
                 true);
        const QJsonArray exported = doc.value(QStringLiteral("events")).toArray();
        QCOMPARE(exported.size(), 25);
        for (int i = 0; i < 25; ++i) {
            const QJsonObject e = exported.at(i).toObject();
            QCOMPARE(e.value(QStringLiteral("seq")).toInteger(), events.at(i).seq());
            QCOMPARE(e.value(QStringLiteral("hash")).toString(), QString::fromLatin1(events.at(i).hash()));
            QCOMPARE(e.value(QStringLiteral("prev_hash")).toString(),
                     QString::fromLatin1(events.at(i).prevHash()));
            QCOMPARE(e.value(QStringLiteral("type")).toString(), events.at(i).typeName());
            QCOMPARE(e.value(QStringLiteral("payload")).toObject(), events.at(i).payload());
            QCOMPARE(e.value(QStringLiteral("at")).toInteger(), events.at(i).at());
        }
        QCOMPARE(exported.first().toObject().value(QStringLiteral("at_iso")).toString(),
                 QStringLiteral("2023-11-14T22:13:21.000Z"));

        // To stdout, and a tampered journal is still exported, with the verdict naming the bad event.
        tamper(path, QStringLiteral("UPDATE events SET actor = 'mallory' WHERE seq = 9"));
        const CliRun s = runCockpit({QStringLiteral("journal"), QStringLiteral("export"),
                                     QStringLiteral("--journal"), path, QStringLiteral("--json")});
        QCOMPARE(s.exitCode, 0);
        const QJsonObject tampered = QJsonDocument::fromJson(s.out).object();
        QCOMPARE(tampered.value(QStringLiteral("events")).toArray().size(), 25);
        const QJsonObject v = tampered.value(QStringLiteral("verification")).toObject();
        QCOMPARE(v.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(v.value(QStringLiteral("first_bad_event")).toInteger(), 9);
        QCOMPARE(v.value(QStringLiteral("problem")).toString(), QStringLiteral("hash mismatch"));

        QCOMPARE(runCockpit(
                     {QStringLiteral("journal"), QStringLiteral("export"), QStringLiteral("--journal"), path})
                     .exitCode,
                 2);
    }

    void initCreatesSharedJournalAndViewerRole()
    {
        auto pg = test::TestPostgres::fromEnv();
        QVERIFY2(pg.has_value(), qPrintable(pg ? QString() : pg.error().message));
        auto db = pg->createDatabase(QStringLiteral("journal_cli"));
        QVERIFY(db.has_value());
        const QString role = QStringLiteral("cli_viewer_") + db->right(12);
        const QString url = QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=verify-full&sslrootcert=%5")
                                .arg(pg->superuser(), pg->host())
                                .arg(pg->port())
                                .arg(*db, pg->caFile());
        const CliRun r
            = runCockpit({QStringLiteral("journal"), QStringLiteral("init"), QStringLiteral("--journal"), url,
                          QStringLiteral("--viewer-role"), role});
        QVERIFY2(r.exitCode == 0, qPrintable(r.errText()));
        QVERIFY(r.outText().contains(QStringLiteral("schema cockpit ready")));
        QCOMPARE(*pg->query(*db,
                            QStringLiteral("SELECT has_table_privilege('%1', 'cockpit.events', 'SELECT'),"
                                           " has_table_privilege('%1', 'cockpit.events', 'INSERT')")
                                .arg(role)),
                 QStringLiteral("t|f"));
        // A password is never taken from the command line.
        QCOMPARE(runCockpit({QStringLiteral("journal"), QStringLiteral("init"), QStringLiteral("--journal"),
                             url, QStringLiteral("--viewer-role"), role, QStringLiteral("--viewer-password"),
                             QStringLiteral("x")})
                     .exitCode,
                 2);

        // The shared journal verifies and exports like a file.
        {
            auto parsed = PostgresJournalSpec::parse(url);
            auto writer = PostgresJournal::open(*parsed, {});
            QVERIFY(writer.has_value());
            for (int i = 1; i <= 4; ++i)
                QVERIFY((*writer)->append(draft(i)).has_value());
        }
        const CliRun v = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), url});
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(v.outText().contains(QStringLiteral("OK, 4 events verified")),
                 qPrintable(v.outText() + v.errText()));
    }
};

QTEST_GUILESS_MAIN(tst_JournalCommand)
#include "tst_JournalCommand.moc"
