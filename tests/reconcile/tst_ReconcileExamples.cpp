// The example runbooks' reconciliations run for real: seed B's record counts with its orphan, token and
// drained-credential checks and its fixes, and seed D's row-count gate and checksum diff, each against two
// databases of the `postgres` fixture (the examples' connections pointed at them; nothing else changed).
#include "ReconcileTestSupport.h"
#include "core/runbook/RunbookLoader.h"
#include "probes/SqlConnectionPool.h"
#include "reconcile/Reconciler.h"
#include "support/ExpectValue.h"
#include "support/TestEnv.h"
#include "support/TestPostgres.h"

#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace cockpit;
using cockpit::test::ReconcileTestSupport;
using cockpit::test::TestPostgres;

namespace {

const Reconciliation *find(const Runbook &rb, const QString &id)
{
    for (const Reconciliation &r : rb.reconciliations)
        if (r.id == id)
            return &r;
    return nullptr;
}

const CheckResult *check(const QList<CheckResult> &list, const QString &id)
{
    for (const CheckResult &c : list)
        if (c.checkId == id)
            return &c;
    return nullptr;
}

QStringList firstColumn(const CheckResult &c)
{
    QStringList out;
    for (const QVariantList &row : c.observation.rows)
        out << row.value(0).toString();
    return out;
}

} // namespace

class tst_ReconcileExamples : public QObject
{
    Q_OBJECT

private:
    std::optional<TestPostgres> m_pg;

    // The example with its two database connections pointed at the fixture (the rest as written).
    Expected<Runbook, QString> example(const QString &file, const QString &sourceName, const QString &source,
                                       const QString &targetName, const QString &target,
                                       const QMap<QString, QString> &params = {}) const
    {
        auto rb
            = RunbookLoader::loadFile(test::sourcePath(QStringLiteral("resources/runbooks/") + file), params);
        if (!rb)
            return unexpected(rb.error().value(0).toString());
        for (const auto &[name, db] : {std::pair {sourceName, source}, std::pair {targetName, target}}) {
            Connection c = m_pg->appConnection(db, name);
            c.writable = rb->connections.value(name).writable;
            rb->connections.insert(name, c);
        }
        return *rb;
    }
    QHash<QString, QByteArray> passwords(const QStringList &names) const
    {
        QHash<QString, QByteArray> out;
        for (const QString &n : names)
            out.insert(n, m_pg->appPassword());
        return out;
    }
    template<class F> auto onPool(F f) { return ReconcileTestSupport::onSqlPool(std::move(f)); }

private Q_SLOTS:
    void initTestCase()
    {
        auto pg = TestPostgres::fromEnv();
        QVERIFY_VALUE(pg);
        m_pg = *pg;
    }

    // Seed B: counts match, but the consistency checks find an orphan both ways, an opted-in profile
    // without an unsubscribe token and a drained credential; --fix mends the last two and leaves the
    // orphans for a person.
    void exampleB()
    {
        auto legacy = m_pg->createDatabase(
            QStringLiteral("b_legacy"),
            QStringLiteral(
                "CREATE TABLE users (id int PRIMARY KEY, email text);"
                "INSERT INTO users SELECT g, 'u' || g || '@example.org' FROM generate_series(1, 100) g;"
                "CREATE TABLE public_records (id int PRIMARY KEY, title text);"
                "INSERT INTO public_records SELECT g, 'r' || g FROM generate_series(1, 50) g;"
                "CREATE TABLE private_profiles (id int PRIMARY KEY, record_id int);"
                "INSERT INTO private_profiles SELECT g, g FROM generate_series(1, 50) g;"));
        QVERIFY_VALUE(legacy);
        auto site = m_pg->createDatabase(
            QStringLiteral("b_site"),
            QStringLiteral(
                "CREATE EXTENSION pgcrypto;"
                "CREATE TABLE users (id int PRIMARY KEY, email text);"
                "INSERT INTO users SELECT g, 'u' || g || '@example.org' FROM generate_series(1, 100) g;"
                "CREATE TABLE records (id int PRIMARY KEY, title text);"
                "INSERT INTO records SELECT g, 'r' || g FROM generate_series(1, 50) g;"
                "CREATE TABLE profiles (id int PRIMARY KEY, record_id int, mail_opt_in bool NOT NULL DEFAULT "
                "false, unsubscribe_token text);"
                "INSERT INTO profiles SELECT g, g, false, NULL FROM generate_series(1, 50) g;"
                // record 50 loses its profile to a record that does not exist: an orphan each way
                "UPDATE profiles SET record_id = 51 WHERE id = 50;"
                "UPDATE profiles SET mail_opt_in = true, unsubscribe_token = 'tok' WHERE id < 7;"
                "UPDATE profiles SET mail_opt_in = true WHERE id = 7;"
                "CREATE TABLE legacy_credentials (id int PRIMARY KEY, drained_at timestamptz);"
                "INSERT INTO legacy_credentials VALUES (1, NULL), (2, now()), (3, NULL);"));
        QVERIFY_VALUE(site);
        auto rb = example(QStringLiteral("b-site-rewrite-cutover.yaml"), QStringLiteral("legacy_db"), *legacy,
                          QStringLiteral("new_db"), *site);
        QVERIFY_VALUE(rb);
        const Reconciliation *r = find(*rb, QStringLiteral("record-counts"));
        QVERIFY(r);
        Reconciler rec(*rb, passwords({QStringLiteral("legacy_db"), QStringLiteral("new_db")}), {});

        const ReconciliationResult result = onPool([&] { return rec.verify(*r, nullptr); });
        QCOMPARE(result.tables.size(), 3);
        for (const TableResult &t : result.tables)
            QVERIFY2(t.passed(), qPrintable(t.source + QLatin1Char(' ') + t.error));
        QVERIFY(!result.passed());
        const QMap<QString, QStringList> offending {
            {QStringLiteral("public-without-private"), {QStringLiteral("50")}},
            {QStringLiteral("private-without-public"), {QStringLiteral("50")}},
            {QStringLiteral("opted-in-without-token"), {QStringLiteral("7")}},
            {QStringLiteral("drained-credentials-left"), {QStringLiteral("2")}}};
        for (auto it = offending.cbegin(); it != offending.cend(); ++it) {
            const CheckResult *c = check(result.checks, it.key());
            QVERIFY2(c, qPrintable(it.key()));
            QCOMPARE(c->verdict, Verdict::Fail);
            QCOMPARE(firstColumn(*c), it.value());
        }

        // The fixes: SQL ones applied on the writable connection, the manual one left for review.
        QList<FixOutcome> fixes;
        for (const Action &a : r->fixes)
            fixes << onPool([&] { return rec.applyFix(a); });
        QCOMPARE(fixes.size(), 3);
        QVERIFY2(fixes[0].applied && fixes[0].rowsAffected == 1, qPrintable(fixes[0].error));
        QVERIFY2(fixes[1].applied && fixes[1].rowsAffected == 1, qPrintable(fixes[1].error));
        QVERIFY(fixes[2].needsReview && !fixes[2].applied);
        const QList<CheckResult> after = onPool([&] { return rec.runChecks(*r, nullptr); });
        QCOMPARE(check(after, QStringLiteral("opted-in-without-token"))->verdict, Verdict::Pass);
        QCOMPARE(check(after, QStringLiteral("drained-credentials-left"))->verdict, Verdict::Pass);
        QCOMPARE(check(after, QStringLiteral("public-without-private"))->verdict, Verdict::Fail);
        QCOMPARE(check(after, QStringLiteral("private-without-public"))->verdict, Verdict::Fail);
    }

