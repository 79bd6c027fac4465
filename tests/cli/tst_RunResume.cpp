// The real binary: `run` is SIGKILLed during a soak and started again; it resumes the same run with the
// same remaining soak (read through `status --json`), finishes by itself, and the journal verifies.

#include "support/CliProcess.h"
#include "support/ExpectValue.h"
#include "support/TestPostgres.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace cockpit;
using namespace cockpit::test;

class tst_RunResume : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_runbook;
    QString m_journal;

    QJsonObject status()
    {
        const CliRun r = runCockpit(
            {QStringLiteral("status"), QStringLiteral("--journal"), m_journal, QStringLiteral("--json")});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return QJsonDocument::fromJson(r.out).object();
    }

    QStringList runArgs() const
    {
        return {QStringLiteral("run"),
                m_runbook,
                QStringLiteral("--mode"),
                QStringLiteral("rehearsal"),
                QStringLiteral("--journal"),
                m_journal,
                QStringLiteral("--clock-factor"),
                QStringLiteral("10"),
                QStringLiteral("--yes"),
                QStringLiteral("--as"),
                QStringLiteral("Dana Weber"),
                QStringLiteral("--exit-on-decision")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto db = TestPostgres::databaseFromEnv(
            QStringLiteral("resume"),
            QStringLiteral("CREATE TABLE m (v double precision); INSERT INTO m VALUES (99);"));
        QVERIFY_VALUE(db);
        const TestPostgres &pg = db->pg;
        m_runbook = m_dir.filePath(QStringLiteral("resume.yaml"));
        m_journal = m_dir.filePath(QStringLiteral("resume.journal"));
        QFile f(m_runbook);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // The superuser is trusted on 127.0.0.1 by the fixture: no secret, so no keychain is involved.
        f.write(QStringLiteral(R"(runbook: 1
name: resume test
connections:
  app_db:
    postgres: {host: "%1", port: %2, database: "%3", user: "%4", ca_file: "%5"}
metrics:
  v: {connection: app_db, every: 5s, query: "SELECT v FROM m"}
stages:
  - id: only
    soak: 60s
    gates:
      - {id: v-ok, expect: "v >= 95", hold: 20s}
)")
                    .arg(pg.host())
                    .arg(pg.port())
                    .arg(db->name, pg.superuser(), pg.caFile())
                    .toUtf8());
    }

    void killedDuringSoakResumesWithTheSameRemainingSoak()
    {
        QProcess first;
        first.setProcessChannelMode(QProcess::MergedChannels);
        first.start(cockpitBinary(), runArgs());
        QVERIFY(first.waitForStarted());
        first.closeWriteChannel();

        // Wait until the soak has started (it lasts 6 s of real time at x10). Any moment of the soak will
        // do: a narrower window can be missed entirely between two `status` runs on a loaded machine.
        double before = -1;
        QString runId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonObject s = status();
                if (s.value(QLatin1String("soak_start")).isNull())
                    return false;
                before = s.value(QLatin1String("soak_remaining_ms")).toDouble();
                runId = s.value(QLatin1String("run_id")).toString();
                return before > 0;
            }(),
            60000);
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(5000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        // What the journal says after the kill: the reference for the restart.
        const QJsonObject killed = status();
        before = killed.value(QLatin1String("soak_remaining_ms")).toDouble();
        QVERIFY2(before > 0 && before < 60000, qPrintable(QString::number(before)));
        QCOMPARE(killed.value(QLatin1String("phase")).toString(), QStringLiteral("in_stage"));

        QTest::qWait(1500); // real time passes while nothing runs: a rehearsal clock must not skip ahead

        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(cockpitBinary(), runArgs());
        QVERIFY(second.waitForStarted());
        second.closeWriteChannel();
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += second.readAll()).contains("Resumed run"), 30000);
        QVERIFY2(out.contains(runId.toUtf8()), out.constData());
        const QJsonObject resumed = status();
        QCOMPARE(resumed.value(QLatin1String("run_id")).toString(), runId);

        QVERIFY(second.waitForFinished(60000));
        out += second.readAll();
        QVERIFY2(second.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("Run finished: completed"), out.constData());
        const QJsonObject done = status();
        QCOMPARE(done.value(QLatin1String("phase")).toString(), QStringLiteral("finished"));
        QCOMPARE(done.value(QLatin1String("outcome")).toString(), QStringLiteral("completed"));

        const CliRun verify = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), m_journal});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));

        // The remaining soak when the run resumed, read from the journal's resume note rather than from a
        // `status` taken while the resumed run goes on (which drifts by however long that took).
        const CliRun exported
            = runCockpit({QStringLiteral("journal"), QStringLiteral("export"), QStringLiteral("--journal"),
                          m_journal, QStringLiteral("--json")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));
        double resumedAt = -1;
        for (const QJsonValue &e :
             QJsonDocument::fromJson(exported.out).object().value(QLatin1String("events")).toArray())
            if (e[QLatin1String("payload")][QLatin1String("kind")].toString() == QLatin1String("resumed"))
                resumedAt = e[QLatin1String("at")].toDouble();
        QVERIFY2(resumedAt > 0, "no resume note in the journal");
        const double after = killed.value(QLatin1String("soak_end")).toDouble() - resumedAt;
        // The same remaining soak, give or take one sampling interval (5 s): the 1.5 s of real time (15 s
        // at x10) while nothing ran were not skipped.
        QVERIFY2(std::abs(before - after) <= 5000,
                 qPrintable(QStringLiteral("before kill %1 ms, after restart %2 ms").arg(before).arg(after)));
    }

    void nonInteractiveRunStopsForADecisionWithTheCommand()
    {
        const QString journal = m_dir.filePath(QStringLiteral("decide.journal"));
        QStringList args = runArgs();
        args[args.indexOf(m_journal)] = journal;
        args.removeAll(QStringLiteral("--yes"));
        const CliRun r = runCockpit(args, {}, 30000);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("decide --journal") && r.err.contains("--enter only"),
                 qPrintable(r.describe()));

        const CliRun d = runCockpit({QStringLiteral("decide"), QStringLiteral("--journal"), journal,
                                     QStringLiteral("--enter"), QStringLiteral("only"),
                                     QStringLiteral("--as"), QStringLiteral("Dana Weber")});
        QVERIFY2(d.exitCode == 0, qPrintable(d.describe()));
        const CliRun again = runCockpit({QStringLiteral("decide"), QStringLiteral("--journal"), journal,
                                         QStringLiteral("--enter"), QStringLiteral("only"),
                                         QStringLiteral("--as"), QStringLiteral("Dana Weber")});
        QCOMPARE(again.exitCode, 1); // refused: the stage is running
        const CliRun s = runCockpit(
            {QStringLiteral("status"), QStringLiteral("--journal"), journal, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(s.out).object().value(QLatin1String("stage")).toString(),
                 QStringLiteral("only"));
    }
};

QTEST_GUILESS_MAIN(tst_RunResume)
#include "tst_RunResume.moc"
