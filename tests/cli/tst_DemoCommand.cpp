#include "CliProcess.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace cockpit::test;

namespace {

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

private Q_SLOTS:
    void goWhenEverythingIsInPlace()
    {
        const CliRun r = runCockpit({QStringLiteral("demo")}, {}, 90000);
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
        const CliRun r
            = runCockpit({QStringLiteral("demo")}, {}, 90000, {QStringLiteral("DBUS_SESSION_BUS_ADDRESS")});
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
};

QTEST_GUILESS_MAIN(tst_DemoCommand)
#include "tst_DemoCommand.moc"
