#pragma once

#include "charts/ValidationData.h"

#include <QList>
#include <QString>

namespace cockpit::charts {

// A count metric per clock hour (UTC), with the hours where it suddenly dropped marked: seed A's "hourly
// import timeline, steady counts, no sudden drops". An hour's volume is the mean of the samples taken in
// it (for a metric that counts the last hour, sampled hourly, that is the sample). An hour without data is
// a gap, never 0 and never a drop.
struct HourlyVolume
{
    struct Hour
    {
        qint64 start = 0; // ms since the epoch, a whole UTC hour
        double value = 0;
        bool hasData = false;
        double typical = 0; // median of the previous hours with data it was compared with (0: not compared)
        bool drop = false; // value < (1 - dropShare) × typical
    };
    static constexpr qint64 kHourMs = 3'600'000;

    QString metric;
    double dropShare = 0.5;
    int window = 24;
    QList<Hour> hours; // consecutive hours from the first sample's hour to the last one's
    int drops = 0;

    // Hours compared need at least three earlier hours with data in the window.
    static HourlyVolume of(const MetricChart &metric, double dropShare = 0.5, int window = 24);
    // The metric a lead reads as volume: named like a volume or count, else the first one not in percent.
    static QString volumeMetric(const ValidationData &data);
};

} // namespace cockpit::charts