    // Seed D: the row-count gate with a real tolerance (0 fails on one extra customer, 1 passes) and the
    // checksum diff naming the extra customer and the changed order.
    void exampleD()
    {
        const QString seed = QStringLiteral(
            "CREATE TABLE customers (id int PRIMARY KEY, name text);"
            "INSERT INTO customers SELECT g, 'c' || g FROM generate_series(1, 30) g;"
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int, total numeric(12,2));"
            "INSERT INTO orders SELECT g, g % 30 + 1, g * 1.5 FROM generate_series(1, 2000) g;"
            "CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint, qty int);"
            "INSERT INTO order_items SELECT g, g % 2000 + 1, g % 5 FROM generate_series(1, 5000) g;");
        auto source = m_pg->createDatabase(QStringLiteral("d_source"), seed);
        QVERIFY_VALUE(source);
        auto target
            = m_pg->createDatabase(QStringLiteral("d_target"),
                                   seed
                                       + QStringLiteral("INSERT INTO customers VALUES (31, 'late');"
                                                        "UPDATE orders SET total = 0 WHERE id = 17;"));
        QVERIFY_VALUE(target);
        const QHash<QString, QByteArray> pw = passwords({QStringLiteral("source"), QStringLiteral("target")});

        for (const auto &[tolerance, passes] :
             {std::pair {QStringLiteral("0"), false}, std::pair {QStringLiteral("1"), true}}) {
            auto rb
                = example(QStringLiteral("d-staged-db-migration.yaml"), QStringLiteral("source"), *source,
                          QStringLiteral("target"), *target, {{QStringLiteral("row_tolerance"), tolerance}});
            QVERIFY_VALUE(rb);
            const Reconciliation *counts = find(*rb, QStringLiteral("orders-counts"));
            QVERIFY(counts);
            Reconciler rec(*rb, pw, {});
            const ReconciliationResult result = onPool([&] { return rec.verify(*counts, nullptr); });
            QCOMPARE(result.tables.size(), 3);
            QCOMPARE(result.passed(), passes);
            QCOMPARE(result.tables[2].source, QStringLiteral("customers"));
            QCOMPARE(result.tables[2].countDifference(), 1);
        }

        auto rb = example(QStringLiteral("d-staged-db-migration.yaml"), QStringLiteral("source"), *source,
                          QStringLiteral("target"), *target);
        QVERIFY_VALUE(rb);
        const Reconciliation *diff = find(*rb, QStringLiteral("orders-diff"));
        QVERIFY(diff);
        Reconciler rec(*rb, pw, {});
        const ReconciliationResult result = onPool([&] { return rec.verify(*diff, nullptr); });
        QVERIFY(!result.passed());
        QCOMPARE(result.tables.size(), 3);
        const TableResult &orders = result.tables[0];
        QVERIFY2(orders.error.isEmpty(), qPrintable(orders.error));
        QCOMPARE(orders.changed, 1);
        QCOMPARE(orders.differences.value(0).key, QStringLiteral("id=17"));
        QCOMPARE(orders.differences.value(0).columns, QStringList {QStringLiteral("total")});
        QVERIFY(result.tables[1].passed());
        const TableResult &customers = result.tables[2];
        QCOMPARE(customers.extraInTarget, 1);
        QCOMPARE(customers.differences.value(0).key, QStringLiteral("id=31"));
        QCOMPARE(customers.differences.value(0).kind, RowDifference::Kind::ExtraInTarget);
    }
};

QTEST_GUILESS_MAIN(tst_ReconcileExamples)
#include "tst_ReconcileExamples.moc"
