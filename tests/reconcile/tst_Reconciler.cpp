// Reconciler against a real PostgreSQL (the `postgres` fixture) and SQLite: counts with tolerance, the
// checksum diff naming keys and columns, normalisation without false diffs, consistency checks, fixes,
// and cancelling.
#include "ReconcileTestSupport.h"
#include "probes/SqlConnectionPool.h"
#include "reconcile/Reconciler.h"
#include "support/ExpectValue.h"
#include "support/TestPostgres.h"
#include "support/TestSqlite.h"

#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace cockpit;
using cockpit::test::ReconcileTestSupport;
using cockpit::test::TestPostgres;

namespace {

constexpr int kBigRows = 100000; // 1 M rows run in bench_reconcile; 100 k keep this test fast under ASan

const RowDifference *findDiff(const TableResult &t, RowDifference::Kind kind, const QString &key)
{
    for (const RowDifference &d : t.differences)
        if (d.kind == kind && d.key == key)
            return &d;
    return nullptr;
}

} // namespace

class tst_Reconciler : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPostgres> m_pg;
    QString m_srcDb;
    QString m_dstDb;
    QTemporaryDir m_tmp;

    Runbook runbook(const Connection &source, const Connection &target) const
    {
        Runbook rb;
        Connection s = source;
        s.name = QStringLiteral("source");
        Connection t = target;
        t.name = QStringLiteral("target");
        rb.connections.insert(s.name, s);
        rb.connections.insert(t.name, t);
        Connection rw = t;
        rw.name = QStringLiteral("target_rw");
        rw.writable = true;
        rb.connections.insert(rw.name, rw);
        return rb;
    }
    Runbook pgRunbook() const { return runbook(m_pg->appConnection(m_srcDb), m_pg->appConnection(m_dstDb)); }
    QHash<QString, QByteArray> passwords() const
    {
        return {{QStringLiteral("source"), m_pg->appPassword()},
                {QStringLiteral("target"), m_pg->appPassword()},
                {QStringLiteral("target_rw"), m_pg->appPassword()}};
    }
    static Reconciliation reconciliation(QList<TablePair> tables, RowCountCheck::Method method,
                                         double tolerance = 0, bool percent = false)
    {
        Reconciliation r;
        r.id = QStringLiteral("r1");
        r.counts.source = QStringLiteral("source");
        r.counts.target = QStringLiteral("target");
        r.counts.tables = std::move(tables);
        r.counts.method = method;
        r.counts.tolerance = tolerance;
        r.counts.tolerancePercent = percent;
        return r;
    }
    template<class F> auto onPool(F f) { return ReconcileTestSupport::onSqlPool(std::move(f)); }
    ReconciliationResult verify(const Runbook &rb, const QHash<QString, QByteArray> &pw,
                                const Reconciliation &r, const std::atomic<bool> *cancel = nullptr,
                                std::function<void(const ReconcileProgress &)> progress = {})
    {
        return onPool([&] {
            Reconciler rec(rb, pw, {});
            rec.setProgress(progress);
            return rec.verify(r, cancel);
        });
    }
    void both(const QString &sql)
    {
        QVERIFY_VALUE(m_pg->exec(m_srcDb, sql));
        QVERIFY_VALUE(m_pg->exec(m_dstDb, sql));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
        auto a = m_pg->createDatabase(QStringLiteral("rec_src"));
        QVERIFY_VALUE(a);
        auto b = m_pg->createDatabase(QStringLiteral("rec_dst"));
        QVERIFY_VALUE(b);
        m_srcDb = *a;
        m_dstDb = *b;
        QVERIFY(m_tmp.isValid());
        // One table pair per test case, each created here once.
        both(QStringLiteral(
                 "CREATE TABLE items (id int PRIMARY KEY, name text, amount numeric(12,2), created "
                 "timestamptz);"
                 "INSERT INTO items SELECT g, 'item ' || g, g * 1.25, timestamptz '2024-01-01 00:00:00+00' + "
                 "g * interval "
                 "'1 minute' FROM generate_series(1, 1000) g;"
                 "CREATE TABLE counted (id int PRIMARY KEY, v int);"
                 "INSERT INTO counted SELECT g, g FROM generate_series(1, 200) g;"
                 "CREATE TABLE big (id bigint PRIMARY KEY, a int, b text, c numeric(12,2));"
                 "INSERT INTO big SELECT g, g % 97, md5(g::text), g / 7.0 FROM generate_series(1, %1) g;"
                 "CREATE TABLE multi (tenant int, code varchar(10), qty int, PRIMARY KEY (tenant, code));"
                 "INSERT INTO multi SELECT t, 'c' || g, g FROM generate_series(1, 5) t, generate_series(1, "
                 "800) g;"
                 "CREATE TABLE records (id int PRIMARY KEY, title text);"
                 "CREATE TABLE profiles (id int PRIMARY KEY, record_id int, mail_opt_in bool, token text);"
                 "INSERT INTO records SELECT g, 'r' || g FROM generate_series(1, 50) g;"
                 "INSERT INTO profiles SELECT g, g, g % 2 = 0, 't' || g FROM generate_series(1, 50) g;")
                 .arg(kBigRows));
        QVERIFY_VALUE(m_pg->exec(m_dstDb,
                                 QStringLiteral("DELETE FROM counted WHERE id > 195;"
                                                "UPDATE big SET b = 'changed' WHERE id = 4242;"
                                                "DELETE FROM big WHERE id = 77777;"
                                                "INSERT INTO big VALUES (100001, 1, 'extra', 1.00);"
                                                "UPDATE multi SET qty = -1 WHERE tenant = 3 AND code = 'c17';"
                                                "INSERT INTO records VALUES (51, 'orphan'), (52, 'orphan');"
                                                "UPDATE profiles SET token = NULL WHERE id IN (4, 8);")));
        // Same data in different types on each side: varchar vs text keys, numeric(12,2) vs double,
        // timestamp vs timestamptz.
        QVERIFY_VALUE(m_pg->exec(m_srcDb,
                                 QStringLiteral("CREATE TABLE typed (k varchar(20) PRIMARY KEY, amount "
                                                "numeric(12,2), at timestamp, flag bool);"
                                                "INSERT INTO typed SELECT 'key-' || g, g * 0.01 + 0.1, "
                                                "timestamp '2024-03-01 12:00:00.25' + g * interval '1 hour', "
                                                "g % 3 = 0 FROM generate_series(1, 500) g;")));
        QVERIFY_VALUE(m_pg->exec(m_dstDb,
                                 QStringLiteral("CREATE TABLE typed (k text PRIMARY KEY, amount double "
                                                "precision, at timestamptz, flag bool);"
                                                "SET timezone = 'Europe/Berlin';"
                                                "INSERT INTO typed SELECT 'key-' || g, g * 0.01 + 0.1, "
                                                "timestamptz '2024-03-01 12:00:00.25+00' + g * interval "
                                                "'1 hour', g % 3 = 0 FROM generate_series(1, 500) g;")));
    }

    void equalTablesPass()
    {
        const auto r = reconciliation({TablePair {QStringLiteral("items"), QStringLiteral("items")}},
                                      RowCountCheck::Method::Diff);
        const ReconciliationResult res = verify(pgRunbook(), passwords(), r);
        QCOMPARE(res.tables.size(), 1);
        const TableResult &t = res.tables.first();
        QVERIFY2(t.passed(), qPrintable(ReconcileTestSupport::describe(t)));
        QCOMPARE(t.sourceRows, std::optional<qint64>(1000));
        QCOMPARE(t.missingInTarget + t.extraInTarget + t.changed, 0);
        QCOMPARE(t.keyColumns, QStringList {QStringLiteral("id")});
        QVERIFY(!t.aggregates.isEmpty());
        QVERIFY(res.passed());
    }

    void missingRowsFailAtToleranceZero()
    {
        const auto r = reconciliation({TablePair {QStringLiteral("counted")}}, RowCountCheck::Method::Exact);
        const TableResult t = verify(pgRunbook(), passwords(), r).tables.value(0);
        QCOMPARE(t.sourceRows, std::optional<qint64>(200));
        QCOMPARE(t.targetRows, std::optional<qint64>(195));
        QVERIFY(!t.passed());
    }

    void missingRowsPassWithinTolerance_data()
    {
        QTest::addColumn<double>("tolerance");
        QTest::addColumn<bool>("percent");
        QTest::addColumn<bool>("passes");
        QTest::newRow("5 rows") << 5.0 << false << true;
        QTest::newRow("4 rows") << 4.0 << false << false;
        QTest::newRow("2.5%") << 2.5 << true << true; // 5 of 200
        QTest::newRow("2%") << 2.0 << true << false;
    }
    void missingRowsPassWithinTolerance()
    {
        QFETCH(double, tolerance);
        QFETCH(bool, percent);
        QFETCH(bool, passes);
        const auto r = reconciliation({TablePair {QStringLiteral("counted")}}, RowCountCheck::Method::Diff,
                                      tolerance, percent);
        const TableResult t = verify(pgRunbook(), passwords(), r).tables.value(0);
        QCOMPARE(t.missingInTarget, 5);
        QCOMPARE(t.passed(), passes);
    }

    void fastCountsAreLabelledEstimates()
    {
        both(QStringLiteral("ANALYZE counted;"));
        const auto r = reconciliation({TablePair {QStringLiteral("counted")}}, RowCountCheck::Method::Fast);
        const TableResult t = verify(pgRunbook(), passwords(), r).tables.value(0);
        QVERIFY(t.estimated);
        QCOMPARE(t.sourceRows, std::optional<qint64>(200));
        QVERIFY(t.toJson().value(QStringLiteral("estimated")).toBool());
    }

    void diffFindsChangedDeletedAndExtraRows()
    {
        const auto r = reconciliation({TablePair {QStringLiteral("big")}}, RowCountCheck::Method::Diff);
        const TableResult t = verify(pgRunbook(), passwords(), r).tables.value(0);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(t.missingInTarget, 1);
        QCOMPARE(t.extraInTarget, 1);
        QCOMPARE(t.changed, 1);
        QVERIFY2(findDiff(t, RowDifference::Kind::MissingInTarget, QStringLiteral("id=77777")),
                 qPrintable(ReconcileTestSupport::describe(t)));
        QVERIFY2(findDiff(t, RowDifference::Kind::ExtraInTarget, QStringLiteral("id=100001")),
                 qPrintable(ReconcileTestSupport::describe(t)));
        const RowDifference *changed = findDiff(t, RowDifference::Kind::Changed, QStringLiteral("id=4242"));
        QVERIFY2(changed, qPrintable(ReconcileTestSupport::describe(t)));
        QCOMPARE(changed->columns, QStringList {QStringLiteral("b")});
        QCOMPARE(changed->targetValues, QStringList {QStringLiteral("changed")});
        QVERIFY(!t.passed());
        // Only the differing ranges were fetched: far fewer rows than the two tables hold.
        QVERIFY2(t.rowsScanned < 6 * kBigRows, qPrintable(QString::number(t.rowsScanned)));
    }

    void compositeKeys()
    {
        const auto r = reconciliation({TablePair {QStringLiteral("multi")}}, RowCountCheck::Method::Diff);
        const TableResult t = verify(pgRunbook(), passwords(), r).tables.value(0);
        QCOMPARE(t.keyColumns, (QStringList {QStringLiteral("tenant"), QStringLiteral("code")}));
        QCOMPARE(t.changed, 1);
        QCOMPARE(t.missingInTarget + t.extraInTarget, 0);
        const RowDifference *d
            = findDiff(t, RowDifference::Kind::Changed, QStringLiteral("tenant=3, code=c17"));
        QVERIFY2(d, qPrintable(ReconcileTestSupport::describe(t)));
        QCOMPARE(d->columns, QStringList {QStringLiteral("qty")});
    }

    void noFalseDiffsAcrossTypes()
    {
        const auto r = reconciliation({TablePair {QStringLiteral("typed")}}, RowCountCheck::Method::Diff);
        const TableResult t = verify(pgRunbook(), passwords(), r).tables.value(0);
        QVERIFY2(t.passed(), qPrintable(ReconcileTestSupport::describe(t)));
        QCOMPARE(t.changed, 0);
    }

    void sqliteSourceAgainstPostgresTarget()
    {
        QStringList seed {
            QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c NUMERIC(12,2))")};
        // The same rows as PostgreSQL's `big` (md5 computed there), read back through psql.
        auto rows = m_pg->query(m_srcDb,
                                QStringLiteral("SELECT string_agg(format('(%s,%s,%L,%s)', id, a, b, c), ',' "
                                               "ORDER BY id) FROM big WHERE id <= 3000"));
        QVERIFY_VALUE(rows);
        seed << QStringLiteral("INSERT INTO big VALUES ") + *rows;
        seed << QStringLiteral("UPDATE big SET c = 1.5 WHERE id = 1234");
        auto lite = test::createSqliteFile(m_tmp.filePath(QStringLiteral("src.db")), seed,
                                           QStringLiteral("source"));
        QVERIFY_VALUE(lite);
        auto r = reconciliation({TablePair {QStringLiteral("big")}}, RowCountCheck::Method::Diff);
        r.counts.tables.first().where = QStringLiteral("id <= 3000");
        const TableResult t
            = verify(runbook(*lite, m_pg->appConnection(m_srcDb)), passwords(), r).tables.value(0);
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        QCOMPARE(t.changed, 1);
        QCOMPARE(t.missingInTarget + t.extraInTarget, 0);
        const RowDifference *d = findDiff(t, RowDifference::Kind::Changed, QStringLiteral("id=1234"));
        QVERIFY2(d, qPrintable(ReconcileTestSupport::describe(t)));
        QCOMPARE(d->columns, QStringList {QStringLiteral("c")});
        QCOMPARE(d->sourceValues, QStringList {QStringLiteral("1.50")});
    }

    void orphanChecksListTheirRowsAndFixReChecks()
    {
        auto r = reconciliation({TablePair {QStringLiteral("records")}}, RowCountCheck::Method::Exact, 2);
        Check orphans;
        orphans.id = QStringLiteral("public-without-private");
        orphans.probe = SqlQuery {
            QStringLiteral("target"),
            QStringLiteral("SELECT r.id FROM records r LEFT JOIN profiles p ON p.record_id = r.id "
                           "WHERE p.id IS NULL ORDER BY r.id")};
        auto cond = Condition::parse(QStringLiteral("[ROWS] == 0"));
        QVERIFY_VALUE(cond);
        orphans.expect << *cond;
        Check tokens = orphans;
        tokens.id = QStringLiteral("opted-in-without-token");
        tokens.probe = SqlQuery {
            QStringLiteral("target"),
            QStringLiteral("SELECT id FROM profiles WHERE mail_opt_in AND token IS NULL ORDER BY id")};
        r.checks << orphans << tokens;
        Action fix;
        fix.id = QStringLiteral("delete-orphans");
        fix.what = SqlStatement {
            QStringLiteral("target_rw"),
            QStringLiteral("DELETE FROM records r WHERE NOT EXISTS (SELECT 1 FROM profiles p WHERE "
                           "p.record_id = r.id)")};
        Action manual;
        manual.id = QStringLiteral("issue-tokens");
        manual.what = ManualCheck {QStringLiteral("Issue unsubscribe tokens for the listed profiles")};
        r.fixes << fix << manual;

        const Runbook rb = pgRunbook();
        const ReconciliationResult res = verify(rb, passwords(), r);
        QCOMPARE(res.checks.size(), 2);
        QCOMPARE(res.checks[0].verdict, Verdict::Fail);
        QCOMPARE(res.checks[0].observation.rowCount, 2);
        QCOMPARE(res.checks[0].observation.rows.value(0).value(0).toInt(), 51);
        QCOMPARE(res.checks[0].observation.rows.value(1).value(0).toInt(), 52);
        QCOMPARE(res.checks[1].observation.rowCount, 2);
        QVERIFY(!res.passed());

        const auto [applied, review, after] = onPool([&] {
            Reconciler rec(rb, passwords(), {});
            const FixOutcome a = rec.applyFix(fix);
            const FixOutcome m = rec.applyFix(manual);
            return std::tuple {a, m, rec.runChecks(r, nullptr)};
        });
        QVERIFY2(applied.applied, qPrintable(applied.error));
        QCOMPARE(applied.rowsAffected, 2);
        QVERIFY(!review.applied);
        QVERIFY(review.needsReview);
        QCOMPARE(after[0].verdict, Verdict::Pass);
        QCOMPARE(after[1].verdict, Verdict::Fail); // the manual one waits for a person
    }

    void cancelMidDiffDiscardsTheTable()
    {
        std::atomic<bool> cancel {false};
        int diffReports = 0;
        const auto r
            = reconciliation({TablePair {QStringLiteral("big")}, TablePair {QStringLiteral("items")}},
                             RowCountCheck::Method::Diff);
        const ReconciliationResult res
            = verify(pgRunbook(), passwords(), r, &cancel, [&](const ReconcileProgress &p) {
                  if (p.phase == u"diff" && p.rowsScanned > 0 && ++diffReports == 1)
                      cancel = true;
              });
        QVERIFY(res.cancelled);
        QVERIFY(res.tables.isEmpty());
        QVERIFY(res.checks.isEmpty());
        QVERIFY(res.cancelledAt.contains(QStringLiteral("table 1 of 2")));
        QVERIFY(!res.passed());
    }
};

QTEST_GUILESS_MAIN(tst_Reconciler)
#include "tst_Reconciler.moc"
