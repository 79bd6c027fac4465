// `status --watch` in another process follows a run a lead drives here (ThreadedRunController on a SQLite
// journal): it prints a line when the lead enters a stage and ends by itself once the lead aborts the run.

#include "store/JournalFactory.h"
#include "support/CliProcess.h"
#include "support/ControllerHarness.h"

#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::test;

class tst_StatusWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheLeadUntilTheRunEnds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString metrics = dir.filePath(QStringLiteral("metrics.db"));
        QVERIFY(execSqlite(metrics, QStringLiteral("CREATE TABLE metric_value (v double precision)")));
        QVERIFY(execSqlite(metrics, QStringLiteral("INSERT INTO metric_value VALUES (99)")));
        RolloutService svc;
        QVERIFY(svc.start());
        const QString path = dir.filePath(QStringLiteral("run.journal"));
        FakeClock clock(1'800'000'000'000);
        ThreadedRunController lead(controllerSetup(controllerRunbook(metrics, svc), &clock,
                                                   [path]() { return JournalFactory::open(path); }));
        QVERIFY(awaitOrAbort(lead.start(), 20000, "start").has_value());

        QProcess watch;
        QByteArray out;
        connect(&watch, &QProcess::readyReadStandardOutput, &watch,
                [&] { out += watch.readAllStandardOutput(); });
        startCockpit(
            watch, {QStringLiteral("status"), QStringLiteral("--watch"), QStringLiteral("--journal"), path});
        QVERIFY(watch.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("GO"), 20000);
        QVERIFY2(!out.contains("canary seq"), out.constData());

        QVERIFY(sendCommand(lead, EngineCommand::Kind::EnterStage, QStringLiteral("canary")));
        QTRY_VERIFY_WITH_TIMEOUT(out.contains("canary seq"), 20000);

        EngineCommand abort;
        abort.kind = EngineCommand::Kind::Abort;
        abort.who = QStringLiteral("Dana Weber");
        abort.reason = QStringLiteral("change freeze");
        QVERIFY(awaitOrAbort(lead.send(abort), 20000, "abort"));
        QTRY_VERIFY_WITH_TIMEOUT(watch.state() == QProcess::NotRunning, 20000);
        out += watch.readAllStandardOutput();
        QCOMPARE(watch.exitCode(), 0);
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QVERIFY2(lines.last().contains("FINISHED"), out.constData());
        QVERIFY2(lines.last().contains("aborted"), out.constData());
    }
};

QTEST_GUILESS_MAIN(tst_StatusWatch)
#include "tst_StatusWatch.moc"
