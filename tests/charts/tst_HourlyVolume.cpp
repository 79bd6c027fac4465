#include "charts/HourlyVolume.h"

#include <QTest>
#include <functional>

using namespace cockpit::charts;

namespace {

constexpr qint64 kHour = 3600000;
constexpr qint64 kT0 = 1800000000000 - 1800000000000 % kHour; // a whole hour

// Samples every 15 minutes; `perHour(h)` gives the value of hour h, nullopt: no data that hour.
MetricChart volume(int hours, const std::function<std::optional<double>(int)> &perHour)
{
    MetricChart m;
    m.metric = QStringLiteral("imports_last_hour");
    for (int h = 0; h < hours; ++h) {
        const auto v = perHour(h);
        for (int q = 0; q < 4; ++q)
            m.series.append(kT0 + h * kHour + q * 900000, v ? *v + (q % 2 ? 2 : -2) : ChartSeries::gap(),
                            v ? PointOutcome::Neutral : PointOutcome::NoData);
    }
    return m;
}

} // namespace

class tst_HourlyVolume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void steadyCountsHaveNoDrop()
    {
        const HourlyVolume v = HourlyVolume::of(volume(30, [](int h) { return 100.0 + (h % 3) * 5; }));
        QCOMPARE(v.hours.size(), 30);
        QCOMPARE(v.drops, 0);
        QCOMPARE(v.hours.first().start, kT0);
        QCOMPARE(v.hours.at(4).value, 105.0); // the mean of the hour's four samples
    }

    void aSuddenDropIsMarkedAgainstTheMedianOfThePreviousHours()
    {
        const HourlyVolume v = HourlyVolume::of(volume(30, [](int h) { return h == 20 ? 30.0 : 100.0; }));
        QCOMPARE(v.drops, 1);
        QVERIFY(v.hours.at(20).drop);
        QCOMPARE(v.hours.at(20).typical, 100.0);
        QVERIFY(!v.hours.at(21).drop); // back to normal
        // A smaller dip (60 % of normal) is not a sudden drop at the default 50 %.
        QCOMPARE(HourlyVolume::of(volume(30, [](int h) { return h == 20 ? 60.0 : 100.0; })).drops, 0);
    }

    void anHourWithoutDataIsAGapNotADrop()
    {
        const HourlyVolume v = HourlyVolume::of(
            volume(30, [](int h) { return h == 10 ? std::nullopt : std::optional<double>(100.0); }));
        QVERIFY(!v.hours.at(10).hasData);
        QVERIFY(!v.hours.at(10).drop);
        QCOMPARE(v.drops, 0);
    }

    void theFirstHoursAreNotJudged()
    {
        const HourlyVolume v = HourlyVolume::of(volume(5, [](int h) { return h == 2 ? 1.0 : 100.0; }));
        QVERIFY(!v.hours.at(2).drop); // only two hours before it
        QCOMPARE(v.hours.at(2).typical, 0.0);
    }

    void picksTheMetricALeadReadsAsVolume()
    {
        ValidationData d;
        MetricChart rate;
        rate.metric = QStringLiteral("success_rate_pct");
        rate.unit = QStringLiteral("%");
        MetricChart stuck;
        stuck.metric = QStringLiteral("stuck_imports");
        MetricChart volume;
        volume.metric = QStringLiteral("hourly_volume");
        d.metrics = {rate, stuck, volume};
        QCOMPARE(HourlyVolume::volumeMetric(d), QStringLiteral("hourly_volume"));
        d.metrics = {rate, stuck};
        QCOMPARE(HourlyVolume::volumeMetric(d), QStringLiteral("stuck_imports"));
    }
};

QTEST_GUILESS_MAIN(tst_HourlyVolume)
#include "tst_HourlyVolume.moc"
