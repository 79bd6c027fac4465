#include "core/gates/MannWhitney.h"

#include <QTest>
#include <cmath>

using namespace cockpit;

class tst_MannWhitney : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tortoiseAndHare();
    void exactDistributionMatchesEnumeration();
    void normalApproximationWithTies();
    void smallestAttainableP();
    void emptySampleIsInvalid();
    void allTied();
};

// Wikipedia, "Mann-Whitney U test", section "Illustration of calculation methods": six tortoises and six
// hares finish in the order T H H H H H T T T T T H, giving U = 11 and 25. Finishing positions as times. The
// exact tails are by enumeration of all C(12, 6) = 924 arrangements (done by hand in Python): P(U >= 11) =
// 813/924, P(U >= 25) = 143/924.
void tst_MannWhitney::tortoiseAndHare()
{
    const QList<double> tortoises {1, 7, 8, 9, 10, 11};
    const QList<double> hares {2, 3, 4, 5, 6, 12};
    const auto r = MannWhitney::test(tortoises, hares, MannWhitney::Alternative::Greater);
    QVERIFY(r.valid);
    QCOMPARE(r.n1, 6);
    QCOMPARE(r.n2, 6);
    QCOMPARE(r.u2, 11.0); // pairs where a hare took longer than a tortoise
    QCOMPARE(r.u1, 25.0);
    QCOMPARE(r.meanU, 18.0);
    QVERIFY(r.exact);
    QVERIFY(qAbs(r.p - 813.0 / 924.0) < 1e-12);

    const auto less = MannWhitney::test(tortoises, hares, MannWhitney::Alternative::Less);
    QVERIFY(qAbs(less.p - 143.0 / 924.0) < 1e-12);
    const auto two = MannWhitney::test(tortoises, hares, MannWhitney::Alternative::TwoSided);
    QVERIFY(qAbs(two.p - 2 * 143.0 / 924.0) < 1e-12);
    // sigma without ties: sqrt(6*6*13/12) = sqrt(39)
    QVERIFY(qAbs(r.sigmaU - std::sqrt(39.0)) < 1e-12);
}

// The generating-function distribution against brute force over all C(n1+n2, n1) splits of 1..N.
void tst_MannWhitney::exactDistributionMatchesEnumeration()
{
    for (int n1 = 1; n1 <= 5; ++n1) {
        for (int n2 = 1; n2 <= 5; ++n2) {
            const int n = n1 + n2;
            QList<int> counts(n1 * n2 + 1, 0);
            int total = 0;
            for (int mask = 0; mask < (1 << n); ++mask) {
                if (__builtin_popcount(unsigned(mask)) != n2)
                    continue;
                int u = 0; // pairs (x, y) with y > x, y the bits of mask
                for (int a = 0; a < n; ++a)
                    for (int b = 0; b < n; ++b)
                        if ((mask & (1 << b)) && !(mask & (1 << a)) && b > a)
                            ++u;
                ++counts[u];
                ++total;
            }
            int tail = 0;
            for (int u = n1 * n2; u >= 0; --u) {
                tail += counts[u];
                QVERIFY2(qAbs(MannWhitney::exactUpperTail(n1, n2, u) - double(tail) / total) < 1e-12,
                         qPrintable(QStringLiteral("n1=%1 n2=%2 u=%3").arg(n1).arg(n2).arg(u)));
            }
        }
    }
    // Symmetric and sums to one at the bottom.
    QCOMPARE(MannWhitney::exactUpperTail(20, 25, 0), 1.0);
    QVERIFY(qAbs(MannWhitney::exactUpperTail(20, 25, 251) - (1 - MannWhitney::exactUpperTail(20, 25, 250)))
            < 1e-12);
}

// Computed by hand (tie-corrected variance): x has 12 values, y 12, six tied groups (12 x2, 14 x2,
// 15 x4, 18 x3, 26 x2, 30 x2): sum(t^3 - t) = 6+6+60+24+6+6 = 108; U2 = 112.5;
// sigma = sqrt(144/12 * (25 - 108/552)) = 17.252599; z = (112.5 - 72 - 0.5)/sigma = 2.318491;
// p = 1 - Phi(z) = 0.0102113.
void tst_MannWhitney::normalApproximationWithTies()
{
    const QList<double> x {10, 12, 12, 14, 15, 15, 15, 18, 20, 22, 25, 30};
    const QList<double> y {14, 15, 18, 18, 21, 24, 26, 26, 30, 33, 35, 40};
    const auto r = MannWhitney::test(x, y, MannWhitney::Alternative::Greater);
    QVERIFY(!r.exact);
    QCOMPARE(r.tiedGroups, 6);
    QCOMPARE(r.u2, 112.5);
    QVERIFY(qAbs(r.sigmaU - 17.25259904805776) < 1e-9);
    QVERIFY(qAbs(r.z - 2.3184912539020064) < 1e-9);
    QVERIFY(qAbs(r.p - 0.010211318872438088) < 1e-9);
    // Swapped, the same evidence says nothing about "x larger".
    const auto swapped = MannWhitney::test(y, x, MannWhitney::Alternative::Greater);
    QCOMPARE(swapped.u2, 144 - 112.5);
    QVERIFY(swapped.p > 0.98);
}

void tst_MannWhitney::smallestAttainableP()
{
    // n1 = n2 = 3: the most extreme split is 1 of C(6,3) = 20.
    const auto r = MannWhitney::test({1, 2, 3}, {4, 5, 6}, MannWhitney::Alternative::Greater);
    QCOMPARE(r.u2, 9.0);
    QVERIFY(qAbs(r.p - 0.05) < 1e-12);
    QVERIFY(qAbs(r.minAttainableP - 0.05) < 1e-12);
    const auto two = MannWhitney::test({1, 2}, {4, 5}, MannWhitney::Alternative::Greater);
    QVERIFY(qAbs(two.minAttainableP - 1.0 / 6.0) < 1e-12);
}

void tst_MannWhitney::emptySampleIsInvalid()
{
    QVERIFY(!MannWhitney::test({}, {1, 2, 3}, MannWhitney::Alternative::Greater).valid);
    QVERIFY(!MannWhitney::test({1}, {}, MannWhitney::Alternative::Greater).valid);
}

void tst_MannWhitney::allTied()
{
    const auto r = MannWhitney::test({5, 5, 5, 5}, {5, 5, 5, 5}, MannWhitney::Alternative::Greater);
    QCOMPARE(r.sigmaU, 0.0);
    QCOMPARE(r.u2, 8.0);
    QCOMPARE(r.p, 1.0);
}

QTEST_GUILESS_MAIN(tst_MannWhitney)
#include "tst_MannWhitney.moc"
