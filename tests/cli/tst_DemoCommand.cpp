#include "support/CliProcess.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit::test;

namespace {

// The rollback rehearsal at a clock faster than the default (it ends in stage 2 anyway).
constexpr const char *kFactor = "20000";

// The demo's throwaway cluster directory, from its first progress line.
QString clusterDir(const CliRun &r)
{
    static const QRegularExpression re(QStringLiteral("TLS with a throwaway CA, in (\\S+) \\("));
    return re.match(QString::fromUtf8(r.out + r.err)).captured(1);
}

} // namespace

class tst_DemoCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void goWhenEverythingIsInPlace()
    {
        const CliRun r
            = runCockpit({QStringLiteral("demo"), QStringLiteral("--prerequisites-only")}, {}, 90000);
        QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("Recommendation: GO — 6 of 6 checks passed"), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("app_db_password, rlm_issuer_key stored"), qPrintable(r.describe()));
        QVERIFY2(r.out.contains(
                     "Tearing down: demo secrets removed, service stopped, PostgreSQL stopped and deleted."),
                 qPrintable(r.describe()));
        const QString dir = clusterDir(r);
        QVERIFY2(!dir.isEmpty(), qPrintable(r.describe()));
        QVERIFY2(!QDir(dir).exists(), qPrintable(dir));
    }

    void breakShowsTheBlocker_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("blocker");
        QTest::newRow("missing-column") << "missing-column"
                                        << "  - migration-columns [FAIL]: [ROWS] (3) == 4";
        QTest::newRow("unhealthy") << "unhealthy"
                                   << "  - rlm-health [FAIL]: [BODY].processors_available (false) == true";
        QTest::newRow("no-sunset") << "no-sunset"
                                   << "  - deprecation-headers [FAIL]: [HEADER].Sunset";
    }

    void breakShowsTheBlocker()
    {
        QFETCH(QString, what);
        QFETCH(QString, blocker);
        const CliRun r = runCockpit({QStringLiteral("demo"), QStringLiteral("--break"), what}, {}, 90000);
        QVERIFY2(r.exitCode == 1 && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("Recommendation: NO-GO — 1 blocker"), qPrintable(r.describe()));
        QVERIFY2(r.out.contains(blocker.toUtf8()), qPrintable(r.describe()));
        QVERIFY2(!QDir(clusterDir(r)).exists(), qPrintable(r.describe()));
    }

    void withoutKeychainTheSecretCheckIsTheBlocker()
    {
        // No session bus: the keychain is unavailable; the demo says so and the DB checks still run.
        const CliRun r = runCockpit({QStringLiteral("demo"), QStringLiteral("--prerequisites-only")}, {},
                                    90000, {QStringLiteral("DBUS_SESSION_BUS_ADDRESS")});
        QVERIFY2(r.exitCode == 1 && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.out.contains("The keychain is not available"), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("Recommendation: NO-GO — 1 blocker"), qPrintable(r.describe()));
        QVERIFY2(r.out.contains("  - issuer-key [FAIL]"), qPrintable(r.describe()));
        QVERIFY2(QRegularExpression(QStringLiteral("migration-columns +data +PASS"))
                     .match(QString::fromUtf8(r.out))
                     .hasMatch(),
                 qPrintable(r.describe()));
    }

    void usage()
    {
        const CliRun r
            = runCockpit({QStringLiteral("demo"), QStringLiteral("--break"), QStringLiteral("everything")});
        QVERIFY2(r.exitCode == 2 && r.err.contains("--break"), qPrintable(r.describe()));
    }

    void rollbackScenarioRollsBackWithinTarget()
    {
        const QString journal = m_dir.filePath(QStringLiteral("rollback.journal"));
        const CliRun r = runCockpit({QStringLiteral("demo"), QStringLiteral("--scenario"),
                                     QStringLiteral("rollback"), QStringLiteral("--journal"), journal,
                                     QStringLiteral("--clock-factor"), QString::fromLatin1(kFactor)},
                                    {}, 240000);
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QLatin1String("injected failure")), qPrintable(r.describe()));
        QVERIFY2(out.contains(QLatin1String("trigger success-rate-low fired")), qPrintable(r.describe()));
        // "ROLLBACK complete in 9m 12s — target 15m 00s: within target"
        static const QRegularExpression report(
            QStringLiteral("ROLLBACK complete in (\\S+ \\S+) — target 15m 00s: within target"));
        QVERIFY2(report.match(out).hasMatch(), qPrintable(r.describe()));
        QVERIFY2(out.contains(QLatin1String("rollback step set-rollout-0: ok")), qPrintable(r.describe()));
        // The lead ends the rolled-back run, so the journal has an end and the outcome for the report.
        QVERIFY2(out.contains(QLatin1String("run finished: rolled_back")), qPrintable(r.describe()));
        QVERIFY2(out.contains(QLatin1String("hash chain verified")), qPrintable(r.describe()));
        // The rehearsal's throwaway services (and keychain items) are gone when it ends.
        QVERIFY2(out.contains(QLatin1String(
                     "Tearing down: demo secrets removed, service stopped, PostgreSQL stopped and deleted.")),
                 qPrintable(r.describe()));
        // Stage 3 was never reached: the rollback happened in stage 2.
        QVERIFY2(!out.contains(QLatin1String("stage 3/5 full-100 —")), qPrintable(r.describe()));

        const CliRun verify = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
        const CliRun status = runCockpit({QStringLiteral("status"), QStringLiteral("--journal"), journal});
        QVERIFY2(status.out.contains("rolled_back"), qPrintable(status.describe()));
    }

    void normalScenarioCompletesTheRollout()
    {
        const QString journal = m_dir.filePath(QStringLiteral("normal.journal"));
        // The default clock (17 days in about two minutes): what a user sees.
        const CliRun r
            = runCockpit({QStringLiteral("demo"), QStringLiteral("--journal"), journal}, {}, 600000);
        QVERIFY2(!r.timedOut && !r.crashed, qPrintable(r.describe()));
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString out = QString::fromUtf8(r.out);
        for (const char *stage : {"stage 1/5 canary-10", "stage 2/5 half-50", "stage 3/5 full-100",
                                  "stage 4/5 deprecate-v1", "stage 5/5 remove-v1"})
            QVERIFY2(out.contains(QLatin1String(stage)), stage);
        QVERIFY2(out.contains(QLatin1String("run finished: completed")), qPrintable(r.describe()));
        QVERIFY2(out.contains(QLatin1String("promotion approved  by Ravi Patel (demo persona)")),
                 qPrintable(r.describe()));
        QVERIFY2(out.contains(QLatin1String("point of no return passed")), qPrintable(r.describe()));
        QVERIFY2(!out.contains(QLatin1String("ROLLBACK")), qPrintable(r.describe()));
        QVERIFY2(out.contains(QLatin1String("hash chain verified")), qPrintable(r.describe()));
        const CliRun verify = runCockpit(
            {QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    }
};

int main(int argc, char **argv)
{
    // The full rehearsal takes minutes on a loaded machine: more than QtTest's default 5 min per function.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "800000");
    QCoreApplication app(argc, argv);
    tst_DemoCommand t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_DemoCommand.moc"
