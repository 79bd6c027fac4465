#include "core/gates/BaselineComparison.h"

#include <QJsonArray>
#include <QTest>

using namespace cockpit;

class tst_BaselineComparison : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void degradationDetected();
    void noDegradation();
    void improvementIsNotDegradation();
    void significantButWithinTolerance();
    void tooFewValuesIsInconclusive();
    void emptyIsNoData();
    void newValuesListed();
    void noNewValues();
};

namespace {

// Deterministic durations (minutes): a spread of 40 values around `centre`.
QList<double> durations(double centre, int n = 40)
{
    QList<double> out;
    for (int i = 0; i < n; ++i)
        out.append(centre + double((i * 37) % 23) - 11.0 + double(i % 3) * 0.25);
    return out;
}

} // namespace

void tst_BaselineComparison::degradationDetected()
{
    const auto r = BaselineComparison::noDegradation(durations(8), durations(12), 0.01, 0.10);
    QCOMPARE(r.verdict, Verdict::Fail);
    QVERIFY(r.test.p <= 0.01);
    QCOMPARE(r.test.n1, 40);
    QCOMPARE(r.test.n2, 40);
    QCOMPARE(r.quantiles.size(), 3);
    QCOMPARE(r.quantiles[0].p, 0.5);
    QVERIFY(r.quantiles[0].current > r.quantiles[0].baseline);
    // The explanation carries the numbers.
    for (const char *part :
         {"degraded", "p50", "p90", "p99", "U=", "z=", "p=", "n1=40", "n2=40", "one-sided"})
        QVERIFY2(r.explanation.contains(QLatin1String(part)), qPrintable(r.explanation));
    const QJsonObject j = r.toJson();
    QCOMPARE(j.value(QStringLiteral("n1")).toInt(), 40);
    QCOMPARE(j.value(QStringLiteral("quantiles")).toArray().size(), 3);
}

void tst_BaselineComparison::noDegradation()
{
    const auto r = BaselineComparison::noDegradation(durations(10), durations(10.2), 0.01, 0.10);
    QCOMPARE(r.verdict, Verdict::Pass);
    QVERIFY(r.test.p > 0.01);
    QVERIFY2(r.explanation.startsWith(QLatin1String("no degradation")), qPrintable(r.explanation));
}

void tst_BaselineComparison::improvementIsNotDegradation()
{
    // One-sided: faster imports never fail the gate.
    const auto r = BaselineComparison::noDegradation(durations(20), durations(5), 0.05, 0.10);
    QCOMPARE(r.verdict, Verdict::Pass);
    QVERIFY(r.test.p > 0.99);
}

void tst_BaselineComparison::significantButWithinTolerance()
{
    // 20 000 values per stage: a median 2% higher is highly significant, yet within a 10% tolerance.
    QList<double> base;
    QList<double> slower;
    for (int i = 0; i < 20000; ++i) {
        base.append(300.0 + double((i * 7919) % 200));
        slower.append((300.0 + double((i * 7919) % 200)) * 1.02);
    }
    const auto within = BaselineComparison::noDegradation(base, slower, 0.01, 0.10);
    QVERIFY(within.test.p <= 0.01);
    QCOMPARE(within.verdict, Verdict::Pass);
    QVERIFY2(within.explanation.contains(QLatin1String("+2.0%"))
                 && within.explanation.contains(QLatin1String("tolerance 10.0%")),
             qPrintable(within.explanation));
    QCOMPARE(within.toJson().value(QStringLiteral("tolerance")).toDouble(), 0.10);
    // The same data against a 1% tolerance: degraded, and the explanation says by how much.
    const auto strict = BaselineComparison::noDegradation(base, slower, 0.01, 0.01);
    QCOMPARE(strict.verdict, Verdict::Fail);
    QVERIFY2(strict.explanation.contains(QLatin1String("the median rose +2.0% (tolerance 1.0%)")),
             qPrintable(strict.explanation));
}

void tst_BaselineComparison::tooFewValuesIsInconclusive()
{
    QCOMPARE(BaselineComparison::noDegradation({1, 2}, {5, 6, 7}, 0.05, 0.10).verdict, Verdict::Inconclusive);
    // n1 = n2 = 3 can reach 0.05 but never 0.01.
    QCOMPARE(BaselineComparison::noDegradation({1, 2, 3}, {5, 6, 7}, 0.05, 0.10).verdict, Verdict::Fail);
    const auto r = BaselineComparison::noDegradation({1, 2, 3}, {5, 6, 7}, 0.01, 0.10);
    QCOMPARE(r.verdict, Verdict::Inconclusive);
    QVERIFY(r.explanation.contains(QLatin1String("too few")));
}

void tst_BaselineComparison::emptyIsNoData()
{
    QCOMPARE(BaselineComparison::noDegradation({}, {1, 2, 3}, 0.05, 0.10).verdict, Verdict::NoData);
    QCOMPARE(BaselineComparison::noDegradation({1, 2, 3}, {}, 0.05, 0.10).verdict, Verdict::NoData);
}

void tst_BaselineComparison::newValuesListed()
{
    const QStringList before {QStringLiteral("timeout talking to storage"), QStringLiteral("invalid file")};
    const QStringList now {QStringLiteral("invalid file"),
                           QStringLiteral(" OOM in parser "),
                           QStringLiteral("timeout talking to storage"),
                           QStringLiteral("checksum mismatch"),
                           QStringLiteral("invalid file"),
                           QString()};
    const auto r = BaselineComparison::noNewValues(before, now);
    QCOMPARE(r.verdict, Verdict::Fail);
    QCOMPARE(r.newValues,
             (QStringList {QStringLiteral("OOM in parser"), QStringLiteral("checksum mismatch")}));
    QCOMPARE(r.currentCount, 4);
    QCOMPARE(r.baselineCount, 2);
    QVERIFY2(r.explanation.contains(QLatin1String("\"OOM in parser\", \"checksum mismatch\"")),
             qPrintable(r.explanation));
    QCOMPARE(r.toJson().value(QStringLiteral("new_values")).toArray().size(), 2);
}

void tst_BaselineComparison::noNewValues()
{
    QCOMPARE(
        BaselineComparison::noNewValues({QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("b")})
            .verdict,
        Verdict::Pass);
    QCOMPARE(BaselineComparison::noNewValues({QStringLiteral("a")}, {}).verdict, Verdict::Pass);
    QCOMPARE(BaselineComparison::noNewValues({}, {QStringLiteral("a")}).verdict, Verdict::Fail);
}

QTEST_GUILESS_MAIN(tst_BaselineComparison)
#include "tst_BaselineComparison.moc"
