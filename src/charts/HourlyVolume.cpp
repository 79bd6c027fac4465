#include "charts/HourlyVolume.h"

#include <algorithm>

namespace cockpit::charts {

HourlyVolume HourlyVolume::of(const MetricChart &metric, double dropShare, int window)
{
    HourlyVolume out;
    out.metric = metric.metric;
    out.dropShare = dropShare;
    out.window = window;
    const ChartSeries &s = metric.series;
    if (s.isEmpty())
        return out;
    const auto hourOf = [](qint64 t) { return t - (((t % kHourMs) + kHourMs) % kHourMs); };
    const qint64 first = hourOf(s.at.constFirst());
    const qsizetype count = qsizetype((hourOf(s.at.constLast()) - first) / kHourMs) + 1;
    QList<double> sums(count, 0.0);
    QList<int> samples(count, 0);
    for (qsizetype i = 0; i < s.size(); ++i) {
        const double v = s.value.at(i);
        if (ChartSeries::isGap(v))
            continue;
        const qsizetype h = qsizetype((hourOf(s.at.at(i)) - first) / kHourMs);
        sums[h] += v;
        ++samples[h];
    }
    QList<double> recent; // the last `window` hours with data
    for (qsizetype h = 0; h < count; ++h) {
        Hour hour;
        hour.start = first + h * kHourMs;
        hour.hasData = samples.at(h) > 0;
        if (hour.hasData) {
            hour.value = sums.at(h) / samples.at(h);
            if (recent.size() >= 3) {
                QList<double> sorted = recent;
                std::sort(sorted.begin(), sorted.end());
                const qsizetype m = sorted.size() / 2;
                hour.typical = sorted.size() % 2 ? sorted.at(m) : (sorted.at(m - 1) + sorted.at(m)) / 2;
                hour.drop = hour.typical > 0 && hour.value < (1 - dropShare) * hour.typical;
                out.drops += hour.drop ? 1 : 0;
            }
            recent.append(hour.value);
            if (recent.size() > window)
                recent.removeFirst();
        }
        out.hours.append(hour);
    }
    return out;
}

QString HourlyVolume::volumeMetric(const ValidationData &data)
{
    for (const char *word : {"volume", "count", "last_hour", "per_hour"}) {
        for (const MetricChart &m : data.metrics) {
            if (m.metric.contains(QLatin1String(word), Qt::CaseInsensitive))
                return m.metric;
        }
    }
    for (const MetricChart &m : data.metrics) {
        if (m.unit != QLatin1String("%") && !m.metric.endsWith(QLatin1String("_pct")))
            return m.metric;
    }
    return data.metrics.isEmpty() ? QString() : data.metrics.constFirst().metric;
}

} // namespace cockpit::charts
