#include "demo/LocalPostgres.h"
#include "support/ExpectValue.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>

using namespace cockpit;

namespace {

// Gone, or a zombie waiting for init to reap it: either way no longer a server.
bool processGone(qint64 pid)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            return true;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray s = stat.readAll();
            const qsizetype close = s.lastIndexOf(')');
            if (close > 0 && s.mid(close + 2, 1) == "Z")
                return true;
        }
        QTest::qWait(50);
    }
    return false;
}

} // namespace

class tst_LocalPostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startQueryStop()
    {
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        // As root the server runs as postgres, which must be able to enter the parent directory.
        QVERIFY(QFile::setPermissions(parent.path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup
                                          | QFile::ExeGroup));
        auto pg = LocalPostgres::start({parent.path()});
        QVERIFY_VALUE(pg);
        LocalPostgres &db = **pg;
        QVERIFY(db.port() > 0);
        QCOMPARE(db.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(db.rootDir().startsWith(parent.path()));
        QVERIFY(QFile::exists(db.caFile()));
        const qint64 pid = db.postmasterPid();
        QVERIFY(pid > 0);
        QVERIFY(::kill(pid_t(pid), 0) == 0);

        QVERIFY(db.createDatabase(QStringLiteral("demo")));
        QVERIFY(db.runSql(QStringLiteral("demo"),
                          QStringLiteral("CREATE TABLE t(x int); INSERT INTO t VALUES (1), (2);")));
        auto n = db.querySql(QStringLiteral("demo"), QStringLiteral("SELECT sum(x) FROM t"));
        QVERIFY(n);
        QCOMPARE(*n, QStringLiteral("3"));
        auto ssl = db.querySql(QStringLiteral("postgres"), QStringLiteral("SHOW ssl"));
        QCOMPARE(ssl.value_or(QString()), QStringLiteral("on"));

        // A SQL error comes back as a value with psql's message.
        auto bad = db.runSql(QStringLiteral("demo"), QStringLiteral("SELECT * FROM missing_table;"));
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.contains(QLatin1String("missing_table")),
                 qPrintable(bad.error().message));

        // A password role over TCP + TLS verified against the throwaway CA.
        const QByteArray password = "s3cret-for-the-demo";
        QVERIFY(db.createRole(QStringLiteral("reader"), password));
        auto stored
            = db.querySql(QStringLiteral("postgres"),
                          QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = 'reader'"));
        QVERIFY(stored && stored->startsWith(QLatin1String("SCRAM-SHA-256$4096:")));
        QVERIFY(!QFile(db.logFile()).exists() || [&] {
            QFile log(db.logFile());
            return log.open(QIODevice::ReadOnly) && !log.readAll().contains(password);
        }());
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("tls"));
            c.setHostName(QStringLiteral("localhost"));
            c.setPort(db.port());
            c.setDatabaseName(QStringLiteral("demo"));
            c.setConnectOptions(
                QStringLiteral("sslmode=verify-full;sslrootcert=%1;connect_timeout=5").arg(db.caFile()));
            QVERIFY2(c.open(QStringLiteral("reader"), QString::fromUtf8(password)),
                     qPrintable(c.lastError().text()));
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    && q.next());
            QVERIFY(q.value(0).toBool());
            q.finish();
            c.close();
            QVERIFY(!c.open(QStringLiteral("reader"), QStringLiteral("wrong-password")));
            QVERIFY2(c.lastError().text().contains(QLatin1String("password authentication failed")),
                     qPrintable(c.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tls"));

        const QString root = db.rootDir();
        QVERIFY(db.stop());
        QVERIFY2(processGone(pid), "postmaster still running after stop()");
        QVERIFY(!QDir(root).exists());
        QVERIFY(db.stop()); // idempotent
    }

    void destructorStops()
    {
        qint64 pid = 0;
        QString root;
        {
            auto pg = LocalPostgres::start({});
            QVERIFY_VALUE(pg);
            pid = (*pg)->postmasterPid();
            root = (*pg)->rootDir();
            QVERIFY(pid > 0);
        }
        QVERIFY(processGone(pid));
        QVERIFY(!QDir(root).exists());
    }

    void takenPortIsAnError()
    {
        auto first = LocalPostgres::start({});
        QVERIFY_VALUE(first);
        LocalPostgres::StartOptions opts;
        opts.port = (*first)->port();
        opts.timeout = std::chrono::seconds(10);
        auto second = LocalPostgres::start(opts);
        QVERIFY(!second);
        QVERIFY2(second.error().message.contains(QLatin1String("pg_ctl start failed")),
                 qPrintable(second.error().message));
    }

    void helpers()
    {
        QCOMPARE(LocalPostgres::quoteIdentifier(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
        QCOMPARE(LocalPostgres::quoteLiteral(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QVERIFY(LocalPostgres::binDir().endsWith(QLatin1String("/bin")));
        const QByteArray v1 = LocalPostgres::scramVerifier("pw");
        QVERIFY(v1.startsWith("SCRAM-SHA-256$4096:"));
        QVERIFY(v1 != LocalPostgres::scramVerifier("pw")); // salted
        QVERIFY(!v1.contains("pw:"));
    }
};

QTEST_MAIN(tst_LocalPostgres)
#include "tst_LocalPostgres.moc"
