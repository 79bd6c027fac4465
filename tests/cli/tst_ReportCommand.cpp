// `cutover-cockpit report`, the real binary on a SQLite journal: the PDF and the bundle beside it, the exit
// codes for a missing journal, a journal without a run, an unknown run and a tampered journal.
#include "report/EvidenceJournals.h"
#include "store/SqliteJournal.h"
#include "support/CliProcess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::CliRun;
using cockpit::test::runCockpit;

class tst_ReportCommand : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void writesThePdfAndTheBundleBesideIt()
    {
        const QString journal = test::evidence::sqliteJournalOf(m_dir, test::evidence::run({}),
                                                                QStringLiteral("happy.journal"));
        QVERIFY(!journal.isEmpty());
        const QString pdf = m_dir.filePath(QStringLiteral("evidence.pdf"));
        const CliRun r = runCockpit({QStringLiteral("report"), QStringLiteral("--journal"), journal,
                                     QStringLiteral("-o"), pdf, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(QFile::exists(pdf));
        QFile json(m_dir.filePath(QStringLiteral("evidence.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(json.readAll(), QCryptographicHash::Sha256).toHex());
        QVERIFY2(r.outText().contains(QStringLiteral("bundle SHA-256 ") + sha), qPrintable(r.describe()));
        QVERIFY(r.outText().contains(QStringLiteral("SUCCESS")));
        QVERIFY(r.outText().contains(QStringLiteral("journal verify passed")));
    }

    void aMissingJournalIsAnError()
    {
        const CliRun r = runCockpit({QStringLiteral("report"), QStringLiteral("--journal"),
                                     m_dir.filePath(QStringLiteral("nowhere.journal")), QStringLiteral("-o"),
                                     m_dir.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("does not exist")), qPrintable(r.describe()));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.pdf"))));
    }

    void aJournalWithoutTheRunIsAnError()
    {
        const QString empty = test::evidence::sqliteJournalOf(m_dir, {}, QStringLiteral("empty.journal"));
        QVERIFY(!empty.isEmpty());
        CliRun r = runCockpit({QStringLiteral("report"), QStringLiteral("--journal"), empty,
                               QStringLiteral("-o"), m_dir.filePath(QStringLiteral("y.pdf"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("holds no run")), qPrintable(r.describe()));
        const QString journal
            = test::evidence::sqliteJournalOf(m_dir, test::evidence::run({}), QStringLiteral("one.journal"));
        r = runCockpit({QStringLiteral("report"), QStringLiteral("--journal"), journal,
                        QStringLiteral("--run"), QStringLiteral("no-such-run"), QStringLiteral("-o"),
                        m_dir.filePath(QStringLiteral("z.pdf"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errText().contains(QStringLiteral("no-such-run")), qPrintable(r.describe()));
    }

    void aTamperedJournalIsReportedWithExitOne()
    {
        const QString journal = test::evidence::sqliteJournalOf(m_dir, test::evidence::run({}),
                                                                QStringLiteral("tampered.journal"));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(journal);
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.exec(QStringLiteral("DROP TRIGGER events_no_update"));
            QVERIFY(q.exec(QStringLiteral("UPDATE events SET actor = 'Mallory' WHERE seq = 7")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        const QString pdf = m_dir.filePath(QStringLiteral("tampered.pdf"));
        const CliRun r = runCockpit(
            {QStringLiteral("report"), QStringLiteral("--journal"), journal, QStringLiteral("-o"), pdf});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QFile::exists(pdf));
        QVERIFY2(r.errText().contains(QStringLiteral("FAILED verification")), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(tst_ReportCommand)
#include "tst_ReportCommand.moc"
