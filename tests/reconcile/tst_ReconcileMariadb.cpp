// Reconciler with a MariaDB source (seed B's legacy MySQL site, the `mariadb` fixture) and a PostgreSQL
// target: the same normalisation on both engines, so only the real differences show.
#include "ReconcileTestSupport.h"
#include "probes/SqlConnectionPool.h"
#include "probes/SqlProbe.h"
#include "reconcile/Reconciler.h"
#include "support/ExpectValue.h"
#include "support/TestMariadb.h"
#include "support/TestPostgres.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace cockpit;
using cockpit::test::ReconcileTestSupport;
using cockpit::test::TestMariadb;
using cockpit::test::TestPostgres;

namespace {

constexpr int kRows = 20000;

} // namespace

class tst_ReconcileMariadb : public QObject
{
    Q_OBJECT

private:
    std::optional<TestMariadb> m_my;
    std::optional<TestPostgres> m_pg;
    QString m_myDb;
    QString m_pgDb;

    Runbook runbook() const
    {
        Runbook rb;
        rb.connections.insert(QStringLiteral("legacy"),
                              m_my->appConnection(m_myDb, QStringLiteral("legacy")));
        rb.connections.insert(QStringLiteral("new"), m_pg->appConnection(m_pgDb, QStringLiteral("new")));
        return rb;
    }
    QHash<QString, QByteArray> passwords() const
    {
        return {{QStringLiteral("legacy"), m_my->appPassword()},
                {QStringLiteral("new"), m_pg->appPassword()}};
    }
    ReconciliationResult verify(const QString &table, RowCountCheck::Method method)
    {
        Reconciliation r;
        r.id = QStringLiteral("legacy-vs-new");
        r.counts.source = QStringLiteral("legacy");
        r.counts.target = QStringLiteral("new");
        r.counts.tables = {TablePair {table, table}};
        r.counts.method = method;
        const Runbook rb = runbook();
        const auto pw = passwords();
        return ReconcileTestSupport::onSqlPool([rb, pw, r] {
            Reconciler rec(rb, pw, {});
            return rec.verify(r, nullptr);
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto my = TestMariadb::fromEnv();
        QVERIFY_VALUE(my);
        m_my = *my;
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
        auto a = m_my->createDatabase(QStringLiteral("legacy"));
        QVERIFY_VALUE(a);
        m_myDb = *a;
        auto b = m_pg->createDatabase(QStringLiteral("rec_new"));
        QVERIFY_VALUE(b);
        m_pgDb = *b;
        // Rows generated in the server (recursive CTE / generate_series); MySQL types on one side, their
        // PostgreSQL counterparts on the other.
        QVERIFY_VALUE(m_my->exec(
            m_myDb,
            QStringLiteral(
                "SET SESSION time_zone = '+00:00'; SET SESSION max_recursive_iterations = 1000000;"
                "CREATE TABLE users (id int PRIMARY KEY, email varchar(100), balance decimal(12,2), "
                "created datetime(6), active tinyint(1)) ENGINE=InnoDB;"
                "INSERT INTO users SELECT n, concat('user', n, '@example.org'), n * 0.25, "
                "timestamp('2024-01-01 00:00:00') + interval n minute, n % 2 FROM "
                "(WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < %1) "
                "SELECT n FROM s) x;"
                "CREATE TABLE same (code varchar(20) PRIMARY KEY, price double) ENGINE=InnoDB;"
                "INSERT INTO same VALUES ('a', 1.1), ('B', 2.25), ('c', 3.333333);"
                "ANALYZE TABLE users;")
                .arg(kRows)));
        QVERIFY_VALUE(m_pg->exec(
            m_pgDb,
            QStringLiteral("CREATE TABLE users (id int PRIMARY KEY, email text, balance double precision, "
                           "created timestamptz, active boolean);"
                           "INSERT INTO users SELECT g, 'user' || g || '@example.org', g * 0.25, "
                           "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute', g % 2 = 1 "
                           "FROM generate_series(1, %1) g;"
                           "UPDATE users SET email = 'someone@else.org' WHERE id = 777;"
                           "DELETE FROM users WHERE id = 5000;"
                           "INSERT INTO users VALUES (%2, 'new@example.org', 0, now(), true);"
                           "CREATE TABLE same (code text PRIMARY KEY, price numeric(12,6));"
                           "INSERT INTO same VALUES ('a', 1.1), ('B', 2.25), ('c', 3.333333);")
                .arg(kRows)
                .arg(kRows + 1)));
    }

    void crossEngineDiffFindsTheRealDifferences()
    {
        const ReconciliationResult res = verify(QStringLiteral("users"), RowCountCheck::Method::Diff);
        QCOMPARE(res.tables.size(), 1);
        const TableResult &t = res.tables.first();
        QVERIFY2(t.error.isEmpty(), qPrintable(ReconcileTestSupport::describe(t)));
        QCOMPARE(t.sourceRows, std::optional<qint64>(kRows));
        QCOMPARE(t.targetRows, std::optional<qint64>(kRows));
        QCOMPARE(t.missingInTarget, 1);
        QCOMPARE(t.extraInTarget, 1);
        QVERIFY2(t.changed == 1, qPrintable(ReconcileTestSupport::describe(t)));
        bool foundChanged = false;
        for (const RowDifference &d : t.differences) {
            if (d.kind == RowDifference::Kind::Changed) {
                QCOMPARE(d.key, QStringLiteral("id=777"));
                QCOMPARE(d.columns, QStringList {QStringLiteral("email")});
                QCOMPARE(d.sourceValues, QStringList {QStringLiteral("user777@example.org")});
                foundChanged = true;
            } else if (d.kind == RowDifference::Kind::MissingInTarget) {
                QCOMPARE(d.key, QStringLiteral("id=5000"));
            } else {
                QCOMPARE(d.key, QStringLiteral("id=%1").arg(kRows + 1));
            }
        }
        QVERIFY(foundChanged);
        QVERIFY(!res.passed());
        QVERIFY(res.source.startsWith(QStringLiteral("legacy: mysql://")));
    }

    void textKeysAndFloatsCompareWithoutFalseDiffs()
    {
        // MariaDB's default collation is case-insensitive; the diff compares keys in byte order.
        const ReconciliationResult res = verify(QStringLiteral("same"), RowCountCheck::Method::Diff);
        const TableResult t = res.tables.value(0);
        QVERIFY2(t.passed(), qPrintable(ReconcileTestSupport::describe(t)));
        QVERIFY(res.passed());
    }

    void fastCountIsAnEstimate()
    {
        const TableResult t = verify(QStringLiteral("users"), RowCountCheck::Method::Fast).tables.value(0);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QVERIFY(t.estimated);
        QVERIFY(t.sourceRows.has_value());
    }

    void checksOnMariadbAreReadOnly()
    {
        const Connection legacy = m_my->appConnection(m_myDb, QStringLiteral("legacy"));
        const QByteArray pw = m_my->appPassword();
        auto f = QtConcurrent::run(SqlConnectionPool::threadPool(), [legacy, pw] {
            return std::pair {
                SqlProbe::runBlocking(
                    legacy,
                    SqlQuery {QStringLiteral("legacy"), QStringLiteral("SELECT id FROM users WHERE id <= 3")},
                    pw),
                SqlProbe::runBlocking(legacy,
                                      SqlQuery {QStringLiteral("legacy"),
                                                QStringLiteral("UPDATE users SET email = 'x' WHERE id = 1")},
                                      pw)};
        });
        f.waitForFinished();
        const auto [read, write] = f.result();
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.rowCount, 3);
        QVERIFY(!write.error.isEmpty());
        auto email = m_my->exec(m_myDb, QStringLiteral("SELECT email FROM users WHERE id = 1"));
        QVERIFY_VALUE(email);
        QCOMPARE(*email, QStringLiteral("user1@example.org"));
    }
};

QTEST_GUILESS_MAIN(tst_ReconcileMariadb)
#include "tst_ReconcileMariadb.moc"
