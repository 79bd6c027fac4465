#pragma once

#include <QList>
#include <QString>
#include <cstdint>
#include <limits>

namespace cockpit::charts {

// How one point is drawn: by the outcome of the gates that read its metric in the stage it was taken in.
enum class PointOutcome : std::uint8_t {
    Neutral, // no gate of that stage reads the metric
    Pass,
    Fail,
    NoData, // the sample failed or was empty: drawn as a gap, never as 0
};

// Points of one line in time order, as parallel arrays (a month of 10-second samples is 260 000 points
// per metric: no per-point allocation). A NaN value is a gap.
struct ChartSeries
{
    QList<qint64> at; // ms since the epoch
    QList<double> value; // NaN: no data
    QList<PointOutcome> outcome;

    qsizetype size() const { return at.size(); }
    bool isEmpty() const { return at.isEmpty(); }
    static bool isGap(double v) { return v != v; }
    static constexpr double gap() { return std::numeric_limits<double>::quiet_NaN(); }
    void append(qint64 t, double v, PointOutcome o)
    {
        at.append(t);
        value.append(v);
        outcome.append(o);
    }
};

} // namespace cockpit::charts
