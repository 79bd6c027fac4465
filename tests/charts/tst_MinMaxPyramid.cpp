#include "charts/Downsampler.h"
#include "charts/MinMaxPyramid.h"

#include <QTest>

using namespace cockpit::charts;

namespace {

// Noise, spikes, ties, failing stretches and gaps of 1 to 300 points.
ChartSeries series(qsizetype n)
{
    ChartSeries s;
    quint64 x = 88172645463325252ull;
    qsizetype gapLeft = 0;
    for (qsizetype i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const qint64 t = qint64(i) * 2600;
        if (gapLeft == 0 && x % 4999 == 0)
            gapLeft = qsizetype(1 + (x >> 20) % 300);
        if (gapLeft > 0) {
            --gapLeft;
            s.append(t, ChartSeries::gap(), PointOutcome::NoData);
            continue;
        }
        double v = 90 + double(x % 100) / 10.0; // coarse steps: many equal values in one column
        if (x % 20011 == 0)
            v = x % 2 ? 300 : -200;
        s.append(t, v, v < 95 ? PointOutcome::Fail : PointOutcome::Pass);
    }
    return s;
}

bool same(const ChartSeries &a, const ChartSeries &b, QString *why)
{
    if (a.size() != b.size()) {
        *why = QStringLiteral("%1 points, expected %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool bothGaps = ChartSeries::isGap(a.value.at(i)) && ChartSeries::isGap(b.value.at(i));
        if (a.at.at(i) != b.at.at(i) || a.outcome.at(i) != b.outcome.at(i)
            || (!bothGaps && a.value.at(i) != b.value.at(i))) {
            *why = QStringLiteral("point %1 differs").arg(i);
            return false;
        }
    }
    return true;
}

} // namespace

class tst_MinMaxPyramid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersEveryRangeExactlyAsTheDownsamplerDoes_data()
    {
        QTest::addColumn<double>("fromShare");
        QTest::addColumn<double>("toShare");
        QTest::addColumn<int>("width");
        QTest::newRow("everything at 1200 px") << -0.1 << 1.1 << 1200;
        QTest::newRow("the whole series exactly") << 0.0 << 1.0 << 1200;
        QTest::newRow("a half, shifted") << 0.27 << 0.77 << 1209;
        QTest::newRow("a third") << 0.5 << 0.8333 << 800;
        QTest::newRow("narrow: few points per column") << 0.4 << 0.42 << 1000;
        QTest::newRow("fewer points than columns") << 0.4 << 0.4005 << 1200;
        QTest::newRow("one pixel") << 0.1 << 0.9 << 1;
        QTest::newRow("outside, after the end") << 1.2 << 1.5 << 600;
    }
    void answersEveryRangeExactlyAsTheDownsamplerDoes()
    {
        QFETCH(double, fromShare);
        QFETCH(double, toShare);
        QFETCH(int, width);
        static const ChartSeries input = series(300000);
        static const MinMaxPyramid pyramid(input);
        const qint64 first = input.at.first();
        const qint64 span = input.at.last() - first;
        const qint64 from = first + qint64(fromShare * double(span)) + 7;
        const qint64 to = first + qint64(toShare * double(span)) - 7;
        const ChartSeries want = Downsampler::downsample(input, from, to, width);
        const ChartSeries got = pyramid.downsample(from, to, width);
        QString why;
        if (!same(got, want, &why))
            QFAIL(qPrintable(why));
    }

    void handlesEmptyAndAllGapSeries()
    {
        QCOMPARE(MinMaxPyramid().downsample(0, 1000, 100).size(), 0);
        ChartSeries gaps;
        for (int i = 0; i < 5000; ++i)
            gaps.append(i * 1000, ChartSeries::gap(), PointOutcome::NoData);
        const ChartSeries out = MinMaxPyramid(gaps).downsample(0, 5000 * 1000, 100);
        QString why;
        if (!same(out, Downsampler::downsample(gaps, 0, 5000 * 1000, 100), &why))
            QFAIL(qPrintable(why));
        QCOMPARE(out.size(), 1); // a run of gaps is one gap
    }
};

QTEST_GUILESS_MAIN(tst_MinMaxPyramid)
#include "tst_MinMaxPyramid.moc"
