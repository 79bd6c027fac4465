#include "cli/Logging.h"
#include "core/base/LogCategories.h"
#include "core/base/Redactor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <spdlog/spdlog.h>

using namespace cockpit;
using namespace cockpit::cli;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class tst_Logging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        shutdownLogging();
        Redactor::clearForTests();
    }

    void categoriesMapToLoggerNames()
    {
        QCOMPARE(QByteArray(lcSql().categoryName()), QByteArray("cockpit.probes.sql"));
        QCOMPARE(QByteArray(lcHttp().categoryName()), QByteArray("cockpit.probes.http"));
        QCOMPARE(QByteArray(lcStore().categoryName()), QByteArray("cockpit.store"));
        QCOMPARE(QByteArray(lcCli().categoryName()), QByteArray("cockpit.cli"));
        QCOMPARE(loggerNameForCategory("cockpit.probes.sql"), QStringLiteral("cockpit.probes.sql"));
        QCOMPARE(loggerNameForCategory("default"), QStringLiteral("cockpit"));
        QCOMPARE(loggerNameForCategory(nullptr), QStringLiteral("cockpit"));

        QVERIFY(installLogging(LogOptions {}));
        // One logger per subsystem exists up front.
        for (const char *const *n = logCategoryNames(); *n; ++n)
            QVERIFY2(spdlog::get(*n) != nullptr, *n);
        QVERIFY(spdlog::get("cockpit.probes.secrets") != nullptr);
        QVERIFY(spdlog::get("cockpit") != nullptr);
    }

    void routesCategoriesAndRedactsSecrets()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("cockpit.log"));
        QVERIFY(installLogging(LogOptions {false, file}));
        Redactor::add("hunter2-secret-value");

        qCWarning(lcSql) << "connecting to app_db with password hunter2-secret-value failed";
        qCInfo(lcStore) << "journal dsn: postgres://lead:hunter2-secret-value@127.0.0.1/journal";
        qCDebug(lcHttp) << "debug detail that info level leaves out";
        qWarning("plain qWarning from %s", "somewhere");
        QLoggingCategory thirdParty("thirdparty.lib");
        qCCritical(thirdParty) << "a library category gets its own logger";
        shutdownLogging(); // flushes

        const QByteArray log = readAll(file);
        QVERIFY2(!log.isEmpty(), "log file is empty");
        QVERIFY2(!log.contains("hunter2-secret-value"), log.constData());
        QVERIFY2(log.contains("[cockpit.probes.sql] warning: connecting to app_db with password *** failed"),
                 log.constData());
        QVERIFY2(log.contains("[cockpit.store] info: journal dsn: postgres://lead:***@127.0.0.1/journal"),
                 log.constData());
        QVERIFY2(log.contains("[cockpit] warning: plain qWarning from somewhere"), log.constData());
        QVERIFY2(log.contains("[thirdparty.lib] error: a library category gets its own logger"),
                 log.constData());
        QVERIFY2(!log.contains("debug detail"), log.constData());
    }

    void verboseLogsDebug()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("verbose.log"));
        QVERIFY(installLogging(LogOptions {true, file}));
        qCDebug(lcHttp) << "GET /health took" << 12 << "ms";
        shutdownLogging();
        const QByteArray log = readAll(file);
        QVERIFY2(log.contains("[cockpit.probes.http] debug: GET /health took 12 ms"), log.constData());
    }

    void takesLogOptionsFromArguments()
    {
        QStringList args
            = {QStringLiteral("--verbose"),  QStringLiteral("secret"), QStringLiteral("--log-file"),
               QStringLiteral("/tmp/x.log"), QStringLiteral("status"), QStringLiteral("db")};
        const LogOptions o = takeLogOptions(args);
        QVERIFY(o.verbose);
        QCOMPARE(o.logFile, QStringLiteral("/tmp/x.log"));
        QCOMPARE(args,
                 (QStringList {QStringLiteral("secret"), QStringLiteral("status"), QStringLiteral("db")}));

        QStringList other = {QStringLiteral("--log-file=/tmp/y.log"), QStringLiteral("check")};
        QCOMPARE(takeLogOptions(other).logFile, QStringLiteral("/tmp/y.log"));
        QCOMPARE(other, QStringList {QStringLiteral("check")});
    }

    void unopenableLogFileIsReported()
    {
        // spdlog creates missing directories, so use a path below a regular file.
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("not-a-dir")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = blocker.fileName() + QStringLiteral("/cockpit.log");
        QString error;
        QVERIFY(!installLogging(LogOptions {false, path}, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot open log file ") + path), qPrintable(error));
        QVERIFY(spdlog::get("cockpit.probes.sql") != nullptr); // stderr logging still works
    }

    void theStateLogRotates()
    {
        QTemporaryDir dir;
        LogOptions o;
        o.rotatingLogFile = dir.filePath(QStringLiteral("state/cutover-cockpit/cutover-cockpit.log"));
        o.rotateBytes = 4096;
        o.rotateFiles = 2;
        QVERIFY(installLogging(o));
        for (int i = 0; i < 200; ++i)
            qCInfo(lcRunner) << "line" << i << "of the rotating log test";
        shutdownLogging();
        const QByteArray current = readAll(o.rotatingLogFile);
        QVERIFY(current.contains("line 199 of the rotating log test"));
        QVERIFY(current.size() <= 4096);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("state/cutover-cockpit/cutover-cockpit.1.log"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("state/cutover-cockpit/cutover-cockpit.2.log"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("state/cutover-cockpit/cutover-cockpit.3.log"))));
    }

    void theStateLogFollowsXdgStateHome()
    {
        const QByteArray saved = qgetenv("XDG_STATE_HOME");
        qputenv("XDG_STATE_HOME", "/srv/state");
        QCOMPARE(defaultStateLogFile(), QStringLiteral("/srv/state/cutover-cockpit/cutover-cockpit.log"));
        qunsetenv("XDG_STATE_HOME");
        QVERIFY(defaultStateLogFile().endsWith(
            QLatin1String("/.local/state/cutover-cockpit/cutover-cockpit.log")));
        if (!saved.isEmpty())
            qputenv("XDG_STATE_HOME", saved);
    }
};

QTEST_GUILESS_MAIN(tst_Logging)
#include "tst_Logging.moc"
