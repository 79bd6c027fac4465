#include "core/conditions/Condition.h"
#include "probes/SqlConnectionPool.h"
#include "probes/SqlProbe.h"
#include "probes/SqlText.h"
#include "support/Await.h"
#include "support/ExpectValue.h"
#include "support/TestEnv.h"
#include "support/TestPostgres.h"
#include "support/TestSqlite.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <thread>

using namespace cockpit;
using namespace std::chrono_literals;
using cockpit::test::TestPostgres;
using cockpit::test::unusedPort;
using cockpit::test::waitFor; // with the event loop running (as the GUI would), never blocking it

namespace {

QString json(const Observation &o)
{
    return QString::fromUtf8(QJsonDocument(o.toJson()).toJson());
}

SqlQuery query(const QString &sql, int maxRows = 100, std::optional<std::chrono::milliseconds> timeout = {})
{
    SqlQuery q;
    q.connection = QStringLiteral("app_db");
    q.query = sql;
    q.maxRows = maxRows;
    q.timeout = timeout;
    return q;
}

} // namespace

class tst_SqlProbe : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPostgres> m_pg;
    QString m_db;
    Connection m_conn;
    QByteArray m_password;
    QTemporaryDir m_tmp;

    QString scalar(const QString &sql)
    {
        auto r = m_pg->query(m_db, sql);
        return r ? *r : QStringLiteral("error: ") + r.error().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto db = TestPostgres::databaseFromEnv(
            QStringLiteral("sqlprobe"),
            QStringLiteral("CREATE TABLE items(id int PRIMARY KEY, name text, qty int);\n"
                           "INSERT INTO items SELECT g, 'item' || g, g * 10 "
                           "FROM generate_series(1, 250) g;\n"
                           "CREATE TABLE log(id serial PRIMARY KEY, msg text);\n"));
        QVERIFY_VALUE(db);
        m_pg = db->pg;
        m_db = db->name;
        m_conn = m_pg->appConnection(m_db);
        m_password = m_pg->appPassword();
        QVERIFY(m_tmp.isValid());
    }

    void statementCount()
    {
        QCOMPARE(SqlText::statementCount(u"SELECT 1"), 1);
        QCOMPARE(SqlText::statementCount(u"SELECT 1;  -- done"), 1);
        QCOMPARE(SqlText::statementCount(u"SELECT ';' AS a, \"x;y\", $$;$$, $t$ ; $t$ /* ; */"), 1);
        QCOMPARE(SqlText::statementCount(u"SELECT E'\\';' ; SELECT 2"), 2);
        QCOMPARE(SqlText::statementCount(u"COMMIT; INSERT INTO items VALUES (1)"), 2);
        QCOMPARE(SqlText::statementCount(u"/* a /* nested ; */ ; */ SELECT $1"), 1);
        QCOMPARE(SqlText::statementCount(u" ;; "), 0);
    }

    void queryReturnsColumnsAndRows()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const Observation o = waitFor(SqlProbe::run(
            m_conn, query(QStringLiteral("SELECT id, name, qty FROM items WHERE id <= 3 ORDER BY id")),
            m_password));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.kind, Observation::Kind::Sql);
        QVERIFY(o.connected);
        QCOMPARE(o.columns,
                 (QStringList {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("qty")}));
        QCOMPARE(o.rowCount, 3);
        QCOMPARE(o.rows.size(), 3);
        QCOMPARE(o.rows[0][0].toInt(), 1);
        QCOMPARE(o.rows[2][1].toString(), QStringLiteral("item3"));
        QCOMPARE(o.rows[2][2].toInt(), 30);
        QVERIFY(!o.rowsTruncated);
        QCOMPARE(o.at.timeSpec(), Qt::UTC);
        QVERIFY(o.at >= before.addMSecs(-1));
        QVERIFY(o.durationMs >= 0);
        QVERIFY(o.target.contains(m_db));
        QVERIFY(!json(o).contains(QString::fromUtf8(m_password)));
    }

    void rowsAreCappedButCounted()
    {
        const Observation o = waitFor(
            SqlProbe::run(m_conn, query(QStringLiteral("SELECT * FROM items ORDER BY id"), 10), m_password));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.rows.size(), 10);
        QCOMPARE(o.rowCount, 250); // [ROWS] counts every row, not only the kept ones
        QVERIFY(o.rowsTruncated);
        QCOMPARE(o.rows.last()[0].toInt(), 10);
        QCOMPARE(o.toJson().value(QStringLiteral("row_count")).toInt(), 250);
        for (const auto &[text, expected] : {std::pair {QStringLiteral("[ROWS] == 250"), true},
                                             std::pair {QStringLiteral("[ROWS] == 10"), false}}) {
            const auto condition = Condition::parse(text);
            QVERIFY(condition);
            QCOMPARE(condition->evaluate(o).passed(), expected);
        }

        const Observation empty = waitFor(
            SqlProbe::run(m_conn, query(QStringLiteral("SELECT id FROM items WHERE id < 0")), m_password));
        QVERIFY2(empty.error.isEmpty(), qPrintable(empty.error));
        QCOMPARE(empty.rowCount, 0);
        QCOMPARE(empty.columns, QStringList {QStringLiteral("id")});
    }

    void sqlErrorKeepsDriverMessage()
    {
        const Observation o = waitFor(
            SqlProbe::run(m_conn, query(QStringLiteral("SELECT no_such_column FROM items")), m_password));
        QVERIFY(o.connected);
        QVERIFY2(o.error.contains(QLatin1String("column \"no_such_column\" does not exist")),
                 qPrintable(o.error));
    }

    void writesAreRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("insert")
            << QStringLiteral("INSERT INTO items VALUES (1000, 'x', 1)")
            << QStringLiteral("the check tried to write: cannot execute INSERT in a read-only transaction");
        QTest::newRow("update cte")
            << QStringLiteral("WITH u AS (UPDATE items SET qty = 0 RETURNING id) SELECT count(*) FROM u")
            << QStringLiteral("the check tried to write: cannot execute"); // PostgreSQL names the SELECT
        QTest::newRow("ddl")
            << QStringLiteral("DROP TABLE items")
            << QStringLiteral(
                   "the check tried to write: cannot execute DROP TABLE in a read-only transaction");
        QTest::newRow("commit then insert")
            << QStringLiteral("COMMIT; INSERT INTO items VALUES (1001, 'x', 1)")
            << QStringLiteral("a check must be a single SQL statement (found 2)");
        QTest::newRow("read write then insert")
            << QStringLiteral("SET TRANSACTION READ WRITE; DELETE FROM items")
            << QStringLiteral("a check must be a single SQL statement (found 2)");
    }

    void writesAreRefused()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        const Observation o = waitFor(SqlProbe::run(m_conn, query(sql), m_password));
        QVERIFY2(o.error.contains(expected), qPrintable(o.error));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) || ':' || sum(qty) FROM items")),
                 QStringLiteral("250:313750"));
    }

    void endingTheTransactionStaysReadOnly()
    {
        // A lone COMMIT ends our transaction; the session default keeps the next one read-only too.
        const Observation commit
            = waitFor(SqlProbe::run(m_conn, query(QStringLiteral("COMMIT")), m_password));
        QVERIFY2(commit.error.isEmpty(), qPrintable(commit.error));
        const Observation o = waitFor(
            SqlProbe::run(m_conn, query(QStringLiteral("SHOW default_transaction_read_only")), m_password));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.rows.value(0).value(0).toString(), QStringLiteral("on"));
    }

    void statementTimeoutIsRespected()
    {
        QElapsedTimer t;
        t.start();
        const Observation o = waitFor(
            SqlProbe::run(m_conn, query(QStringLiteral("SELECT pg_sleep(5)"), 100, 500ms), m_password));
        QVERIFY(o.connected);
        QVERIFY2(o.error.contains(QLatin1String("statement timeout (500 ms) exceeded")), qPrintable(o.error));
        QVERIFY(o.durationMs >= 450);

        // The connection's own timeout applies when the query has none.
        Connection c = m_conn;
        std::get<PostgresConnection>(c.target).statementTimeout = 300ms;
        t.restart();
        const Observation o2
            = waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT pg_sleep(5)")), m_password));
        QVERIFY2(o2.error.contains(QLatin1String("statement timeout (300 ms)")), qPrintable(o2.error));
    }

    void wrongPortFailsFast()
    {
        Connection c = m_conn;
        std::get<PostgresConnection>(c.target).port = unusedPort();
        QElapsedTimer t;
        t.start();
        const Observation o = waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT 1")), m_password));
        QVERIFY(!o.connected);
        QVERIFY2(o.error.startsWith(QLatin1String("cannot connect to app_db")), qPrintable(o.error));
        QVERIFY2(o.error.contains(QLatin1String("Connection refused")), qPrintable(o.error));
    }

    void silentServerHitsConnectTimeout()
    {
        // Accepts TCP (the kernel does) but never answers: only the connect timeout ends the wait.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        Connection c = m_conn;
        auto &pg = std::get<PostgresConnection>(c.target);
        pg.port = silent.serverPort();
        pg.connectTimeout = 2s;
        const Observation o = waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT 1")), m_password));
        QVERIFY(!o.connected);
        QVERIFY2(o.error.contains(QLatin1String("timeout"), Qt::CaseInsensitive), qPrintable(o.error));
    }

    void wrongPasswordNeverLeaks()
    {
        const QByteArray wrong = "Wrong-Secret-7f3a9c";
        const Observation o = waitFor(SqlProbe::run(m_conn, query(QStringLiteral("SELECT 1")), wrong));
        QVERIFY(!o.connected);
        QVERIFY2(o.error.contains(QLatin1String("password authentication failed")), qPrintable(o.error));
        QVERIFY(!json(o).contains(QString::fromUtf8(wrong)));

        // Even when the database echoes it back in an error message.
        const Observation echoed = waitFor(SqlProbe::run(
            m_conn, query(QStringLiteral("SELECT '%1'::int").arg(QString::fromUtf8(m_password))),
            m_password));
        // "invalid input syntax" or "out of range", depending on the random password's digits.
        QVERIFY2(echoed.error.contains(QLatin1String("for type integer")), qPrintable(echoed.error));
        QVERIFY2(!json(echoed).contains(QString::fromUtf8(m_password)), qPrintable(json(echoed)));
        QVERIFY(echoed.error.contains(QLatin1String("***")));
    }

    void tlsVerifyFull()
    {
        const QString sslSql = QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
            Connection c = m_pg->connection(m_db, m_pg->appUser(), QStringLiteral("verify-full"),
                                            m_pg->caFile(), QStringLiteral("tls_ok"));
            std::get<PostgresConnection>(c.target).host = host;
            const Observation o = waitFor(SqlProbe::run(c, query(sslSql), m_password));
            QVERIFY2(o.error.isEmpty(), qPrintable(host + QStringLiteral(": ") + o.error));
            QCOMPARE(o.rows.value(0).value(0).toBool(), true);
        }

        // Loopback default (prefer) still uses TLS when the server offers it.
        const Observation preferred = waitFor(
            SqlProbe::run(m_pg->connection(m_db, m_pg->appUser(), {}, {}, QStringLiteral("tls_prefer")),
                          query(sslSql), m_password));
        QVERIFY2(preferred.error.isEmpty(), qPrintable(preferred.error));
        QCOMPARE(preferred.rows.value(0).value(0).toBool(), true);

        // Without the CA (none given, or the file is gone): nothing to verify the server against.
        qunsetenv("PGSSLROOTCERT"); // libpq must not find the fixture's CA by itself
        for (const QString &ca : {QString(), m_tmp.filePath(QStringLiteral("missing.crt"))}) {
            const Observation noCa
                = waitFor(SqlProbe::run(m_pg->connection(m_db, m_pg->appUser(), QStringLiteral("verify-full"),
                                                         ca, QStringLiteral("tls_no_ca")),
                                        query(QStringLiteral("SELECT 1")), m_password));
            QVERIFY(!noCa.connected);
            QVERIFY2(noCa.error.contains(QLatin1String("root certificate file")), qPrintable(noCa.error));
        }

        // A different CA: the server certificate does not verify.
        const QString otherCa = m_tmp.filePath(QStringLiteral("other-ca.crt"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=Other CA"), QStringLiteral("-keyout"),
                       m_tmp.filePath(QStringLiteral("other-ca.key")), QStringLiteral("-out"), otherCa});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        const Observation wrongCa
            = waitFor(SqlProbe::run(m_pg->connection(m_db, m_pg->appUser(), QStringLiteral("verify-full"),
                                                     otherCa, QStringLiteral("tls_wrong_ca")),
                                    query(QStringLiteral("SELECT 1")), m_password));
        QVERIFY(!wrongCa.connected);
        QVERIFY2(wrongCa.error.contains(QLatin1String("certificate verify failed")),
                 qPrintable(wrongCa.error));
    }

    void defaultSslModes()
    {
        PostgresConnection pg;
        pg.host = QStringLiteral("db.example.com");
        QCOMPARE(SqlConnectionPool::effectiveSslMode(pg), QStringLiteral("verify-full"));
        pg.host = QStringLiteral("10.0.0.5");
        QCOMPARE(SqlConnectionPool::effectiveSslMode(pg), QStringLiteral("verify-full"));
        pg.host = QStringLiteral("127.0.0.1");
        QCOMPARE(SqlConnectionPool::effectiveSslMode(pg), QStringLiteral("prefer"));
        pg.host = QStringLiteral("localhost");
        QCOMPARE(SqlConnectionPool::effectiveSslMode(pg), QStringLiteral("prefer"));
        pg.host = QStringLiteral("::1");
        QCOMPARE(SqlConnectionPool::effectiveSslMode(pg), QStringLiteral("prefer"));
        pg.sslmode = QStringLiteral("require");
        QCOMPARE(SqlConnectionPool::effectiveSslMode(pg), QStringLiteral("require"));
    }

    void sqliteIsReadOnly()
    {
        const auto local
            = test::createSqliteFile(m_tmp.filePath(QStringLiteral("checks.sqlite")),
                                     {QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"),
                                      QStringLiteral("INSERT INTO t(v) VALUES ('a'), ('b'), ('c')")},
                                     QStringLiteral("local"));
        QVERIFY_VALUE(local);
        const Connection &c = *local;
        const Observation o
            = waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT id, v FROM t ORDER BY id")), {}));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(o.connected);
        QCOMPARE(o.rowCount, 3);
        QCOMPARE(o.rows[1][1].toString(), QStringLiteral("b"));

        for (const QString &write :
             {QStringLiteral("INSERT INTO t(v) VALUES ('d')"), QStringLiteral("DELETE FROM t"),
              QStringLiteral("PRAGMA query_only=0")}) {
            const Observation w = waitFor(SqlProbe::run(c, query(write), {}));
            if (write.startsWith(QLatin1String("PRAGMA"))) // accepted, but the file is opened read-only
                continue;
            QVERIFY2(w.error.startsWith(QLatin1String("the check tried to write: ")),
                     qPrintable(write + QStringLiteral(" -> ") + w.error));
        }
        const Observation after
            = waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT count(*) FROM t")), {}));
        QCOMPARE(after.rows.value(0).value(0).toInt(), 3);
        const Observation stillRefused
            = waitFor(SqlProbe::run(c, query(QStringLiteral("DELETE FROM t")), {}));
        QVERIFY2(stillRefused.error.contains(QLatin1String("tried to write")),
                 qPrintable(stillRefused.error));

        // A writable SQLite connection may execute a statement (the run engine's SQL actions).
        Connection writable = c;
        writable.name = QStringLiteral("local_rw");
        writable.writable = true;
        SqlStatement st;
        st.statement = QStringLiteral("INSERT INTO t(v) VALUES ('d')");
        const Observation inserted = waitFor(SqlProbe::execute(writable, st, {}));
        QVERIFY2(inserted.error.isEmpty(), qPrintable(inserted.error));
        QCOMPARE(inserted.rowCount, 1);
        const Observation four
            = waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT count(*) FROM t")), {}));
        QCOMPARE(four.rows.value(0).value(0).toInt(), 4);

        Connection missing = c;
        missing.target = SqliteConnection {m_tmp.filePath(QStringLiteral("nope.sqlite"))};
        const Observation m = waitFor(SqlProbe::run(missing, query(QStringLiteral("SELECT 1")), {}));
        QVERIFY(!m.connected);
        QVERIFY2(m.error.contains(QLatin1String("no such SQLite file")), qPrintable(m.error));
        QVERIFY(!QFile::exists(m_tmp.filePath(QStringLiteral("nope.sqlite"))));
    }

    void manyConcurrentChecks()
    {
        // 40 checks on 4 connections, submitted from 4 threads at once.
        QList<Connection> conns;
        for (int i = 0; i < 4; ++i)
            conns << m_pg->appConnection(m_db, QStringLiteral("conc%1").arg(i));
        QMutex mutex;
        QList<QPair<int, QFuture<Observation>>> futures;
        std::vector<std::thread> submitters;
        submitters.reserve(4);
        for (int s = 0; s < 4; ++s) {
            submitters.emplace_back([&, s] {
                for (int k = 0; k < 10; ++k) {
                    const int n = s * 10 + k;
                    auto f = SqlProbe::run(conns[n % 4],
                                           query(QStringLiteral("SELECT %1 AS n, pg_backend_pid() AS pid, "
                                                                "current_setting('application_name') AS app, "
                                                                "pg_sleep(0.05)::text AS s")
                                                     .arg(n)),
                                           m_password);
                    QMutexLocker lock(&mutex);
                    futures.append({n, f});
                }
            });
        }
        for (auto &t : submitters)
            t.join();
        QCOMPARE(futures.size(), 40);
        QSet<int> pids;
        for (auto &[n, f] : futures) {
            const Observation o = waitFor(f);
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            QCOMPARE(o.rows.value(0).value(0).toInt(), n);
            QCOMPARE(o.rows.value(0).value(2).toString(), QStringLiteral("cutover-cockpit"));
            pids.insert(o.rows.value(0).value(1).toInt());
        }
        QVERIFY2(pids.size() > 1, "checks ran on more than one connection");
    }

    void brokenConnectionsAreReopened()
    {
        const Connection c = m_pg->appConnection(m_db, QStringLiteral("reopen"));
        for (int i = 0; i < 4; ++i)
            QVERIFY(waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT 1")), m_password)).error.isEmpty());
        QVERIFY(m_pg->exec(QStringLiteral("postgres"),
                           QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                          "WHERE datname = '%1' AND usename = '%2';")
                               .arg(m_db, m_pg->appUser())));
        for (int i = 0; i < 8; ++i) {
            const Observation o = waitFor(SqlProbe::run(c, query(QStringLiteral("SELECT 42")), m_password));
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            QCOMPARE(o.rows.value(0).value(0).toInt(), 42);
        }
    }

    void neverBlocksTheCallingThread()
    {
        int ticks = 0;
        QTimer timer;
        timer.setInterval(20);
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start();
        QElapsedTimer t;
        t.start();
        QFuture<Observation> f
            = SqlProbe::run(m_conn, query(QStringLiteral("SELECT pg_sleep(1)")), m_password);
        QVERIFY2(!f.isFinished(), "run() returned before the query ended");
        const Observation o = waitFor(f);
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY(o.durationMs >= 900);
        QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks))); // ~50 expected in 1 s
    }

    void executeWritesOnlyOnWritableConnections()
    {
        SqlStatement st;
        st.connection = QStringLiteral("app_db");
        st.statement = QStringLiteral("INSERT INTO log(msg) VALUES ('cutover started')");
        const Observation refused = waitFor(SqlProbe::execute(m_conn, st, m_password));
        QVERIFY2(refused.error.contains(QLatin1String("not writable")), qPrintable(refused.error));
        QVERIFY(!refused.connected);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM log")), QStringLiteral("0"));

        Connection writable = m_pg->appConnection(m_db, QStringLiteral("writer"));
        writable.writable = true;
        const Observation done = waitFor(SqlProbe::execute(writable, st, m_password));
        QVERIFY2(done.error.isEmpty(), qPrintable(done.error));
        QCOMPARE(done.rowCount, 1);
        QCOMPARE(scalar(QStringLiteral("SELECT msg FROM log")), QStringLiteral("cutover started"));

        // A check that raises a notice is not an error (notices are not printed: client_min_messages).
        const Observation notice = waitFor(SqlProbe::run(
            m_conn, query(QStringLiteral("DO $$ BEGIN RAISE NOTICE 'just saying; %', 1; END $$")),
            m_password));
        QVERIFY2(notice.error.isEmpty(), qPrintable(notice.error));
        QCOMPARE(notice.rowCount, 0);

        // A failing statement is rolled back.
        st.statement = QStringLiteral("INSERT INTO log(id, msg) VALUES (1, 'duplicate')");
        const Observation failed = waitFor(SqlProbe::execute(writable, st, m_password));
        QVERIFY2(failed.error.contains(QLatin1String("duplicate key")), qPrintable(failed.error));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM log")), QStringLiteral("1"));

        // The read-only session default of check connections does not leak into the writer's.
        st.statement = QStringLiteral("UPDATE items SET qty = qty WHERE id = 1");
        const Observation update = waitFor(SqlProbe::execute(writable, st, m_password));
        QVERIFY2(update.error.isEmpty(), qPrintable(update.error));
        QCOMPARE(update.rowCount, 1);
    }
};

QTEST_MAIN(tst_SqlProbe)
#include "tst_SqlProbe.moc"
