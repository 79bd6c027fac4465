#include "charts/Histogram.h"

#include <QTest>
#include <algorithm>
#include <cmath>

using namespace cockpit::charts;

namespace {

// Hyndman & Fan type 7, written out here so the test does not trust the code under test.
double quantile7(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const double h = (v.size() - 1) * p;
    const auto lo = qsizetype(std::floor(h));
    const auto hi = qMin(lo + 1, v.size() - 1);
    return v.at(lo) + (h - double(lo)) * (v.at(hi) - v.at(lo));
}

} // namespace

class tst_Histogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void binsAreSharedAndCountedByHand()
    {
        // Range 0..10 over 10 bins: bin i is [i, i + 1), 10 itself is in the last bin.
        const QList<double> baseline {0, 1.2, 1.7, 3.3, 9.9, 10};
        const QList<double> current {2, 2.5, 4, 4, 5, 7, 10, NAN};
        const HistogramComparison h = Histogram::compare(baseline, current, 10, 6.0);
        QCOMPARE(h.bins.size(), 10);
        QCOMPARE(h.bins.first().from, 0.0);
        QCOMPARE(h.bins.last().to, 10.0);
        const QList<qsizetype> wantBaseline {1, 2, 0, 1, 0, 0, 0, 0, 0, 2};
        const QList<qsizetype> wantCurrent {0, 0, 2, 0, 2, 1, 0, 1, 0, 1};
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(h.bins.at(i).baseline, wantBaseline.at(i));
            QCOMPARE(h.bins.at(i).current, wantCurrent.at(i));
        }
        QCOMPARE(h.baselineCount, 6);
        QCOMPARE(h.currentCount, 7); // the NaN is dropped
        QCOMPARE(h.baselineShareAbove, 2.0 / 6.0); // 9.9 and 10 are above 6
        QCOMPARE(h.currentShareAbove, 2.0 / 7.0); // 7 and 10
    }

    void quantilesMatchAnIndependentComputation()
    {
        QList<double> baseline;
        QList<double> current;
        for (int i = 0; i < 200; ++i) {
            baseline << 60 + (i * 37) % 101;
            current << 75 + (i * 53) % 131;
        }
        const HistogramComparison h = Histogram::compare(baseline, current, 20);
        QCOMPARE(h.quantiles.size(), 3);
        const double ps[] {0.5, 0.95, 0.99};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(h.quantiles.at(i).p, ps[i]);
            QCOMPARE(h.quantiles.at(i).baseline, quantile7(baseline, ps[i]));
            QCOMPARE(h.quantiles.at(i).current, quantile7(current, ps[i]));
            QCOMPARE(h.quantiles.at(i).change,
                     (h.quantiles.at(i).current - h.quantiles.at(i).baseline) / h.quantiles.at(i).baseline);
        }
        // A hand-checked one: 1..5 has p50 3 and p95 4.8.
        const HistogramComparison small = Histogram::compare({1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}, 4);
        QCOMPARE(small.quantiles.at(0).baseline, 3.0);
        QCOMPARE(small.quantiles.at(1).baseline, 4.8);
        qsizetype total = 0;
        for (const auto &b : h.bins)
            total += b.baseline + b.current;
        QCOMPARE(total, 400);
    }

    void theTestIsSaidInWords()
    {
        QList<double> baseline;
        QList<double> slower;
        for (int i = 0; i < 60; ++i) {
            baseline << 10 + i % 7;
            slower << 20 + i % 7;
        }
        const HistogramComparison worse = Histogram::compare(baseline, slower, 10);
        QCOMPARE(worse.verdict, QStringLiteral("fail"));
        QVERIFY(worse.words.contains(QStringLiteral("Durations got longer")));
        QVERIFY(worse.words.contains(QStringLiteral("Mann-Whitney")));
        const HistogramComparison same = Histogram::compare(baseline, baseline, 10);
        QCOMPARE(same.verdict, QStringLiteral("pass"));
        QVERIFY(same.words.startsWith(QStringLiteral("No degradation")));
        QCOMPARE(Histogram::compare({}, baseline, 10).verdict, QStringLiteral("no_data"));
    }
};

QTEST_GUILESS_MAIN(tst_Histogram)
#include "tst_Histogram.moc"
