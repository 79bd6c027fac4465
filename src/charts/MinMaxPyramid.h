#pragma once

#include "charts/ChartSeries.h"

#include <QList>
#include <optional>
#include <utility>

namespace cockpit::charts {

// A series with its min/max pyramid (a segment tree over the points: every level halves the previous one
// and keeps, per node, the index of its first minimum, first maximum and first failing point). Built once
// per new data on a worker; a zoom or pan then answers each pixel column from a few nodes instead of
// walking every raw point of the range, so a step costs O(width × log n) whatever the history's length.
//
// downsample() returns exactly what Downsampler::downsample returns for the same arguments (same points,
// same order): every column's minimum, maximum, first failing point and every gap survive.
class MinMaxPyramid
{
public:
    MinMaxPyramid() = default;
    explicit MinMaxPyramid(ChartSeries series);

    ChartSeries downsample(qint64 from, qint64 to, int width) const;
    const ChartSeries &series() const { return m_series; }
    qsizetype size() const { return m_series.size(); }
    // The smallest and largest value (gaps aside); nullopt when there is none.
    std::optional<std::pair<double, double>> bounds() const;

private:
    struct Node
    {
        qint32 min = -1;
        qint32 max = -1;
        qint32 fail = -1;
    };
    Node combine(const Node &a, const Node &b) const;
    Node query(qsizetype l, qsizetype r) const; // over the points [l, r)

    ChartSeries m_series;
    QList<Node> m_tree; // 2n nodes, leaves at [n, 2n)
    QList<qsizetype> m_gaps; // indices of the NaN points, ascending
};

} // namespace cockpit::charts
