// CheckResult's words for what a failed consistency check and a row-count comparison saw, on observations
// from the fixture PostgreSQL: the first offending rows (bounded, with the total) and "within tolerance
// (Δ 3 ≤ 5)" rather than "match".

#include "core/conditions/CheckResult.h"
#include "core/conditions/CountDifference.h"
#include "probes/RowCountProbe.h"
#include "probes/SqlProbe.h"
#include "support/Await.h"
#include "support/ExpectValue.h"
#include "support/TestPostgres.h"

#include <QTest>

using namespace cockpit;
using cockpit::test::TestPostgres;
using cockpit::test::waitFor;

namespace {

Condition parsedCondition(const QString &text)
{
    auto c = Condition::parse(text);
    if (!c)
        qFatal("bad condition %s", qPrintable(text));
    return *c;
}

} // namespace

class tst_CheckResultEvidence : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPostgres> m_pg;
    Connection m_source;
    Connection m_target;
    QByteArray m_pw;

    CheckResult sqlCheck(const QString &query, const QString &expect, int maxRows = 100)
    {
        SqlQuery q;
        q.connection = m_source.name;
        q.query = query;
        q.maxRows = maxRows;
        Check c;
        c.id = QStringLiteral("orphans");
        c.probe = q;
        c.expect << parsedCondition(expect);
        return CheckResult::evaluate(c, waitFor(SqlProbe::run(m_source, q, m_pw)));
    }

    CheckResult counts(double tolerance)
    {
        RowCountCheck rc;
        rc.source = m_source.name;
        rc.target = m_target.name;
        rc.tables = {TablePair {QStringLiteral("users"), QStringLiteral("users")},
                     TablePair {QStringLiteral("orders"), QStringLiteral("orders")}};
        rc.tolerance = tolerance;
        Check c;
        c.id = QStringLiteral("counts");
        c.probe = rc;
        return CheckResult::evaluate(c, waitFor(RowCountProbe::run(rc, m_source, m_pw, m_target, m_pw)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
        // 12 profiles without an account (the orphans), users equal, orders 100 vs 103.
        const QString seed = QStringLiteral(
            "CREATE TABLE users AS SELECT g AS id FROM generate_series(1, 40) g;\n"
            "CREATE TABLE profiles AS SELECT g AS id, 'user' || g || '@example.com' AS email "
            "FROM generate_series(1, 52) g;\n"
            "CREATE TABLE orders AS SELECT g AS id FROM generate_series(1, %1) g;\n");
        auto src = m_pg->createDatabase(QStringLiteral("evidence_src"), seed.arg(100));
        QVERIFY_VALUE(src);
        auto dst = m_pg->createDatabase(QStringLiteral("evidence_dst"), seed.arg(103));
        QVERIFY_VALUE(dst);
        m_source = m_pg->appConnection(*src, QStringLiteral("source"));
        m_target = m_pg->appConnection(*dst, QStringLiteral("target"));
        m_pw = m_pg->appPassword();
    }

    void failedRowsCheckShowsItsFirstRowsAndTheTotal()
    {
        const CheckResult r
            = sqlCheck(QStringLiteral("SELECT p.id, p.email FROM profiles p LEFT JOIN users u "
                                      "ON u.id = p.id WHERE u.id IS NULL ORDER BY p.id"),
                       QStringLiteral("[ROWS] == 0"));
        QCOMPARE(r.verdict, Verdict::Fail);
        QVERIFY2(r.summary.startsWith(QStringLiteral("[ROWS] (12) == 0")), qPrintable(r.summary));
        // Five rows at most, the total of all twelve.
        QVERIFY2(r.summary.contains(QStringLiteral("first 5 of 12 rows: (41, user41@example.com); "
                                                   "(42, user42@example.com); (43, user43@example.com); "
                                                   "(44, user44@example.com); (45, user45@example.com)")),
                 qPrintable(r.summary));
        QVERIFY2(!r.summary.contains(QStringLiteral("user46")), qPrintable(r.summary));
    }

    void rowsBeyondTheKeptOnesAreCounted()
    {
        // The probe keeps 3 rows; the total still counts all 12.
        const CheckResult r
            = sqlCheck(QStringLiteral("SELECT p.id FROM profiles p WHERE p.id > 40 ORDER BY p.id"),
                       QStringLiteral("[ROWS] == 0"), 3);
        QCOMPARE(r.verdict, Verdict::Fail);
        QVERIFY2(r.summary.contains(QStringLiteral("first 3 of 12 rows: (41); (42); (43)")),
                 qPrintable(r.summary));
    }

    void longValuesAreCut()
    {
        const CheckResult r
            = sqlCheck(QStringLiteral("SELECT repeat('x', 500) AS blob"), QStringLiteral("[ROWS] == 0"));
        QCOMPARE(r.verdict, Verdict::Fail);
        QVERIFY2(r.summary.contains(QStringLiteral("first 1 of 1 rows: (") + QString(59, u'x')
                                    + QStringLiteral("…)")),
                 qPrintable(r.summary));
        QVERIFY(r.summary.size() < 200);
    }

    void passingRowsCheckShowsNoRows()
    {
        const CheckResult r = sqlCheck(QStringLiteral("SELECT id FROM profiles WHERE id > 1000"),
                                       QStringLiteral("[ROWS] == 0"));
        QCOMPARE(r.verdict, Verdict::Pass);
        QVERIFY2(!r.summary.contains(QStringLiteral("rows:")), qPrintable(r.summary));
    }

    void countsWithinToleranceAreNeverAMatch()
    {
        const CheckResult r = counts(5);
        QCOMPARE(r.verdict, Verdict::Pass);
        QCOMPARE(r.summary,
                 QStringLiteral("users: 40 vs 40, equal; orders: 100 vs 103, within tolerance (Δ 3 ≤ 5)"));
        QVERIFY(!r.summary.contains(QStringLiteral("match")));
    }

    void countsBeyondToleranceSayByHowMuch()
    {
        const CheckResult r = counts(2);
        QCOMPARE(r.verdict, Verdict::Fail);
        QCOMPARE(r.summary, QStringLiteral("orders: 100 vs 103, Δ 3 > 2 allowed"));
    }

    void countDifferenceWords()
    {
        QCOMPARE(CountDifference::describe(7, 7, 0), QStringLiteral("equal"));
        QCOMPARE(CountDifference::describe(10, 7, 3), QStringLiteral("within tolerance (Δ 3 ≤ 3)"));
        QCOMPARE(CountDifference::describe(10, 17, 3), QStringLiteral("Δ 7 > 3 allowed"));
    }
};

QTEST_GUILESS_MAIN(tst_CheckResultEvidence)
#include "tst_CheckResultEvidence.moc"
