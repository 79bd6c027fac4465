#include "core/runbook/RunbookLoader.h"
#include "support/CliProcess.h"
#include "support/TestEnv.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

class tst_Validate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examplesAreValid_data();
    void examplesAreValid();
    void brokenCopiesListEveryError_data();
    void brokenCopiesListEveryError();
    void paramsAreApplied();
    void usageErrors();
    void helpAndVersion();
};

namespace {
const QStringList kExamples {
    QStringLiteral("a-pipeline-rollout.yaml"), QStringLiteral("b-site-rewrite-cutover.yaml"),
    QStringLiteral("c-maintenance-window-db-switch.yaml"), QStringLiteral("d-staged-db-migration.yaml")};
}

void tst_Validate::examplesAreValid_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &f : kExamples)
        QTest::newRow(qPrintable(f)) << f;
}

void tst_Validate::examplesAreValid()
{
    QFETCH(QString, file);
    const QString path = sourcePath(QStringLiteral("resources/runbooks/") + file);
    const CliRun r = runCockpit({QStringLiteral("validate"), path});
    QVERIFY2(r.exitCode == 0 && !r.crashed, qPrintable(r.describe()));
    QVERIFY2(r.out.contains(": valid"), qPrintable(r.describe()));
    QVERIFY2(r.err.isEmpty() || !r.err.contains(QByteArray(path.toUtf8() + ':')), qPrintable(r.describe()));
}

void tst_Validate::brokenCopiesListEveryError_data()
{
    examplesAreValid_data();
}

void tst_Validate::brokenCopiesListEveryError()
{
    QFETCH(QString, file);
    const QString path = sourcePath(QStringLiteral("tests/data/broken/") + file);
    const CliRun r = runCockpit({QStringLiteral("validate"), path});
    QVERIFY2(r.exitCode == 2 && !r.crashed, qPrintable(r.describe()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.describe()));

    // Every error as FILE:LINE:COL: message, one per line, in the loader's order, none left out.
    static const QRegularExpression line(QStringLiteral("^(.+):(\\d+):(\\d+): (.+)$"));
    QStringList printed;
    for (const QString &l : QString::fromUtf8(r.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const auto m = line.match(l);
        if (m.hasMatch() && m.captured(1) == path)
            printed << QStringLiteral("%1:%2: %3").arg(m.captured(2), m.captured(3), m.captured(4));
    }
    const auto loaded = RunbookLoader::loadFile(path);
    QVERIFY(!loaded.has_value());
    QStringList expected;
    for (const Error &e : loaded.error())
        expected << QStringLiteral("%1:%2: %3").arg(e.line).arg(e.column).arg(e.message);
    QVERIFY(expected.size() >= 3);
    QCOMPARE(printed, expected);
}

void tst_Validate::paramsAreApplied()
{
    const QString path = sourcePath(QStringLiteral("resources/runbooks/a-pipeline-rollout.yaml"));
    // A declared param is accepted from --param and from --params FILE.
    QTemporaryDir dir;
    const QString params = dir.filePath(QStringLiteral("params.yaml"));
    QFile f(params);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("app_db_port: 6543\nrlm_url: http://127.0.0.1:9\n");
    f.close();
    CliRun r = runCockpit({QStringLiteral("validate"), path, QStringLiteral("--params"), params,
                           QStringLiteral("--param"), QStringLiteral("app_db_name=other")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

    // An undeclared one is an error with a position.
    r = runCockpit(
        {QStringLiteral("validate"), path, QStringLiteral("--param"), QStringLiteral("no_such_param=1")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("no_such_param"), qPrintable(r.describe()));

    // A params file with a YAML error names its own FILE:LINE:COL.
    QFile bad(dir.filePath(QStringLiteral("bad.yaml")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("app_db_port: [1, 2\n");
    bad.close();
    r = runCockpit({QStringLiteral("validate"), path, QStringLiteral("--params"), bad.fileName()});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(QRegularExpression(QRegularExpression::escape(bad.fileName()) + QStringLiteral(":\\d+:\\d+: "))
                 .match(QString::fromUtf8(r.err))
                 .hasMatch(),
             qPrintable(r.describe()));
}

void tst_Validate::usageErrors()
{
    CliRun r = runCockpit({QStringLiteral("validate")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("RUNBOOK"));
    r = runCockpit({QStringLiteral("validate"), QStringLiteral("/nonexistent/runbook.yaml")});
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.contains("/nonexistent/runbook.yaml"), qPrintable(r.describe()));
    r = runCockpit(
        {QStringLiteral("validate"), QStringLiteral("--no-such-option"), QStringLiteral("x.yaml")});
    QCOMPARE(r.exitCode, 2);
    r = runCockpit({QStringLiteral("no-such-command")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown command"));
}

void tst_Validate::helpAndVersion()
{
    for (const QString &cmd : {QStringLiteral("validate"), QStringLiteral("check"), QStringLiteral("probe"),
                               QStringLiteral("demo")}) {
        CliRun r = runCockpit({cmd, QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0, qPrintable(cmd + r.describe()));
        QVERIFY2(r.out.contains(QByteArray("Usage: cutover-cockpit " + cmd.toUtf8())),
                 qPrintable(r.describe()));
        r = runCockpit({cmd, QStringLiteral("--version")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(COCKPIT_VERSION), qPrintable(r.describe()));
    }
    for (const QString &kind : {QStringLiteral("http"), QStringLiteral("sql")}) {
        const CliRun r = runCockpit({QStringLiteral("probe"), kind, QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QByteArray("Usage: cutover-cockpit probe " + kind.toUtf8())),
                 qPrintable(r.describe()));
    }
    const CliRun top = runCockpit({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    for (const char *c : {"validate", "check", "probe", "secret", "demo"})
        QVERIFY(top.out.contains(c));
}

QTEST_GUILESS_MAIN(tst_Validate)
#include "tst_Validate.moc"
