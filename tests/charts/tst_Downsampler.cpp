#include "charts/Downsampler.h"

#include <QTest>
#include <cmath>

using namespace cockpit::charts;

namespace {

// A month-long series of a million points: noise, spikes, failing stretches and gaps of 1 to 400 points.
ChartSeries millionPoints()
{
    ChartSeries s;
    constexpr qsizetype n = 1'000'000;
    s.at.reserve(n);
    s.value.reserve(n);
    s.outcome.reserve(n);
    quint64 x = 88172645463325252ull;
    qsizetype gapLeft = 0;
    for (qsizetype i = 0; i < n; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const double noise = double(x % 10000) / 1000.0;
        if (gapLeft == 0 && x % 9973 == 0)
            gapLeft = qsizetype(1 + (x >> 20) % 400);
        const qint64 t = qint64(i) * 2600; // not a multiple of the column width
        if (gapLeft > 0) {
            --gapLeft;
            s.append(t, ChartSeries::gap(), PointOutcome::NoData);
            continue;
        }
        double v = 90 + noise;
        if (x % 50021 == 0)
            v = x % 2 ? 300 : -200; // a spike
        s.append(t, v, v < 95 ? PointOutcome::Fail : PointOutcome::Pass);
    }
    return s;
}

struct Extremes
{
    double min = INFINITY;
    double max = -INFINITY;
    bool fail = false;
};

QList<Extremes> columns(const ChartSeries &s, qint64 from, qint64 to, int width)
{
    QList<Extremes> c(width);
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at.at(i) < from || s.at.at(i) > to || ChartSeries::isGap(s.value.at(i)))
            continue;
        Extremes &e = c[Downsampler::column(s.at.at(i), from, to, width)];
        e.min = qMin(e.min, s.value.at(i));
        e.max = qMax(e.max, s.value.at(i));
        e.fail = e.fail || s.outcome.at(i) == PointOutcome::Fail;
    }
    return c;
}

// The time of the first point of every run of gaps inside [from, to].
QList<qint64> gapStarts(const ChartSeries &s, qint64 from, qint64 to)
{
    QList<qint64> out;
    bool inGap = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const bool gap = ChartSeries::isGap(s.value.at(i));
        if (gap && !inGap && s.at.at(i) >= from && s.at.at(i) <= to)
            out.append(s.at.at(i));
        inGap = gap;
    }
    return out;
}

} // namespace

class tst_Downsampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsEveryMinimumMaximumAndGapOfAMillionPointsAt1200Pixels()
    {
        const ChartSeries input = millionPoints();
        const qint64 from = input.at.first();
        const qint64 to = input.at.last();
        constexpr int width = 1200;
        const ChartSeries out = Downsampler::downsample(input, from, to, width);

        const QList<qint64> gaps = gapStarts(input, from, to);
        QVERIFY(gaps.size() > 50); // the series really has gaps
        QVERIFY(out.size() <= 5 * width + gaps.size());
        QVERIFY(std::is_sorted(out.at.cbegin(), out.at.cend()));

        const QList<Extremes> want = columns(input, from, to, width);
        const QList<Extremes> got = columns(out, from, to, width);
        for (int c = 0; c < width; ++c) {
            QCOMPARE(got.at(c).min, want.at(c).min);
            QCOMPARE(got.at(c).max, want.at(c).max);
            QCOMPARE(got.at(c).fail, want.at(c).fail); // a failing point is never dropped from its column
        }
        QCOMPARE(gapStarts(out, from, to), gaps); // every gap, where it started
    }

    void aZoomedRangeKeepsItsNeighboursAndExtremes()
    {
        const ChartSeries input = millionPoints();
        const qint64 from = input.at.at(400'000) + 7;
        const qint64 to = input.at.at(500'000) - 7;
        const ChartSeries out = Downsampler::downsample(input, from, to, 800);
        QCOMPARE(out.at.first(), input.at.at(400'000)); // the point before the range
        QCOMPARE(out.at.last(), input.at.at(500'000)); // the point after it
        const QList<Extremes> want = columns(input, from, to, 800);
        const QList<Extremes> got = columns(out, from, to, 800);
        for (int c = 0; c < 800; ++c) {
            QCOMPARE(got.at(c).min, want.at(c).min);
            QCOMPARE(got.at(c).max, want.at(c).max);
        }
        QCOMPARE(gapStarts(out, from, to), gapStarts(input, from, to));
    }

    void aShortSeriesIsReturnedAsItIs()
    {
        ChartSeries s;
        s.append(0, 1, PointOutcome::Pass);
        s.append(10, ChartSeries::gap(), PointOutcome::NoData);
        s.append(20, 3, PointOutcome::Fail);
        const ChartSeries out = Downsampler::downsample(s, 0, 20, 1200);
        QCOMPARE(out.at, s.at);
        QCOMPARE(out.outcome, s.outcome);
        QVERIFY(ChartSeries::isGap(out.value.at(1)));
    }
};

QTEST_GUILESS_MAIN(tst_Downsampler)
#include "tst_Downsampler.moc"
