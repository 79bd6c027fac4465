#include "probes/RowCountProbe.h"
#include "support/Await.h"
#include "support/ExpectValue.h"
#include "support/TestEnv.h"
#include "support/TestPostgres.h"
#include "support/TestSqlite.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::TestPostgres;
using cockpit::test::waitFor;

namespace {

RowCountCheck check(QList<TablePair> tables, RowCountCheck::Method method = RowCountCheck::Method::Exact,
                    double tolerance = 0, bool percent = false)
{
    RowCountCheck c;
    c.source = QStringLiteral("source");
    c.target = QStringLiteral("target");
    c.tables = std::move(tables);
    c.method = method;
    c.tolerance = tolerance;
    c.tolerancePercent = percent;
    return c;
}

TablePair same(const QString &t)
{
    return TablePair {t, t};
}

const TableCount *find(const Observation &o, const QString &source)
{
    for (const TableCount &t : o.tableCounts)
        if (t.source == source)
            return &t;
    return nullptr;
}

} // namespace

class tst_RowCountProbe : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPostgres> m_pg;
    Connection m_source;
    Connection m_target;
    QByteArray m_pw;
    QTemporaryDir m_tmp;

    Observation count(const RowCountCheck &c)
    {
        return waitFor(RowCountProbe::run(c, m_source, m_pw, m_target, m_pw));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
        // users equal, orders 1000 vs 990, events renamed on the target; ANALYZE fills planner estimates.
        const auto seed = [this](int orders, const QString &events) {
            return QStringLiteral(
                       "CREATE TABLE users AS SELECT g AS id FROM generate_series(1, 100) g;\n"
                       "CREATE TABLE orders AS SELECT g AS id FROM generate_series(1, %2) g;\n"
                       "CREATE TABLE %3 AS SELECT g AS id FROM generate_series(1, 50) g;\n"
                       "CREATE SCHEMA app; CREATE TABLE app.\"Mixed Case\"(id int);\n"
                       "INSERT INTO app.\"Mixed Case\" VALUES (1), (2);\n"
                       "GRANT USAGE ON SCHEMA app TO %1; GRANT SELECT ON ALL TABLES IN SCHEMA app TO %1;\n"
                       "ANALYZE;\n"
                       "CREATE TABLE fresh AS SELECT g AS id FROM generate_series(1, 7) g;\n")
                .arg(m_pg->appUser())
                .arg(orders)
                .arg(events);
        };
        auto src = m_pg->createDatabase(QStringLiteral("rc_source"), seed(1000, QStringLiteral("events")));
        QVERIFY_VALUE(src);
        auto dst = m_pg->createDatabase(QStringLiteral("rc_target"), seed(990, QStringLiteral("events_v2")));
        QVERIFY_VALUE(dst);
        m_source = m_pg->appConnection(*src, QStringLiteral("source"));
        m_target = m_pg->appConnection(*dst, QStringLiteral("target"));
        m_pw = m_pg->appPassword();
    }

    void exactCounts()
    {
        const Observation o = count(check({same(QStringLiteral("users")),
                                           same(QStringLiteral("orders")),
                                           {QStringLiteral("events"), QStringLiteral("events_v2")},
                                           same(QStringLiteral("app.\"Mixed Case\""))}));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.kind, Observation::Kind::RowCount);
        QVERIFY(o.connected);
        QCOMPARE(o.tableCounts.size(), 4);
        const TableCount &users = o.tableCounts[0];
        QCOMPARE(users.sourceRows, std::optional<qint64>(100));
        QCOMPARE(users.targetRows, std::optional<qint64>(100));
        QVERIFY(users.withinTolerance());
        const TableCount &orders = o.tableCounts[1];
        QCOMPARE(orders.sourceRows, std::optional<qint64>(1000));
        QCOMPARE(orders.targetRows, std::optional<qint64>(990));
        QCOMPARE(orders.allowedDifference, 0);
        QVERIFY(!orders.withinTolerance()); // tolerance 0 = exact
        QCOMPARE(o.tableCounts[2].target, QStringLiteral("events_v2"));
        QCOMPARE(o.tableCounts[2].targetRows, std::optional<qint64>(50));
        QVERIFY(o.tableCounts[2].withinTolerance());
        QCOMPARE(o.tableCounts[3].sourceRows, std::optional<qint64>(2));
        QVERIFY2(o.tableCounts[3].error.isEmpty(), qPrintable(o.tableCounts[3].error));
        QVERIFY(o.target.contains(QLatin1String("source")) && o.target.contains(QLatin1String("target")));
        QVERIFY(!o.target.contains(QString::fromUtf8(m_pw)));
        const QJsonObject j = o.toJson().value(QStringLiteral("tables")).toArray().at(1).toObject();
        QCOMPARE(j.value(QStringLiteral("difference")).toInt(), -10);
    }

    void fastUsesPlannerEstimates()
    {
        // Make the estimate visibly differ from the truth: rows added after ANALYZE are not in reltuples.
        QVERIFY(m_pg->exec(std::get<PostgresConnection>(m_source.target).database,
                           QStringLiteral("INSERT INTO users SELECT g FROM generate_series(101, 110) g;")));
        const Observation fast = count(check(
            {same(QStringLiteral("users")), same(QStringLiteral("orders")), same(QStringLiteral("fresh"))},
            RowCountCheck::Method::Fast));
        QVERIFY2(fast.error.isEmpty(), qPrintable(fast.error));
        QCOMPARE(fast.tableCounts[0].sourceRows, std::optional<qint64>(100)); // the estimate, not 110
        QCOMPARE(fast.tableCounts[1].sourceRows, std::optional<qint64>(1000));
        QCOMPARE(fast.tableCounts[1].targetRows, std::optional<qint64>(990));
        // Never analyzed: no estimate, so it is counted.
        QCOMPARE(fast.tableCounts[2].sourceRows, std::optional<qint64>(7));

        const Observation exact = count(check({same(QStringLiteral("users"))}));
        QCOMPARE(exact.tableCounts[0].sourceRows, std::optional<qint64>(110));
        QVERIFY(m_pg->exec(std::get<PostgresConnection>(m_source.target).database,
                           QStringLiteral("DELETE FROM users WHERE id > 100;")));
    }

    void absoluteTolerance()
    {
        Observation o = count(check({same(QStringLiteral("orders"))}, RowCountCheck::Method::Exact, 10));
        QCOMPARE(o.tableCounts[0].allowedDifference, 10);
        QVERIFY(o.tableCounts[0].withinTolerance());
        o = count(check({same(QStringLiteral("orders"))}, RowCountCheck::Method::Exact, 9));
        QCOMPARE(o.tableCounts[0].allowedDifference, 9);
        QVERIFY(!o.tableCounts[0].withinTolerance()); // mismatch beyond tolerance
    }

    void percentTolerance()
    {
        Observation o = count(check({same(QStringLiteral("orders"))}, RowCountCheck::Method::Exact, 1, true));
        QCOMPARE(o.tableCounts[0].allowedDifference, 10); // 1% of 1000 source rows
        QVERIFY(o.tableCounts[0].withinTolerance());
        o = count(check({same(QStringLiteral("orders"))}, RowCountCheck::Method::Exact, 0.5, true));
        QCOMPARE(o.tableCounts[0].allowedDifference, 5);
        QVERIFY(!o.tableCounts[0].withinTolerance());

        QCOMPARE(RowCountProbe::allowedDifference(check({}, RowCountCheck::Method::Exact, 2, true), 1049),
                 20);
        QCOMPARE(
            RowCountProbe::allowedDifference(check({}, RowCountCheck::Method::Exact, 2, true), std::nullopt),
            0);
        QCOMPARE(RowCountProbe::allowedDifference(check({}, RowCountCheck::Method::Exact, 0, true), 1000), 0);
    }

    void missingTableIsThatTablesError()
    {
        for (auto method : {RowCountCheck::Method::Exact, RowCountCheck::Method::Fast}) {
            const Observation o = count(
                check({same(QStringLiteral("users")), same(QStringLiteral("no_such_table")),
                       same(QStringLiteral("orders")), same(QStringLiteral("users; DROP TABLE users"))},
                      method));
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            QVERIFY(o.connected);
            QCOMPARE(o.tableCounts[0].sourceRows, std::optional<qint64>(100));
            QVERIFY(o.tableCounts[0].withinTolerance());
            const TableCount *missing = find(o, QStringLiteral("no_such_table"));
            QVERIFY(missing);
            QVERIFY(!missing->sourceRows && !missing->targetRows);
            QVERIFY(!missing->withinTolerance());
            QVERIFY2(missing->error.contains(QLatin1String("source: "))
                         && missing->error.contains(QLatin1String("target: "))
                         && missing->error.contains(QLatin1String("does not exist")),
                     qPrintable(missing->error));
            // Counting went on after the failed table (savepoint rollback).
            QCOMPARE(o.tableCounts[2].targetRows, std::optional<qint64>(990));
            QVERIFY2(o.tableCounts[3].error.contains(QLatin1String("not a table name")),
                     qPrintable(o.tableCounts[3].error));
        }
        QVERIFY(RowCountProbe::isTableName(QStringLiteral("public.users")));
        QVERIFY(RowCountProbe::isTableName(QStringLiteral("\"we\"\"ird\".t")));
        QVERIFY(!RowCountProbe::isTableName(QStringLiteral("a.b.c")));
        QVERIFY(!RowCountProbe::isTableName(QStringLiteral("users--")));
    }

    void unreachableSide()
    {
        Connection dead = m_target;
        std::get<PostgresConnection>(dead.target).port = test::unusedPort();
        const Observation o
            = waitFor(RowCountProbe::run(check({same(QStringLiteral("users"))}), m_source, m_pw, dead, m_pw));
        QVERIFY(!o.connected);
        QVERIFY2(o.error.startsWith(QLatin1String("target: cannot connect")), qPrintable(o.error));
        QCOMPARE(o.tableCounts[0].sourceRows, std::optional<qint64>(100));
        QVERIFY(!o.tableCounts[0].targetRows);
        QVERIFY(!o.tableCounts[0].withinTolerance());
        QVERIFY(o.tableCounts[0].error.contains(QLatin1String("target not counted")));
    }

    void sqliteAgainstPostgres()
    {
        const auto legacy = test::createSqliteFile(
            m_tmp.filePath(QStringLiteral("legacy.sqlite")),
            {QStringLiteral("CREATE TABLE users(id INTEGER)"),
             QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 100) "
                            "INSERT INTO users SELECT n FROM g")},
            QStringLiteral("legacy"));
        QVERIFY_VALUE(legacy);
        for (auto method : {RowCountCheck::Method::Exact, RowCountCheck::Method::Fast}) {
            const Observation o = waitFor(RowCountProbe::run(
                check({same(QStringLiteral("users")), same(QStringLiteral("gone"))}, method), *legacy, {},
                m_target, m_pw));
            QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
            QCOMPARE(o.tableCounts[0].sourceRows, std::optional<qint64>(100));
            QVERIFY(o.tableCounts[0].withinTolerance());
            QVERIFY2(o.tableCounts[1].error.contains(QLatin1String("no such table")),
                     qPrintable(o.tableCounts[1].error));
        }
    }
};

QTEST_MAIN(tst_RowCountProbe)
#include "tst_RowCountProbe.moc"
