// The real binary: what `run` refuses and what it makes a journaled decision (issue "A run you can rely on"):
// one writer per run (two processes, SQLite and PostgreSQL journals), a finished run is reported instead of
// run again, a changed runbook is not resumed silently, a NO-GO stops the run, a missing secret stops it
// before its first effect. Metrics come from the fixture PostgreSQL.

#include "core/journal/JournalEvent.h"
#include "store/JournalFactory.h"
#include "support/CliProcess.h"
#include "support/TestPostgres.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace cockpit;
using namespace cockpit::test;

class tst_RunCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<TestDatabase> m_db;
    int m_files = 0;

    // A one-stage runbook sampling v from the fixture database (as superuser: no secret) unless
    // `connection` says otherwise.
    QString writeRunbook(const QString &soak, const QString &extra = {},
                         const QString &gate = QStringLiteral("v >= 95"), const QString &connection = {})
    {
        const TestPostgres &pg = m_db->pg;
        const QString path = m_dir.filePath(QStringLiteral("rb%1.yaml").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        const QString conn = !connection.isEmpty()
            ? connection
            : QStringLiteral(
                  "postgres: {host: \"%1\", port: %2, database: \"%3\", user: \"%4\", ca_file: \"%5\"}")
                  .arg(pg.host())
                  .arg(pg.port())
                  .arg(m_db->name, pg.superuser(), pg.caFile());
        f.write(QStringLiteral(R"(runbook: 1
name: launch test %1
connections:
  app_db:
    %2
metrics:
  v: {connection: app_db, every: 5s, query: "SELECT v FROM m"}
%3
stages:
  - id: only
    soak: %4
    gates:
      - {id: v-ok, expect: "%5", hold: 0s}
)")
                    .arg(m_files)
                    .arg(conn, extra, soak, gate)
                    .toUtf8());
        return path;
    }

    QStringList runArgs(const QString &runbook, const QString &journal, const QString &who,
                        const QStringList &extra = {}) const
    {
        return QStringList {QStringLiteral("run"),
                            runbook,
                            QStringLiteral("--mode"),
                            QStringLiteral("rehearsal"),
                            QStringLiteral("--journal"),
                            journal,
                            QStringLiteral("--as"),
                            who,
                            QStringLiteral("--exit-on-decision")}
        + extra;
    }

    static QList<JournalEvent> events(const QString &spec)
    {
        auto j = JournalFactory::open(spec);
        if (!j)
            return {};
        auto all = (*j)->readAll();
        return all ? *all : QList<JournalEvent> {};
    }

    // Whether a SQLite journal's write lock is free right now (no busy wait).
    static bool writable(const QString &file)
    {
        bool free = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=0"));
            if (db.open()) {
                QSqlQuery q(db);
                free = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
                if (free)
                    q.exec(QStringLiteral("ROLLBACK"));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        return free;
    }

    static int count(const QList<JournalEvent> &events, JournalEventType type, const QString &kind = {})
    {
        return int(std::count_if(events.cbegin(), events.cend(), [&](const JournalEvent &e) {
            return e.type() == type
                && (kind.isEmpty() || e.payload().value(QLatin1String("kind")).toString() == kind);
        }));
    }

    QString postgresJournal()
    {
        const TestPostgres &pg = m_db->pg;
        auto db = pg.createDatabase(QStringLiteral("lease_journal"));
        if (!db)
            return {};
        const QString url = QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=verify-full&sslrootcert=%5")
                                .arg(pg.superuser(), pg.host())
                                .arg(pg.port())
                                .arg(*db, pg.caFile());
        const CliRun init
            = runCockpit({QStringLiteral("journal"), QStringLiteral("init"), QStringLiteral("--journal"), url,
                          QStringLiteral("--viewer-role"), QStringLiteral("v_") + db->right(12)});
        return init.exitCode == 0 ? url : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = TestPostgres::databaseFromEnv(
            QStringLiteral("launch"),
            QStringLiteral("CREATE TABLE m (v double precision); INSERT INTO m VALUES (99);"
                           "GRANT SELECT ON m TO PUBLIC;"));
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        m_db = *db;
    }

    void oneWriterPerRun_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    // A second `run` refuses and names the holder; after the holder goes silent past its ttl, only
    // --take-over replaces it (journaled) and the silent process, when it wakes, stops writing.
    void oneWriterPerRun()
    {
        QFETCH(bool, postgres);
        const QString journal
            = postgres ? postgresJournal() : m_dir.filePath(QStringLiteral("lease.journal"));
        QVERIFY(!journal.isEmpty());
        const QString runbook = writeRunbook(QStringLiteral("1h"));
        const QStringList lease {QStringLiteral("--yes"), QStringLiteral("--lease-ttl"), QStringLiteral("2")};

        QProcess a;
        a.setProcessChannelMode(QProcess::MergedChannels);
        startCockpit(a, runArgs(runbook, journal, QStringLiteral("Dana Weber"), lease));
        QVERIFY(a.waitForStarted());
        a.closeWriteChannel();
        QByteArray aOut;
        QTRY_VERIFY_WITH_TIMEOUT((aOut += a.readAll()).contains("== stage only"), 20000);

        const CliRun second = runCockpit(runArgs(runbook, journal, QStringLiteral("Ravi Patel"), lease));
        QVERIFY2(second.exitCode == 5, qPrintable(second.describe()));
        QVERIFY2(second.errText().contains(QStringLiteral("held by Dana Weber")),
                 qPrintable(second.describe()));
        QVERIFY2(second.errText().contains(QStringLiteral("since")), qPrintable(second.describe()));

        // Dana's process goes silent (its machine froze); its lease expires but is not taken silently.
        // A SQLite lead frozen in the middle of an append keeps the file's write lock (nobody can write
        // then; `run` says so): freeze it between two writes, as a machine that froze while idle.
        ::kill(pid_t(a.processId()), SIGSTOP);
        for (int attempt = 0; !journal.startsWith(QLatin1String("postgresql:")) && !writable(journal);
             ++attempt) {
            QVERIFY2(attempt < 200, "the lead never paused between two writes");
            ::kill(pid_t(a.processId()), SIGCONT);
            QTest::qWait(7);
            ::kill(pid_t(a.processId()), SIGSTOP);
        }
        QTest::qWait(3500);
        const CliRun silent = runCockpit(runArgs(runbook, journal, QStringLiteral("Ravi Patel"), lease));
        QVERIFY2(silent.exitCode == 5 && silent.errText().contains(QStringLiteral("--take-over")),
                 qPrintable(silent.describe()));

        QProcess b;
        b.setProcessChannelMode(QProcess::MergedChannels);
        startCockpit(b,
                     runArgs(runbook, journal, QStringLiteral("Ravi Patel"),
                             lease + QStringList {QStringLiteral("--take-over")}));
        QVERIFY(b.waitForStarted());
        b.closeWriteChannel();
        QByteArray bOut;
        QTRY_VERIFY_WITH_TIMEOUT((bOut += b.readAll()).contains("Resumed run"), 20000);
        QVERIFY2(bOut.contains("took over the expired lease of Dana Weber"), bOut.constData());

        ::kill(pid_t(a.processId()), SIGCONT);
        QVERIFY(a.waitForFinished(20000));
        aOut += a.readAll();
        QVERIFY2(a.exitCode() == 5, aOut.constData());
        QVERIFY2(aOut.contains("taken over by Ravi Patel"), aOut.constData());

        ::kill(pid_t(b.processId()), SIGINT);
        QVERIFY(b.waitForFinished(20000));
        QCOMPARE(b.exitCode(), 130);

        const QList<JournalEvent> all = events(journal);
        QCOMPARE(count(all, JournalEventType::RunStarted), 1);
        QCOMPARE(count(all, JournalEventType::StageEntered), 1);
        QCOMPARE(count(all, JournalEventType::Note, QStringLiteral("lease_taken")), 1);
        QCOMPARE(count(all, JournalEventType::Note, QStringLiteral("lease_taken_over")), 1);
        const auto released = std::find_if(all.cbegin(), all.cend(), [](const JournalEvent &e) {
            return e.payload().value(QLatin1String("kind")).toString() == QLatin1String("lease_released");
        });
        QVERIFY(released != all.cend());
        QCOMPARE(released->actor(), QStringLiteral("Ravi Patel"));
        const CliRun verify = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    }

    // Running a finished runbook again reports its result instead of repeating its writes; --new-run starts
    // another, and `runs` lists both.
    void finishedRunIsReportedNotRepeated()
    {
        const QString journal = m_dir.filePath(QStringLiteral("finished.journal"));
        const QString runbook = writeRunbook(QStringLiteral("2s"));
        const QStringList yes {QStringLiteral("--yes")};
        const CliRun first = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber"), yes));
        QVERIFY2(first.exitCode == 0 && first.outText().contains(QStringLiteral("Run finished: completed")),
                 qPrintable(first.describe()));

        const CliRun again = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber"), yes));
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        QVERIFY2(again.outText().contains(QStringLiteral("has finished: completed"))
                     && again.outText().contains(QStringLiteral("--new-run")),
                 qPrintable(again.describe()));
        QCOMPARE(count(events(journal), JournalEventType::StageEntered), 1);

        const CliRun fresh = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber"),
                                                yes + QStringList {QStringLiteral("--new-run")}));
        QVERIFY2(fresh.exitCode == 0 && fresh.outText().contains(QStringLiteral("Started run")),
                 qPrintable(fresh.describe()));
        QCOMPARE(count(events(journal), JournalEventType::RunStarted), 2);

        const CliRun runs = runCockpit({QStringLiteral("runs"), QStringLiteral("--journal"), journal});
        QVERIFY2(runs.exitCode == 0, qPrintable(runs.describe()));
        QCOMPARE(runs.outText().count(QStringLiteral("completed")), 2);
        QVERIFY2(runs.outText().contains(QStringLiteral("Dana Weber")), qPrintable(runs.describe()));
        const CliRun json = runCockpit(
            {QStringLiteral("runs"), QStringLiteral("--journal"), journal, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), 2);
    }

    // Resuming with an edited runbook refuses and names what changed; accepting it is a journaled decision.
    void changedRunbookIsNotResumedSilently()
    {
        const QString journal = m_dir.filePath(QStringLiteral("changed.journal"));
        const QString runbook = writeRunbook(QStringLiteral("1h"));
        const CliRun first = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber")));
        QVERIFY2(first.exitCode == 3, qPrintable(first.describe())); // waits for the stage to be entered

        QFile f(runbook);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        f.close();
        text.replace("v >= 95", "v >= 90");
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();

        const CliRun refused = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber")));
        QVERIFY2(refused.exitCode == 6, qPrintable(refused.describe()));
        QVERIFY2(refused.errText().contains(QStringLiteral("gate only/v-ok changed")),
                 qPrintable(refused.describe()));
        QVERIFY2(refused.errText().contains(QStringLiteral("--accept-changed-runbook")),
                 qPrintable(refused.describe()));

        const CliRun accepted
            = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber"),
                                 {QStringLiteral("--accept-changed-runbook"), QStringLiteral("--reason"),
                                  QStringLiteral("threshold agreed with the DBA")}));
        QVERIFY2(accepted.exitCode == 3, qPrintable(accepted.describe()));
        const QList<JournalEvent> all = events(journal);
        const auto note = std::find_if(all.cbegin(), all.cend(), [](const JournalEvent &e) {
            return e.payload().value(QLatin1String("kind")).toString()
                == QLatin1String("runbook_change_accepted");
        });
        QVERIFY(note != all.cend());
        QCOMPARE(note->actor(), QStringLiteral("Dana Weber"));
        QCOMPARE(note->payload().value(QLatin1String("reason")).toString(),
                 QStringLiteral("threshold agreed with the DBA"));

        // Decided once: the accepted file resumes without asking again.
        const CliRun resumed = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber")));
        QVERIFY2(resumed.exitCode == 3, qPrintable(resumed.describe()));
    }

    // A NO-GO stops the run before its first stage, even with --yes; an override is a named, journaled
    // decision.
    void noGoStopsTheRunUnlessOverridden()
    {
        const QString journal = m_dir.filePath(QStringLiteral("nogo.journal"));
        const QString runbook = writeRunbook(
            QStringLiteral("2s"),
            QStringLiteral(
                "prerequisites:\n  - {id: v-perfect, category: data, sql: {connection: app_db, query: "
                "\"SELECT v FROM m\"}, expect: \"[VALUE] >= 100\"}\n"));
        const CliRun refused
            = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber"), {QStringLiteral("--yes")}));
        QVERIFY2(refused.exitCode == 4, qPrintable(refused.describe()));
        QVERIFY2(refused.errText().contains(QStringLiteral("v-perfect")), qPrintable(refused.describe()));
        QList<JournalEvent> all = events(journal);
        QCOMPARE(count(all, JournalEventType::GoNoGo), 1);
        QCOMPARE(count(all, JournalEventType::StageEntered), 0);
        const auto noGo = std::find_if(all.cbegin(), all.cend(), [](const JournalEvent &e) {
            return e.type() == JournalEventType::GoNoGo;
        });
        QCOMPARE(noGo->payload().value(QLatin1String("decision")).toString(), QStringLiteral("no_go"));
        QCOMPARE(noGo->payload().value(QLatin1String("items")).toArray().size(), 1);

        const CliRun overridden = runCockpit(
            runArgs(runbook, journal, QStringLiteral("Dana Weber"),
                    {QStringLiteral("--yes"), QStringLiteral("--override-no-go"), QStringLiteral("--reason"),
                     QStringLiteral("99 is what production has had for a year")}));
        QVERIFY2(overridden.exitCode == 0, qPrintable(overridden.describe()));
        QVERIFY2(overridden.outText().contains(QStringLiteral("NO-GO OVERRIDDEN by Dana Weber")),
                 qPrintable(overridden.describe()));
        all = events(journal);
        QCOMPARE(count(all, JournalEventType::StageEntered), 1);
        const auto over = std::find_if(all.crbegin(), all.crend(), [](const JournalEvent &e) {
            return e.type() == JournalEventType::GoNoGo;
        });
        QCOMPARE(over->payload().value(QLatin1String("decision")).toString(), QStringLiteral("override"));
        QCOMPARE(over->actor(), QStringLiteral("Dana Weber"));
        QCOMPARE(over->payload().value(QLatin1String("reason")).toString(),
                 QStringLiteral("99 is what production has had for a year"));
    }

    // A secret a connection needs and nobody has stops the run before anything is sampled; the environment
    // fallback COCKPIT_SECRET_<NAME> is honoured when the keychain has none.
    void missingSecretStopsTheRunBeforeItsFirstEffect()
    {
        const TestPostgres &pg = m_db->pg;
        const QString journal = m_dir.filePath(QStringLiteral("secret.journal"));
        const QString runbook = writeRunbook(
            QStringLiteral("2s"),
            QStringLiteral("secrets:\n  app_pw: {description: the app role's password}\n"),
            QStringLiteral("v >= 95"),
            QStringLiteral(
                "postgres: {host: \"%1\", port: %2, database: \"%3\", user: \"%4\", ca_file: \"%5\","
                " password: {secret: app_pw}}")
                .arg(pg.host())
                .arg(pg.port())
                .arg(m_db->name, pg.appUser(), pg.caFile()));
        const QStringList noKeychain {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                                      QStringLiteral("PGPASSWORD"), QStringLiteral("COCKPIT_SECRET_APP_PW")};
        const CliRun refused
            = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber"), {QStringLiteral("--yes")}),
                         {{QStringLiteral("HOME"), m_dir.path()}}, 60000, noKeychain);
        QVERIFY2(refused.exitCode == 7, qPrintable(refused.describe()));
        QVERIFY2(refused.errText().contains(QStringLiteral("app_pw"))
                     && refused.errText().contains(QStringLiteral("COCKPIT_SECRET_APP_PW")),
                 qPrintable(refused.describe()));
        QCOMPARE(count(events(journal), JournalEventType::SampleTaken), 0);
        QCOMPARE(count(events(journal), JournalEventType::StageEntered), 0);

        const CliRun ran
            = runCockpit(runArgs(runbook, journal, QStringLiteral("Dana Weber"), {QStringLiteral("--yes")}),
                         {{QStringLiteral("HOME"), m_dir.path()},
                          {QStringLiteral("COCKPIT_SECRET_APP_PW"), QString::fromUtf8(pg.appPassword())}},
                         60000, {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("PGPASSWORD")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
        QVERIFY2(!ran.out.contains(pg.appPassword()) && !ran.err.contains(pg.appPassword()),
                 "the secret was printed");
        const QList<JournalEvent> all = events(journal);
        const auto sample = std::find_if(all.cbegin(), all.cend(), [](const JournalEvent &e) {
            return e.type() == JournalEventType::SampleTaken;
        });
        QVERIFY(sample != all.cend());
        QCOMPARE(sample->payload().value(QLatin1String("value")).toDouble(), 99.0);
    }

    // Without a terminal, a run that needs a decision waits for it instead of exiting: the decision comes
    // from another terminal, and meanwhile sampling and triggers go on, so a breach rolls back at once.
    void waitingRunKeepsWatchingTriggers()
    {
        auto db = TestPostgres::databaseFromEnv(
            QStringLiteral("waiting"),
            QStringLiteral("CREATE TABLE m (v double precision); INSERT INTO m VALUES (99);"));
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().message));
        const TestPostgres &pg = db->pg;
        const QString runbook = m_dir.filePath(QStringLiteral("waiting.yaml"));
        QFile f(runbook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"(runbook: 1
name: waiting run
connections:
  app_db: {postgres: {host: "%1", port: %2, database: "%3", user: "%4", ca_file: "%5"}}
metrics:
  v: {connection: app_db, every: 2s, query: "SELECT v FROM m"}
stages:
  - id: only
    soak: 1h
    rollout:
      - {id: flip, command: {argv: ["true"]}, writes: true}
    gates:
      - {id: v-ok, expect: "v >= 95", hold: 0s}
rollback:
  triggers:
    - {id: v-low, when: "v < 50", severity: critical, action: rollback}
)")
                    .arg(pg.host())
                    .arg(pg.port())
                    .arg(db->name, pg.superuser(), pg.caFile())
                    .toUtf8());
        f.close();
        const QString journal = m_dir.filePath(QStringLiteral("waiting.journal"));
        QProcess lead;
        lead.setProcessChannelMode(QProcess::MergedChannels);
        startCockpit(lead,
                     {QStringLiteral("run"), runbook, QStringLiteral("--mode"), QStringLiteral("rehearsal"),
                      QStringLiteral("--journal"), journal, QStringLiteral("--as"),
                      QStringLiteral("Dana Weber")});
        QVERIFY(lead.waitForStarted(10000));
        lead.closeWriteChannel();
        QByteArray out;
        const auto saw = [&](const char *text) {
            return QTest::qWaitFor(
                       [&] {
                           out += lead.readAll();
                           return out.contains(text) || lead.state() == QProcess::NotRunning;
                       },
                       120000)
                && out.contains(text);
        };
        // It waits for the first stage to be entered, and says how to decide.
        QVERIFY2(saw("The run waits for a decision"), out.constData());
        QVERIFY2(out.contains("--enter only"), out.constData());
        const CliRun enter = runCockpit({QStringLiteral("decide"), QStringLiteral("--journal"), journal,
                                         QStringLiteral("--enter"), QStringLiteral("only"),
                                         QStringLiteral("--as"), QStringLiteral("Dana Weber")});
        QVERIFY2(enter.exitCode == 0, qPrintable(enter.describe()));
        // The waiting run follows: it enters the stage and now waits for the write to be confirmed.
        QVERIFY2(saw("confirm_write flip"), out.constData());
        QCOMPARE(lead.state(), QProcess::Running);
        QCOMPARE(count(events(journal), JournalEventType::ActionRun), 0);
        // While it waits, the metric breaks: the trigger fires and the run rolls back without anyone.
        QVERIFY(pg.exec(db->name, QStringLiteral("UPDATE m SET v = 10")).has_value());
        QVERIFY2(saw("trigger v-low fired"), out.constData());
        QVERIFY(lead.waitForFinished(120000));
        out += lead.readAll();
        QVERIFY2(lead.exitCode() == 1, out.constData()); // rolled back
        QCOMPARE(count(events(journal), JournalEventType::ActionRun), 0); // the unconfirmed write never ran
        QVERIFY(count(events(journal), JournalEventType::TriggerFired) == 1);
    }

    // A trigger without a condition (user complaints) is raised by a person from another terminal: named,
    // with a reason, journaled, and the running run rolls back.
    void manualTriggerRaisedFromAnotherTerminal()
    {
        const QString runbook = writeRunbook(
            QStringLiteral("1h"),
            QStringLiteral(
                "rollback:\n  triggers:\n    - {id: complaints, title: user complaints, severity: high, "
                "action: rollback}\n"));
        const QString journal = m_dir.filePath(QStringLiteral("manual-trigger.journal"));
        QProcess lead;
        lead.setProcessChannelMode(QProcess::MergedChannels);
        startCockpit(lead,
                     runArgs(runbook, journal, QStringLiteral("Dana Weber"), {QStringLiteral("--yes")}));
        QVERIFY(lead.waitForStarted(10000));
        lead.closeWriteChannel();
        QByteArray out;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += lead.readAll();
                         return out.contains("== stage only") || lead.state() == QProcess::NotRunning;
                     },
                     120000)
                     && out.contains("== stage only"),
                 out.constData());
        const QStringList raise {QStringLiteral("trigger"), QStringLiteral("raise"),
                                 QStringLiteral("complaints"), QStringLiteral("--journal"), journal};
        const CliRun noReason
            = runCockpit(raise + QStringList {QStringLiteral("--as"), QStringLiteral("Ravi Patel")});
        QVERIFY2(noReason.exitCode == 2, qPrintable(noReason.describe()));
        const CliRun unknown = runCockpit({QStringLiteral("trigger"), QStringLiteral("raise"),
                                           QStringLiteral("oom"), QStringLiteral("--journal"), journal,
                                           QStringLiteral("--as"), QStringLiteral("Ravi Patel"),
                                           QStringLiteral("--reason"), QStringLiteral("pods restarting")});
        QVERIFY2(unknown.exitCode == 1 && unknown.errText().contains(QStringLiteral("no trigger oom")),
                 qPrintable(unknown.describe()));
        const CliRun raised = runCockpit(raise
                                         + QStringList {QStringLiteral("--as"), QStringLiteral("Ravi Patel"),
                                                        QStringLiteral("--reason"),
                                                        QStringLiteral("support reports failed imports")});
        QVERIFY2(raised.exitCode == 0, qPrintable(raised.describe()));
        QVERIFY(lead.waitForFinished(120000));
        out += lead.readAll();
        QVERIFY2(lead.exitCode() == 1, out.constData()); // rolled back
        QVERIFY2(
            out.contains("trigger complaints fired: raised by Ravi Patel: support reports failed imports"),
            out.constData());
        QCOMPARE(count(events(journal), JournalEventType::TriggerFired), 1);
    }
};

QTEST_GUILESS_MAIN(tst_RunCommand)
#include "tst_RunCommand.moc"
